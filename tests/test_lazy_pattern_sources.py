"""Start-up: the facts and interview patterns are compiled on first use (``LazyPattern``); every one of them
must compile, with the groups of its source, by the engine its module uses."""

from __future__ import annotations

import dataclasses
import importlib
import re
from collections.abc import Callable
from typing import Any

import pytest
import regex

from khabar_extract.facts.patterns import WordPattern
from khabar_extract.lazy_pattern import LazyPattern


def _facts_patterns() -> Any:
    return importlib.import_module("khabar_extract.facts.patterns").patterns()


def _interview_lexicon() -> Any:
    return importlib.import_module("khabar_extract.article.interview")._lexicon()


@pytest.mark.parametrize(
    ("load", "compile_source", "at_least"),
    [(_facts_patterns, regex.compile, 20), (_interview_lexicon, re.compile, 19)],
    ids=["facts", "interview"],
)
def test_lazy_patterns_compile_as_their_source(load: Callable[[], Any], compile_source: Callable, at_least: int) -> None:
    holder = load()
    # a WordPattern (facts) is a LazyPattern of the regex module with a stdlib twin
    lazy = [f.name for f in dataclasses.fields(holder)
            if isinstance(getattr(holder, f.name), (LazyPattern, WordPattern))]
    assert len(lazy) >= at_least
    for name in lazy:
        rx = getattr(holder, name)
        assert isinstance(rx.pattern, str)
        assert rx.groupindex == compile_source(rx.pattern).groupindex  # any attribute compiles it
