#!/usr/bin/env bash
# Lints the three services' built OpenAPI documents (<service>/target/openapi/openapi.yaml) with
# Spectral (spectral:oas) and Redocly (recommended). Fails on any error; warnings are printed.
# Run after a build (deploy/local/test.sh runs it after mvn verify).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$(cd ../.. && pwd)"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is needed to lint the OpenAPI documents" >&2; exit 1
fi
# Versions are pinned in package.json and package-lock.json.
if [ ! -x node_modules/.bin/spectral ] || [ ! -x node_modules/.bin/redocly ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
status=0
for svc in topics sessions followup; do
  doc="$ROOT/$svc-service/target/openapi/openapi.yaml"
  if [ ! -f "$doc" ]; then echo "missing $doc: build the services first" >&2; exit 1; fi
  echo "== $svc-service: spectral:oas"
  node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error "$doc" || status=1
  echo "== $svc-service: redocly recommended"
  REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly lint --config redocly.yaml "$doc" || status=1
done
exit $status
