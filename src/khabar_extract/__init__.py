"""khabar_extract: structured, verifiable facts from Persian news articles.

The public API is imported lazily so that ``import khabar_extract`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = ["__version__", "normalize", "Normalized", "extract", "Record"]

_LAZY = {
    "normalize": ("khabar_extract.normalize", "normalize"),
    "Normalized": ("khabar_extract.normalize", "Normalized"),
    "extract": ("khabar_extract.pipeline", "extract"),
    "Record": ("khabar_extract.pipeline", "Record"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .normalize import Normalized, normalize
    from .pipeline import Record, extract


def __getattr__(name: str) -> Any:
    try:
        module_name, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'khabar_extract' has no attribute {name!r}") from None
    import importlib

    value = getattr(importlib.import_module(module_name), attr)
    globals()[name] = value
    return value
