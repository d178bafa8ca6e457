#!/usr/bin/env bash
# Builds the package and runs the smoke program (samples/Smoke): a real WebJobs host with the extension, driven
# through its webhook exactly as the Web PubSub service would drive it. Exits non-zero on any unexpected answer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet run --project samples/Smoke -c Release "$@"
