#!/usr/bin/env bash
# Two replicas of every service under load, with a replica killed and restarted twice in the middle
# (issue 12, part 5): the packaged services as processes (TwoReplicasE2ETest, also run by `mvn verify`
# with a 60 s load), against PostgreSQL and one Kafka broker with 6 partitions a topic.
#   bench/replicas.sh              120 s of load, 4 client threads
#   bench/replicas.sh 300 6        300 s, 6 threads
# Prints the "REPLICAS ..." line: loops and requests, lost / duplicated / misordered effects, relays
# leading at once, due-soon notices per case, housekeeping runs per period. Figures: docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
SECONDS_OF_LOAD="${1:-120}"
THREADS="${2:-4}"
cd "$ROOT"
deploy/local/test.sh -pl e2e-tests -am -Dtest=TwoReplicasE2ETest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dreplicas.load.seconds="$SECONDS_OF_LOAD" -Dreplicas.threads="$THREADS" | tee "$STATE/replicas.log" | grep -E '^REPLICAS|Tests run:|BUILD'
