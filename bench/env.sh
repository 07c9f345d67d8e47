# What bench/run.sh and bench/jvm-matrix.sh share: PostgreSQL and Kafka running, the local token
# key, and the services' environment for a benchmark (their own *_bench databases and ports, a fresh
# Kafka namespace, no per-caller write limit). Sourced after deploy/local/lib.sh; $1: namespace prefix.
start_infra
"$ROOT/deploy/local/jwt.sh"
service_env
# The suite writes as a few callers, far past the per-caller write limit.
export RATE_LIMIT_BURST=1000000000 RATE_LIMIT_WRITES_PER_MINUTE=1000000000
export EVENTS_NAMESPACE="$1-$(date +%s)"
export TOPICS_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/topics_bench"
export SESSIONS_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/sessions_bench"
export FOLLOWUP_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/followup_bench"
declare -A PORT=([topics]=18281 [sessions]=18282 [followup]=18283 [empty]=18289)
export TOPICS_HTTP_PORT=${PORT[topics]} SESSIONS_HTTP_PORT=${PORT[sessions]} FOLLOWUP_HTTP_PORT=${PORT[followup]} EMPTY_HTTP_PORT=${PORT[empty]}

# Process helpers of the benchmark scripts: PID[name] holds what they started, $OUT their logs.
declare -A PID
stop() { local p=${PID[$1]:-}; if [ -n "$p" ]; then kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; fi; PID[$1]=""; }
stop_all() { local n; for n in "${!PID[@]}"; do stop "$n"; done; }
ready_ms() { # ready_ms NAME START_NS: waits for readiness, prints ms since START_NS
  local deadline=$((SECONDS + 120))
  until curl -sf -o /dev/null "http://127.0.0.1:${PORT[$1]}/q/health/ready"; do
    if ((SECONDS > deadline)); then tail -n 30 "$OUT/$1.log" >&2; log "$1 never became ready"; exit 1; fi
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - $2) / 1000000 ))
}
rss_mib() { echo $(( $(ps -o rss= -p "${PID[$1]}") / 1024 )); }
# The anonymous part of the RSS (heap, code cache, metaspace, thread stacks): what the process costs
# beyond file pages such as the mapped AOT cache, which the kernel can drop and reread.
anon_mib() { echo $(( $(awk '/^RssAnon:/ {print $2}' "/proc/${PID[$1]}/status") / 1024 )); }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }   # field NAME < a RESULT line
