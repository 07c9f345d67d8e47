# Shared settings of the local platform scripts. Sourced, not run.
# Every value can be overridden from the environment.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${SHANGLIANG_STATE:-$ROOT/.deploy}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-shangliang}"
PG_PASSWORD="${PG_PASSWORD:-shangliang}"
KAFKA_VERSION="${KAFKA_VERSION:-4.4.0}"
KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
mkdir -p "$STATE"

log() { printf '[shangliang %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for SECONDS DESCRIPTION COMMAND...: retry COMMAND until it succeeds or time runs out.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ((SECONDS >= deadline)); then log "timed out after ${seconds}s waiting for $what"; return 1; fi
    sleep 0.5
  done
}

# service_env: the environment the services need locally — the development token issuer and key
# (unless an OIDC provider is configured, see docs/security.md) and one local broker on which the
# services create their own topics with one replica (production: see docs/operations.md).
service_env() {
  export JWT_ISSUER="${JWT_ISSUER:-urn:shangliang:local-dev}"
  export JWT_AUDIENCE="${JWT_AUDIENCE:-shangliang}"
  export JWT_PUBLIC_KEY_LOCATION="${JWT_PUBLIC_KEY_LOCATION:-$STATE/jwt/public.pem}"
  if [ "$JWT_ISSUER" = "urn:shangliang:local-dev" ]; then export SHANGLIANG_SECURITY_ALLOW_DEV_ISSUER=true; fi
  export EVENTS_CREATE_TOPICS="${EVENTS_CREATE_TOPICS:-true}"
  export EVENTS_REPLICATION_FACTOR="${EVENTS_REPLICATION_FACTOR:-1}"
  export EVENTS_MIN_INSYNC_REPLICAS="${EVENTS_MIN_INSYNC_REPLICAS:-1}"
}

# start_infra: PostgreSQL, and Kafka unless one is already listening; a broker started here is
# stopped again when the calling script exits, whatever the outcome.
start_infra() {
  "$ROOT/deploy/local/postgres.sh"
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    log "Kafka already listening on $KAFKA_HOST:$KAFKA_PORT"
  else
    "$ROOT/deploy/local/kafka.sh"
    trap 'KEEP_KAFKA=0 "$ROOT/deploy/local/kafka-stop.sh"' EXIT
  fi
}
