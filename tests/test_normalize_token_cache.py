"""The ZWNJ pass caches, per lexicon, what each space-separated token brings (flags and edges): the output
must not depend on what the cache holds (cold, warm, or reset part-way through the texts)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar_extract.normalize import _PIECE_RUN, ZwnjLexicon, apply_fixes, load_lexicon, normalize

FIXTURES = Path(__file__).parent / "fixtures" / "normalize"
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
BUNDLED = resources.files("khabar_extract") / "data" / "normalize"


def _stripped(text: str) -> str:
    """The benchmark's corruption: every ZWNJ deleted, alternately glued and spaced (many repairs)."""
    parts = text.split(ZWNJ)
    return "".join(p + ("" if k % 2 == 0 else " ") for k, p in enumerate(parts[:-1])) + parts[-1]


def _results(lex: ZwnjLexicon) -> list[tuple[str, tuple]]:
    docs = [normalize(t, lexicon=lex) for text in ARTICLES for t in (text, _stripped(text))]
    return [(d.text, d.fixes) for d in docs]


def test_normalize_token_cache_cold_warm_and_reset_give_the_same_output() -> None:
    expected = [(d.text, d.fixes) for d in (normalize(t) for text in ARTICLES for t in (text, _stripped(text)))]
    lex = load_lexicon(str(BUNDLED))
    assert _results(lex) == expected  # cold
    assert _results(lex) == expected  # warm
    lex.TOKEN_CACHE_SIZE = 5  # reset before almost every text
    assert _results(lex) == expected


def test_normalize_token_cache_spaced_repair_alone_ignores_split_words() -> None:
    # Without the glued repair, a space next to a glued word is not looked at for the word's parts; the
    # spaced repair alone still joins the plural suffix.
    text = "کتابهای درسی گروه های جهادی"
    assert apply_fixes(text, ["zwnj_spaced"]) == f"کتابهای درسی گروه{ZWNJ}های جهادی"
    assert apply_fixes(text, ["zwnj_glued"]) == f"کتاب{ZWNJ}های درسی گروه های جهادی"
    assert normalize(text).text == f"کتاب{ZWNJ}های درسی گروه{ZWNJ}های جهادی"


def test_normalize_token_cache_line_breaks_separate_tokens_but_are_never_joined() -> None:
    # Line breaks separate tokens (the words around a paragraph break hit the cache), but only a space is
    # ever replaced: a pair across a line break stays apart, a glued word next to one is still split, and a
    # space right after or before one is still joined.
    assert normalize("او می\nکند و گروه\nهای جهادی").text == "او می\nکند و گروه\nهای جهادی"
    text = "این طرح اجرا شده است.\n\nگروه های جهادی میکند\nو کتابهای\n\nدرسی را می گیرند"
    assert normalize(text).text == (
        f"این طرح اجرا شده است.\n\nگروه{ZWNJ}های جهادی می{ZWNJ}کند\nو کتاب{ZWNJ}های\n\nدرسی را می{ZWNJ}گیرند"
    )



def test_normalize_token_cache_word_then_punctuation_takes_the_words_flags() -> None:
    """A new token made of a word between punctuation or digits (before it, after it or both) takes the word's flags
    and edges less those of the side framed, its cuts moved: exactly what describing it from scratch gives.  So do
    punctuation and digits alone, words never seen alone, and words framed by other characters."""
    lex = load_lexicon(str(BUNDLED))
    words = ["گروههای", "میکند", "ایرنا", "زدایی", "ها", "می", "جالیز", "محروم", "خدماترسانی", "قرض", "کتابهایی"]
    frames = [("", "،"), ("", "."), ("", "؟"), ("", ":"), ("", "»"), ("", ".\N{ZERO WIDTH NON-JOINER}"), ("", "۱۲"),
              ("«", ""), ("(", ")"), ("۱۲", "،"), ("«", "»،"), ("-", "/"), ("", "\N{EM DASH}"), ("$", "")]
    tokens = [head + w + tail for w in words for head, tail in frames]
    tokens += ["۱۳۹۷", "۷:۵۷", "«»", "۱۴۰۲،", "captcha", "T", "روستاهاست.", "«قرارگاهها»", "گروه.های", "10%"]
    flags: dict[str, int] = {}
    edges: dict[str, object] = {}
    lex._describe(set(words[::2]), flags, edges)  # (half the words seen alone first)
    lex._describe(set(tokens), flags, edges)
    fresh = load_lexicon(str(BUNDLED))
    for token in tokens:
        runs = _PIECE_RUN.findall(token)
        want_flags, want_edges = fresh._flags_and_edges(token, runs) if runs else (0, None)
        assert flags[token] == want_flags, token
        if want_flags:
            assert edges[token] == want_edges, token
    assert any(flags[t] for t in tokens) and not all(flags[t] for t in tokens)


def test_normalize_token_cache_new_tokens_are_described_in_the_one_lookup() -> None:
    """token_flags reads known tokens and describes new ones in the same pass (a word after the same word with
    punctuation, unknown words no rule splits, glued words): each as _flags_and_edges gives it from scratch."""
    lex = load_lexicon(str(BUNDLED))
    tokens = ["گروههای،", "گروههای", "جالیز", "خورشیدی", "میکند.", "قرارگاهها", "۱۳۹۷", "جالیز", "می", "ها"]
    flags, edges = lex.token_flags(tokens)
    fresh = load_lexicon(str(BUNDLED))
    for token, got in zip(tokens, flags, strict=True):
        runs = _PIECE_RUN.findall(token)
        want_flags, want_edges = fresh._flags_and_edges(token, runs) if runs else (0, None)
        assert got == want_flags, token
        if want_flags:
            assert edges[token] == want_edges, token
    assert lex.split("جالیز") is None and lex.split("قرارگاهها") == ("قرارگاه", "ها")
    assert lex.token_flags(tokens)[0] == flags  # (now all cached)


_MARKED = [  # words against the punctuation the ZWNJ pass separates tokens at, and between letters
    "گروه های جهادی، گروههای مردمی: «خدمات رسانی» به روستاها. می کنند؟ بله؛ کتابهای درسی",
    "«گروه های» گروه،های گروه.های می.کنند می؟ کنند «می» کنند گروه: های گروه ،های گروه «های»",
    "اطلاع رسانی، محرومیت زدایی؛ قرارگاهها. برچسبها: استانهایی؟ «میکند» ۱۴۰۲، ۷:۵۷ ه.ش",
]


def _outputs(texts: list[str], lex: ZwnjLexicon | None = None) -> list[tuple]:
    """Text, fixes, offsets and a replay of each text normalised with ``lex`` (default: the bundled lexicon)."""
    out = []
    for text in texts:
        doc = normalize(text, lexicon=lex)
        n = len(doc.text)
        spans = [doc.to_original(i, min(i + 2, n)) for i in range(n + 1)]
        out.append((doc.text, doc.fixes, spans, apply_fixes(text, ["zwnj_spaced"], doc.options)))
    return out


def test_normalize_token_cache_punctuation_breaks_change_no_output(monkeypatch) -> None:
    """The ZWNJ pass separates tokens at the commonest punctuation as at spaces (_TOKEN_BREAKS), so that a word
    before a comma is a cached word: text, fixes and offsets are what tokens separated at line breaks alone give."""
    import khabar_extract.normalize as nz

    texts = _MARKED + [t for text in ARTICLES for t in (text, _stripped(text))]
    # (each with a fresh lexicon: nothing cached from the other configuration)
    want = _outputs(texts, load_lexicon(str(BUNDLED)))
    assert any("،" in t or "«" in t for t in texts) and nz._TOKEN_BREAKS != "\n"
    monkeypatch.setattr(nz, "_TOKEN_BREAKS", "\n")
    assert _outputs(texts, load_lexicon(str(BUNDLED))) == want


_PIECES = ["گروه", "های", "ها", "می", "کنند", "کتابهای", "خدمات", "رسانی", "و", "شده", "اند", "جالیز", "۱۲", " ", " ", "\n"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.sampled_from(list("،؛؟.:«»!()"))), max_size=30).map("".join))
def test_normalize_token_cache_punctuation_breaks_change_no_output_fuzzed(text: str) -> None:
    import khabar_extract.normalize as nz

    want = _outputs([text])
    with mock.patch.object(nz, "_TOKEN_BREAKS", "\n"):
        assert _outputs([text]) == want


def test_normalize_token_cache_frames_hold_no_letter() -> None:
    """A new token of letters alone is described without looking for a frame (str.isalpha): that needs every
    character that may frame a word to be no letter, and the tokens separated at to be single characters."""
    import khabar_extract.normalize as nz

    assert not any(c.isalpha() for c in nz._FRAME_CHARS)
    assert all(len(mark) == 1 and not mark.isalpha() and mark not in nz._PIECE_CHARS for mark in nz._TOKEN_BREAKS)


def test_normalize_token_cache_unflagged_known_word_is_its_own_edges() -> None:
    """The ZWNJ pass reads an unflagged known word next to a candidate space as its own lead and trail, neither split,
    without asking token_edges: what token_edges gives for it."""
    lex = load_lexicon()
    words = ["محرومیت", "پایگاه", "طرح", "نقش", "استان", "صندوق", "اشتغال", "جهادی", "روستا", "گروه", "ها", "می"]
    flags, edges = lex.token_flags(words)
    quiet = [w for w, f in zip(words, flags, strict=True) if not f]
    assert quiet and len(quiet) < len(words) and all(w in lex.pure_pieces for w in quiet)
    for w in quiet:
        lead, lead_part, trail, trail_part, cuts = lex.token_edges(w, edges)
        assert (lead, lead_part, trail, trail_part, cuts) == (w, w, w, None, ())
