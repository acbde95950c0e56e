"""The whole pipeline on random Unicode documents, references and sources (hypothesis): no
exception, every finding's text is its span of the segment, and every suggestion differs from
the text it replaces and changes nothing else on the line. The budget is a hypothesis profile
(tests/conftest.py): 30 examples by default, 400 with CI=true (derandomized)."""
import os

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import example, given, strategies as st  # noqa: E402

from tqcheck.api import document  # noqa: E402
from tqcheck.config import Config  # noqa: E402
from tqcheck.engine import run  # noqa: E402
from tqcheck.report import get_renderer  # noqa: E402

#: Pieces the rules react to, mixed with arbitrary characters.
PIECES = ["le", "la", "de", "des", "l’", "d'", "the", "The", "of", "2e", "1er", "XIXe", "M.", "Mme", "«", "»", "‹", "›",
          "“", "”", "‘", "’", '"', "'", " ", "  ", "\t", "\u00a0", "\u202f", "\u2009", ",", ".", "...", "…", ":", ";",
          "!", "?", "10", "1,5", "3.000", "3 000", "15h30", "%", "€", "$", "Baghdad", "Bagdad", "Hachd", "Hashd",
          "al-Chaabi", "Etats-Unis", "ONU", "UN", "lundi", "Monday", "janvier", "—", "–", "-", "(", ")", "[", "]",
          "a", "é", "A", "Le", "Il a dit", "selon", "according to", "«\u00a0", "\u00a0»", "\u200b", "\ufeff", "\x1b[1m"]

STRICT = True  # a rule that reports one span twice fails, as in the docstring-example tests
text_chars = st.characters(blacklist_characters="\n\r", blacklist_categories=("Cs",))
segment = st.lists(st.one_of(st.sampled_from(PIECES), st.text(text_chars, max_size=4)), min_size=1, max_size=14) \
    .map("".join).filter(lambda s: s.lstrip("\ufeff").strip())


@st.composite
def documents(draw):
    n = draw(st.integers(1, 4))
    mt = draw(st.lists(segment, min_size=n, max_size=n))
    refs = draw(st.lists(st.lists(segment, min_size=n, max_size=n), max_size=2))
    src = draw(st.none() | st.lists(segment, min_size=n, max_size=n))
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return sep.join(mt), [sep.join(r) for r in refs], (sep.join(src) if src is not None else None)


@given(documents())
@example(("«\u00a0\x1b\u00a0»", [], None))  # an ESC in a TQ201 message reached the GitHub log
@example(("º", [], "A"))  # TQ809 suggested 'º' for 'º': it has no capital
def test_pipeline_on_random_documents(doc):
    text, refs, src = doc
    d = document(text, refs, src, path="fuzz.en.txt")
    report = run([d], Config(jobs=1, worst=2), strict=STRICT)
    [fr] = report.files
    lines = {seg.line: seg.text for seg in fr.document.segments}
    for f in fr.findings:
        line = lines[f.line]
        assert 1 <= f.column < f.end_column <= len(line) + 1, f
        assert f.text == line[f.column - 1:f.end_column - 1], f
        if f.suggestion is not None:
            assert f.suggestion != f.text, f
            fixed = line[:f.column - 1] + f.suggestion + line[f.end_column - 1:]
            assert fixed != line, f
            assert "\n" not in f.suggestion and "\r" not in f.suggestion, f
    import io

    for fmt in ("text", "json", "github", "sarif", "junit", "markdown", "gitlab"):
        out = io.StringIO()
        get_renderer(fmt)(report, out)
        if fmt in ("text", "github"):
            assert "\x1b" not in out.getvalue()
