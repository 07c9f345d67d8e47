#!/usr/bin/env bash
# The test command: starts what the tests need (PostgreSQL, Kafka), then runs every test with Maven.
# Extra arguments go to Maven, e.g. deploy/local/test.sh -pl topics-service
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/deploy/local/postgres.sh"
kafka_was_running=0
port_open "$KAFKA_HOST" "$KAFKA_PORT" && kafka_was_running=1
"$ROOT/deploy/local/kafka.sh"
if [ "$kafka_was_running" = 0 ]; then
  # Stop the broker we started, whatever the outcome.
  trap 'KEEP_KAFKA=0 "$ROOT/deploy/local/kafka-stop.sh"' EXIT
fi

cd "$ROOT"
mvn -B verify "$@"
