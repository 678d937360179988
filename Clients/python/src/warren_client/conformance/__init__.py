"""The Python runner of the language-neutral conformance scenario (Clients/conformance/scenario.json)."""
