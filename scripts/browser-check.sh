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

# --- build ---------------------------------------------------------------------------
if [ -z "${SKIP_BUILD:-}" ]; then
  if [ ! -x "$bin" ] || [ -n "$(find Sources Package.swift -newer "$bin" -print -quit)" ]; then
    echo "browser-check: building release handout into $SCRATCH_PATH (this can take several minutes)"
    swift build -c release --product handout --scratch-path "$SCRATCH_PATH" 2>&1 | grep -E "error:|Build complete" | tail -3
  fi
fi
[ -x "$bin" ] || { echo "browser-check: no $bin" >&2; exit 1; }

# --- server --------------------------------------------------------------------------
work=$(mktemp -d /tmp/handout-browser.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work/articles"
cp articles/*.yaml "$work/articles/"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$bin" serve --articles "$work/articles" --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "browser-check: the server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "$base/healthz" >/dev/null || { echo "browser-check: no answer from $base/healthz" >&2; exit 1; }
echo "browser-check: server pid $server_pid at $base"

python3 "$root/scripts/browser_check.py" "$base" "$SCREENSHOT" "$work"
