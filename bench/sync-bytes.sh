#!/usr/bin/env bash
# What a village organizer's phone downloads to sync the demo county's day (issue 13): the first
# sync of their village's topics from the change feed (the whole copy), with and without gzip; a
# sync when nothing changed; re-checking every topic it holds with If-None-Match; and the same first
# sync of the village's sessions and cases from their feeds.
# Needs the platform running with the demo loaded: deploy/local/up.sh. Figures: docs/benchmarks.md.
#   bench/sync-bytes.sh [territory]     default 330421003201 (惠通村, the demo's village)
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
VILLAGE=${1:-330421003201}
T="http://127.0.0.1:${TOPICS_HTTP_PORT:-8081}"
S="http://127.0.0.1:${SESSIONS_HTTP_PORT:-8082}"
F="http://127.0.0.1:${FOLLOWUP_HTTP_PORT:-8083}"
TOKEN=$("$ROOT/deploy/local/token.sh" organizer "$VILLAGE" --sub "sync-bytes@$VILLAGE")
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# get URL [curl options...]: prints "status bytes-on-the-wire" and leaves the body in $OUT/body.
get() {
  local url=$1; shift
  curl -s -o "$OUT/body" -w '%{http_code} %{size_download}' -H "Authorization: Bearer $TOKEN" "$@" "$url"
}

# The first sync, page by page, as the app does it.
sync_all() { # sync_all [curl options...]: prints "requests bytes topics"
  sync_feed "$T/api/v1/topics/changes" "$@"
}

sync_feed() { # sync_feed FEED_URL [curl options...]: prints "requests bytes items cursor"
  local feed=$1; shift
  local since="" requests=0 bytes=0 topics=0 r more
  while :; do
    r=$(get "$feed?territory=$VILLAGE&limit=200${since:+&since=$since}" "$@")
    [ "${r%% *}" = 200 ] || { echo "sync answered ${r%% *}: $(cat "$OUT/body")" >&2; exit 1; }
    requests=$((requests + 1)); bytes=$((bytes + ${r##* }))
    # --compressed leaves the body decoded on disk; the wire size is curl's size_download.
    topics=$((topics + $(jq '.changes | length' "$OUT/body")))
    since=$(jq -r .nextCursor "$OUT/body"); more=$(jq -r .more "$OUT/body")
    [ "$more" = true ] || break
  done
  echo "$requests $bytes $topics $since"
}

read -r req_plain bytes_plain topics cursor <<< "$(sync_all)"
read -r req_gzip bytes_gzip _ _ <<< "$(sync_all --compressed)"
idle=$(get "$T/api/v1/topics/changes?territory=$VILLAGE&since=$cursor" --compressed)
read -r req_sessions bytes_sessions sessions _ <<< "$(sync_feed "$S/api/v1/sessions/changes" --compressed)"
read -r req_cases bytes_cases cases _ <<< "$(sync_feed "$F/api/v1/cases/changes" --compressed)"

# Re-checking each topic of the copy: 200 with the body the first time, 304 after.
ids=$(get "$T/api/v1/topics/changes?territory=$VILLAGE&limit=1000" >/dev/null; jq -r '.changes[] | select(.change == "UPSERT") | .id' "$OUT/body")
full=0 revalidate=0 n=0 not_modified=0
for id in $ids; do
  r=$(curl -s -D "$OUT/headers" -o /dev/null -w '%{http_code} %{size_download}' --compressed -H "Authorization: Bearer $TOKEN" "$T/api/v1/topics/$id")
  full=$((full + ${r##* })); n=$((n + 1))
  etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p' "$OUT/headers")
  r=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' --compressed -H "Authorization: Bearer $TOKEN" -H "If-None-Match: $etag" "$T/api/v1/topics/$id")
  [ "${r%% *}" = 304 ] && not_modified=$((not_modified + 1))
  revalidate=$((revalidate + ${r##* }))
done

cat <<TABLE
Sync of territory $VILLAGE, $(date -u '+%Y-%m-%d %H:%M UTC'), response bodies only (HTTP headers not counted)

| what | requests | bytes |
|---|---|---|
| first sync, the whole copy ($topics topics), plain JSON | $req_plain | $bytes_plain |
| the same with Accept-Encoding: gzip | $req_gzip | $bytes_gzip |
| a sync when nothing changed (gzip) | 1 | ${idle##* } |
| each topic read in full ($n, gzip) | $n | $full |
| each topic re-checked with If-None-Match ($not_modified of $n answered 304) | $n | $revalidate |
| first sync of the sessions ($sessions, gzip) | $req_sessions | $bytes_sessions |
| first sync of the cases ($cases, gzip) | $req_cases | $bytes_cases |
| the day's whole copy: topics, sessions and cases (gzip) | $((req_gzip + req_sessions + req_cases)) | $((bytes_gzip + bytes_sessions + bytes_cases)) |
TABLE
