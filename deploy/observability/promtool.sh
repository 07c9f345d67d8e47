#!/usr/bin/env bash
# Prints the path of promtool, taken from Debian's prometheus package (unpacked under .deploy/tools,
# never installed). PROMTOOL=... picks another.
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"
if [ -n "${PROMTOOL:-}" ]; then echo "$PROMTOOL"; exit 0; fi
debian_tool prometheus usr/bin/promtool
