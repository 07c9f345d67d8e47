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

# debian_tool PACKAGE PATH: prints the path of PATH (e.g. usr/bin/kubectl) inside Debian's PACKAGE,
# unpacked under $STATE/tools/PACKAGE on first use (apt-get download + dpkg -x: never installed, so the
# machine's own copy, if any, is left alone).
debian_tool() {
  local package=$1 path=$2 dir="$STATE/tools/$1"
  if [ ! -x "$dir/$path" ]; then
    local tmp; tmp="$(mktemp -d)"; chmod 755 "$tmp"
    log "fetching Debian's $package package (for $(basename "$path"))"
    (cd "$tmp" && { apt-get download "$package" >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null && apt-get download "$package" >/dev/null 2>&1; }; })
    mkdir -p "$dir"
    dpkg -x "$tmp"/"$package"_*.deb "$dir"
    rm -rf "$tmp"
  fi
  echo "$dir/$path"
}

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
  # Local development only: webhooks may call plain http on this machine (production: https to public addresses).
  export WEBHOOKS_ALLOW_HTTP="${WEBHOOKS_ALLOW_HTTP:-true}"
  export WEBHOOKS_ALLOWED_HOSTS="${WEBHOOKS_ALLOWED_HOSTS:-127.0.0.1,localhost}"
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

# ready_on PORT: the service on 127.0.0.1:PORT answers its readiness check with 200 (plain bash:
# a machine without curl can run the platform).
ready_on() (
  exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
  printf 'GET /q/health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  read -r _ status _ <&3
  [ "$status" = 200 ]
) 2>/dev/null

# java_major JAVA_HOME: the JDK's feature release (17, 25).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

# service_java_home: the JDK the local scripts run the services on. SERVICE_JAVA_HOME wins; then
# Temurin 25 where /usr/lib/jvm has it (it starts the services faster in less memory, see
# docs/benchmarks.md, "JVM matrix"); else the machine's own java (17), which the build also uses.
service_java_home() {
  if [ -n "${SERVICE_JAVA_HOME:-}" ]; then echo "$SERVICE_JAVA_HOME"; return; fi
  local j
  for j in /usr/lib/jvm/temurin-25-jdk-*; do
    if [ -x "$j/bin/java" ]; then echo "$j"; return; fi
  done
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

# aot_cache JAVA_HOME NAME JAR: the file of NAME's AOT cache for this build on this JDK (a new
# build has a new name; the JVM would refuse a stale cache anyway).
aot_cache() {
  local stamp
  stamp=$(find "$(dirname "$3")" -name '*.jar' -printf '%P %s %T@\n' | sort | md5sum | cut -c1-12)
  echo "$STATE/aot/$2-jdk$(java_major "$1")-$stamp.aot"
}

# service_java_flags JAVA_HOME [NAME JAR]: JVM flags on top of SERVICE_JAVA_OPTS (-Xmx256m). The
# serial collector with a 64 MiB initial heap and a 48 MiB young generation: G1's own structures
# took 40 MiB and the default sizing committed the whole heap (NMT, docs/benchmarks.md). On JDK 22+
# the native heap is trimmed every 5 s (what the JIT compilers and Kafka clients freed goes back to
# the system: 27–37 MiB less per service after load at the same throughput, bench/jvm-matrix.sh --against). On JDK 25+ also
# compact object headers and NAME's AOT cache when aot_train has made one for this build.
service_java_flags() {
  local home=$1 name=${2:-} jar=${3:-} flags=(-XX:+UseSerialGC -Xms64m -Xmn48m) cache
  if [ "$(java_major "$home")" -ge 22 ]; then flags+=(-XX:TrimNativeHeapInterval=5000); fi
  if [ "$(java_major "$home")" -ge 25 ]; then
    flags+=(-XX:+UseCompactObjectHeaders)
    if [ -n "$name" ]; then
      cache=$(aot_cache "$home" "$name" "$jar")
      if [ -f "$cache" ]; then flags+=("-XX:AOTCache=$cache"); fi
    fi
  fi
  echo "${flags[*]}"
}

# aot_train JAVA_HOME NAME JAR PORT [JVM options...]: on JDK 25+, when NAME has no AOT cache for
# this build yet, one training run: start it, wait until it is ready, stop it; the JVM writes the
# cache as it exits. The service's environment (database, port) must already be exported.
aot_train() {
  local home=$1 name=$2 jar=$3 port=$4 cache pid
  shift 4
  [ "$(java_major "$home")" -ge 25 ] || return 0
  cache=$(aot_cache "$home" "$name" "$jar")
  [ -f "$cache" ] && return 0
  mkdir -p "$STATE/aot"
  rm -f "$STATE/aot/$name-jdk"*.aot
  log "training the AOT cache of $name (once per build)"
  # shellcheck disable=SC2046
  "$home/bin/java" "$@" $(service_java_flags "$home") "-XX:AOTCacheOutput=$cache" -jar "$jar" \
      > "$STATE/aot/$name-training.log" 2>&1 < /dev/null &
  pid=$!
  if ! wait_for 120 "$name (AOT training run)" ready_on "$port"; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; return 0; fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -f "$cache" ] || log "no AOT cache was written for $name ($STATE/aot/$name-training.log): it starts without one"
}
