#!/usr/bin/env bash
# Restores a backup made by backup.sh into an empty database, verifies it against its digest
# offline, then (with the ledger started on it) rebuilds every read model from the log.
#   ops/backup/restore.sh /backups/ledger-20261128T000000Z mongodb://host/?replicaSet=rs0 ledger.jar
set -euo pipefail
source="${1:?backup folder}"
uri="${2:?MongoDB URI}"
jar="${3:-target/ledger.jar}"
mongorestore --uri="$uri" --nsInclude='ledger.*' --drop "$source"
if [ -f "$source/digest.json" ]; then
  java -jar "$jar" verify --uri="$uri" --digest="$source/digest.json"
else
  java -jar "$jar" verify --uri="$uri"
fi
java -jar "$jar" rebuild --ledger.mongo.uri="$uri"
echo "restored, verified and rebuilt"
