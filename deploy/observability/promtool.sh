#!/usr/bin/env bash
# Prints the path of promtool, taken from Debian's prometheus package (unpacked under .deploy/tools,
# never installed). PROMTOOL=... picks another.
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"
if [ -n "${PROMTOOL:-}" ]; then echo "$PROMTOOL"; exit 0; fi
DIR="$STATE/tools/prometheus"
if [ ! -x "$DIR/usr/bin/promtool" ]; then
  tmp="$(mktemp -d)"; chmod 755 "$tmp"
  log "fetching Debian's prometheus package (for promtool)"
  (cd "$tmp" && { apt-get download prometheus >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && apt-get download prometheus >/dev/null 2>&1; }; })
  mkdir -p "$DIR"
  dpkg -x "$tmp"/prometheus_*.deb "$DIR"
  rm -rf "$tmp"
fi
echo "$DIR/usr/bin/promtool"
