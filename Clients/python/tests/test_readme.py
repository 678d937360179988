"""The README's example runs as written against the live server."""

import os
import pathlib
import re
import subprocess
import sys

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- example:begin -->\s*```python\n(.*?)```\s*<!-- example:end -->", text, re.S)
    assert match, "README.md has no example block"
    return match.group(1)


def test_example_is_short():
    assert len(readme_example().strip().splitlines()) < 20


def test_example_runs(server):
    address, token = server
    environment = dict(os.environ, WARREN_ADDRESS=address)
    environment.pop("WARREN_TOKEN", None)
    if token is not None:
        environment["WARREN_TOKEN"] = token
    result = subprocess.run(
        [sys.executable, "-c", readme_example()], env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "INPUT_LIFECYCLE_STATE_CONSUMED"
    kinds = [line.split()[1] for line in lines[1:]]
    assert kinds[0] == "runtime_created"
    assert "input_accepted" in kinds and "run_completed" in kinds
