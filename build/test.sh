#!/usr/bin/env bash
# Builds the solution and runs every test project; ends with the plain totals line CI reads:
#   N passed, M failed
# Usage: build/test.sh [extra dotnet test arguments, e.g. --filter Name~Jwt]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# Build everything first: the end-to-end tests start the tools and the sample as processes, so they must be
# built before any test project runs (dotnet test alone builds and runs projects concurrently).
dotnet build WebJobs.Extensions.WebPubSub.sln -c Release
status=$?

# The identity tests talk HTTPS to the stand-in, whose certificate comes from a local CA (created on first use in
# ~/.local/share/webpubsub-standin). When the machine does not trust it yet (.ci/run installs it), trust it for
# this run only: .NET on Linux reads SSL_CERT_DIR (':'-separated), Node.js NODE_EXTRA_CA_CERTS.
if [ "$status" -eq 0 ]; then
  ca_cert="$(dotnet tools/WebPubSubStandIn/bin/Release/net10.0/WebPubSubStandIn.dll ca)" || status=$?
  if [ "$status" -eq 0 ]; then
    if ! openssl verify "$ca_cert" >/dev/null 2>&1; then
      system_certs="$(openssl version -d 2>/dev/null | sed -n 's/^OPENSSLDIR: "\(.*\)"$/\1/p')/certs"
      [ -d "$system_certs" ] || system_certs=/etc/ssl/certs
      export SSL_CERT_DIR="${SSL_CERT_DIR:-$system_certs}:$(dirname "$ca_cert")"
      echo "test.sh: the stand-in's local CA is not installed; trusting it for this run (SSL_CERT_DIR)."
    fi
    export NODE_EXTRA_CA_CERTS="$ca_cert"
  fi
fi

if [ "$status" -eq 0 ]; then
  dotnet test WebJobs.Extensions.WebPubSub.sln -c Release --no-build \
    --logger "trx;LogFilePrefix=results" --results-directory "$results" "$@"
  status=$?
fi

passed=0; failed=0; found=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  found=1
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done

# A build failure or a crashed test host produces no (or too few) results: never report that as green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$found" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
