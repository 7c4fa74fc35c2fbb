#!/usr/bin/env bash
# Browser check of the print service's web page, on loopback only.
#
# Installs what is missing (chromium and chromium-driver from Debian, selenium from PyPI,
# qpdf, curl), builds `handout` (release) if it is missing or older than the sources,
# starts `handout serve` on 127.0.0.1 with a free port and a temporary copy of articles/,
# with a clinic profile, and runs scripts/browser_check.py (search, open the article,
# choose Bangla, download the PDF, checked with qpdf --check, and a screenshot of the
# article page into docs/images/server-page.png), then scripts/browser_print.py (a patient's
# print in both UI languages at phone and desktop widths: search by a summary word, three
# documents, a Bangla name, one PDF with the name, the clinic and all three; screenshots
# into docs/images/print-form-*.png). Exits non-zero on any failure; the server is always stopped.
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
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
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
# A clinic's profile, so that the prints carry its name and emergency number.
clinic_file=$(mktemp /tmp/handout-clinic.XXXXXX.yaml)
trap 'stop_server; rm -f "$clinic_file"' EXIT
cat >"$clinic_file" <<'YAML'
name: {en: "Mirpur Family Clinic", bn: "মিরপুর ফ্যামিলি ক্লিনিক"}
phone: "+880 2 5566 1234"
emergency_number: "16263"
YAML
start_server browser-check --clinic "$clinic_file"
echo "browser-check: server pid $server_pid at $base"

python3 "$root/scripts/browser_check.py" "$base" "$SCREENSHOT" "$work"
python3 "$root/scripts/browser_print.py" "$base" "$(dirname "$SCREENSHOT")" "$work" "Mirpur Family Clinic" "16263"
