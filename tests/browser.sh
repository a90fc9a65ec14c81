#!/usr/bin/env bash
# Installs what the board's browser tests drive: Debian's headless Chromium at /usr/bin/chromium
# and a CJK font, so Chinese complaint text renders (and shows in the screenshots). Playwright's
# driver comes with the Microsoft.Playwright NuGet package; no browser is downloaded.
#
#   bash tests/browser.sh
set -euo pipefail

log() { echo "browser: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (apt)"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
/usr/bin/chromium --version >&2
