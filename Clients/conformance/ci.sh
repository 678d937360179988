#!/usr/bin/env bash
# Cross-client checks run by Clients/run-tests (each client's own ci.sh runs the scenario in scenario.json):
# the mixed-language load, Python and Go ingesting into the same sessions while C follows the stream.
set -euo pipefail
"$(dirname "$0")/mixed-load"
