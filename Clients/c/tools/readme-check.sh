#!/usr/bin/env bash
# Checks that README.md's example (the ```c block between <!-- example:begin --> and <!-- example:end -->)
# is, line for line, the code of examples/quickstart.c between /* readme:begin */ and /* readme:end */
# (less its 4-space indent), so the README shows exactly the program ci.sh runs.
set -euo pipefail
cd "$(dirname "$0")/.."
from_example=$(awk '$0 ~ /^ *\/\* readme:end \*\/$/ {on=0} on {sub(/^    /, ""); print} $0 ~ /^ *\/\* readme:begin \*\/$/ {on=1}' examples/quickstart.c)
from_readme=$(awk '/^<!-- example:end -->$/ {on=0} on && !/^```/ {print} /^<!-- example:begin -->$/ {on=1}' README.md)
if [ -z "$from_example" ] || [ "$from_example" != "$from_readme" ]; then
    echo "readme-check: README.md's example differs from examples/quickstart.c (readme:begin/end):" >&2
    diff <(echo "$from_readme") <(echo "$from_example") >&2 || true
    exit 1
fi
echo "readme-check: README.md shows examples/quickstart.c's example"
