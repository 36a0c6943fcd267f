#!/usr/bin/env bash
# Score `mediadesk route` on the labelled sample enquiries with the shared
# scorer, as a whole and on the odd- and even-numbered halves (the linker's
# calibration and the topic weights were tuned on the odd half plus our own
# routing/testdata enquiries; the even half is held out).
#
#   scripts/score-route.sh [SHARED_DIR]      (default $SHARED or ../shared)
#
# Prints the misses and the summary line for all samples, then one summary
# line per half. Exit status is the scorer's.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-${SHARED:-../shared}}"
desk="$shared/data/desk.yaml"
dir="$(cd "$shared/data/enquiries" && pwd)"
labels="$dir/labels.jsonl"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/mediadesk" ./cmd/mediadesk
# A file that cannot be routed gives an error line and exit status 1; the
# scorer reports it, so carry on.
"$tmp/mediadesk" route --config "$desk" "$dir"/*.eml > "$tmp/out.jsonl" || true

echo "== all samples"
"$shared/tools/score-route" --desk "$desk" "$labels" "$tmp/out.jsonl"

# The scorer reads each message's Date from the .eml beside the labels
# file, so the halves' label files get the samples linked beside them.
ln -s "$dir"/*.eml "$tmp/"
for half in 1 0; do
  while IFS= read -r line; do
    n="$(printf '%s' "$line" | sed -n 's/.*"file": *"0*\([0-9][0-9]*\)\.eml".*/\1/p')"
    if [ -n "$n" ] && [ $((n % 2)) -eq "$half" ]; then printf '%s\n' "$line"; fi
  done < "$labels" > "$tmp/labels-$half.jsonl"
  if [ "$half" -eq 1 ]; then printf '== odd (tuning): '; else printf '== even (held out): '; fi
  "$shared/tools/score-route" --quiet --desk "$desk" "$tmp/labels-$half.jsonl" "$tmp/out.jsonl"
done
