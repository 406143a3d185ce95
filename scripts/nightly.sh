#!/usr/bin/env bash
# The nightly research run: `sci nightly` runs the chain in stage order under
# one lock — crawl the city sites, extract candidates from that crawl, fetch the
# external sources that build on the extracted links, fill the review queue —
# stops at the first failing step and names it, then writes the digest of what
# changed tonight (SCI_VAR_DIR/digests/, mailed via SCI_SMTP_URL, posted to
# SCI_DIGEST_WEBHOOK when set).
#
# Arguments are passed to the crawl steps: e.g. `--cities FILE.csv` or
# `--city Köln` to run the chain for other or fewer cities (default: the
# edition's registry). Exit 3: another nightly run still holds the lock and
# nothing was done; any other non-zero exit: the step named in the last line
# failed. Settings come from the environment (SCI_DATABASE_URL,
# SCI_CONTACT_URL …), e.g. from an EnvironmentFile in the systemd unit.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/sci nightly "$@"
