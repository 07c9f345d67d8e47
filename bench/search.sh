#!/usr/bin/env bash
# Chinese search (中文检索) and filtered lists as the corpus grows: topics-service alone on its own
# database, topics loaded straight into it (bench/load-topics.sh, a village vocabulary), then at each
# size in turn the same requests at 100/s, open loop (timed from their intended start), p99 per family.
#   bench/search.sh                    10,000 then 1,000,000 topics (about 15 minutes, most of it loading)
#   bench/search.sh 10000 100000       other sizes, ascending
#   SKIP_BUILD=1 bench/search.sh ...   use the jars already built
#   KEEP_DB=1 bench/search.sh 1000000  reuse the loaded database of the last run (sizes must not shrink)
# Results: .deploy/bench/search-<time>/results.md, and the figures in docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 1000000)
D=${BENCH_DURATION:-20} W=5
OUT="$STATE/bench/search-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
JAVA_HOME_BENCH="${BENCH_JAVA_HOME:-$(service_java_home)}"
JAVA="$JAVA_HOME_BENCH/bin/java"
read -r -a JOPTS <<< "${SERVICE_JAVA_OPTS:--Xmx256m}"
source "$ROOT/bench/env.sh" search
export TOPICS_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/topics_search"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building topics-service and the load client"
  (cd "$ROOT" && mvn -B -q -Pbench -DskipTests package -pl platform-commons,topics-service,bench/load-client -am)
fi
LOAD=(java -cp "$ROOT/bench/load-client/target/classes:$(cat "$ROOT/bench/load-client/target/classpath.txt")")
load() { "${LOAD[@]}" org.shangliang.bench.Load --warmup "$W" --duration "$D" "$@" | tee -a "$OUT/load.txt" | grep '^RESULT'; }

if [ "${KEEP_DB:-}" != 1 ]; then
  runuser -u postgres -- psql -qAtX -c 'drop database if exists topics_search with (force)'
  runuser -u postgres -- psql -qAtX -c "create database topics_search owner \"$PG_USER\" encoding 'UTF8' template template0"
fi
JAR="$ROOT/topics-service/target/quarkus-app/quarkus-run.jar"
# shellcheck disable=SC2046
"$JAVA" "${JOPTS[@]}" $(service_java_flags "$JAVA_HOME_BENCH" topics "$JAR") -jar "$JAR" > "$OUT/topics.log" 2>&1 < /dev/null &
PID[topics]=$!
infra_trap=$(trap -p EXIT | sed "s/^trap -- '\(.*\)' EXIT$/\1/")
trap "stop_all; $infra_trap" EXIT
ready_ms topics "$(date +%s%N)" > /dev/null
STAFF=$("$ROOT/deploy/local/token.sh" cppcc_staff 330421 --sub bench-staff)

# Percent-encodes UTF-8 for a query string, byte by byte (no python or jq needed).
enc() { local LC_ALL=C s=$1 i c out=""; for ((i = 0; i < ${#s}; i++)); do c=${s:i:1}
  case "$c" in [a-zA-Z0-9.~_-]) out+=$c ;; *) out+=$(printf '%%%02X' "'$c") ;; esac; done; echo "$out"; }
T="/api/v1/topics"
declare -A FAMILY=(
  # a subject in 5 % of titles, county-wide and in a street, and two in a village
  [common]="$T?q=$(enc 蜜梨),$T?q=$(enc 确权)&territory=330421003,$T?q=$(enc 村道)&territory=330421003001,$T?q=$(enc 养老)&territory=330421005010"
  # 0.1 % and 0.001 % of titles (twice), and words in no topic
  [rare]="$T?q=$(enc 古桥),$T?q=$(enc 竹编),$T?q=$(enc 非遗),$T?q=$(enc 议事厅)"
  # search with filters and the other order
  [filtered]="$T?q=$(enc 光伏)&status=ACCEPTED,$T?q=$(enc 停车)&theme=$(enc 民生),$T?q=$(enc 电商)&sort=MOST_SUPPORTED,$T?q=$(enc 补贴)&year=2025&territory=330421002"
  # lists without text: theme, channel, flagged, most supported in a village, the empty village
  [lists]="$T?theme=$(enc 农业)&territory=330421004,$T?flagged=false&territory=330421006,$T?sort=MOST_SUPPORTED&territory=330421003001,$T?territory=330421009098&q=$(enc 蜜梨)"
)
declare -A R
for n in "${SIZES[@]}"; do
  "$ROOT/bench/load-topics.sh" topics_search "$n"
  # Statistics at the migrations' targets whatever ran before, and any GIN pending list merged, as a live table's would be.
  runuser -u postgres -- psql -qAtX -d topics_search -c 'vacuum (analyze) topic'
  log "warm-up at $n topics"
  load --url "http://127.0.0.1:${PORT[topics]}" --op get --token "$STAFF" --mode closed --connections 4 --duration 30 \
      --paths "$(IFS=,; echo "${FAMILY[*]}")" > /dev/null
  for f in common rare filtered lists; do
    log "$f at 100/s, $n topics"
    r=$(load --url "http://127.0.0.1:${PORT[topics]}" --op get --token "$STAFF" --mode open --rate 100 --connections 16 --paths "${FAMILY[$f]}")
    R[$f.$n]=$(echo "$r" | field p99); R[$f.$n.ok]=$(echo "$r" | field ok)
  done
done
first=${SIZES[0]} last=${SIZES[${#SIZES[@]}-1]}
{
  echo "Shangliang search benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "JDK: $("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores; 100 req/s open loop for ${D} s per family, p99 in ms (target ≤ 50 ms, growth ≤ 1.5×)"
  echo
  printf '| requests |'; for n in "${SIZES[@]}"; do printf ' %s topics |' "$n"; done; echo " growth $first → $last |"
  printf '|---|'; for n in "${SIZES[@]}"; do printf -- '---|'; done; echo '---|'
  for f in common rare filtered lists; do
    printf '| %s |' "$f"; for n in "${SIZES[@]}"; do printf ' %s (%s ok) |' "${R[$f.$n]}" "${R[$f.$n.ok]}"; done
    awk -v a="${R[$f.$last]}" -v b="${R[$f.$first]}" 'BEGIN { printf " %.2f× |\n", a / b }'
  done
} | tee "$OUT/results.md"
log "results in $OUT/results.md"
