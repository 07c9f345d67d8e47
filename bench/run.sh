#!/usr/bin/env bash
# The benchmark suite: in one run, the floors (PostgreSQL doing the same insert and select with
# pgbench, an empty Quarkus REST app, Kafka's own end-to-end latency) and then the packaged
# platform's figures, each printed beside its floor as a ratio. Not part of the test command.
#
#   bench/run.sh                   full run (about 12 minutes at 10k topics)
#   bench/run.sh --topics 1000000  lists and reads at a million loaded topics
#   bench/run.sh --smoke           every step for a second or two: checks the suite works (CI runs this)
#
# Environment: BENCH_JAVA_HOME (the JDK the services and the empty app run on, default: the
# platform's choice in deploy/local/lib.sh), SERVICE_JAVA_OPTS (default -Xmx256m), SKIP_BUILD=1,
# BENCH_PROFILE=1 (a JFR recording of topics-service under load, summarised into the results).
# Results: the table on stdout and in .deploy/bench/<time>/results.md; figures in docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"

SMOKE=0 TOPICS=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=1; shift ;;
    --topics) TOPICS=$2; shift 2 ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
  esac
done
if [ "$SMOKE" = 1 ]; then D=2 W=1 WARM=2 LOOPS=5 E2E=300; [ "$TOPICS" = 10000 ] && TOPICS=2000; else D=20 W=5 WARM=120 LOOPS=200 E2E=5000; fi
OUT="$STATE/bench/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
JAVA_HOME_BENCH="${BENCH_JAVA_HOME:-$(service_java_home)}"
JAVA="$JAVA_HOME_BENCH/bin/java"
read -r -a JOPTS <<< "${SERVICE_JAVA_OPTS:--Xmx256m}"
PGOPTS=(-h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")
export PGPASSWORD="$PG_PASSWORD"
declare -A R   # results by name

source "$ROOT/bench/env.sh" bench

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building the services and the bench modules"
  (cd "$ROOT" && mvn -B -q -Pbench -DskipTests package \
      -pl platform-commons,topics-service,sessions-service,followup-service,bench/load-client,bench/empty-app -am)
fi
LOAD=(java -cp "$ROOT/bench/load-client/target/classes:$(cat "$ROOT/bench/load-client/target/classpath.txt")")

# Fresh databases for every run, so figures never depend on what an earlier run left.
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAtX "$@"; }
for db in topics_bench sessions_bench followup_bench bench_floor; do
  psql_admin -c "drop database if exists \"$db\" with (force)"
  psql_admin -c "create database \"$db\" owner \"$PG_USER\" encoding 'UTF8' template template0"
done

jar_of() { [ "$1" = empty ] && echo "$ROOT/bench/empty-app/target/quarkus-app/quarkus-run.jar" || echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }
start() { # start NAME [extra JVM options...]: launches it in the background, with the platform's JVM flags
  local name=$1; shift
  # shellcheck disable=SC2046
  # A GC log per start: a stall in the percentiles can then be told from a collection.
  "$JAVA" "${JOPTS[@]}" $(service_java_flags "$JAVA_HOME_BENCH" "$name" "$(jar_of "$name")") -Xlog:gc:file="$OUT/$name-gc.log" "$@" -jar "$(jar_of "$name")" \
      > "$OUT/$name.log" 2>&1 < /dev/null &
  PID[$name]=$!
}
# Stops what this script started; start_infra's own trap (a broker it started) runs after.
infra_trap=$(trap -p EXIT | sed "s/^trap -- '\(.*\)' EXIT$/\1/")
trap "stop_all; $infra_trap" EXIT
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
load() { "${LOAD[@]}" org.shangliang.bench.Load --warmup "$W" --duration "$D" "$@" | tee -a "$OUT/load.txt" | grep '^RESULT'; }

# On JDK 25 the platform runs with an AOT cache per build (deploy/local/lib.sh); the empty app gets
# one too, so the start-up ratio compares like with like. Training also migrates the databases.
for name in empty topics sessions followup; do
  aot_train "$JAVA_HOME_BENCH" "$name" "$(jar_of "$name")" "${PORT[$name]}" "${JOPTS[@]}" &
done

wait

# ---- floor: the empty Quarkus app -------------------------------------------------------------
log "floor: empty Quarkus app, start to ready"
times=""
for i in 1 2 3; do
  t0=$(date +%s%N); start empty; times+=" $(ready_ms empty "$t0")"; if [ $i -lt 3 ]; then stop empty; fi
done
R[empty.start]=$(echo $times | median)
r=$(load --url "http://127.0.0.1:${PORT[empty]}" --op get --paths /hello/1 --mode closed --connections 32)
R[empty.rps]=$(echo "$r" | field rps); R[empty.rss]=$(rss_mib empty); R[empty.anon]=$(anon_mib empty)
stop empty

# ---- the platform: start to ready, each service alone, then the three together ----------------
log "platform: start to ready"
for svc in topics sessions followup; do
  t0=$(date +%s%N); start "$svc"; R[$svc.start.alone]=$(ready_ms "$svc" "$t0"); stop "$svc"
done
t0=$(date +%s%N)
PROFILE_OPTS=()
[ "${BENCH_PROFILE:-}" = 1 ] && PROFILE_OPTS=(-XX:StartFlightRecording=filename="$OUT/topics.jfr",settings=profile,delay=20s,dumponexit=true)
start topics "${PROFILE_OPTS[@]}"; start sessions; start followup
for svc in topics sessions followup; do R[$svc.start.together]=$(ready_ms "$svc" "$t0"); done

# ---- data: the same schema and loaded topics for the platform and the pgbench floor -------------
runuser -u postgres -- pg_dump -s topics_bench | psql_admin -d bench_floor >/dev/null
"$ROOT/bench/load-topics.sh" topics_bench "$TOPICS"
"$ROOT/bench/load-topics.sh" bench_floor "$TOPICS"

# ---- floors: pgbench and Kafka --------------------------------------------------------------------
pgb() { pgbench "${PGOPTS[@]}" -n -M prepared -j 2 "$@" bench_floor 2>&1; }
log "floor: pgbench insert (topic + outbox row) and select by primary key"
R[pg.insert8]=$(pgb -c 8 -T "$D" -f "$ROOT/bench/sql/pgbench-insert.sql" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
R[pg.insert32]=$(pgb -c 32 -T "$D" -f "$ROOT/bench/sql/pgbench-insert.sql" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
R[pg.select32]=$(pgb -c 32 -T "$D" -D loaded="$TOPICS" -f "$ROOT/bench/sql/pgbench-select.sql" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
half=$(awk -v a="${R[pg.insert8]}" 'BEGIN {printf "%d", a / 2}')
rm -f "$OUT"/pgbench_log.*
(cd "$OUT" && pgb -c 8 -T "$D" -R "$half" -l -f "$ROOT/bench/sql/pgbench-insert.sql" >/dev/null)
# Each log line: client, transaction, time (µs), script, epoch s, epoch µs, schedule lag (µs): the
# latency from the due time is time + lag.
R[pg.open.p99]=$(cat "$OUT"/pgbench_log.* | awk '{print ($3 + $7) / 1000}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int(NR*0.99)]}')
R[pg.open.rate]=$half
rm -f "$OUT"/pgbench_log.*

log "floor: Kafka end-to-end latency (EndToEndLatency, acks=all, 512 B)"
TOOLS="$STATE/bench/kafka-tools-$KAFKA_VERSION"
if [ ! -f "$TOOLS/.complete" ]; then
  mvn -B -q dependency:copy -Dartifact="org.apache.kafka:kafka-tools:$KAFKA_VERSION" -DoutputDirectory="$TOOLS" && touch "$TOOLS/.complete"
fi
e2e=$(java -cp "$TOOLS/*:$STATE/kafka/libs-$KAFKA_VERSION/*" -Dlog4j2.configurationFile="$ROOT/bench/log4j2-tools.xml" \
      org.apache.kafka.tools.EndToEndLatency "$KAFKA_HOST:$KAFKA_PORT" "$EVENTS_NAMESPACE.e2e-latency" "$E2E" all 512 2>/dev/null | grep Percentiles)
R[kafka.p50]=$(echo "$e2e" | sed -n 's/.*50th = \([0-9.]*\).*/\1/p'); R[kafka.p99]=$(echo "$e2e" | sed -n 's/.*99th = \([0-9.]*\),.*/\1/p')

# ---- the platform under load ----------------------------------------------------------------------
RESIDENT=$("$ROOT/deploy/local/token.sh" resident 330421003201 --sub bench-resident)
export BENCH_TOKEN_RESIDENT=$RESIDENT
export BENCH_TOKEN_ORGANIZER=$("$ROOT/deploy/local/token.sh" organizer 330421003 --sub bench-organizer)
STAFF=$("$ROOT/deploy/local/token.sh" cppcc_staff 330421 --sub bench-staff)
export BENCH_TOKEN_STAFF=$STAFF
T="http://127.0.0.1:${PORT[topics]}"

# Figures are of the steady state: every path is exercised first. The JIT compiler still took a
# sixth of topics-service's CPU after two and a half minutes of creates (async-profiler; jstat
# -compiler: 73 compilations, 6.7 s of compile time in 20 s), so the warm-up is two minutes.
log "platform: warm-up, ${WARM}s of creates, reads and lists"
load --url "$T" --op create --token "$RESIDENT" --mode closed --connections 4 --warmup 0 --duration "$WARM" >/dev/null & w1=$!
load --url "$T" --op read --ids "$TOPICS" --token "$STAFF" --mode closed --connections 4 --warmup 0 --duration "$WARM" >/dev/null & w2=$!
load --url "$T" --op get --token "$STAFF" --mode closed --connections 2 --warmup 0 --duration "$WARM" \
     --paths "/api/v1/topics?territory=330421003,/api/v1/topics?territory=330421003201&status=ACCEPTED" >/dev/null
wait "$w1" "$w2"

log "platform: create a topic, closed loop (8 and 32 connections)"
r=$(load --url "$T" --op create --token "$RESIDENT" --mode closed --connections 8); R[create8]=$(echo "$r" | field rps); R[create8.p99]=$(echo "$r" | field p99)
r=$(load --url "$T" --op create --token "$RESIDENT" --mode closed --connections 32); R[create32]=$(echo "$r" | field rps)
log "platform: read a topic by id, closed loop (32 connections)"
r=$(load --url "$T" --op read --ids "$TOPICS" --token "$STAFF" --mode closed --connections 32); R[read32]=$(echo "$r" | field rps)
peak=$(awk -v a="${R[create8]}" -v b="${R[create32]}" 'BEGIN {printf "%d", (a > b ? a : b) / 2}')
log "platform: create at half the peak ($peak/s), open loop"
r=$(load --url "$T" --op create --token "$RESIDENT" --mode open --rate "$peak" --connections 64 --duration $((D + D / 2)))
R[open.rate]=$peak; R[open.p99]=$(echo "$r" | field p99); R[open.p999]=$(echo "$r" | field p999); R[open.ok]=$(echo "$r" | field ok)

log "platform: filtered lists at 100/s for territories of every size ($TOPICS loaded topics)"
for t in 330421 330421003 330421003001 330421009099 330421009098; do
  r=$(load --url "$T" --op get --token "$STAFF" --mode open --rate 100 --connections 16 \
        --paths "/api/v1/topics?territory=$t,/api/v1/topics?territory=$t&status=ACCEPTED,/api/v1/topics?territory=$t&level=VILLAGE")
  R[list.$t]=$(echo "$r" | field p99)
done

log "platform: outcome recorded -> case visible ($LOOPS loops)"
r=$("${LOAD[@]}" org.shangliang.bench.LoopLatency "$T" "http://127.0.0.1:${PORT[sessions]}" "http://127.0.0.1:${PORT[followup]}" "$LOOPS" | tee -a "$OUT/load.txt" | grep '^RESULT')
R[loop.p50]=$(echo "$r" | field p50); R[loop.p99]=$(echo "$r" | field p99)
for svc in topics sessions followup; do R[$svc.rss]=$(rss_mib "$svc"); R[$svc.anon]=$(anon_mib "$svc"); done
stop_all

# ---- the table ------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "—"; else printf "%.3g", a / b }'; }
max3() { printf '%s\n' "$@" | sort -n | tail -n 1; }
start_alone=$(max3 "${R[topics.start.alone]}" "${R[sessions.start.alone]}" "${R[followup.start.alone]}")
start_together=$(max3 "${R[topics.start.together]}" "${R[sessions.start.together]}" "${R[followup.start.together]}")
rss_max=$(max3 "${R[topics.rss]}" "${R[sessions.rss]}" "${R[followup.rss]}")
{
  echo "Shangliang benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), $TOPICS loaded topics$([ "$SMOKE" = 1 ] && echo ', SMOKE (figures meaningless)')"
  echo "JDK: $("$JAVA" -version 2>&1 | head -n 1); JVM options: ${JOPTS[*]} $(service_java_flags "$JAVA_HOME_BENCH") (+ the AOT cache on JDK 25); $(nproc) cores"
  echo
  echo "| what | platform | floor (same run) | ratio | target |"
  echo "|---|---|---|---|---|"
  echo "| create a topic, closed loop | ${R[create8]} req/s at 8 connections (p99 ${R[create8.p99]} ms), ${R[create32]} at 32 | pgbench insert topic + outbox row: ${R[pg.insert8]} TPS at 8, ${R[pg.insert32]} at 32 | $(ratio "${R[create8]}" "${R[pg.insert8]}") | ≥ 0.25 |"
  echo "| read a topic by id, 32 connections | ${R[read32]} req/s | pgbench select by primary key: ${R[pg.select32]} TPS | $(ratio "${R[read32]}" "${R[pg.select32]}") | ≥ 0.2 |"
  echo "| create at half the peak, open loop: p99 | ${R[open.p99]} ms at ${R[open.rate]}/s (p99.9 ${R[open.p999]} ms) | pgbench at half its peak (${R[pg.open.rate]}/s), open loop: p99 ${R[pg.open.p99]} ms | $(ratio "${R[open.p99]}" "${R[pg.open.p99]}")× | ≤ 5× |"
  echo "| start → ready, one service alone (slowest of three) | ${R[topics.start.alone]} / ${R[sessions.start.alone]} / ${R[followup.start.alone]} ms; together ${R[topics.start.together]} / ${R[sessions.start.together]} / ${R[followup.start.together]} ms | empty Quarkus app: ${R[empty.start]} ms | $(ratio "$start_alone" "${R[empty.start]}")× (together $(ratio "$start_together" "${R[empty.start]}")×) | ≤ 2.5× |"
  echo "| resident memory after load (of which anonymous) | ${R[topics.rss]} / ${R[sessions.rss]} / ${R[followup.rss]} MiB (${R[topics.anon]} / ${R[sessions.anon]} / ${R[followup.anon]}) | empty Quarkus app after load: ${R[empty.rss]} MiB (${R[empty.anon]}; ${R[empty.rps]} req/s) | $(ratio "$rss_max" "${R[empty.rss]}")× | ≤ 300 MiB each |"
  echo "| outcome recorded → case visible | p50 ${R[loop.p50]} ms, p99 ${R[loop.p99]} ms ($LOOPS loops) | Kafka end-to-end: p50 ${R[kafka.p50]} ms, p99 ${R[kafka.p99]} ms | $(ratio "${R[loop.p99]}" "${R[kafka.p99]}")× | p99 ≤ 100 ms |"
  echo "| filtered list at 100 req/s: p99 by territory | county ${R[list.330421]} ms, street ${R[list.330421003]}, village ${R[list.330421003001]}, village with 0.01 % ${R[list.330421009099]}, empty village ${R[list.330421009098]} ms | — | — | ≤ 50 ms |"
} | tee "$OUT/results.md"
if [ "${BENCH_PROFILE:-}" = 1 ] && [ -f "$OUT/topics.jfr" ]; then
  "$JAVA_HOME_BENCH/bin/jfr" view --width 160 hot-methods "$OUT/topics.jfr" > "$OUT/hot-methods.txt" 2>&1 || true
  log "profile: $OUT/topics.jfr, hot methods in $OUT/hot-methods.txt"
fi
log "results in $OUT/results.md"
