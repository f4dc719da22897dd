"""Settings for the whole test run; shared helpers live in tests/helpers."""

from __future__ import annotations

import os

from hypothesis import settings

# CI must not flake on a new random example: there the property tests replay a fixed set
# (derandomize); runs on a developer's machine keep exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
