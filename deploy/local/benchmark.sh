#!/usr/bin/env bash
# The benchmarks (not part of the test command): PostgreSQL, Kafka, build the services, then the
# e2e module's *Benchmark classes against the packaged services. Figures go to docs/benchmarks.md.
#   deploy/local/benchmark.sh                         # all benchmarks
#   deploy/local/benchmark.sh -Dtest=LatencyBenchmark # one
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start_infra

cd "$ROOT"
mvn -B -q -DskipTests install
mvn -B verify -Pbenchmark -pl e2e-tests "$@"
