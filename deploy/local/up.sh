#!/usr/bin/env bash
# Runs the whole platform locally: PostgreSQL, Kafka, then the three services as processes.
# Safe to repeat; stop everything it started with deploy/local/down.sh. Loads the Jiashan demo county
# through the API (deploy/local/demo.sh) unless DEMO=0.
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
# The JDK and flags are measured choices (service_java_home, service_java_flags in lib.sh).
JAVA_HOME_RUN=$(service_java_home)
read -r -a JAVA_OPTS_RUN <<< "${SERVICE_JAVA_OPTS:--Xmx256m}"
jar_of() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }
running() { [ -f "$STATE/services/$1.pid" ] && kill -0 "$(cat "$STATE/services/$1.pid")" 2>/dev/null; }

# On JDK 25, the first start of a new build records each service's AOT cache (in parallel).
for svc in topics sessions followup; do
  if ! running "$svc" && ! port_open 127.0.0.1 "${PORTS[$svc]}"; then
    aot_train "$JAVA_HOME_RUN" "$svc-service" "$(jar_of "$svc")" "${PORTS[$svc]}" "${JAVA_OPTS_RUN[@]}" &
  fi
done
wait

for svc in topics sessions followup; do
  port=${PORTS[$svc]}
  pidfile="$STATE/services/$svc.pid"
  if running "$svc"; then
    log "$svc-service already running (pid $(cat "$pidfile"))"
    continue
  fi
  if port_open 127.0.0.1 "$port"; then
    log "port $port is taken by another process; stop it first"; exit 1
  fi
  log "starting $svc-service on :$port with $(basename "$JAVA_HOME_RUN") (log: $STATE/services/$svc.log)"
  # shellcheck disable=SC2046
  nohup "$JAVA_HOME_RUN/bin/java" "${JAVA_OPTS_RUN[@]}" $(service_java_flags "$JAVA_HOME_RUN" "$svc-service" "$(jar_of "$svc")") \
        -jar "$(jar_of "$svc")" > "$STATE/services/$svc.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
done

for svc in topics sessions followup; do
  if ! wait_for 120 "$svc-service readiness" ready_on "${PORTS[$svc]}"; then
    tail -n 40 "$STATE/services/$svc.log" >&2; exit 1
  fi
done

# The demo county through the API (safe to repeat); DEMO=0 leaves the databases as they are.
if [ "${DEMO:-1}" != 0 ]; then
  "$ROOT/deploy/local/demo.sh"
fi

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
