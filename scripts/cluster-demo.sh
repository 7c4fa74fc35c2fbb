#!/usr/bin/env bash
# Three replicas of the print service behind nginx on one machine; one of them is killed
# and restarted under load. Does a client notice?
#
# Each replica (`handout serve`, as user nobody, no new privileges) runs in a network
# namespace of its own, handout-demo-1..3, at 10.77.0.11-13 on a bridge (hodemo0) whose
# host side is 10.77.0.1. The namespaces have no route but 10.77.0.0/24 and the host
# forwards nothing, so no packet leaves the machine. nginx runs on the host at 127.0.0.1
# with a configuration made from deploy/nginx/handout.conf by deploy/nginx/render-conf.sh.
#
# After a warm-up (each of the 84 PDFs of the sample once: every document × language ×
# paper × print size), wrk asks nginx for those 84 PDFs in turn for DURATION seconds; at
# KILL_AT s replica 2 is killed with SIGKILL, and RESTART_AFTER s later started again.
# Then it prints wrk's figures and the statuses clients saw, nginx's retries and cache
# statuses (from its access log: $upstream_addr, $upstream_status, $upstream_cache_status),
# a timeline by second, and each replica's /healthz and render count.
# Exits non-zero if any request failed: a status other than 2xx, 3xx and 503 (busy,
# allowed and counted), or a socket error. Needs root (network namespaces). Everything it
# made (processes, namespaces, bridge, veths, temporary folder) is removed on exit, on
# Ctrl-C too.
#
# Settings (environment): DURATION (30, seconds), CONNECTIONS (32), THREADS (2),
# KILL_AT (10), RESTART_AFTER (10), QUEUE (16, each replica's --queue),
# SCRATCH_PATH (.build), SKIP_BUILD (unset).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
KILL_AT=${KILL_AT:-10}
RESTART_AFTER=${RESTART_AFTER:-10}
QUEUE=${QUEUE:-16}
SCRATCH_PATH=${SCRATCH_PATH:-.build}
bin="$root/$SCRATCH_PATH/release/handout"
net=10.77.0
replicas=(1 2 3)

[ "$(id -u)" -eq 0 ] || { echo "cluster-demo: needs root for network namespaces (sudo -E $0)" >&2; exit 1; }

# --- tools ---------------------------------------------------------------------------
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v curl >/dev/null || need_apt+=(curl)
command -v python3 >/dev/null || need_apt+=(python3)
command -v nginx >/dev/null || need_apt+=(nginx)
command -v ip >/dev/null || need_apt+=(iproute2)
if ((${#need_apt[@]})); then
  echo "cluster-demo: installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# --- build ---------------------------------------------------------------------------
source scripts/server-lib.sh
build_handout cluster-demo

# --- cleanup, set before anything is made --------------------------------------------
work=""
nginx_pid=""
wrk_pid=""
declare -A replica_pid=()
cleanup() {
  set +e
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  for pid in "${replica_pid[@]}"; do kill "$pid" 2>/dev/null; done
  for _ in $(seq 1 50); do
    alive=0
    for pid in $nginx_pid "${replica_pid[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for pid in $nginx_pid "${replica_pid[@]}"; do kill -9 "$pid" 2>/dev/null; done
  for i in "${replicas[@]}"; do
    # Anything still running inside our own namespaces, by its id.
    for pid in $(ip netns pids "handout-demo-$i" 2>/dev/null); do kill -9 "$pid" 2>/dev/null; done
    ip netns del "handout-demo-$i" 2>/dev/null   # also removes its veth pair
  done
  ip link del hodemo0 2>/dev/null
  [ -n "$work" ] && rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- network: a bridge on the host, one namespace per replica -------------------------
# Leftovers of an interrupted run carry our names; anything else on 10.77.0.0/24 is not ours.
for i in "${replicas[@]}"; do ip netns del "handout-demo-$i" 2>/dev/null || true; done
ip link del hodemo0 2>/dev/null || true
if ip -o addr show | grep -q " $net\." || [ -n "$(ip route show "$net.0/24")" ]; then
  echo "cluster-demo: $net.0/24 is already in use on this machine; not touching it" >&2
  exit 1
fi
ip link add hodemo0 type bridge
ip addr add "$net.1/24" dev hodemo0
ip link set hodemo0 up
for i in "${replicas[@]}"; do
  ns="handout-demo-$i"
  ip netns add "$ns"
  ip link add "hodemo-v$i" type veth peer name eth0 netns "$ns"
  ip link set "hodemo-v$i" master hodemo0 up
  ip -n "$ns" addr add "$net.1$i/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
done

# --- replicas ------------------------------------------------------------------------
work=$(mktemp -d /tmp/handout-cluster-demo.XXXXXX)
chmod 755 "$work"   # nginx's workers and the replicas run as nobody
mkdir -p "$work/articles"
cp articles/*.yaml "$work/articles/"
chmod 644 "$work/articles/"*.yaml

now() { date +%s.%N; }
# A sleep that Ctrl-C interrupts at once (bash runs a trap only between commands, or in wait).
pause() { sleep "$1" & wait $!; }

# As in the Kubernetes Deployment: not root, no privilege escalation, no writable home.
start_replica() {
  local i=$1
  ip netns exec "handout-demo-$i" setpriv --reuid=nobody --regid=nogroup --clear-groups --no-new-privs \
    env HOME=/nonexistent "$bin" serve --articles "$work/articles" --host "$net.1$i" --port 8080 --queue "$QUEUE" \
    >>"$work/replica-$i.log" 2>&1 &
  replica_pid[$i]=$!
}

wait_healthy() {
  local i=$1
  for _ in $(seq 1 150); do
    curl -fsS --max-time 1 "http://$net.1$i:8080/healthz" >/dev/null 2>&1 && return 0
    kill -0 "${replica_pid[$i]}" 2>/dev/null || { echo "cluster-demo: replica $i exited:" >&2; tail -5 "$work/replica-$i.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "cluster-demo: replica $i gave no /healthz" >&2
  exit 1
}

for i in "${replicas[@]}"; do start_replica "$i"; done
for i in "${replicas[@]}"; do wait_healthy "$i"; done
echo "cluster-demo: replicas at $net.11-13:8080 (pids ${replica_pid[*]}), $(nproc) cores shared by all"

# --- nginx ---------------------------------------------------------------------------
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
deploy/nginx/render-conf.sh "$work/nginx" "127.0.0.1:$port" "$net.11:8080" "$net.12:8080" "$net.13:8080" >/dev/null
nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$base/healthz" >/dev/null || { echo "cluster-demo: nginx does not answer:" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
echo "cluster-demo: nginx at $base (pid $nginx_pid)"

# --- the 84 PDFs ---------------------------------------------------------------------
paths=()
for doc in handout checklist diary-week diary-month summary roadmap card; do
  for lang in en bn en%2Bbn; do
    for paper in a4 letter; do
      for large in 0 1; do
        paths+=("/articles/hemifacial-spasm/$doc.pdf?lang=$lang&paper=$paper&large-print=$large")
      done
    done
  done
done

# Warm-up: each PDF once, four at a time, so that wrk measures failover, not first renders.
warm_start=$(now)
printf '%s\n' "${paths[@]}" | xargs -P 4 -I{} curl -fsS -o /dev/null "$base{}"
warm_end=$(now)
renders_of() { curl -fsS --max-time 2 "http://$net.1$1:8080/metrics" | awk '/^handout_renders_total/ { n += $2 } END { print n + 0 }' || echo "?"; }
declare -A warm_renders=()
for i in "${replicas[@]}"; do warm_renders[$i]=$(renders_of "$i"); done
echo "cluster-demo: warm-up: ${#paths[@]} PDFs in $(awk -v a="$warm_start" -v b="$warm_end" 'BEGIN { printf "%.1f", b - a }') s;" \
  "renders: replica 1 ${warm_renders[1]}, replica 2 ${warm_renders[2]}, replica 3 ${warm_renders[3]}"

# Statuses counted per thread and added up at the end; requests go round the 84 paths,
# each thread starting at a different place (the same scripts as scripts/load-test.sh).
cat scripts/wrk/statuses.lua scripts/wrk/mixed.lua >"$work/mixed.lua"

# --- load, kill, restart -------------------------------------------------------------
echo
echo "=== wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s through nginx; replica 2 killed at ${KILL_AT} s, restarted ${RESTART_AFTER} s later"
t0=$(now)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -s "$work/mixed.lua" "$base/" >"$work/wrk.out" 2>&1 &
wrk_pid=$!
pause "$KILL_AT"
kill -9 "${replica_pid[2]}"
t_kill=$(now)
wait "${replica_pid[2]}" 2>/dev/null || true
echo "cluster-demo: $(awk -v a="$t0" -v b="$t_kill" 'BEGIN { printf "%.1f", b - a }') s: replica 2 killed (SIGKILL)"
pause "$RESTART_AFTER"
start_replica 2
t_restart=$(now)
wait_healthy 2
t_healthy=$(now)
echo "cluster-demo: $(awk -v a="$t0" -v b="$t_restart" 'BEGIN { printf "%.1f", b - a }') s: replica 2 started again," \
  "healthy after $(awk -v a="$t_restart" -v b="$t_healthy" 'BEGIN { printf "%.2f", b - a }') s"
wait "$wrk_pid" || true
wrk_pid=""
cat "$work/wrk.out"

# --- what happened -------------------------------------------------------------------
out="$work/wrk.out"
requests=$(awk '/requests in/ { print $1 }' "$out")
rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
p50=$(awk '$1 == "50%" { print $2 }' "$out")
p99=$(awk '$1 == "99%" { print $2 }' "$out")
statuses=$(awk '/^STATUS/ { printf "%s%s: %s", sep, $2, $3; sep = ", " }' "$out")
s503=$(awk '$1 == "STATUS" && $2 == 503 { print $3 }' "$out")
failed_status=$(awk '$1 == "STATUS" && ($2 < 200 || $2 >= 400) && $2 != 503 { n += $3 } END { print n + 0 }' "$out")
socket_errors=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$out")
socket_errors=${socket_errors:-0}

# The access log from wrk's start on: t=, then the quoted request, upstreams, statuses.
log="$work/nginx/access.log"
awk -v t0="$t0" '{ for (i = 1; i <= NF; i++) if ($i ~ /^t=/) { t = substr($i, 3); break } } t >= t0' "$log" >"$work/run.log"
summary=$(awk -F'"' '
  { total++
    split($3, a, " "); cache[substr(a[4], 7)]++
    if ($4 ~ /, /) { retried++; how[$6]++ } }
  END {
    printf "nginx: %d requests logged; retried on another replica: %d", total, retried
    for (h in how) printf " [%s: %d]", h, how[h]
    printf "\nnginx cache: "
    for (c in cache) printf "%s %d (%.1f%%)  ", c, cache[c], 100 * cache[c] / total
    printf "\n"
  }' "$work/run.log")
attempts=$(awk -F'"' '{ n = split($4, list, ", "); for (i = 1; i <= n; i++) if (list[i] != "-") seen[list[i]]++ }
  END { for (u in seen) printf "%s %d  ", u, seen[u] }' "$work/run.log")
errlog="$work/nginx/error.log"
refused=$(grep -c "Connection refused) while connecting to upstream" "$errlog" || true)
closed=$(grep -c "prematurely closed\|Connection reset by peer" "$errlog" || true)
disabled=$(grep -c "upstream server temporarily disabled" "$errlog" || true)
nolive=$(grep -c "no live upstreams" "$errlog" || true)
first_back=$(awk -F'"' -v t="$t_healthy" -v up="$net.12:8080" '
  { split($1, a, "t="); split(a[2], b, " ") } b[1] >= t && $4 ~ up { printf "%.2f", b[1] - t; exit }' "$work/run.log")

echo
echo "=== timeline (s from wrk's start: requests, retried, not 2xx/3xx; attempts at replica 2)"
awk -F'"' -v t0="$t0" -v d="$DURATION" -v up="$net.12:8080" '
  { split($1, a, "t="); split(a[2], b, " "); s = int(b[1] - t0)
    n[s]++; if ($4 ~ /, /) r[s]++
    split($3, c, " "); if (c[1] >= 400) bad[s]++
    if ($4 ~ up) two[s]++ }
  END { for (s = 0; s <= d; s++) if (n[s]) printf "%3d s %6d %4d %4d %6d\n", s, n[s], r[s], bad[s], two[s] }' "$work/run.log" |
  awk '{ line[NR] = $0 } END { for (i = 1; i <= NR; i++) { printf "%-34s", line[i]; if (i % 2 == 0) printf "\n" } if (NR % 2) printf "\n" }'

echo
echo "=== summary ($(nproc) cores; 3 replicas, nginx and wrk on the same machine)"
echo "wrk: $requests requests, $rps req/s, p50 $p50, p99 $p99; statuses {$statuses}; socket errors $socket_errors"
echo "$summary"
echo "nginx attempts per replica: $attempts"
echo "nginx error log: $refused refused connections, $closed closed or reset mid-request," \
  "$disabled times a replica was left out (max_fails), $nolive 'no live upstreams'"
echo "replica 2: killed at $(awk -v a="$t0" -v b="$t_kill" 'BEGIN { printf "%.1f", b - a }') s," \
  "started at $(awk -v a="$t0" -v b="$t_restart" 'BEGIN { printf "%.1f", b - a }') s," \
  "healthy $(awk -v a="$t_restart" -v b="$t_healthy" 'BEGIN { printf "%.2f", b - a }') s later," \
  "first request from nginx ${first_back:-none} s after that"
for i in "${replicas[@]}"; do
  health=$(curl -fsS --max-time 2 "http://$net.1$i:8080/healthz" | head -2 | tr '\n' ' ' || echo "no answer")
  echo "replica $i ($net.1$i): /healthz: $health| renders since its start: $(renders_of "$i") (${warm_renders[$i]} after the warm-up)"
done
echo "(503 answers: ${s503:-0}, allowed)"
if ((failed_status + socket_errors > 0)); then
  echo "cluster-demo: FAILED: $failed_status answers other than 2xx/3xx/503, $socket_errors socket errors" >&2
  exit 1
fi
echo "cluster-demo: no request failed"
