"""Test-wide settings.

Hypothesis draws its examples from a fixed seed by default (profile ``ci``), so the suite, and so CI, gives the
same result on every run: a property failure is then a real regression of the commit, not an unlucky draw, and
it reproduces at once. To hunt for new counter-examples, run with random draws and more of them::

    HYPOTHESIS_PROFILE=explore .venv/bin/python -m pytest tests/test_normalize_properties.py

and add every case it finds as a golden test.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
