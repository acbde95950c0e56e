"""The shortcuts the hot paths take give what the plain way gives (hypothesis, on random text built
from the pieces they react to): TQ918's exact-look-up pass never counts more than the full count,
and the number reader's "a pattern needs one of these strings" guards never skip a match."""
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given
from hypothesis import strategies as st

from tqcheck.text import mentions, numscan
from tqcheck.text.bilingual import coverage, quick_coverage

FRENCH = ["gouvernements", "ont", "voté", "2 500", "amendements", "à", "Bagdad", "l'eau", "économie", "les",
          "pompiers", "incendie", "forêt", "trois", "jours", "président", "a", "déclaré", "mardi", "Paris", "élève"]
ENGLISH = ["Governments", "passed", "2,500", "amendments", "in", "Baghdad", "water", "the", "economy", "firefighters",
           "fire", "forest", "three", "days", "president", "said", "Tuesday", "policies", "trying", "curves", "Éric"]
NUMBERS = ["16h30", "16 heures", "4:30", "p.m.", "GMT", "0800", "1990s", "'90s", "années", "1980", "huitièmes", "de",
           "finale", "8es", "3/4", "2012-13", "2012 - 13", "midi", "noon", "Seventy", "-", "two", "thirty - eighth",
           "12-Mai", "XXIe", "sept", "deux", "premier", "15/12/2022", "3 janvier", "January", "3", "milliards", "Eighties"]
SEPARATORS = [" ", " ", ", ", ". ", "-", "'", "’", "\u00a0", "/", ":", ""]


def _text(words):
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(SEPARATORS)), min_size=1, max_size=16) \
        .map(lambda parts: "".join(w + s for w, s in parts))


@given(_text(FRENCH + ENGLISH), _text(ENGLISH + FRENCH))
def test_quick_coverage_is_a_lower_bound_of_coverage(source, text):
    quick, full = quick_coverage(source, text), coverage(source, text)
    assert (quick.source_words, quick.words) == (full.source_words, full.words)
    assert quick.source_rendered <= full.source_rendered and quick.rendered <= full.rendered


@given(_text(NUMBERS + FRENCH), _text(NUMBERS + ENGLISH))
def test_pattern_guards_skip_no_match(source, text):
    guarded = (mentions.source_numbers(source), mentions.translation_numbers(text))
    plain = numscan._Scanner.finditer

    def unguarded(self, pattern, *needs):
        return self._matches(pattern)  # neither the needs nor the digit guard

    numscan._Scanner.finditer = unguarded
    try:
        unguarded_result = (mentions.source_numbers(source), mentions.translation_numbers(text))
    finally:
        numscan._Scanner.finditer = plain
    assert guarded == unguarded_result


WORDS = ["the", "army", "said", "talks", "would", "resume", "next", "week", "rebels", "Geneva", "Hachd", "Hashd",
         "ceasefire", "dispute", "suspended", "spring", "of", "a", "U.S.", "2,500", "4:30", "a.m.", "president’s"]
SPACES = [" ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\u2028", ", ", " - "]


@given(_text(WORDS), _text(WORDS))
def test_reference_runs_shortcut_and_lazy_tokens(text, other):
    from tqcheck.rules.tq9xx_fidelity.reference import aligned_runs, unmatched_runs
    from tqcheck.text.tokens import RunTokens

    own_tokens, other_tokens = RunTokens.of(text), RunTokens.of(other)
    assert unmatched_runs(own_tokens, other_tokens) == aligned_runs(own_tokens, other_tokens)
    assert len(own_tokens.raw) == len(own_tokens.spans) == len(own_tokens.stems) == len(own_tokens.content)
    assert [text[a:b] for a, b in own_tokens.spans] == list(own_tokens.raw)


@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), max_size=12))
def test_run_tokens_split_where_the_spans_do(parts):
    from tqcheck.text.tokens import RunTokens

    text = "".join(w + s for w, s in parts)
    tokens = RunTokens.of(text)
    assert [text[a:b] for a, b in tokens.spans] == list(tokens.raw) == text.split()


LETTERS = ["a", "b", "A", "B", "é", "É", "ß", "œ", "Œ", "İ", "ı", "σ", " ", "-", "'", "’", "\u2010", "3", "_", "."]


@given(st.sets(st.text(alphabet=LETTERS[:9] + [" ", "-", "'"], min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet=LETTERS, max_size=24), st.sampled_from(["", r"(?![\w])", r"(?![\w]|-(?![^\W\d_]))", r"\b"]),
       st.booleans())
def test_trie_alternation_matches_what_the_sorted_alternation_matches(words, text, tail, ignorecase):
    import re

    from tqcheck.text.alternation import alternation

    flags = re.IGNORECASE if ignorecase else 0
    plain = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    sorted_re = re.compile(rf"(?<![\w-])(?:{plain}){tail}", flags)
    trie_re = re.compile(rf"(?<![\w-])(?:{alternation(words, ignorecase)}){tail}", flags)
    assert [m.span() for m in trie_re.finditer(text)] == [m.span() for m in sorted_re.finditer(text)]


@given(st.lists(st.sampled_from(LETTERS + ["Hachd", "al-", "al-Hachd", "ex-Président", "McCain", "O'Brien", "USA", "Jean-Luc", "’s", "iPhone"]),
                max_size=16).map("".join))
def test_name_candidates_skip_only_words_that_hold_none(text):
    """The pattern that finds the words that may hold a name visits every word of _WORD_RE that holds one."""
    from tqcheck.text import names

    every = tuple(c for m in names._WORD_RE.finditer(text) for c in (
        (s + m.start(), e + m.start(), spelling, first and names.is_sentence_start(text, s + m.start(), dash=True))
        for s, e, spelling, first in names._word_candidates(m.group(0))))
    assert names.name_candidates.__wrapped__(text) == every
