"""A rule's ``requires`` prefilter never hides a finding: every segment the rule reports when it
checks segments one by one, prefilter aside, has what ``requires`` looks for (docstring examples,
the samples, and text written to tempt each rule)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.config import Config
from tqcheck.io.glossary import in_force
from tqcheck.io.text import parse_text
from tqcheck.registry import Context, SegmentRule
from tqcheck.rules import all_rules

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEMPTING = [
    "the 1er and 2e of May, the XIXe siècle, the 21st century, XXe",
    "3 100 people, 1\u00a0000 euros, 2\u202f500, 1,5 million, 12/05/2023, 3.4.2021, 9h30, 17 h, 9H",
    "he said , and ; then .. or ,, with « quotes » and ‹ these › and a lone »",
    "“, Then “Yes”, She said, \"No\", He said ,” They left. and then. it went",
    "&amp; &#233; <br> <b>bold</b> &nbsp",
]


def _texts() -> list[str]:
    texts = list(TEMPTING)
    for cls in all_rules():
        for _, example in cls.examples():
            if example.split(":", 1)[0] in ("xliff", "po", "markdown"):
                continue
            texts += [part.partition("<<<")[0].partition("|||")[0].strip() for part in example.split("\\n")]
    for path in sorted(SAMPLES.glob("*/*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    return texts


PREFILTERED = [cls for cls in all_rules() if issubclass(cls, SegmentRule) and cls.requires is not None]


def test_some_rules_have_prefilters():
    assert len(PREFILTERED) >= 10


@pytest.mark.parametrize("cls", PREFILTERED, ids=lambda c: c.code)
def test_prefilter_hides_no_finding(cls):
    rule = cls()
    config = Config()
    ctx = Context(config, glossary=in_force(config), rules_in_force=frozenset({cls.code}))
    reported = 0
    for text in _texts():
        if not text.strip():
            continue
        doc = parse_text(text, "<text>")
        for seg in doc.segments:
            if list(rule.check_segment(doc, seg, ctx)):
                reported += 1
                assert cls.requires.search(seg.text), f"{cls.code} reports {seg.text!r}, which its prefilter passes over"
    assert reported, f"{cls.code}: no text here makes it report; add one to TEMPTING"
