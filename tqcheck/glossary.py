"""The glossary model: terms a translation must use, the glossary in force, and matching.

A :class:`Term` says: where the source has one of ``sources``, the translation
uses ``required`` (or one of the admitted ``allowed`` forms), never one of the
forbidden ``variants``. A :class:`Glossary` holds the terms in force for a run (user
terms first, then the default ones not overridden: :func:`build`) and answers the
glossary rules' questions (forbidden hits, source terms, preferred spellings).

The readers (``--glossary`` files in TSV, CSV and TBX, and the default glossary's data
files) are in ``tqcheck.io.glossary``. No I/O here.
"""
from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Iterator

from .errors import InputError
from .text.fold import PREFIX_RE, bare, strip_accents, term_key
from .text.names import name_key, name_words
from .text.tokens import term_tokens

#: The rule that enforces user glossaries (and the default transliterations).
USER_RULE = "TQ502"

_SPACES_RE = re.compile(r"\s+")


def _contains(tokens: list[tuple[str, str]], phrase: list[tuple[str, str]]) -> bool:
    """Does the word sequence ``phrase`` occur in ``tokens``? Words in capitals must match in case (IS is not "is")."""
    n = len(phrase)
    if not n:
        return False
    for i in range(len(tokens) - n + 1):
        if all(t[0] == p[0] and (not _acronym(p[1]) or t[1] == p[1]) for t, p in zip(tokens[i:i + n], phrase)):
            return True
    return False


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


# --------------------------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    ``origin`` is ``file:line`` for a glossary file, ``data-file:line (default, RULE)``
    for the default glossary; ``rule`` is the rule that reports the forbidden
    variants (TQ502 for glossaries and transliterations, TQ603, TQ604 or TQ701).
    """

    required: str
    variants: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    note: str = ""
    origin: str = ""
    rule: str = USER_RULE
    allowed: tuple[str, ...] = ()
    default: bool = False

    @property
    def source(self) -> str:
        return "|".join(self.sources)

    @property
    def english(self) -> tuple[str, ...]:
        """The required term and the admitted alternatives."""
        return (self.required,) + self.allowed

    def suggestion_for(self, matched: str) -> str | None:
        """The replacement for a match of one of the variants.

        A variant that stands for the whole name is replaced by the required term;
        a variant that is part of a longer one ("Mouhandis" of "Abou Mehdi
        al-Mouhandis") by the matching part of the required term ("Muhandis"),
        found by transliteration key or by position. None when no part matches.
        """
        words = matched.split()
        longer = [v.split() for v in self.variants + self.sources if len(v.split()) > len(words)]
        if not any(_run_at(words, full) is not None for full in longer):
            return self.required
        target = self.required.split()
        k = len(words)
        keys = [name_key(bare(w)) for w in words]
        for p in range(len(target) - k + 1):  # by transliteration key: Hachd -> Hashd
            if [name_key(bare(w)) for w in target[p:p + k]] == keys:
                return _join_like(words, target[p:p + k])
        for full in longer:  # by position in a longer variant of the same length: Chareh -> Sharaa
            p = _run_at(words, full)
            if p is None or len(full) != len(target):
                continue
            part = target[p:p + k]
            if all(name_key(bare(a))[:1] == name_key(bare(b))[:1] for a, b in zip(words, part)):
                return _join_like(words, part)
        return None


def _run_at(words: list[str], full: list[str]) -> int | None:
    """Where ``words`` occur as consecutive words of ``full`` (an al- prefix may differ), else None."""
    k = len(words)
    for p in range(len(full) - k + 1):
        if all(term_key(bare(a)) == term_key(bare(b)) for a, b in zip(words, full[p:p + k])):
            return p
    return None


def _join_like(words: list[str], part: list[str]) -> str:
    """``part`` joined, without an al- prefix where the matched word has none."""
    return " ".join(b if PREFIX_RE.match(a) else bare(b) for a, b in zip(words, part))


_EQUIVALENT = {c: group for group in ("'\u2019\u02bc", "-\u2010\u2011") for c in group}


def _variant_pattern(text: str) -> str:
    """A regex for ``text``: any kind of space, hyphen or apostrophe where it has one."""
    out = []
    for ch in text:
        if ch.isspace():
            out.append(r"[\s\u00a0\u202f]+")
        elif ch in "-\u2010\u2011":
            out.append("[-\u2010\u2011]")
        elif ch in "'\u2019\u02bc":
            out.append("['\u2019\u02bc]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _forms(texts: Iterable[str]) -> set[str]:
    """``texts`` as ``_alternation`` matches them: spaces made one, in composed and decomposed Unicode."""
    forms = set()
    for t in texts:
        t = _SPACES_RE.sub(" ", t.strip())
        forms.add(unicodedata.normalize("NFC", t))
        forms.add(unicodedata.normalize("NFD", t))
    return forms


def _alternation(texts: Iterable[str], flags: int, suffix: str = "") -> re.Pattern | None:
    """Whole-word matches of ``texts`` (then ``suffix``), longest first, in composed and decomposed Unicode."""
    forms = _forms(texts)
    if not forms:
        return None
    body = "|".join(_variant_pattern(t) for t in sorted(forms, key=lambda t: (-len(t), t)))
    # The lookahead on the possible first characters lets the engine skip most positions quickly.
    first = "".join(sorted({re.escape(c) for t in forms for c in _EQUIVALENT.get(t[0], t[0])}))
    return re.compile(rf"(?=[{first}])(?<!\w)(?:{body}){suffix}(?!\w)", flags)


@dataclass(frozen=True, eq=False)
class Glossary:
    """The terms in force for a run: user terms first, then the default ones not overridden."""

    terms: tuple[Term, ...]
    prefer: tuple[str, ...] = ()

    def enforced_by(self, rule: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.rule == rule)

    def default_variants(self, rule: str) -> frozenset[str]:
        """Keys of the default variants in force that ``rule`` (TQ603, TQ604, TQ701) reports."""
        return self._default_variants.get(rule, frozenset())

    @cached_property
    def _default_variants(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for t in self.terms:
            if t.default:
                out.setdefault(t.rule, set()).update(term_key(v) for v in t.variants)
        return {rule: frozenset(keys) for rule, keys in out.items()}

    # -- TQ502: forbidden variants in the translation ------------------------------------------

    @cached_property
    def _forbidden(self) -> tuple[re.Pattern | None, dict[str, Term]]:
        lookup: dict[str, Term] = {}
        for t in self.enforced_by(USER_RULE):
            for v in t.variants:
                lookup.setdefault(term_key(v), t)
        return _alternation(self._user_variants, re.IGNORECASE), lookup

    @property
    def _user_variants(self) -> list[str]:
        return [v for t in self.enforced_by(USER_RULE) for v in t.variants]

    def forbidden_hits(self, text: str) -> Iterator[tuple[int, int, Term]]:
        """``(start, end, term)`` for each forbidden variant TQ502 reports in ``text``.

        A variant inside an occurrence of its own required term ("trapped drone"
        in "booby-trapped drone") is not a hit.
        """
        pattern, lookup = self._forbidden
        if pattern is None:
            return
        for start, end in _spans(self, 0, text):  # _all_variants[0] is this pattern
            term = lookup.get(term_key(text[start:end]))
            if term is None or self._inside_required(text, start, end, term):
                continue
            yield start, end, term

    @staticmethod
    def _inside_required(text: str, start: int, end: int, term: Term) -> bool:
        pattern = _required_pattern(term.english)
        return any(m.start() <= start and end <= m.end() for m in pattern.finditer(text))

    @cached_property
    def _all_variants(self) -> tuple[re.Pattern | None, re.Pattern | None]:
        """TQ502's variants (any case) and the other default rules' (case as listed)."""
        return self._forbidden[0], _alternation(self._other_variants, 0)

    @property
    def _other_variants(self) -> list[str]:
        return [v for t in self.terms if t.rule != USER_RULE for v in t.variants]

    @cached_property
    def _variant_heads(self) -> tuple[frozenset[str] | None, None]:
        """``_ascii_heads`` of TQ502's pattern (any case: its first-character lookahead lets through the
        start of nearly every word, 0.24 s for 7,881 segments); the other pattern, case as listed, skips
        most positions at once and is searched as it is."""
        return _ascii_heads(self._user_variants), None

    def variant_spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Spans of every forbidden variant in force (what the glossary rules speak about); cached per
        segment, as the name rules of a file and of each of its documents, and TQ502, read the same."""
        return _spans(self, 0, text) + _spans(self, 1, text)

    # -- TQ501, TQ504: preferred spellings ------------------------------------------------------

    @cached_property
    def preferred(self) -> dict[str, str]:
        """Name key -> preferred spelling: from ``--prefer`` first, then the required terms' words."""
        out: dict[str, str] = {}
        for text in self.prefer:
            for w in name_words(text):
                out.setdefault(name_key(w), w)
        for t in self.terms:
            for w in name_words(t.required):
                out.setdefault(name_key(w), w)
        return out

    # -- TQ503: source terms ---------------------------------------------------------------------

    @cached_property
    def _source_index(self) -> dict[str, list[tuple[list[tuple[str, str]], Term, str]]]:
        index: dict[str, list] = {}
        for t in self.terms:
            if t.rule != USER_RULE:
                continue
            for s in t.sources:
                toks = term_tokens(s, fold=True)
                if toks:
                    index.setdefault(toks[0][0], []).append((toks, t, s))
        return index

    @cached_property
    def _source_heads(self) -> re.Pattern | None:
        """The first words of the source terms, folded: one of them is in the folded text of any source
        that has a term (a word's compare form is a prefix of its folded self)."""
        heads = sorted(self._source_index, key=lambda h: (-len(h), h))
        return re.compile("|".join(map(re.escape, heads))) if heads else None

    def source_terms(self, source: str) -> list[tuple[str, Term]]:
        """``(source term, term)`` for each glossary source term in ``source`` (case and diacritics aside)."""
        index = self._source_index
        if not index or not self._source_heads.search(strip_accents(unicodedata.normalize("NFC", source))):
            return []
        tokens = term_tokens(source, fold=True)
        found, seen = [], set()
        for i, (word, _) in enumerate(tokens):
            for toks, term, text in index.get(word, ()):
                n = len(toks)
                if id(term) not in seen and [t[0] for t in tokens[i:i + n]] == [t[0] for t in toks]:
                    seen.add(id(term))
                    found.append((text, term))
        return found

    @staticmethod
    def translation_has(translation: str, forms: Iterable[str]) -> bool:
        """Does ``translation`` use one of ``forms`` (case aside except for acronyms; plurals allowed)?"""
        tokens = term_tokens(translation, fold=False)
        return any(_contains(tokens, term_tokens(f, fold=False)) for f in forms)


@lru_cache(maxsize=4096)
def _spans(glossary: Glossary, which: int, text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``glossary._all_variants[which]`` in ``text``, cached: the glossary and name rules read
    the same segments. (Keyed by the glossary, which hashes by identity: a compiled pattern hashes its
    whole code, microseconds for these.) An ASCII text none of whose words starts a variant of TQ502's
    pattern (``_ascii_heads``: most texts) is not searched for it."""
    pattern = glossary._all_variants[which]
    if pattern is None:
        return ()
    heads = glossary._variant_heads[which]
    if heads is not None and text.isascii() and heads.isdisjoint(_ASCII_WORD_RE.findall(text.lower())):
        return ()
    return tuple(m.span() for m in pattern.finditer(text))


_ASCII_WORD_RE = re.compile(r"\w+", re.ASCII)


def _ascii_heads(texts: Iterable[str]) -> frozenset[str] | None:
    """The first words, lower-cased, of the forms of ``texts`` that ``_alternation`` can match in ASCII
    text: a match there starts with such a word, whole, as a word of the text. None when a form could
    match ASCII text otherwise (it starts with no word character, or holds a non-ASCII character that
    re's IGNORECASE takes for an ASCII one: the Kelvin sign, long s, dotted and dotless i); a form with
    any other non-ASCII character in its first word matches no ASCII text."""
    heads = set()
    for form in _forms(texts):
        m = re.match(r"\w+", form)
        if m is None:
            return None
        head = m.group(0)
        if head.isascii():
            heads.add(head.lower())
        elif any(re.fullmatch(re.escape(c), a, re.IGNORECASE) for c in head if not c.isascii()
                 for a in string.ascii_letters):
            return None
    return frozenset(heads)


@lru_cache(maxsize=4096)
def _required_pattern(forms: tuple[str, ...]) -> re.Pattern:
    return _alternation(forms, re.IGNORECASE, suffix="(?:e?s)?")  # plurals: booby-trapped drones


def check_conflicts(terms: Iterable[Term]) -> None:
    """A variant forbidden with two different required terms, or forbidden by one entry and required
    by another, is a contradiction: InputError naming both places."""
    forbidden: dict[str, tuple[Term, str]] = {}
    required: dict[str, Term] = {}
    for t in terms:
        for e in t.english:
            required.setdefault(term_key(e), t)
        for v in t.variants:
            other, _ = forbidden.setdefault(term_key(v), (t, v))
            if other is not t and term_key(other.required) != term_key(t.required):
                raise InputError(f"{t.origin}: {v!r} is forbidden here in favour of {t.required!r} and at "
                                 f"{other.origin} in favour of {other.required!r}; keep one")
    for key, (t, v) in forbidden.items():
        other = required.get(key)
        if other is not None:
            raise InputError(f"{t.origin}: {v!r} is a forbidden variant here but the required term at "
                             f"{other.origin}; keep one")


def build(user: Iterable[Term], defaults: Iterable[Term] = (), prefer: Iterable[str] = ()) -> Glossary:
    """User terms, then the default terms that share no required term or variant with a user term."""
    user = tuple(user)
    taken = {term_key(x) for t in user for x in t.english + t.variants}
    kept = tuple(t for t in defaults if not any(term_key(x) in taken for x in t.english + t.variants))
    return Glossary(terms=user + kept, prefer=tuple(prefer))
