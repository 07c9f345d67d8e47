#!/usr/bin/env bash
# How soon a township system hears of a topic (issue 13): a receiver on this machine subscribes to
# TopicSubmitted of a village, topics are submitted at a steady rate, and the time from each
# submission's answer to its signed delivery is measured (p50, p90, p99, max) — with a slow receiver
# (2 s an answer) and a dead one (nothing listening) subscribed beside it, to show they hold up
# nobody. Needs the platform running (deploy/local/up.sh, which lets webhooks call http on this
# machine). Figures: docs/benchmarks.md.
#   bench/webhook-latency.sh [topics] [per-second]     default 200 topics at 20 a second
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
N=${1:-200}
RATE=${2:-20}
VILLAGE=330421003202
T="http://127.0.0.1:${TOPICS_HTTP_PORT:-8081}"
SYSTEM=$("$ROOT/deploy/local/token.sh" integration 330421003 --sub "bench-township-system-$$")
# Writes are limited per caller (burst 30, then 120 a minute): the topics come from several clerks.
STAFF=$(for i in $(seq 1 $(( (N + 24) / 25 ))); do "$ROOT/deploy/local/token.sh" cppcc_staff 330421 --sub "bench-webhooks-$i@330421"; done | paste -sd,)
exec python3 "$ROOT/bench/webhook_latency.py" "$T" "$SYSTEM" "$STAFF" "$VILLAGE" "$N" "$RATE"
