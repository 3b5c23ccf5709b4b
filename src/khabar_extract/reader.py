"""Reading inputs: bytes -> text, HTML pages -> text, JSON Lines of scraped records, path expansion.

Everything here is stdlib only and never modifies the decoded text (spans in records are code points of
the text this module returns). Failures are :class:`InputError` with a short machine ``code`` and a
message a person can act on; the batch turns each one into an error row and carries on.

Encodings (see ``docs/cli.md``):

* a byte-order mark wins: UTF-8 (``utf-8-sig``), UTF-16 LE/BE (``utf-16-le`` / ``utf-16-be``);
* otherwise strict UTF-8 (``utf-8``);
* otherwise Windows-1256 (``windows-1256``), accepted only when the result looks like Persian/Arabic text
  (most letters Arabic-script, almost no control characters); the record gets a warning that it was a guess;
* anything else is ``undecodable``; NUL bytes or many control characters are ``binary``.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

__all__ = [
    "MAX_BYTES",
    "InputError",
    "Decoded",
    "decode_bytes",
    "html_to_text",
    "looks_like_html",
    "Item",
    "expand_paths",
    "iter_items",
    "prepare",
    "source_key",
]

#: Largest accepted article, in bytes (a whole file, or the ``text`` of one JSON Lines record).
#: Real news pages are 5-50 KB of text and rarely over 1 MB of HTML; 10 MiB leaves a wide margin
#: while keeping one runaway file from eating a worker's memory.
MAX_BYTES = 10 * 1024 * 1024

#: File name endings picked up when a folder is walked (explicitly named files are always read).
FOLDER_SUFFIXES = (".txt", ".text", ".htm", ".html", ".xhtml", ".jsonl")
HTML_SUFFIXES = (".htm", ".html", ".xhtml")
JSONL_SUFFIXES = (".jsonl",)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)


class InputError(Exception):
    """One input that cannot become a record. ``code`` is one of
    ``not_found unreadable empty binary undecodable too_large bad_json bad_record``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # C0 controls except \t \n \v \f \r, and DEL


def _control_count(text: str) -> int:
    return len(_CONTROL.findall(text))


def _check_not_binary(text: str, encoding: str) -> None:
    if "\x00" in text:
        raise InputError("binary", f"binary data: NUL characters after decoding as {encoding}")
    controls = _control_count(text)
    if controls > max(2, len(text) // 200):
        raise InputError("binary", f"binary data: {controls} control characters after decoding as {encoding}")


def _arabic_share(text: str) -> tuple[int, int]:
    letters = arabic = 0
    for c in text:
        if c.isalpha():
            letters += 1
            if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff":
                arabic += 1
    return arabic, letters


def decode_bytes(data: bytes) -> Decoded:
    """Detect the encoding of one article's bytes and decode it (strictly: no replacement characters).

    >>> decode_bytes("سلام".encode("utf-8")).encoding
    'utf-8'
    >>> decode_bytes("سلام".encode("utf-16")).encoding in ("utf-16-le", "utf-16-be")
    True
    >>> decode_bytes("سلام بر شما".encode("cp1256")).encoding
    'windows-1256'
    """
    if not data:
        raise InputError("empty", "empty input (0 bytes)")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError("undecodable", "UTF-32 text is not supported: convert it to UTF-8")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise InputError(
                    "undecodable", f"starts with a {name} byte-order mark but is not valid {name}: {exc.reason} "
                    f"at byte {exc.start + len(bom)}"
                ) from None
            _check_not_binary(text, name)
            return Decoded(text, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = f"{exc.reason} at byte {exc.start}"
    else:
        _check_not_binary(text, "utf-8")
        return Decoded(text, "utf-8")
    if b"\x00" in data:
        raise InputError(
            "binary", f"binary data (NUL bytes; not UTF-8: {utf8_error}; UTF-16 needs a byte-order mark)"
        )
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd")
    arabic_utf8, _ = _arabic_share(lenient)
    if arabic_utf8 > 10 * damaged:  # Persian UTF-8 with a few broken bytes: not Windows-1256 (would be mojibake)
        raise InputError(
            "undecodable",
            f"damaged UTF-8: {damaged} invalid byte sequence(s) among {arabic_utf8} Persian/Arabic letters "
            f"(first: {utf8_error}); repair or re-fetch the file",
        )
    text = data.decode("cp1256")  # every byte is defined in Windows-1256
    controls = _control_count(text)
    arabic, letters = _arabic_share(text)
    if controls > max(2, len(text) // 200):
        raise InputError("binary", f"binary data (not UTF-8: {utf8_error}; {controls} control characters)")
    if letters == 0 or arabic < 0.5 * letters:
        raise InputError(
            "undecodable",
            f"not UTF-8 ({utf8_error}) and not Persian text in Windows-1256 "
            f"({arabic} of {letters} letters Arabic-script); convert it to UTF-8",
        )
    return Decoded(text, "windows-1256", ["encoding guessed as windows-1256 (no byte-order mark, not valid UTF-8)"])


# --------------------------------------------------------------------------------------------- HTML

_SKIP_TAGS = frozenset({"script", "style", "nav", "noscript", "template", "svg", "head", "iframe", "object"})
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table thead tbody tfoot tr caption section article header footer "
    "main aside blockquote pre figure figcaption address hr fieldset details summary body title".split()
)
_VOID_SKIP = frozenset({"img", "input", "meta", "link", "source", "wbr"})
_SPACES = re.compile(r"[^\S\n]+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._buf: list[str] = []
        self._skip: list[str] = []

    def _flush(self) -> None:
        raw = "".join(self._buf)
        self._buf.clear()
        lines = [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            self.paragraphs.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip.append(tag)
            return
        if self._skip or tag in _VOID_SKIP:
            return
        if tag == "br":
            self._buf.append("\n")
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag in ("td", "th"):
            self._buf.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            elif tag in self._skip:  # unbalanced markup: close up to the matching open tag
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buf.append(data.replace("\n", " "))

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(html: str) -> str:
    """Visible text of an HTML page: scripts, styles, navigation and the head dropped, one paragraph per
    block element, paragraphs separated by a blank line, runs of spaces collapsed, ``<br>`` kept as a
    line break.

    >>> html_to_text("<html><head><title>t</title></head><body><nav>منو</nav><h1>عنوان</h1>"
    ...              "<p>بند  اول<br>خط دوم</p><script>x()</script><p>بند &amp; دوم</p></body></html>")
    'عنوان\\n\\nبند اول\\nخط دوم\\n\\nبند & دوم'
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return "\n\n".join(parser.paragraphs)


def looks_like_html(text: str) -> bool:
    """True when a text file is really an HTML page (starts with a doctype or an ``<html>`` tag)."""
    head = text.lstrip("\ufeff \t\r\n")[:64].lower()
    return head.startswith(("<!doctype html", "<html"))


# ------------------------------------------------------------------------------------------ inputs


@dataclass
class Item:
    """One article-sized input: a file, one line of a JSON Lines file, or stdin.

    ``payload`` is the raw bytes (files, stdin) or the already decoded ``text`` (JSON Lines); ``error`` is
    set instead when the input failed before decoding (missing, too large, malformed JSON line...).
    """

    source: dict[str, Any]
    key: str
    payload: bytes | str | None = None
    error: tuple[str, str] | None = None
    #: A file not read yet (``iter_items(..., deferred=True)``): its byte limit; :func:`load_item` reads it.
    deferred: int | None = None


def load_item(item: Item) -> Item:
    """The item with its file read and hashed (or its read error set), if it was deferred; else itself."""
    if item.deferred is None:
        return item
    return _read_file(item.source["path"], item.key, item.deferred)


def _read_file(path: str, key: str, max_bytes: int) -> Item:
    source: dict[str, Any] = {"path": path}
    try:
        st = os.stat(path)
        size = st.st_size
        if not stat.S_ISREG(st.st_mode):
            return Item(source, key, error=("unreadable", "not a regular file"))
        if size > max_bytes:
            return Item(source, key, error=("too_large", _too_large(size, max_bytes, "file")))
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        return Item(source, key, error=("not_found", "no such file or directory"))
    except OSError as exc:
        return Item(source, key, error=("unreadable", f"cannot read: {exc.strerror or exc}"))
    if len(data) > max_bytes:  # grew while we looked
        return Item(source, key, error=("too_large", _too_large(len(data), max_bytes, "file")))
    source["sha256"] = _sha256(data)
    return Item(source, key, payload=data)


def source_key(path: str, line: int | None = None, sha256: str | None = None) -> str:
    """Identity of an input in the registry: the real absolute path (plus ``:line`` for a JSON Lines
    record), or ``stdin:<sha256>`` for standard input."""
    if path == "-":
        return f"stdin:{sha256}"
    real = os.path.realpath(path)
    return f"{real}:{line}" if line is not None else real


def _walk(folder: str) -> list[tuple[str, str]]:
    """(path as found, real path) of the readable files under a folder, sorted, hidden entries skipped."""
    found: list[tuple[str, str]] = []
    real_folder = os.path.realpath(folder)
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        real_root = os.path.join(real_folder, os.path.relpath(root, folder)) if root != folder else real_folder
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(FOLDER_SUFFIXES):
                found.append((os.path.join(root, name), os.path.normpath(os.path.join(real_root, name))))
    return found


def _expand(args: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[tuple[str, str]]:
    seen: set[str] = {os.path.realpath(p) for p in exclude}
    for arg in args:
        if arg == "-":
            yield "-", "-"
            continue
        if os.path.isdir(arg):
            candidates = _walk(arg)
        elif not os.path.exists(arg) and glob.has_magic(arg):
            candidates = []
            for hit in sorted(glob.glob(arg, recursive=True)):
                candidates.extend(_walk(hit) if os.path.isdir(hit) else [(hit, os.path.realpath(hit))])
            if not candidates:
                candidates = [(arg, os.path.realpath(arg))]
        else:
            candidates = [(arg, os.path.realpath(arg))]
        for path, real in candidates:
            if real in seen:
                continue
            seen.add(real)
            yield path, real


def expand_paths(args: Iterable[str]) -> Iterator[str]:
    """Files named by the arguments, in order: files as given, folders walked recursively (sorted; only
    ``*.txt *.text *.htm *.html *.xhtml *.jsonl``, hidden entries skipped), glob patterns expanded (sorted),
    ``-`` for stdin. A path that does not exist is yielded as is (it becomes a ``not_found`` error).
    The same real file named twice is yielded once."""
    for path, _real in _expand(args):
        yield path


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _iter_jsonl(path: str, max_bytes: int, real: str) -> Iterator[Item]:
    with open(path, "rb") as fh:
        lineno = 0
        while True:
            raw = fh.readline(max_bytes + 1)
            if not raw:
                break
            lineno += 1
            source: dict[str, Any] = {"path": path, "line": lineno, "format": "jsonl", "encoding": "utf-8"}
            key = f"{real}:{lineno}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                size = len(raw)
                while True:  # skip the rest of the oversized line without holding it
                    chunk = fh.readline(1 << 20)
                    size += len(chunk)
                    if not chunk or chunk.endswith(b"\n"):
                        break
                yield Item(source, key, error=("too_large", _too_large(size, max_bytes, "line")))
                continue
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():  # blank lines are not inputs
                continue
            try:
                obj = json.loads(raw.rstrip(b"\r\n"))
            except UnicodeDecodeError as exc:
                yield Item(source, key, error=("undecodable", f"line is not valid UTF-8: {exc.reason}"))
                continue
            except ValueError as exc:
                yield Item(source, key, error=("bad_json", f"malformed JSON: {exc}"))
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                what = type(obj).__name__ if not isinstance(obj, dict) else "object without a string 'text'"
                yield Item(
                    source, key, error=("bad_record", f'expected {{"text": ..., "id"?, "url"?}}, got {what}')
                )
                continue
            text = obj["text"]
            for name in ("id", "url"):
                if obj.get(name) is not None:
                    source[name] = obj[name] if isinstance(obj[name], str) else json.dumps(obj[name])
            encoded = text.encode("utf-8", "surrogatepass")
            source["sha256"] = _sha256(encoded)
            if len(encoded) > max_bytes:
                yield Item(source, key, error=("too_large", _too_large(len(encoded), max_bytes, "text")))
                continue
            yield Item(source, key, payload=text)


def _too_large(size: int, limit: int, what: str) -> str:
    return f"{what} is {size:,} bytes, over the limit of {limit:,} bytes (--max-bytes)"


def iter_items(
    paths: Iterable[str],
    *,
    max_bytes: int = MAX_BYTES,
    stdin: Any = None,
    exclude: Iterable[str] = (),
    deferred: bool = False,
) -> Iterator[Item]:
    """Every article-sized input under ``paths`` (see :func:`expand_paths`), raw bytes read, sha256 set.

    With ``deferred``, plain files are not read here: :func:`load_item` reads and hashes each one where it
    is processed (a batch's worker process, so the parent does not read every file and send its bytes on).

    Nothing is decoded here; :func:`prepare` does that (in a worker process when the batch is parallel).
    Files in ``exclude`` (the run's own outputs) are never inputs.
    """
    for path, real in _expand(paths, exclude):
        if path == "-":
            data = (stdin or sys.stdin.buffer).read()
            sha = _sha256(data)
            source = {"path": "<stdin>", "sha256": sha}
            if len(data) > max_bytes:
                yield Item(source, source_key("-", sha256=sha), error=("too_large", _too_large(len(data), max_bytes, "input")))
            else:
                yield Item(source, source_key("-", sha256=sha), payload=data)
            continue
        source = {"path": path}
        key = real
        if path.lower().endswith(JSONL_SUFFIXES) and os.path.isfile(path):
            try:
                yield from _iter_jsonl(path, max_bytes, real)
            except OSError as exc:
                yield Item(source, key, error=("unreadable", f"cannot read: {exc.strerror or exc}"))
            continue
        if deferred:
            yield Item(source, key, deferred=max_bytes)
        else:
            yield _read_file(path, key, max_bytes)


def prepare(item: Item) -> tuple[str, dict[str, Any], list[str]]:
    """Decode an item's payload: ``(text, source, warnings)``; ``source`` gains ``format`` and ``encoding``.

    Raises :class:`InputError` for empty, binary or undecodable input.
    """
    item = load_item(item)
    source = dict(item.source)
    if item.error is not None:
        raise InputError(*item.error)
    payload = item.payload
    warnings: list[str] = []
    if isinstance(payload, str):  # a JSON Lines record: already text
        text = payload
        source.setdefault("format", "jsonl")
        source.setdefault("encoding", "utf-8")
        _check_not_binary(text, "utf-8")
    else:
        decoded = decode_bytes(payload or b"")
        text, warnings = decoded.text, list(decoded.warnings)
        source["encoding"] = decoded.encoding
        path = str(source.get("path", "")).lower()
        if path.endswith(HTML_SUFFIXES) or looks_like_html(text):
            source["format"] = "html"
            text = html_to_text(text)
            warnings.append("converted from HTML: spans refer to the extracted text, not the markup")
        else:
            source["format"] = "text"
    if not text.strip():
        raise InputError("empty", "no text (only whitespace)" if text else "no text")
    return text, source, warnings
