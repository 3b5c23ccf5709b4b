"""A progress bar on stderr, only when stderr is a terminal: tqdm when installed, else a one-line counter."""

from __future__ import annotations

import sys
import time
from typing import IO, Any

__all__ = ["Progress"]


class Progress:
    def __init__(self, total: int | None, *, stream: IO[str] | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.total = total
        self.done = 0
        self._bar: Any = None
        self._start = self._last = time.monotonic()
        if enabled:
            try:
                from tqdm import tqdm
            except ImportError:
                tqdm = None
            if tqdm is not None:
                # No tqdm monitor thread: the batch forks its workers after the bar exists, and forking a process
                # that runs another thread risks a deadlock in the child (Python 3.12+ warns about it). The
                # monitor only helps bars whose updates stall, and this one is updated per outcome.
                tqdm.monitor_interval = 0
                self._bar = tqdm(total=total, file=self.stream, unit="article", dynamic_ncols=True, smoothing=0.1)

    def update(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(n)
            return
        now = time.monotonic()
        if now - self._last >= 0.1 or (self.total is not None and self.done >= self.total):
            self._last = now
            rate = self.done / max(now - self._start, 1e-9)
            of = f"/{self.total}" if self.total is not None else ""
            self.stream.write(f"\r{self.done}{of} inputs, {rate:.1f}/s ")
            self.stream.flush()

    def write(self, message: str) -> None:
        """A message line that does not garble the bar."""
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        elif self.enabled:
            self.stream.write("\r\033[K" + message + "\n")
        else:
            self.stream.write(message + "\n")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.enabled:
            self.stream.write("\n")
        self.stream.flush()
