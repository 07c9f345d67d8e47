#!/usr/bin/env bash
# Runs one service in the foreground (Ctrl-C stops it), with PostgreSQL, Kafka and the local token
# key it needs:  deploy/local/run-one.sh topics|sessions|followup
# Its port follows TOPICS_HTTP_PORT / SESSIONS_HTTP_PORT / FOLLOWUP_HTTP_PORT (8081 / 8082 / 8083).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

svc="${1:-}"
case "$svc" in
  topics|sessions|followup) ;;
  *) echo "usage: $0 topics|sessions|followup" >&2; exit 2 ;;
esac

"$ROOT/deploy/local/postgres.sh"
"$ROOT/deploy/local/kafka.sh"
"$ROOT/deploy/local/jwt.sh"
service_env

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building $svc-service (mvn -B -q -pl $svc-service -am -DskipTests install)"
  (cd "$ROOT" && mvn -B -q -pl "$svc-service" -am -DskipTests install)
fi
log "starting $svc-service; a token: deploy/local/token.sh cppcc_staff 330421"
JAVA_HOME_RUN=$(service_java_home)
read -r -a JAVA_OPTS_RUN <<< "${SERVICE_JAVA_OPTS:--Xmx256m}"
JAR="$ROOT/$svc-service/target/quarkus-app/quarkus-run.jar"
# shellcheck disable=SC2046
exec "$JAVA_HOME_RUN/bin/java" "${JAVA_OPTS_RUN[@]}" $(service_java_flags "$JAVA_HOME_RUN" "$svc-service" "$JAR") -jar "$JAR"
