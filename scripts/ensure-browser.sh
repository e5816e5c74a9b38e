#!/bin/sh
# Installs Debian's chromium for the browser end-to-end test of report.html, when it is missing.
# CI machines are fresh and have only what the repo installs; this runs before `npm test`.
# Needs root (apt-get). Set GIFTSIM_SKIP_BROWSER_INSTALL=1 to leave the machine alone; the
# browser test then reports chromium as missing instead of passing silently.
set -eu
CHROMIUM="${GIFTSIM_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "${GIFTSIM_SKIP_BROWSER_INSTALL:-0}" = "1" ]; then
  echo "ensure-browser: $CHROMIUM missing; install skipped (GIFTSIM_SKIP_BROWSER_INSTALL=1)" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browser: $CHROMIUM missing and apt-get not found; install chromium and set GIFTSIM_CHROMIUM to its path" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-browser: installing chromium needs root (apt-get install -y chromium)" >&2
    exit 1
  fi
fi
echo "ensure-browser: installing chromium (apt-get) for the report browser test" >&2
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
