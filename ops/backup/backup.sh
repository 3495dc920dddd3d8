#!/usr/bin/env bash
# Backs up the ledger's event log, snapshots and tokens (everything else is rebuilt from the log),
# and the digest of the log at that moment, into a dated folder.
#   ops/backup/backup.sh mongodb://host1,host2,host3/?replicaSet=rs0 /backups
set -euo pipefail
uri="${1:?MongoDB URI}"
target="${2:?backup folder}/ledger-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
for c in commits snapshots tokens ledger_meta; do
  mongodump --uri="$uri" --db=ledger --collection="$c" --out="$target"
done
# The digest to keep outside the system (an ADMIN or AUDITOR account):
if [ -n "${LEDGER_URL:-}" ]; then
  curl -fsS -u "${LEDGER_USER:?}:${LEDGER_PASSWORD:?}" "$LEDGER_URL/api/v1/audit/digest" > "$target/digest.json"
fi
echo "backup written to $target"
