#!/usr/bin/env bash
# Loads the Jiashan demo county (嘉善县) into the running platform through its public API, each step
# with the token of the person whose step it is (the local development key): the directory
# (territories, departments, CPPCC members linked to grids, service teams linked to townships),
# Huitong village's topics from the source article, and the 2020 county plan (34 topics, 22 on the
# demonstration zone), and a year of sessions, outcomes and cases in every state (two overdue). Safe
# to run again: every record is looked up by its natural key first, so a
# second run creates nothing. deploy/local/up.sh runs it unless DEMO=0.
#   deploy/local/demo.sh              load the demo county
#   deploy/local/demo.sh walkthrough  the land-rights story (what deploy/local/walkthrough.sh runs)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/deploy/local/jwt.sh"
service_env
CP="$ROOT/e2e-tests/target/demo-classpath.txt"
if [ ! -f "$CP" ] || [ ! -f "$ROOT/e2e-tests/target/classes/org/shangliang/demo/Walkthrough.class" ]; then
  log "building (mvn -B -DskipTests install)"
  (cd "$ROOT" && mvn -B -q -DskipTests install)
fi
export TOPICS_URL="http://127.0.0.1:${TOPICS_HTTP_PORT:-8081}" SESSIONS_URL="http://127.0.0.1:${SESSIONS_HTTP_PORT:-8082}" \
       FOLLOWUP_URL="http://127.0.0.1:${FOLLOWUP_HTTP_PORT:-8083}" JWT_PRIVATE_KEY="$STATE/jwt/private.pem"
command=${1:-load}
[ "$command" = load ] && log "loading the Jiashan demo county through the API ($TOPICS_URL)"
"$(service_java_home)/bin/java" -Dfile.encoding=UTF-8 -cp "$ROOT/e2e-tests/target/classes:$(cat "$CP")" org.shangliang.demo.Main "$command"
