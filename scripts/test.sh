#!/usr/bin/env bash
# The README's test command: set up what the tests need on this machine, then run every test.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec dotnet test ChatBot.sln -c Release "$@"
