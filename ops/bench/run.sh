#!/usr/bin/env bash
# Runs the ledger benchmark: builds the jar and test classes, then the Java load generator
# (id.sakip.ledger.bench.LedgerBenchmark) against the embedded default. Prints a table and writes
# target/bench/results.json (a part run alone writes target/bench/results-<part>.json).
#   ops/bench/run.sh [--quick] [--peers | --import-only | --startup-only | --memory-only
#                              | --append-only | --replay-only | --api-only]
# The full run and --peers also start a throwaway PostgreSQL cluster (installed from Debian if missing)
# on loopback, with fsync and synchronous_commit on, in target/bench/pg, and stop it at the end.
# BENCH_JAVA_OPTS adds options to the benchmark JVM, e.g. -Dbench.scale=0.01 (tiny sizes, to prove the
# harness), -Dbench.peers=ledger,postgresJdbc (some peers only), or a JFR recording for a profile.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests package test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench

wants_postgres=true
for arg in "$@"; do
  case "$arg" in
    --import-only|--startup-only|--memory-only|--append-only|--replay-only|--api-only) wants_postgres=false ;;
  esac
done
pg_opts=()
if [ "$wants_postgres" = true ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  pg_dir="$(pwd)/target/bench/pg"
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_postgres=()
  if [ "$(id -u)" = 0 ]; then
    as_postgres=(runuser -u postgres --)
  fi
  rm -rf "$pg_dir"
  mkdir -p "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$pg_dir"
  "${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >target/bench/pg-initdb.log
  "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c fsync=on -c synchronous_commit=on -c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir" start >/dev/null
  trap '"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null || true' EXIT
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (fsync=on, synchronous_commit=on)"
  pg_opts=("-Dbench.pg.url=jdbc:postgresql://127.0.0.1:$pg_port/postgres?user=postgres")
fi

# shellcheck disable=SC2086
java -Xmx1500m -Daxoniq.update-checker.disabled=true ${BENCH_JAVA_OPTS:-} "${pg_opts[@]}" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  id.sakip.ledger.bench.LedgerBenchmark "$@" 2>&1 | grep -v "^\s*at \|WARN\|INFO" | tee target/bench/output.txt
