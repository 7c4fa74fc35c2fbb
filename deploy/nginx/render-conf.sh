#!/usr/bin/env bash
# Makes a whole, runnable nginx.conf from deploy/nginx/handout.conf, for the tests and
# scripts/cluster-demo.sh, so that what they check is the checked-in file itself:
#   render-conf.sh DIR LISTEN SERVER...
#   e.g. render-conf.sh /tmp/x 127.0.0.1:18080 10.77.0.11:8080 10.77.0.12:8080
# writes DIR/nginx.conf with the replicas SERVER... (each with the first `server` line's
# parameters), `listen LISTEN`, and the cache, logs, pid and temporary files in DIR. Run it
# with `nginx -p DIR -e DIR/error.log -c DIR/nginx.conf` (add -t to check only).
# Exits non-zero, saying why, if handout.conf no longer has a line it replaces.
set -euo pipefail

if (($# < 3)); then
  echo "usage: $0 DIR LISTEN SERVER..." >&2
  exit 2
fi
dir=$1 listen=$2
shift 2
source_conf="$(cd "$(dirname "$0")" && pwd)/handout.conf"
[ -f "$source_conf" ] || { echo "render-conf: no $source_conf" >&2; exit 1; }

# Each line this script replaces must still be there, or the result would silently keep
# the production paths and addresses.
for pattern in '^access_log /var/log/nginx/handout-access\.log ' '^proxy_cache_path /var/cache/nginx/handout ' \
               '^    listen 80;$' '^    server [0-9.]+:[0-9]+ '; do
  grep -Eq "$pattern" "$source_conf" || { echo "render-conf: handout.conf has no line matching '$pattern'" >&2; exit 1; }
done

mkdir -p "$dir/cache" "$dir/temp"
dir=$(cd "$dir" && pwd)

{
  echo "# Made by deploy/nginx/render-conf.sh from deploy/nginx/handout.conf; do not edit."
  # As root, nginx's workers run as nobody: they must be able to reach the cache.
  if [ "$(id -u)" -eq 0 ]; then
    echo "user nobody nogroup;"
    chmod 755 "$dir"
    chown nobody:nogroup "$dir/cache" "$dir/temp"
    if ! runuser -u nobody -- test -w "$dir/cache" -a -w "$dir/temp"; then
      echo "render-conf: nginx's workers (user nobody) cannot write in $dir/cache: make the folders above it searchable (chmod o+x)" >&2
      exit 1
    fi
  fi
  echo "worker_processes auto;"
  echo "pid $dir/nginx.pid;"
  # warn: also "upstream server temporarily disabled", which the demo counts.
  echo "error_log $dir/error.log warn;"
  echo "events { worker_connections 1024; }"
  echo "http {"
  echo "    default_type application/octet-stream;"
  for kind in client_body proxy fastcgi uwsgi scgi; do
    echo "    ${kind}_temp_path $dir/temp/$kind;"
  done
  awk -v dir="$dir" -v listen="$listen" -v servers="$*" '
    /^access_log \/var\/log\/nginx\/handout-access\.log / { sub(/\/var\/log\/nginx\/handout-access\.log/, dir "/access.log") }
    /^proxy_cache_path \/var\/cache\/nginx\/handout / { sub(/\/var\/cache\/nginx\/handout/, dir "/cache") }
    /^    listen 80;$/ { $0 = "    listen " listen ";" }
    /^    server [0-9.]+:[0-9]+ / {
      if (done) next
      done = 1
      n = split(servers, list, " ")
      template = $0
      for (i = 1; i <= n; i++) {
        line = template
        sub(/server [0-9.]+:[0-9]+/, "server " list[i], line)
        print "    " line
      }
      next
    }
    { print ($0 == "" ? "" : "    " $0) }
  ' "$source_conf"
  echo "}"
} >"$dir/nginx.conf"
echo "$dir/nginx.conf"
