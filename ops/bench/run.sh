#!/usr/bin/env bash
# Runs the ledger benchmark: builds the jar and test classes, then the Java load generator
# (id.sakip.ledger.bench.LedgerBenchmark) against the embedded default. Prints a table and writes
# target/bench/results.json.   ops/bench/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests package test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
java -Xmx1500m -Daxoniq.update-checker.disabled=true \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  id.sakip.ledger.bench.LedgerBenchmark "$@" 2>&1 | grep -v "^\s*at \|WARN\|INFO" | tee target/bench/output.txt
