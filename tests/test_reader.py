"""Reading inputs: encoding detection on a real article, HTML pages, JSON Lines, bad inputs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar_extract.reader import (
    InputError,
    decode_bytes,
    expand_paths,
    html_to_text,
    iter_items,
    looks_like_html,
    prepare,
)

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
SEED = (INPUTS / "irna_85414319.txt").read_text(encoding="utf-8")
CP1256_FOLD = str.maketrans("ی۰۱۲۳۴۵۶۷۸۹", "ي0123456789")


@pytest.mark.parametrize(
    "name, encoding",
    [
        ("irna_85414319.txt", "utf-8"),
        ("irna_85414319.utf8bom.txt", "utf-8-sig"),
        ("irna_85414319.utf16le.txt", "utf-16-le"),
        ("irna_85414319.utf16be.txt", "utf-16-be"),
    ],
)
def test_reader_decodes_unicode_encodings_of_the_seed_article(name, encoding):
    decoded = decode_bytes((INPUTS / name).read_bytes())
    assert decoded.encoding == encoding
    assert decoded.text == SEED  # BOM removed, nothing else touched
    assert decoded.warnings == []


def test_reader_detects_windows_1256_on_real_persian_text():
    decoded = decode_bytes((INPUTS / "irna_85414319.cp1256.txt").read_bytes())
    assert decoded.encoding == "windows-1256"
    assert decoded.text == SEED.translate(CP1256_FOLD)
    assert "گروههاي جهادي" in decoded.text  # پ گ چ ژ and ZWNJ are where Windows-1256 puts them
    assert decoded.warnings and "windows-1256" in decoded.warnings[0]


@pytest.mark.parametrize("sentence_index", range(0, 12))
def test_reader_detects_windows_1256_on_each_short_paragraph(sentence_index):
    paragraphs = [p for p in SEED.split("\n\n") if len(p.strip()) > 20]
    paragraph = paragraphs[sentence_index % len(paragraphs)].translate(CP1256_FOLD)
    assert decode_bytes(paragraph.encode("cp1256")).text == paragraph


@pytest.mark.parametrize(
    "name, code, words",
    [
        ("empty.txt", "empty", "0 bytes"),
        ("image.png.txt", "binary", "NUL"),
        ("french.cp1252.txt", "undecodable", "Windows-1256"),
    ],
)
def test_reader_rejects_bad_bytes_with_a_clear_message(name, code, words):
    with pytest.raises(InputError) as info:
        decode_bytes((INPUTS / name).read_bytes())
    assert info.value.code == code
    assert words in info.value.message


def test_reader_rejects_control_characters_in_valid_utf8():
    with pytest.raises(InputError) as info:
        decode_bytes(b"\x01\x02\x03\x04\x05\x06" + "سلام".encode())
    assert info.value.code == "binary"


def test_reader_rejects_utf32():
    with pytest.raises(InputError, match="UTF-32"):
        decode_bytes("سلام".encode("utf-32"))


def test_reader_rejects_broken_utf16_after_a_bom():
    with pytest.raises(InputError) as info:
        decode_bytes(b"\xff\xfe" + "سلام".encode("utf-16-le") + b"\x00\xd8")  # lone high surrogate
    assert info.value.code == "undecodable"


def test_reader_html_page_keeps_paragraphs_and_drops_chrome():
    page = (INPUTS / "irna_85414319.html").read_text(encoding="utf-8")
    assert looks_like_html(page)
    text = html_to_text(page)
    expected = "\n\n".join(
        "\n".join(" ".join(line.split()) for line in p.split("\n") if line.strip())
        for p in SEED.split("\n\n")
        if p.strip()
    )
    assert text == expected
    assert "صفحه اصلی" not in text and "var x" not in text and "ایرنا</title>" not in text


def test_reader_html_entities_and_br():
    assert html_to_text("<div>الف&nbsp;ب<br/>ج &lt;د&gt;</div><div></div><p>ه</p>") == "الف ب\nج <د>\n\nه"  # runs of spaces, NBSP included, collapse


def test_reader_prepare_marks_html_format_and_warns():
    (item,) = iter_items([str(INPUTS / "irna_85414319.html")])
    text, source, warnings = prepare(item)
    assert source["format"] == "html" and source["encoding"] == "utf-8"
    assert text.startswith("۲۱ اسفند ۱۴۰۲، ۷:۵۷\nکد خبرنگار: 939")
    assert any("HTML" in w for w in warnings)


def test_reader_jsonl_lines_become_items_with_line_numbers():
    items = list(iter_items([str(INPUTS / "malformed.jsonl")]))
    assert [i.source["line"] for i in items] == [1, 2, 4, 5, 6]  # line 3 is blank: not an input
    assert [i.error[0] if i.error else "ok" for i in items] == ["ok", "bad_json", "bad_record", "bad_record", "ok"]
    assert "Unterminated string" in items[1].error[1]
    good = items[4]
    text, source, _ = prepare(good)
    assert source["id"] == "good-2" and source["url"] == "https://www.irna.ir/news/85414319"
    assert source["format"] == "jsonl" and text.startswith("گروه های جهادی")


def test_reader_size_limit_applies_to_files_and_jsonl_lines(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("سلام " * 100, encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"text": "' + "سلام " * 100 + '"}\n{"text": "کوتاه"}\n', encoding="utf-8")
    items = list(iter_items([str(big), str(lines)], max_bytes=200))
    assert [i.error[0] if i.error else "ok" for i in items] == ["too_large", "too_large", "ok"]
    assert "over the limit of 200 bytes" in items[0].error[1]
    assert items[2].source["line"] == 2


def test_reader_missing_file_and_stdin(tmp_path):
    items = list(iter_items([str(tmp_path / "nope.txt"), "-"], stdin=io.BytesIO("خبر".encode())))
    assert items[0].error[0] == "not_found"
    text, source, _ = prepare(items[1])
    assert text == "خبر" and source["path"] == "<stdin>" and items[1].key.startswith("stdin:")


def test_reader_expand_paths_walks_folders_globs_and_dedupes(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("الف", encoding="utf-8")
    (tmp_path / "a" / "index.tsv").write_text("skip", encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text("skip", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>ب</p>", encoding="utf-8")
    paths = list(expand_paths([str(tmp_path), str(tmp_path / "a" / "x.txt"), str(tmp_path / "*.html")]))
    assert [Path(p).name for p in paths] == ["b.html", "x.txt"]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_reader_any_bytes_decode_or_fail_cleanly(data):
    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        assert exc.code in ("empty", "binary", "undecodable") and exc.message
    else:
        assert isinstance(decoded.text, str)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/&;# =\"'pdivbrscript\nسلام۱۲")), max_size=200))
def test_reader_html_to_text_never_raises(markup):
    assert isinstance(html_to_text(markup), str)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(SEED) - 1), st.integers(1, 400))
def test_reader_any_slice_of_the_seed_round_trips_through_each_encoding(start, length):
    piece = SEED[start : start + length]
    if not piece.strip():
        return
    for codec, bom, name in (("utf-8", b"", "utf-8"), ("utf-16-le", b"\xff\xfe", "utf-16-le")):
        decoded = decode_bytes(bom + piece.encode(codec))
        assert (decoded.text, decoded.encoding) == (piece, name)


def test_reader_tqdm_progress_starts_no_thread_before_the_workers_fork():
    """The batch creates its bar before forking workers: no tqdm monitor thread may be running then."""
    import threading

    pytest.importorskip("tqdm")
    from khabar_extract.records.progress import Progress

    out = io.StringIO()
    bar = Progress(3, stream=out, enabled=True)
    assert bar._bar is not None  # tqdm drew it
    bar.update()
    assert [t.name for t in threading.enumerate() if "tqdm" in t.name] == []
    bar.close()
    assert "1/3" in out.getvalue()


def test_reader_builtin_progress_counter():
    from khabar_extract.records.progress import Progress

    out = io.StringIO()
    bar = Progress(3, stream=out, enabled=True)
    bar._bar = None  # the built-in counter even when tqdm is installed
    for _ in range(3):
        bar.update()
    bar.write("khabar-extract: x.txt: empty: no text")
    bar.close()
    assert "3/3 inputs" in out.getvalue() and "x.txt: empty" in out.getvalue()
    quiet = io.StringIO()
    Progress(3, stream=quiet).update()  # a StringIO is not a terminal: no bar
    assert quiet.getvalue() == ""


def test_reader_damaged_utf8_is_not_mistaken_for_windows_1256():
    data = bytearray(SEED.encode("utf-8"))
    cut = SEED.encode("utf-8").index("گروه".encode()) + 1  # inside a two-byte letter
    del data[cut]
    with pytest.raises(InputError) as info:
        decode_bytes(bytes(data))
    assert info.value.code == "undecodable" and "damaged UTF-8: 1 invalid byte sequence" in info.value.message
