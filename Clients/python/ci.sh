#!/usr/bin/env bash
# CI for the Python client, run by Clients/run-tests: a venv, the package installed from this folder (not
# editable, so the tests use what `pip install` installs), its pytest suite (live calls, errors, streams,
# golden encodings, the README example) and the conformance scenario.
# Environment: WARREN_ADDRESS (host:port of a live warrend) and WARREN_TOKEN, set by Clients/run-tests;
# without WARREN_ADDRESS the tests start their own warrend from WARREND (a path). WARREN_PYTHON_VENV
# overrides where the venv goes (default Clients/python/.venv).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${WARREN_PYTHON_VENV:-$here/.venv}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
# protobuf as scripts/python-env pins it; the package itself accepts any protobuf >= 3.20.
"$venv/bin/pip" install --quiet --disable-pip-version-check "protobuf==7.36.2" "pytest==9.2.0"
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$here"

cd "$here"
failed=0
echo "-- pytest"
"$venv/bin/python" -m pytest -q -p no:cacheprovider tests || failed=1
if [ -n "${WARREN_ADDRESS:-}" ]; then
    echo "-- conformance scenario"
    "$venv/bin/python" -m warren_client.conformance --scenario "$here/../conformance/scenario.json" || failed=1
else
    echo "-- conformance scenario: skipped (no WARREN_ADDRESS; tests/test_conformance.py ran it)"
fi
exit "$failed"
