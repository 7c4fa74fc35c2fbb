#!/usr/bin/env bash
# Browser check of the print service's web page, on loopback only.
#
# Installs what is missing (chromium and chromium-driver from Debian, selenium from PyPI,
# qpdf, curl), builds `handout` (release) if it is missing or older than the sources,
# starts `handout serve` on 127.0.0.1 with a free port and a temporary copy of articles/,
# and runs scripts/browser_check.py: search, open the article, choose Bangla, download
# the PDF (checked with qpdf --check), and a screenshot of the article page into
# docs/images/server-page.png. Exits non-zero on any failure; the server is always stopped.
#
# Settings (environment): SCRATCH_PATH (.build), SKIP_BUILD (unset), SCREENSHOT
# (docs/images/server-page.png).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

SCRATCH_PATH=${SCRATCH_PATH:-.build}
SCREENSHOT=${SCREENSHOT:-$root/docs/images/server-page.png}
bin="$root/$SCRATCH_PATH/release/handout"

# --- tools ---------------------------------------------------------------------------
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v qpdf >/dev/null || need_apt+=(qpdf)
command -v curl >/dev/null || need_apt+=(curl)
command -v python3 >/dev/null || need_apt+=(python3 python3-pip)
if ((${#need_apt[@]})); then
  echo "browser-check: installing ${need_apt[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
if ! python3 -c "import selenium" 2>/dev/null; then
  echo "browser-check: installing selenium"
  python3 -m pip install -q selenium 2>/dev/null || python3 -m pip install -q --break-system-packages selenium
fi

# --- build and server ----------------------------------------------------------------
source scripts/server-lib.sh
build_handout browser-check
server_pid=""
trap stop_server EXIT
trap 'exit 130' INT TERM
start_server browser-check
echo "browser-check: server pid $server_pid at $base"

python3 "$root/scripts/browser_check.py" "$base" "$SCREENSHOT" "$work"
