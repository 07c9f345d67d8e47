#!/usr/bin/env bash
# The benchmarks (not part of the test command): PostgreSQL, Kafka, build the services, then the
# e2e module's *Benchmark classes against the packaged services. Figures go to docs/benchmarks.md.
#   deploy/local/benchmark.sh                         # all benchmarks
#   deploy/local/benchmark.sh -Dtest=LatencyBenchmark # one
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/deploy/local/postgres.sh"
kafka_was_running=0
port_open "$KAFKA_HOST" "$KAFKA_PORT" && kafka_was_running=1
"$ROOT/deploy/local/kafka.sh"
if [ "$kafka_was_running" = 0 ]; then
  trap 'KEEP_KAFKA=0 "$ROOT/deploy/local/kafka-stop.sh"' EXIT
fi

cd "$ROOT"
mvn -B -q -DskipTests install
mvn -B verify -Pbenchmark -pl e2e-tests "$@"
