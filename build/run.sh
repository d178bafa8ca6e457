#!/usr/bin/env bash
# The local loop (docs/local-loop.md): builds the Web PubSub stand-in, the local functions host and the chat sample
# (Release), starts the stand-in and the host with the stand-in's event handler pointed at the host, prints the
# URL to open, and stops both on Ctrl+C / SIGTERM.
#
# Env: STANDIN_PORT (default 8080), HOST_PORT (default 7071), RUN_NO_BUILD=1 to skip the build,
#      READY_TIMEOUT seconds to wait for each ready line (default 60).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

standin_port="${STANDIN_PORT:-8080}"
host_port="${HOST_PORT:-7071}"
ready_timeout="${READY_TIMEOUT:-60}"
config=Release
hub=chat

standin_project="tools/WebPubSubStandIn/WebPubSubStandIn.csproj"
host_project="tools/FunctionsHost/FunctionsHost.csproj"
chat_project="samples/Chat/Chat.csproj"
standin_dll="tools/WebPubSubStandIn/bin/$config/net10.0/WebPubSubStandIn.dll"
host_dll="tools/FunctionsHost/bin/$config/net10.0/FunctionsHost.dll"
chat_dll="samples/Chat/bin/$config/net10.0/Chat.dll"

fail() { echo "run.sh: $*" >&2; exit 1; }

for project in "$standin_project" "$host_project" "$chat_project"; do
  [ -f "$project" ] || fail "missing $project: the local loop needs the stand-in, the functions host and the chat sample (see docs/local-loop.md)."
done
for port in "$standin_port" "$host_port"; do
  [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -gt 0 ] && [ "$port" -lt 65536 ] || fail "not a port: '$port'"
done
[ "$standin_port" != "$host_port" ] || fail "STANDIN_PORT and HOST_PORT must differ."

if [ "${RUN_NO_BUILD:-0}" != "1" ]; then
  echo "Building ($config)..."
  for project in "$standin_project" "$host_project" "$chat_project"; do
    dotnet build "$project" -c "$config" -nologo -v quiet -clp:ErrorsOnly || fail "build of $project failed."
  done
fi
for dll in "$standin_dll" "$host_dll" "$chat_dll"; do
  [ -f "$dll" ] || fail "missing $dll after the build."
done

# A fresh access key per run: it signs client tokens and upstream requests, and validates both.
access_key="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
connection_string="Endpoint=http://127.0.0.1;Port=${standin_port};AccessKey=${access_key};Version=1.0;"

logs="$(mktemp -d "${TMPDIR:-/tmp}/webpubsub-local.XXXXXX")"
standin_pid=""; host_pid=""

stop_all() {
  trap - INT TERM
  echo
  echo "Stopping..."
  # SIGTERM, not SIGINT: children started from a script ignore SIGINT. Both stop gracefully on SIGTERM.
  for pid in $host_pid $standin_pid; do kill -TERM "$pid" 2>/dev/null; done
  for pid in $host_pid $standin_pid; do wait "$pid" 2>/dev/null; done
  echo "Stopped. Logs: $logs"
}

# Prefixes each line with the program's name and copies it to its log file. The pipe ignores SIGINT so that a
# terminal's Ctrl+C (sent to the whole process group) does not cut the programs' last lines.
run_logged() {
  local name="$1"; shift
  "$@" > >(trap '' INT; tee "$logs/$name.log" | sed -u "s/^/[$name] /") 2>&1 &
}

# Waits until "$2" appears in the log of process $1 (name $3); fails if it exits first or after the timeout.
wait_ready() {
  local pid="$1" line="$2" name="$3" waited=0
  until grep -qF "$line" "$logs/$name.log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: $name exited before it was ready; see $logs/$name.log" >&2; return 1
    fi
    if [ "$waited" -ge $((ready_timeout * 10)) ]; then
      echo "run.sh: $name not ready after ${ready_timeout}s; see $logs/$name.log" >&2; return 1
    fi
    sleep 0.1; waited=$((waited + 1))
  done
}

trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM

run_logged standin dotnet "$standin_dll" \
  --urls "http://127.0.0.1:${standin_port}" \
  "--StandIn:ConnectionString=${connection_string}" \
  "--StandIn:Hubs:${hub}:UrlTemplate=http://127.0.0.1:${host_port}/runtime/webhooks/webpubsub"
standin_pid=$!

run_logged host dotnet "$host_dll" \
  --urls "http://127.0.0.1:${host_port}" \
  "--Host:Functions=${chat_dll}" \
  "--WebPubSubConnectionString=${connection_string}" \
  "--WebPubSubHub=${hub}"
host_pid=$!

if ! wait_ready "$standin_pid" "Web PubSub stand-in listening on" standin \
   || ! wait_ready "$host_pid" "Functions host listening on" host; then
  stop_all; exit 1
fi

echo
echo "Open http://localhost:${host_port}/api/index"
echo "(Ctrl+C stops both.)"

# Runs until Ctrl+C / SIGTERM, or until either program exits on its own.
while kill -0 "$standin_pid" 2>/dev/null && kill -0 "$host_pid" 2>/dev/null; do
  sleep 1 & wait $!
done
echo "run.sh: a program exited on its own; see $logs" >&2
stop_all
exit 1
