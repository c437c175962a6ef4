#!/usr/bin/env bash
# Makes sure a Chromium is there for the browser tests: CHROMIUM_PATH, one on PATH, or (as root on
# Debian/Ubuntu) Debian's package installed with apt. Playwright's own browser download cannot be
# used here, and is not needed.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
  command -v "$candidate" >/dev/null 2>&1 && exit 0
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chatiq: installing Chromium for the browser tests (apt-get install chromium)" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "chatiq: no Chromium found. Install chromium (or set CHROMIUM_PATH) to run the browser tests." >&2
exit 1
