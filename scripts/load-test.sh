#!/usr/bin/env bash
# Load test of the print service, on loopback only and bounded in time.
#
# Builds `handout` (release) if it is missing or older than the sources, starts
# `handout serve` on 127.0.0.1 with a free port and a temporary copy of articles/, waits
# for /healthz, warms up, then runs wrk twice while sampling the server's RSS every 2 s:
#   1. "cached": one PDF over and over (the render cache answers; measures the HTTP path);
#   2. "mixed":  every document × language × paper × print size in turn (84 different
#      PDFs, more than the 64 the cache keeps), so that renders really happen, the queue
#      fills and 503 (busy, Retry-After) answers appear.
# Prints throughput, p99 latency, the count of each status (503s are allowed, and counted
# apart), and the server's RSS at start, peak and end. The server is always stopped.
#
# Settings (environment): DURATION (30s), CONNECTIONS (32), THREADS (2), QUEUE (16, the
# server's --queue), PHASES ("cached mixed"; "posts" three large posted articles while a
# clinic asks for an uncached checklist, with the memory after them; "slow" 200 slow or
# idle connections against an idle timeout of 5 s while the article page is opened; "still touching" list 150 articles, the second
# while one of them is saved every 3 s), SCRATCH_PATH (.build), SKIP_BUILD (unset).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
QUEUE=${QUEUE:-16}
PHASES=${PHASES:-cached mixed}
SCRATCH_PATH=${SCRATCH_PATH:-.build}
bin="$root/$SCRATCH_PATH/release/handout"

# --- tools ---------------------------------------------------------------------------
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v curl >/dev/null || need_apt+=(curl)
command -v python3 >/dev/null || need_apt+=(python3)
if ((${#need_apt[@]})); then
  echo "load-test: installing ${need_apt[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# --- build and server ----------------------------------------------------------------
source scripts/server-lib.sh
build_handout load-test
server_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  stop_server
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# The library phases serve 150 articles; the posts phase needs posting turned on.
[[ " $PHASES " == *" touching "* ]] && export COPIES=149
token=""
[[ " $PHASES " == *" posts "* ]] && token="load-test-token-$RANDOM$RANDOM$RANDOM"
# The slow phase waits for the idle timeout: 5 s instead of 30.
idle=()
[[ " $PHASES " == *" slow "* ]] && idle=(--idle-timeout 5)
start_server load-test --queue "$QUEUE" ${token:+--render-token "$token"} "${idle[@]}"

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }
rss_start=$(rss_kb)

(
  while kill -0 "$server_pid" 2>/dev/null; do
    echo "$(date +%s) $(rss_kb)"
    sleep 2
  done
) >"$work/rss.log" &
sampler_pid=$!

pdf_path="/articles/hemifacial-spasm/handout.pdf?lang=en%2Bbn&paper=a4"
echo "load-test: server pid $server_pid at $base (workers = $(nproc) cores, queue $QUEUE), RSS $(mb "$rss_start")"

# Warm up: the PDF under test, and the page's preview.
for _ in 1 2 3; do
  curl -fsS -o "$work/warm.pdf" "$base$pdf_path"
  curl -fsS -o /dev/null "$base/articles/hemifacial-spasm/handout.png?page=1&lang=en%2Bbn"
done
head -c 5 "$work/warm.pdf" | grep -q '%PDF-' || { echo "load-test: the warm-up answer is not a PDF" >&2; exit 1; }
rss_warm=$(rss_kb)

# --- wrk scripts ---------------------------------------------------------------------
# Every status counted (statuses.lua); the mixed phase goes round every combination.
cp scripts/wrk/statuses.lua "$work/status.lua"
cat scripts/wrk/statuses.lua scripts/wrk/mixed.lua >"$work/mixed.lua"

declare -A result
run_phase() {
  local phase=$1 script=$2 path=$3
  echo
  echo "=== $phase: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ($path)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s "$script" "$base$path" | tee "$work/$phase.out"
  local out="$work/$phase.out"
  result[$phase.rps]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  result[$phase.p50]=$(awk '$1 == "50%" { print $2 }' "$out")
  result[$phase.p99]=$(awk '$1 == "99%" { print $2 }' "$out")
  result[$phase.requests]=$(awk '/requests in/ { print $1 }' "$out")
  result[$phase.non2xx]=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$out")
  result[$phase.non2xx]=${result[$phase.non2xx]:-0}
  result[$phase.errors]=$(awk '/Socket errors:/ { print }' "$out")
  result[$phase.statuses]=$(awk '/^STATUS/ { printf "%s%s: %s", sep, $2, $3; sep = ", " }' "$out")
  result[$phase.s503]=$(awk '$1 == "STATUS" && $2 == 503 { print $3 }' "$out")
  result[$phase.s503]=${result[$phase.s503]:-0}
  result[$phase.other]=$(awk '$1 == "STATUS" && $2 != 200 && $2 != 503 { n += $3 } END { print n + 0 }' "$out")
}

# The posts phase: three large posted articles (1,980 texts each, just under the limit of
# 2,000, each different so none shares another's render) while a clinic asks for a document
# no one has asked for yet; then the server's memory against its warm level.
posts_phase() {
  echo "=== posts: three posted articles of 1,980 texts, and one uncached clinic request"
  for i in 1 2 3; do
    python3 - "$i" >"$work/post-$i.yaml" <<'PY'
import sys
text = open("articles/hemifacial-spasm.yaml", encoding="utf-8").read()
items = "".join(f'  - en: "Point {n} of post {sys.argv[1]}, written out so that it takes a line or two on the page."\n'
                for n in range(1, 1792))
print(text.replace("key_takeaways:\n", "key_takeaways:\n" + items, 1), end="")
PY
  done
  local rss_before; rss_before=$(rss_kb)
  local posters=()
  for i in 1 2 3; do
    curl -sS -o /dev/null -w "post $i: %{http_code} in %{time_total} s\n" -H "Authorization: Bearer $token" \
      -H "Content-Type: application/yaml" --data-binary @"$work/post-$i.yaml" "$base/api/render?doc=handout" >"$work/post-$i.out" &
    posters+=($!)
  done
  sleep 0.5
  local clinic
  clinic=$(curl -sS -o /dev/null -w "%{http_code} in %{time_total} s" \
    "$base/articles/hemifacial-spasm/checklist.pdf?lang=bn&paper=letter&large-print=1")
  wait "${posters[@]}"
  sleep 3
  result[posts.summary]="$(cat "$work"/post-*.out | paste -sd ';' -); clinic's uncached checklist: $clinic"
  result[posts.rss]="RSS before $(mb "$rss_before"), after $(mb "$(rss_kb)") (warm level $(mb "$rss_warm"))"
  echo "${result[posts.summary]}"
  echo "${result[posts.rss]}"
  [[ "$clinic" == 200* ]] || result[posts.failed]=1
}

# The slow phase: 200 connections that never finish (100 stop half-way through their
# headers, 100 stay idle after one answer) while a person opens the article page ten
# times; then how many of them the server closed, and its open file descriptors.
slow_phase() {
  echo "=== slow: 200 slow or idle connections, idle timeout 5 s"
  local fds_before; fds_before=$(ls "/proc/$server_pid/fd" | wc -l)
  python3 - "${base#http://}" "$work/slow.out" <<'PY' &
import socket, sys, time
host, port = sys.argv[1].split(":")
conns = []
for n in range(200):
    s = socket.create_connection((host, int(port)))
    if n % 2:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")          # headers never finished
    else:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")      # answered, then idle
    conns.append(s)
deadline, closed = time.time() + 20, set()
while time.time() < deadline and len(closed) < len(conns):
    for i, s in enumerate(conns):
        if i in closed:
            continue
        s.settimeout(0.01)
        try:
            while True:
                data = s.recv(65536)
                if not data:
                    closed.add(i)
                    break
        except (socket.timeout, BlockingIOError):
            pass
        except OSError:
            closed.add(i)
    time.sleep(0.2)
open(sys.argv[2], "w").write(f"{len(closed)} of {len(conns)} closed by the server within {20 - max(0, deadline - time.time()):.1f} s\n")
PY
  local slow_pid=$!
  sleep 1
  local fds_during; fds_during=$(ls "/proc/$server_pid/fd" | wc -l)
  local times=()
  for _ in $(seq 1 10); do
    times+=("$(curl -sS -o /dev/null -w "%{time_total}" "$base/articles/hemifacial-spasm")")
  done
  wait "$slow_pid"
  sleep 1
  result[slow.summary]="$(cat "$work/slow.out"); article page during: $(printf '%s ' "${times[@]}")s"
  result[slow.fds]="server file descriptors: $fds_before before, $fds_during with the 200 open, $(ls "/proc/$server_pid/fd" | wc -l) after"
  echo "${result[slow.summary]}"
  echo "${result[slow.fds]}"
  grep -q "^200 of 200" "$work/slow.out" || result[slow.failed]=1
}

for phase in $PHASES; do
  case $phase in
    cached) run_phase cached "$work/status.lua" "$pdf_path" ;;
    mixed) run_phase mixed "$work/mixed.lua" "/articles/hemifacial-spasm/handout.pdf" ;;
    # The list of 150 articles, first left alone, then while one file is saved every 3 s.
    still) run_phase still "$work/status.lua" "/api/articles" ;;
    touching)
      (
        for i in $(seq 1 100000); do
          sed "s/^slug: hemifacial-spasm$/slug: copy-7/; s/^  en: \"Hemifacial spasm\"$/  en: \"Hemifacial spasm $i\"/" \
            articles/hemifacial-spasm.yaml >"$work/articles/copy-7.yaml"
          sleep 3
        done
      ) &
      toucher_pid=$!
      run_phase touching "$work/status.lua" "/api/articles"
      kill "$toucher_pid"
      ;;
    posts) posts_phase ;;
    slow) slow_phase ;;
    *) echo "load-test: unknown phase $phase" >&2; exit 2 ;;
  esac
done

kill -0 "$server_pid" 2>/dev/null || { echo "load-test: the server died during the test:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
curl -fsS "$base/healthz" >/dev/null || { echo "load-test: /healthz failed after the test" >&2; exit 1; }
curl -fsS "$base/metrics" >"$work/metrics.txt"
rss_end=$(rss_kb)
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=""
rss_peak=$(awk '$2 > max { max = $2 } END { print max + 0 }' "$work/rss.log")
(( rss_end > rss_peak )) && rss_peak=$rss_end

echo
echo "=== summary (loopback, $(nproc) cores, $THREADS wrk threads, $CONNECTIONS connections, $DURATION per phase)"
status=0
for phase in $PHASES; do
  if [ "$phase" = posts ] || [ "$phase" = slow ]; then
    echo "$phase   ${result[$phase.summary]}"
    echo "        ${result[$phase.rss]:-${result[$phase.fds]}}"
    [ -z "${result[$phase.failed]:-}" ] || status=1
    continue
  fi
  printf '%-7s %8s req/s   p50 %-8s p99 %-8s requests %-7s non-2xx %-6s (503: %s, other: %s)   statuses {%s}\n' \
    "$phase" "${result[$phase.rps]}" "${result[$phase.p50]}" "${result[$phase.p99]}" "${result[$phase.requests]}" \
    "${result[$phase.non2xx]}" "${result[$phase.s503]}" "${result[$phase.other]}" "${result[$phase.statuses]}"
  [ -n "${result[$phase.errors]}" ] && echo "        ${result[$phase.errors]}"
  # 503 (busy) is an allowed answer under load; anything else that is not 200 is a failure.
  [ "${result[$phase.other]}" -eq 0 ] || status=1
done
renders=$(awk '/^handout_renders_total/ { n += $2 } END { print n + 0 }' "$work/metrics.txt")
overloaded=$(awk '/^handout_overloaded_total/ { n += $2 } END { print n + 0 }' "$work/metrics.txt")
reads=$(awk '/^handout_article_reads_total/ { n += $2 } END { print n + 0 }' "$work/metrics.txt")
echo "server metrics: $renders renders made, $overloaded requests answered 503, $reads article files read"
echo "server RSS: start $(mb "$rss_start"), after warm-up $(mb "$rss_warm"), peak $(mb "$rss_peak"), end $(mb "$rss_end")"
[ "$status" -eq 0 ] || echo "load-test: FAILED: answers other than 200 and 503" >&2
exit "$status"
