#!/usr/bin/env bash
# Runs the Huitong land-rights story (惠通村土地确权) of the source article through the running
# platform's API, with the right person's token at each step, and prints each step in Chinese with
# an English gloss: the topic raised and supported, accepted, three rounds of the village hall, the
# agreed opinion and its correction, the agricultural department's case to the villagers'
# satisfaction, the topic concluded and its timeline. The same steps are in docs/walkthrough.md.
# Each run tells the story anew (a new topic). Needs deploy/local/up.sh first.
#   deploy/local/walkthrough.sh
exec "$(dirname "${BASH_SOURCE[0]}")/demo.sh" walkthrough
