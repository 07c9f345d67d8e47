#!/usr/bin/env bash
# Runs the whole platform locally: PostgreSQL, Kafka, then the three services as processes.
# Safe to repeat; stop everything it started with deploy/local/down.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/deploy/local/postgres.sh"
"$ROOT/deploy/local/kafka.sh"
"$ROOT/deploy/local/jwt.sh"

service_env

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building (mvn -B -DskipTests install)"
  (cd "$ROOT" && mvn -B -q -DskipTests install)
fi

mkdir -p "$STATE/services"
# The ports the README documents, each overridable by its *_HTTP_PORT variable (the services read the same ones).
declare -A PORTS=([topics]="${TOPICS_HTTP_PORT:-8081}" [sessions]="${SESSIONS_HTTP_PORT:-8082}" [followup]="${FOLLOWUP_HTTP_PORT:-8083}")
for svc in topics sessions followup; do
  port=${PORTS[$svc]}
  pidfile="$STATE/services/$svc.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "$svc-service already running (pid $(cat "$pidfile"))"
    continue
  fi
  if port_open 127.0.0.1 "$port"; then
    log "port $port is taken by another process; stop it first"; exit 1
  fi
  log "starting $svc-service on :$port (log: $STATE/services/$svc.log)"
  nohup java ${SERVICE_JAVA_OPTS:--Xmx384m} -jar "$ROOT/$svc-service/target/quarkus-app/quarkus-run.jar" \
        > "$STATE/services/$svc.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
done

# Readiness over plain bash, so a machine without curl can run the platform.
ready() (
  exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
  printf 'GET /q/health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  read -r _ status _ <&3
  [ "$status" = 200 ]
) 2>/dev/null
for svc in topics sessions followup; do
  if ! wait_for 120 "$svc-service readiness" ready "${PORTS[$svc]}"; then
    tail -n 40 "$STATE/services/$svc.log" >&2; exit 1
  fi
done

cat <<MSG

Shangliang is up.
  topics-service    http://127.0.0.1:${PORTS[topics]}   Swagger UI http://127.0.0.1:${PORTS[topics]}/q/swagger-ui   OpenAPI http://127.0.0.1:${PORTS[topics]}/q/openapi
  sessions-service  http://127.0.0.1:${PORTS[sessions]}   Swagger UI http://127.0.0.1:${PORTS[sessions]}/q/swagger-ui   OpenAPI http://127.0.0.1:${PORTS[sessions]}/q/openapi
  followup-service  http://127.0.0.1:${PORTS[followup]}   Swagger UI http://127.0.0.1:${PORTS[followup]}/q/swagger-ui   OpenAPI http://127.0.0.1:${PORTS[followup]}/q/openapi
  health            /q/health/ready (database), /q/health/well (event backbone), /q/health/live    metrics /q/metrics
  Kafka             $KAFKA_HOST:$KAFKA_PORT          PostgreSQL $PG_HOST:$PG_PORT (role $PG_USER)
  tokens            issuer $JWT_ISSUER; a local one: deploy/local/token.sh cppcc_staff 330421
Stop with: deploy/local/down.sh
MSG
