#!/usr/bin/env bash
# The local loop (docs/local-loop.md): builds the Web PubSub stand-in, the local functions host and the chat sample
# (Release), starts the stand-in and the host with the stand-in's event handler pointed at the host, prints the
# URL to open, and stops both on Ctrl+C / SIGTERM.
#
# Usage: build/run.sh [--identity]
#   --identity (or RUN_IDENTITY=1): the functions host connects with a managed identity instead of the access key,
#   configured as in production (WebPubSubConnectionString__serviceUri/__credential/__clientId); the stand-in then
#   also serves HTTPS (its local CA must be trusted, see README) and an App Service-style identity endpoint.
# Env: STANDIN_PORT (default 8080), STANDIN_HTTPS_PORT (default 8443, with --identity), HOST_PORT (default 7071),
#      RUN_NO_BUILD=1 to skip the build, READY_TIMEOUT seconds to wait for each ready line (default 60).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

identity="${RUN_IDENTITY:-0}"
for argument in "$@"; do
  case "$argument" in
    --identity) identity=1 ;;
    *) echo "run.sh: unknown argument '$argument' (only --identity)" >&2; exit 2 ;;
  esac
done

standin_port="${STANDIN_PORT:-8080}"
standin_https_port="${STANDIN_HTTPS_PORT:-8443}"
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
for port in "$standin_port" "$standin_https_port" "$host_port"; do
  [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -gt 0 ] && [ "$port" -lt 65536 ] || fail "not a port: '$port'"
done
[ "$standin_port" != "$host_port" ] && [ "$standin_https_port" != "$host_port" ] && [ "$standin_https_port" != "$standin_port" ] \
  || fail "STANDIN_PORT, STANDIN_HTTPS_PORT and HOST_PORT must differ."

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

standin_args=(--urls "http://127.0.0.1:${standin_port}" "--StandIn:ConnectionString=${connection_string}"
  "--StandIn:Hubs:${hub}:UrlTemplate=http://127.0.0.1:${host_port}/runtime/webhooks/webpubsub")
host_args=(--urls "http://127.0.0.1:${host_port}" "--Host:Functions=${chat_dll}" "--WebPubSubHub=${hub}")
host_env=()
if [ "$identity" = "1" ]; then
  # A managed identity as App Service provides one: IDENTITY_ENDPOINT/IDENTITY_HEADER for the host, the identity
  # (with the Web PubSub Service Owner role) on the stand-in. No key reaches the host.
  ca_cert="$(dotnet "$standin_dll" ca)" || fail "could not create the stand-in's local CA."
  identity_header="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  client_id="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)"
  standin_args[1]="http://127.0.0.1:${standin_port};https://127.0.0.1:${standin_https_port}"
  standin_args+=("--StandIn:ManagedIdentity:Header=${identity_header}" "--StandIn:Identities:chat:ClientId=${client_id}"
    "--StandIn:Identities:chat:Roles=Web PubSub Service Owner")
  host_env=("IDENTITY_ENDPOINT=http://127.0.0.1:${standin_port}/msi/token" "IDENTITY_HEADER=${identity_header}"
    "WebPubSubConnectionString__serviceUri=https://127.0.0.1:${standin_https_port}"
    "WebPubSubConnectionString__credential=managedidentity" "WebPubSubConnectionString__clientId=${client_id}")
  # .NET on Linux trusts what OpenSSL's store holds; add the CA for the host when it is not installed.
  if ! openssl verify "$ca_cert" >/dev/null 2>&1; then
    host_env+=("SSL_CERT_DIR=${SSL_CERT_DIR:-/etc/ssl/certs}:$(dirname "$ca_cert")")
  fi
else
  host_args+=("--WebPubSubConnectionString=${connection_string}")
fi

run_logged standin dotnet "$standin_dll" "${standin_args[@]}"
standin_pid=$!

run_logged host env "${host_env[@]}" dotnet "$host_dll" "${host_args[@]}"
host_pid=$!

if ! wait_ready "$standin_pid" "Web PubSub stand-in listening on" standin \
   || ! wait_ready "$host_pid" "Functions host listening on" host; then
  stop_all; exit 1
fi

echo
echo "Open http://localhost:${host_port}/api/index"
if [ "$identity" = "1" ]; then
  echo "Identity-based connection: managed identity ${client_id} -> https://127.0.0.1:${standin_https_port}"
  echo "(the page connects to wss://127.0.0.1:${standin_https_port}: your browser must trust ${ca_cert}, see README)"
fi
echo "(Ctrl+C stops both.)"

# Runs until Ctrl+C / SIGTERM, or until either program exits on its own.
while kill -0 "$standin_pid" 2>/dev/null && kill -0 "$host_pid" 2>/dev/null; do
  sleep 1 & wait $!
done
echo "run.sh: a program exited on its own; see $logs" >&2
stop_all
exit 1
