#!/usr/bin/env bash
# The nightly research run, in stage order: crawl the city sites (under the
# nightly lock), extract candidates from that crawl, fetch the external
# sources that build on the extracted links, then fill the review queue
# (unchanged values are carried over, changed ones queued for the analysts).
#
# Arguments are passed to the crawl commands: e.g. `--cities FILE.csv` or
# `--city Köln` to run the chain for other or fewer cities (default: the
# edition's registry). Exit 3: another nightly run still holds the lock and
# nothing was done. Settings come from the environment (SCI_DATABASE_URL,
# SCI_CONTACT_URL …), e.g. from an EnvironmentFile in the systemd unit.
set -euo pipefail
cd "$(dirname "$0")/.."
sci=.venv/bin/sci

echo "nightly run started $(date -Is)"
"$sci" crawl --nightly "$@"
"$sci" extract --crawl latest
for source in app-stores social open-data; do
  "$sci" crawl --source "$source" "$@"
done
"$sci" review fill
echo "nightly run finished $(date -Is)"
