#!/usr/bin/env bash
# The nightly research run, in stage order: crawl the city sites (under the
# nightly lock), extract candidates from that crawl, fetch the external
# sources that build on the extracted links, then fill the review queue
# (unchanged values are carried over, changed ones queued for the analysts).
#
# Exit 3 means another nightly run still holds the lock: nothing was done.
# Settings come from the environment (SCI_DATABASE_URL, SCI_CONTACT_URL …),
# e.g. from an EnvironmentFile in the systemd unit.
set -euo pipefail
cd "$(dirname "$0")/.."
sci=.venv/bin/sci

echo "nightly run started $(date -Is)"
"$sci" crawl --nightly
"$sci" extract --crawl latest
"$sci" crawl --source app-stores
"$sci" crawl --source social
"$sci" crawl --source open-data
"$sci" review fill
echo "nightly run finished $(date -Is)"
