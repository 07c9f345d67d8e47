#!/usr/bin/env bash
# Start-up, memory and throughput of the three services on each JVM set-up this machine has, side
# by side, in one run: JDK 17 and JDK 25 (where /usr/lib/jvm has one), G1 or the serial collector,
# compact object headers, and an AppCDS archive (JDK 17) or an AOT cache (JDK 25) trained on the
# same build. The platform runs on the best one (service_java_home and service_java_flags in
# deploy/local/lib.sh); figures in docs/benchmarks.md.
#   bench/jvm-matrix.sh            every variant (about 10 minutes)
#   bench/jvm-matrix.sh --smoke    two variants, a few seconds of load each
#   bench/jvm-matrix.sh --against "FLAGS" [--against "FLAGS"...]
#                                  JDK 25 with the platform's flags, then with each FLAGS added,
#                                  after the suite's 120 s warm-up (e.g. "-XX:TieredStopAtLevel=1")
# Environment: SERVICE_JAVA_OPTS (default -Xmx256m), SKIP_BUILD=1.
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"

SMOKE=0 AGAINST=()
[ "${1:-}" = --smoke ] && SMOKE=1
while [ "${1:-}" = --against ]; do AGAINST+=("$2"); shift 2; done
if [ "$SMOKE" = 1 ]; then WARM=2 D=2; elif [ ${#AGAINST[@]} -gt 0 ]; then WARM=120 D=20; else WARM=30 D=15; fi
OUT="$STATE/bench/jvm-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT" "$STATE/aot"
XMX=(${SERVICE_JAVA_OPTS:--Xmx256m})

source "$ROOT/bench/env.sh" jvm
if [ "${SKIP_BUILD:-}" != 1 ]; then
  (cd "$ROOT" && mvn -B -q -Pbench -DskipTests package \
      -pl platform-commons,topics-service,sessions-service,followup-service,bench/load-client -am)
fi
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAtX "$@"; }
for db in topics_bench sessions_bench followup_bench; do
  [ "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" = 1 ] || \
    psql_admin -c "create database \"$db\" owner \"$PG_USER\" encoding 'UTF8' template template0"
done
LOAD=(java -cp "$ROOT/bench/load-client/target/classes:$(cat "$ROOT/bench/load-client/target/classpath.txt")" org.shangliang.bench.Load)

J17=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
J25=$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -n 1 || true)

jar() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }
start() { # start SVC JAVA_HOME FLAGS...
  local svc=$1 home=$2; shift 2
  "$home/bin/java" "${XMX[@]}" "$@" -jar "$(jar "$svc")" > "$OUT/$svc.log" 2>&1 < /dev/null &
  PID[$svc]=$!
}
infra_trap=$(trap -p EXIT | sed "s/^trap -- '\(.*\)' EXIT$/\1/")
trap "stop_all; $infra_trap" EXIT

# train VARIANT HOME FLAGS...: the three services started until ready and stopped, with the flag
# that records an AppCDS archive or AOT cache (the flags name the file, written at exit).
train() {
  local variant=$1 home=$2; shift 2
  log "$variant: training run"
  local t0; t0=$(date +%s%N)
  for svc in topics sessions followup; do start "$svc" "$home" "${@//SVC/$svc}"; done
  for svc in topics sessions followup; do ready_ms "$svc" "$t0" >/dev/null; done
  "${LOAD[@]}" --url "http://127.0.0.1:${PORT[topics]}" --op read --ids 100 --token "$STAFF" --mode closed --connections 2 --warmup 0 --duration 2 >/dev/null
  stop_all
}

STAFF=$("$ROOT/deploy/local/token.sh" cppcc_staff 330421 --sub bench-staff)
RESIDENT=$("$ROOT/deploy/local/token.sh" resident 330421003201 --sub bench-resident)
"$ROOT/bench/load-topics.sh" topics_bench 10000 >/dev/null 2>&1 || true
T="http://127.0.0.1:${PORT[topics]}"

# measure VARIANT HOME FLAGS...: the three start together; then topics-service is loaded (creates
# and reads after a warm-up) and every service's resident memory is read.
measure() {
  local variant=$1 home=$2; shift 2
  log "$variant: start, load, memory"
  local t0 r c; t0=$(date +%s%N)
  for svc in topics sessions followup; do start "$svc" "$home" "${@//SVC/$svc}"; done
  local ready=""
  for svc in topics sessions followup; do ready+="$(ready_ms "$svc" "$t0") "; done
  "${LOAD[@]}" --url "$T" --op create --token "$RESIDENT" --mode closed --connections 4 --warmup 0 --duration "$WARM" >/dev/null & local w=$!
  "${LOAD[@]}" --url "$T" --op read --ids 10000 --token "$STAFF" --mode closed --connections 4 --warmup 0 --duration "$WARM" >/dev/null
  wait "$w"
  c=$("${LOAD[@]}" --url "$T" --op create --token "$RESIDENT" --mode closed --connections 8 --warmup 2 --duration "$D" | grep '^RESULT')
  r=$("${LOAD[@]}" --url "$T" --op read --ids 10000 --token "$STAFF" --mode closed --connections 32 --warmup 2 --duration "$D" | grep '^RESULT')
  printf '| %s | %s ms | %s / %s / %s MiB | %s | %s |\n' "$variant" "$(echo $ready | tr ' ' '/')" \
    "$(rss_mib topics)" "$(rss_mib sessions)" "$(rss_mib followup)" "$(echo "$c" | field rps)" "$(echo "$r" | field rps)" | tee -a "$OUT/results.md"
  stop_all
}

{
  echo "JVM matrix, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), ${XMX[*]}, $(nproc) cores"
  echo
  echo "| variant | start → ready, three together (topics/sessions/followup) | RSS after load | creates/s (8 conn.) | reads/s (32 conn.) |"
  echo "|---|---|---|---|---|"
} | tee "$OUT/results.md"

if [ ${#AGAINST[@]} -gt 0 ]; then
  [ -n "$J25" ] || { log "--against needs a JDK 25 under /usr/lib/jvm"; exit 1; }
  read -r -a PLATFORM <<< "$(service_java_flags "$J25")"
  i=0
  for extra in "" "${AGAINST[@]}"; do
    read -r -a EXTRA <<< "$extra"
    i=$((i + 1))
    train "JDK 25 AOT, variant $i" "$J25" "${PLATFORM[@]}" "${EXTRA[@]}" "-XX:AOTCacheOutput=$OUT/SVC-25v$i.aot"
    measure "JDK 25, the platform's flags ${extra:-alone}, AOT cache" "$J25" "${PLATFORM[@]}" "${EXTRA[@]}" "-XX:AOTCache=$OUT/SVC-25v$i.aot"
  done
  log "results in $OUT/results.md"
  exit 0
fi
measure "JDK 17, G1" "$J17"
measure "JDK 17, serial GC" "$J17" -XX:+UseSerialGC
read -r -a FALLBACK <<< "$(service_java_flags "$J17")"
measure "JDK 17, the platform's fallback flags (${FALLBACK[*]})" "$J17" "${FALLBACK[@]}"
if [ "$SMOKE" = 0 ]; then
  train "JDK 17 AppCDS" "$J17" -XX:+UseSerialGC "-XX:ArchiveClassesAtExit=$OUT/SVC-17.jsa"
  measure "JDK 17, serial GC, AppCDS" "$J17" -XX:+UseSerialGC "-XX:SharedArchiveFile=$OUT/SVC-17.jsa"
fi
if [ -n "$J25" ] && [ "$SMOKE" = 0 ]; then
  measure "JDK 25, G1" "$J25"
  measure "JDK 25, serial GC, compact headers" "$J25" -XX:+UseSerialGC -XX:+UseCompactObjectHeaders
  train "JDK 25 AOT" "$J25" -XX:+UseSerialGC -XX:+UseCompactObjectHeaders "-XX:AOTCacheOutput=$OUT/SVC-25s.aot"
  measure "JDK 25, serial GC, compact headers, AOT cache" "$J25" -XX:+UseSerialGC -XX:+UseCompactObjectHeaders "-XX:AOTCache=$OUT/SVC-25s.aot"
  read -r -a PLATFORM <<< "$(service_java_flags "$J25")"
  train "JDK 25 AOT (the platform's flags)" "$J25" "${PLATFORM[@]}" "-XX:AOTCacheOutput=$OUT/SVC-25p.aot"
  measure "JDK 25, the platform's flags (${PLATFORM[*]}), AOT cache" "$J25" "${PLATFORM[@]}" "-XX:AOTCache=$OUT/SVC-25p.aot"
elif [ -z "$J25" ]; then
  log "no JDK 25 under /usr/lib/jvm: JDK 17 only"
fi
log "results in $OUT/results.md"
