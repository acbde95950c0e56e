"""TQ7xx: names of organisations translated word for word from French."""
from __future__ import annotations

import re
from functools import lru_cache

from ...model import Severity
from ...registry import RegexRule, register
from ...text.data import table, word_set
from ...text.fold import term_key
from ...text.sentences import is_sentence_start

_SEPARATOR = r"[\s\u00a0\-\u2010\u2011]+"


def _entry_pattern(calque: str) -> str:
    """A space or hyphen matches either; "Organization" matches "Organisation" too."""
    words = re.split(r"[\s\-]+", calque)
    parts = []
    for w in words:
        p = re.escape(w)
        if w.lower().startswith("organization"):
            p = "organi[sz]ation" + re.escape(w[len("organization"):])
        parts.append(p)
    return _SEPARATOR.join(parts)


@lru_cache(maxsize=1)
def _calques() -> tuple[re.Pattern, dict[int, tuple[str, ...]]]:
    """One pattern, an alternation longest entry first, with a group per entry; group number -> row."""
    rows = table("calques_names.tsv")
    entries = sorted(rows, key=lambda r: (-len(r[0]), r[0]))
    pattern = re.compile(
        r"(?<![\w\-])(?:" + "|".join(f"({_entry_pattern(r[0])})" for r in entries) + r")(?![\w\-])",
        re.IGNORECASE,
    )
    return pattern, {i + 1: r for i, r in enumerate(entries)}


def _descriptive(text: str) -> bool:
    """Lowercase after the first word: a description ("a French press agency"), not a name."""
    words = re.split(_SEPARATOR, text)
    return all(w[:1].islower() for w in words[1:])


_WORD_BEFORE_RE = re.compile(r"(?<![\w'\u2019-])([^\W\d_][\w'\u2019-]*)[ \u00a0]$")


def _inside_longer_name(text: str, start: int) -> bool:
    """Is the hit at ``start`` preceded by a capitalised word mid-sentence?

    "Food and Agriculture Organization of the United Nations" is a name of its
    own; "The France Press Agency said" at a sentence start is still a calque.
    """
    m = _WORD_BEFORE_RE.search(text, max(0, start - 80), start)
    if m is None or not m.group(1)[0].isupper():
        return False
    return not is_sentence_start(text, m.start())


@register
class NameCalque(RegexRule):
    """A name translated word for word from French (France Media Agency, International Amnesty).

    Organisations have established English names, which a word-for-word
    translation of the French name misses: Agence France-Presse keeps its French
    name (never "France Media Agency"), Amnistie internationale is Amnesty
    International, Observatoire syrien des droits de l'homme is the Syrian
    Observatory for Human Rights. The calques are listed in calques_names.tsv
    with where the English name comes from. Lowercase descriptions ("a French
    press agency") and longer names that contain an entry ("Food and Agriculture
    Organization of the United Nations") are left alone.

    Flag: France Media Agency
    Flag: according to the France Press Agency, the toll rose
    Flag: a report by International Amnesty on Monday
    Flag: the jihadists of the Islamic State Organisation
    Flag: the Syrian Observatory of Human Rights said
    Flag: volunteers of Without Borders Doctors and Doctors Without Border
    Flag: The France Press Agency said. “The International Amnesty report,” he said.
    Okay: Agence France-Presse (AFP) reported, citing Amnesty International.
    Okay: the Islamic State group and the Syrian Observatory for Human Rights
    Okay: Doctors Without Borders and Reporters Without Borders; Medecins Sans Frontieres (MSF)
    Okay: a French press agency said; he called for an international amnesty.
    Okay: the Food and Agriculture Organization of the United Nations (FAO)
    """

    code = "TQ701"
    fix_safety = "unsafe"  # safe for the names of calques_names_safe.txt (match_fix_safety)
    name = "name-calque"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR
    data_files = ("calques_names.tsv", "calques_names_safe.txt")
    options = ("default-glossary", "glossary")

    #: Keys of the calques in force (part of the default glossary), set for each segment checked.
    _active: frozenset[str] | None = None

    @property
    def pattern(self) -> re.Pattern:  # type: ignore[override]
        return _calques()[0]

    def check_segment(self, doc, seg, ctx):
        # Off with --no-default-glossary; an entry a user glossary overrides is left to TQ502.
        self._active = ctx.glossary.default_variants(self.code)
        if self._active:
            yield from super().check_segment(doc, seg, ctx)

    def match(self, m, seg):
        text = m.group(0)
        if _descriptive(text) or _inside_longer_name(seg.text, m.start()):
            return None
        row = _calques()[1][m.lastindex]
        if self._active is not None and term_key(row[0]) not in self._active:
            return None
        return (
            f"'{text}' translates a French name word for word; the English name is '{row[1]}' ({row[2]})",
            row[1],
        )

    def match_fix_safety(self, m):
        """Safe where the English name is the organisation's own (France Media Agency ->
        Agence France-Presse); a choice of house style or a made-up English name stays unsafe."""
        return "safe" if _calques()[1][m.lastindex][1] in word_set("calques_names_safe.txt") else None
