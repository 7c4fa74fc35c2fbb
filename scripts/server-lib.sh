# Shared by the server scripts (sourced, not run): build the release `handout` (and the
# `handout-server` it starts) when the
# sources are newer, start `handout serve` on a free loopback port with a temporary copy
# of articles/, wait for /healthz, and stop it again.
# Expects: $root (the checkout), $bin (the release binary), $SCRATCH_PATH; sets $work,
# $server_pid and $base.

# build_handout NAME: NAME prefixes the messages.
build_handout() {
  if [ -z "${SKIP_BUILD:-}" ]; then
    if [ ! -x "$bin" ] || [ ! -x "$bin-server" ] || [ -n "$(find Sources Package.swift -newer "$bin" -print -quit)" ] \
       || [ -n "$(find Sources Package.swift -newer "$bin-server" -print -quit)" ]; then
      echo "$1: building release handout into $SCRATCH_PATH (this can take several minutes)"
      for product in handout handout-server; do
        swift build -c release --product $product --scratch-path "$SCRATCH_PATH" 2>&1 | grep -E "error:|Build complete" | tail -3
      done
    fi
  fi
  [ -x "$bin" ] || { echo "$1: no $bin" >&2; exit 1; }
}

# stop_server: kill the server (politely, then not) and remove the temporary folder.
stop_server() {
  if [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "${work:-}"
}

# start_server NAME [serve options…]: the caller's EXIT trap must call stop_server.
start_server() {
  local name=$1; shift
  work=$(mktemp -d "/tmp/handout-$name.XXXXXX")
  mkdir -p "$work/articles"
  cp articles/*.yaml "$work/articles/"
  # COPIES=N adds N copies of the sample under other slugs: a library of N + 1 articles.
  for i in $(seq 1 "${COPIES:-0}"); do
    sed "s/^slug: hemifacial-spasm$/slug: copy-$i/" articles/hemifacial-spasm.yaml >"$work/articles/copy-$i.yaml"
  done
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  "$bin" serve --articles "$work/articles" --host 127.0.0.1 --port "$port" "$@" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { echo "$name: the server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.2
  done
  curl -fsS "$base/healthz" >/dev/null || { echo "$name: no answer from $base/healthz" >&2; exit 1; }
}
