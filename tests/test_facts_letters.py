"""The month and money patterns are compiled by the stdlib engine with WEND spelt for it (_STD_WEND): it must
accept exactly the code points that the regex module's (?!\\p{L}) accepts (so _letters.py is current: else run
scripts/build_letters.py), and the patterns must match as their regex-module originals."""

import importlib
import re

import regex

ptmod = importlib.import_module("khabar_extract.facts.patterns")


def test_facts_std_wend_is_the_regex_module_wend_on_every_code_point():
    std, rx = re.compile(ptmod._STD_WEND), regex.compile(ptmod.WEND)
    text = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)
    mismatched = [text[i] for i in range(len(text)) if (std.match(text, i) is None) != (rx.match(text, i) is None)]
    assert mismatched == []


def test_facts_month_and_money_patterns_match_as_the_regex_module_originals():
    p = ptmod.patterns()
    texts = [
        "۲۱ اسفند ۱۴۰۲ و ۱۱تیرماه۱۳۷۹ و ۵ مهرماه و ۳ مهر² و ۴ ماه مبارک رمضان ۱۴۴۵ ه.ق و ۱۰ مهرانه",
        "۲.۵ میلیارد تومان و ۳ هزار میلیارد ریالی و ۴ دلار آمریکا و ۱۰ میلیون دلارهای و ۵ ریال½ و ۷ تومانی",
    ]
    for name in ("month_after", "money_after"):
        std = getattr(p, name)
        assert isinstance(std._compile(), re.Pattern)
        original = regex.compile(std.pattern.replace(ptmod._STD_WEND, ptmod.WEND))
        for text in texts:
            for at in range(len(text)):
                a, b = std.match(text, at), original.match(text, at)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (name, text[at:])
