#!/usr/bin/env bash
# Loads topics straight into a topics-service database (not through the API: a million creates
# would take the better part of an hour), so lists and reads can be measured at 10k, 100k or 1M rows.
#   bench/load-topics.sh DATABASE COUNT     e.g. bench/load-topics.sh topics_bench 1000000
# Safe to repeat: it adds only what is missing up to COUNT. Loaded topic n has id md5('topic-'||n)
# and number LD-n; where the rows fall (bench/sql/load-topics.sql) gives territories of every size:
# the county, 9 streets, 180 villages, one village with 0.01 % of the rows and one with none.
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
db=${1:?database}; count=${2:?count}
have=$(runuser -u postgres -- psql -qAtX -d "$db" -c "select count(*) from topic where number like 'LD-%'")
if [ "$have" -ge "$count" ]; then log "$db already holds $have loaded topics"; exit 0; fi
log "loading topics $((have + 1))..$count into $db"
# Through stdin: the postgres user may not be able to read the checkout.
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAtX -d "$db" -v from="$((have + 1))" -v to="$count" < "$ROOT/bench/sql/load-topics.sql"
