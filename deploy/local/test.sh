#!/usr/bin/env bash
# The test command: starts what the tests need (PostgreSQL, Kafka), runs every test with Maven
# (unit, API, event, end-to-end and fault-suite tests), then lints the OpenAPI documents.
# Extra arguments go to Maven, e.g. deploy/local/test.sh -pl topics-service
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start_infra

cd "$ROOT"
mvn -B verify "$@"
# The whole build made all three OpenAPI documents: lint them (Spectral and Redocly, pinned in contracts/lint).
if [ $# -eq 0 ]; then
  contracts/lint/lint.sh
fi
