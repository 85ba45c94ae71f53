#!/usr/bin/env bash
# Makes sure Debian's Chromium is present for PNG/SVG export and the browser tests.
# Installs it through apt when it is missing and we are root; otherwise says so loudly and goes on
# (the app then offers HTML and CSV only, and the browser tests skip unless CI=true).
set -u
for candidate in "${SUMMIT_OUTLOOK_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    exit 0
  fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium through apt ..."
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; then
    echo "Chromium installed: $(/usr/bin/chromium --version 2>/dev/null)"
    exit 0
  fi
  echo "WARNING: apt could not install chromium." >&2
else
  echo "WARNING: Chromium is missing and cannot be installed here (needs root and apt-get)." >&2
fi
echo "WARNING: PNG/SVG export is unavailable and browser tests will skip (they fail under CI=true)." >&2
exit 0
