"""A regular expression compiled on its first use, for start-up.

A batch loads the pipeline once before its workers fork, and compiling every pattern of a stage costs tens
of milliseconds there although most articles need few of them (in the corpus, 14 of the 19 interview
patterns are used by fewer than 11 % of the articles). :class:`LazyPattern` holds the source and compiles
it with the given function on first access to anything else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["LazyPattern"]

#: The methods bound onto the object once compiled, so that the hot path pays no indirection.
_BOUND = ("match", "search", "finditer", "fullmatch", "findall", "sub", "split")


class LazyPattern:
    """A pattern compiled on first use by ``compile`` (``re.compile`` or ``regex.compile``). ``.pattern`` is
    the source; ``match``/``search``/``finditer``/... are the compiled pattern's own bound methods once
    compiled; any other attribute (``groupindex``, ...) is looked up on the compiled pattern."""

    def __init__(self, source: str, compile: Callable[[str], Any]) -> None:
        self.pattern = source
        self._compile_with = compile

    def _compile(self) -> Any:
        rx = self.__dict__.get("_rx")
        if rx is None:
            rx = self._rx = self._compile_with(self.pattern)
            for name in _BOUND:
                setattr(self, name, getattr(rx, name))
        return rx

    def __getattr__(self, name: str) -> Any:  # only called for what is not set yet
        if name.startswith("__") or name in ("_rx", "_compile_with"):
            raise AttributeError(name)
        return getattr(self._compile(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"
