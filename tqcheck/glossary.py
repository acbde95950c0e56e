"""Glossaries: the terms a translation must use, where each comes from, and their readers.

A :class:`Term` says: where the source has one of ``sources``, the translation
uses ``required`` (or one of the admitted ``allowed`` forms), never one of the
forbidden ``variants``. Glossary files (``--glossary``) are read by extension:

* ``.tsv``: tab-separated columns: source term, required English term (admitted
  alternatives may follow, separated by ``|``), forbidden variants separated by
  ``|``, note. The last two columns may be left out; ``#`` starts a comment line;
  a first row of column names (source, target...) is skipped.
* ``.csv``: the same columns, read with the csv module (quoting as spreadsheets write it).
* ``.tbx`` / ``.xml``: ISO 30042 TermBase eXchange, as CAT tools export it: TBX-Basic
  and TBX 2008 (``martif``, ``termEntry``, ``langSet``, ``tig``/``ntig``) and TBX v3
  (``tbx``, ``conceptEntry``, ``langSec``, ``termSec``). French terms are source
  terms; English terms marked deprecated or superseded
  (``termNote type="administrativeStatus"`` or ``"normativeAuthorization"``) are
  forbidden; the preferred (else the first) other English term is required and
  the rest are admitted. The note is the entry's first ``descrip`` or ``note``.

Anything malformed is an InputError naming the file and line.

The default glossary is four data files under ``rules/data/``: names French
transliterates differently (``glossary_transliterations.tsv``, enforced by TQ502
and TQ503), French exonyms (TQ603), French acronyms (TQ604) and names translated
word for word (TQ701). A user entry overrides a default one that shares its
required term or a forbidden variant; ``--no-default-glossary`` drops them all.

No heavy imports; the name helpers of ``rules.names`` are imported where used.
"""
from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Iterator

from .errors import InputError
from .io.text import BOM, decode_utf8, read_bytes

#: Default-glossary data files and the rule that enforces each one's forbidden forms.
DATA_FILES = (
    ("glossary_transliterations.tsv", "TQ502"),
    ("untranslated_exonyms.tsv", "TQ603"),
    ("untranslated_acronyms.tsv", "TQ604"),
    ("calques_names.tsv", "TQ701"),
)
#: The rule that enforces user glossaries.
USER_RULE = "TQ502"
COLUMNS = "source term, required English term, forbidden variants separated by |, note"
FORMATS = {".tsv": "tsv", ".csv": "csv", ".tbx": "tbx", ".xml": "tbx"}

_SOURCE_HEADERS = {"source", "source term", "source_term", "src", "term", "french", "fr", "french term"}
_TARGET_HEADERS = {"target", "target term", "target_term", "required", "required term", "required english term",
                   "english", "en", "english term", "translation"}

# --------------------------------------------------------------------------------------------
# Normalisation


_SEPARATORS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'", "\u02bc": "'", "\u00a0": " ",
                             "\u202f": " "})
_SPACES_RE = re.compile(r"\s+")


def term_key(text: str) -> str:
    """How terms are compared: NFC, case-folded, one kind of space, hyphen and apostrophe."""
    text = unicodedata.normalize("NFC", text).translate(_SEPARATORS)
    return _SPACES_RE.sub(" ", text).strip().casefold()


def _fold(text: str) -> str:
    """Case- and diacritics-insensitive form (source terms are matched this way)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_TOKEN_RE = re.compile(r"[^\W_]+")


def _singular(word: str) -> str:
    """Plurals meet singulars: "drones"/"drone", French "piégés"/"piégé"."""
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def _tokens(text: str, fold: bool) -> list[tuple[str, str]]:
    """``(compare form, surface form)`` for each word of ``text`` (hyphens and apostrophes split words)."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group(0)
        out.append((_singular(_fold(word) if fold else word.casefold()), word))
    return out


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
        from .rules.names import name_key

        words = matched.split()
        longer = [v.split() for v in self.variants + self.sources if len(v.split()) > len(words)]
        if not any(_run_at(words, full) is not None for full in longer):
            return self.required
        target = self.required.split()
        k = len(words)
        bare = [name_key(_bare(w)) for w in words]
        for p in range(len(target) - k + 1):  # by transliteration key: Hachd -> Hashd
            if [name_key(_bare(w)) for w in target[p:p + k]] == bare:
                return _join_like(words, target[p:p + k])
        for full in longer:  # by position in a longer variant of the same length: Chareh -> Sharaa
            p = _run_at(words, full)
            if p is None or len(full) != len(target):
                continue
            part = target[p:p + k]
            if all(name_key(_bare(a))[:1] == name_key(_bare(b))[:1] for a, b in zip(words, part)):
                return _join_like(words, part)
        return None


_PREFIX_RE = re.compile(r"^(?:al|el)[-\u2010\u2011]", re.IGNORECASE)


def _bare(word: str) -> str:
    return _PREFIX_RE.sub("", word)


def _run_at(words: list[str], full: list[str]) -> int | None:
    """Where ``words`` occur as consecutive words of ``full`` (an al- prefix may differ), else None."""
    k = len(words)
    for p in range(len(full) - k + 1):
        if all(term_key(_bare(a)) == term_key(_bare(b)) for a, b in zip(words, full[p:p + k])):
            return p
    return None


def _join_like(words: list[str], part: list[str]) -> str:
    """``part`` joined, without an al- prefix where the matched word has none."""
    return " ".join(b if _PREFIX_RE.match(a) else _bare(b) for a, b in zip(words, part))


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


def _alternation(texts: Iterable[str], flags: int, suffix: str = "") -> re.Pattern | None:
    """Whole-word matches of ``texts`` (then ``suffix``), longest first, in composed and decomposed Unicode."""
    forms = set()
    for t in texts:
        t = _SPACES_RE.sub(" ", t.strip())
        forms.add(unicodedata.normalize("NFC", t))
        forms.add(unicodedata.normalize("NFD", t))
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
        return _alternation((v for t in self.enforced_by(USER_RULE) for v in t.variants), re.IGNORECASE), lookup

    def forbidden_hits(self, text: str) -> Iterator[tuple[int, int, Term]]:
        """``(start, end, term)`` for each forbidden variant TQ502 reports in ``text``.

        A variant inside an occurrence of its own required term ("trapped drone"
        in "booby-trapped drone") is not a hit.
        """
        pattern, lookup = self._forbidden
        if pattern is None:
            return
        for m in pattern.finditer(text):
            term = lookup.get(term_key(m.group(0)))
            if term is None or self._inside_required(text, m.start(), m.end(), term):
                continue
            yield m.start(), m.end(), term

    @staticmethod
    def _inside_required(text: str, start: int, end: int, term: Term) -> bool:
        pattern = _required_pattern(term.english)
        return any(m.start() <= start and end <= m.end() for m in pattern.finditer(text))

    @cached_property
    def _all_variants(self) -> tuple[re.Pattern | None, re.Pattern | None]:
        """TQ502's variants (any case) and the other default rules' (case as listed)."""
        others = [v for t in self.terms if t.rule != USER_RULE for v in t.variants]
        return self._forbidden[0], _alternation(others, 0)

    def variant_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of every forbidden variant in force (what the glossary rules speak about)."""
        return [m.span() for p in self._all_variants if p is not None for m in p.finditer(text)]

    # -- TQ501, TQ504: preferred spellings ------------------------------------------------------

    @cached_property
    def preferred(self) -> dict[str, str]:
        """Name key -> preferred spelling: from ``--prefer`` first, then the required terms' words."""
        from .rules.names import name_key, name_words

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
                toks = _tokens(s, fold=True)
                if toks:
                    index.setdefault(toks[0][0], []).append((toks, t, s))
        return index

    def source_terms(self, source: str) -> list[tuple[str, Term]]:
        """``(source term, term)`` for each glossary source term in ``source`` (case and diacritics aside)."""
        index = self._source_index
        if not index:
            return []
        tokens = _tokens(source, fold=True)
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
        tokens = _tokens(translation, fold=False)
        return any(_contains(tokens, _tokens(f, fold=False)) for f in forms)


@lru_cache(maxsize=4096)
def _required_pattern(forms: tuple[str, ...]) -> re.Pattern:
    return _alternation(forms, re.IGNORECASE, suffix="(?:e?s)?")  # plurals: booby-trapped drones


# --------------------------------------------------------------------------------------------
# Readers


def _is_header(cells: list[str]) -> bool:
    return (len(cells) >= 2 and cells[0].strip().casefold() in _SOURCE_HEADERS
            and cells[1].strip().casefold() in _TARGET_HEADERS)


def _split_bar(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def term_from_cells(cells: list[str], where: str, what: str = "columns", **extra) -> Term:
    """A Term from the four columns of a TSV or CSV row; ``where`` is ``file:line`` for errors."""
    cells = [c.strip() for c in cells]
    while len(cells) > 4 and not cells[-1]:  # spreadsheets write trailing empty cells
        cells.pop()
    if not 2 <= len(cells) <= 4:
        hint = " (are the columns separated by tabs?)" if what == "tab-separated columns" and len(cells) < 2 else ""
        raise InputError(f"{where}: expected 2 to 4 {what} ({COLUMNS}), found {len(cells)}{hint}")
    source, english, variants, note = (cells + ["", ""])[:4]
    english_forms = _split_bar(english)
    if not english_forms:
        raise InputError(f"{where}: the required English term (column 2) is empty")
    forbidden = _split_bar(variants)
    _check_entry(where, english_forms, forbidden)
    if not source and not forbidden:
        raise InputError(f"{where}: neither a source term (column 1) nor forbidden variants (column 3): "
                         "the entry checks nothing")
    return Term(required=english_forms[0], allowed=english_forms[1:], variants=forbidden,
                sources=_split_bar(source), note=note, origin=where, **extra)


def _check_entry(where: str, english: Iterable[str], variants: Iterable[str]) -> None:
    keys = {term_key(e) for e in english}
    for v in variants:
        if term_key(v) in keys:
            raise InputError(f"{where}: forbidden variant {v!r} is also the required term; remove one of them")


def _tsv_rows(path: str, text: str) -> Iterator[tuple[int, list[str]]]:
    for lineno, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield lineno, line.split("\t")


def _csv_rows(path: str, text: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    previous = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"{path}:{reader.line_num}: not valid CSV ({exc}); check the quoting") from None
        start, previous = previous + 1, reader.line_num
        if not row or not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        yield start, row


def _read_table(path: str, rows: Iterable[tuple[int, list[str]]], what: str) -> list[Term]:
    terms = []
    for n, (lineno, cells) in enumerate(rows):
        if n == 0 and _is_header(cells):
            continue
        terms.append(term_from_cells(cells, f"{path}:{lineno}", what))
    return terms


# TBX -----------------------------------------------------------------------------------------

_LINE = "{tqcheck}line"
_ENTRY_TAGS = {"termEntry", "conceptEntry"}
_LANG_TAGS = {"langSet", "langSec"}
_TERM_HOLDERS = {"tig", "ntig", "termSec"}
_STATUS_TYPES = {"administrativeStatus", "normativeAuthorization"}
_FORBIDDEN_STATUS = {"deprecatedTerm", "supersededTerm"}


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _parse_xml(path: str, data: bytes):
    """An ElementTree of ``data`` whose elements carry their line (expat feeds a TreeBuilder)."""
    from xml.etree.ElementTree import TreeBuilder
    from xml.parsers import expat

    builder = TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")

    def start(name, attrs):
        attrs = {_local(k): v for k, v in attrs.items()}
        attrs[_LINE] = str(parser.CurrentLineNumber)
        builder.start(_local(name), attrs)

    def no_entities(name, *args):
        raise InputError(f"{path}:{parser.CurrentLineNumber}: the TBX file declares an entity ({name}); "
                         "glossaries need none, remove the declaration")

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: builder.end(_local(name))
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = no_entities
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise InputError(f"{path}:{exc.lineno}: not well-formed XML ({expat.ErrorString(exc.code)} at column "
                         f"{exc.offset + 1}); fix the TBX file") from None
    return builder.close()


def _text(elem) -> str:
    return _SPACES_RE.sub(" ", "".join(elem.itertext())).strip()


def _lang(elem) -> str:
    return re.split(r"[-_]", (elem.get("lang") or "").strip().lower())[0]


def _entry_terms(entry, path: str) -> tuple[list, list]:
    """``(french, english)``: lists of ``(text, status, line)`` in an entry."""
    french, english = [], []
    for lang_sec in (e for e in entry.iter() if e.tag in _LANG_TAGS):
        lang = _lang(lang_sec)
        if lang not in ("fr", "en"):
            continue
        for holder in (e for e in lang_sec.iter() if e.tag in _TERM_HOLDERS):
            term = next((e for e in holder.iter() if e.tag == "term"), None)
            if term is None:
                continue
            line = term.get(_LINE)
            text = _text(term)
            if not text:
                raise InputError(f"{path}:{line}: empty <term>; give the term or remove it")
            status = next((_text(n).removesuffix("-admn-sts") for n in holder.iter()
                           if n.tag == "termNote" and n.get("type") in _STATUS_TYPES), "")
            (french if lang == "fr" else english).append((text, status, line))
    return french, english


def _read_tbx(path: str, data: bytes) -> list[Term]:
    root = _parse_xml(path, data)
    if root.tag not in ("tbx", "martif"):
        raise InputError(f"{path}:{root.get(_LINE)}: not a TBX file: the root element is <{root.tag}>, "
                         "expected <tbx> or <martif>")
    terms = []
    for entry in (e for e in root.iter() if e.tag in _ENTRY_TAGS):
        where = f"{path}:{entry.get(_LINE)}"
        french, english = _entry_terms(entry, path)
        if not english:
            raise InputError(f'{where}: the {entry.tag} has no English term (no {"langSet" if entry.tag == "termEntry" else "langSec"} '
                             'with xml:lang="en"); add one or remove the entry')
        forbidden = [t for t, status, _ in english if status in _FORBIDDEN_STATUS]
        kept = [(t, status) for t, status, _ in english if status not in _FORBIDDEN_STATUS]
        if not kept:
            raise InputError(f"{where}: every English term of the entry is deprecated; mark one preferred or admitted")
        kept.sort(key=lambda ts: ts[1] != "preferredTerm")  # the preferred term first, else document order
        english_forms = [t for t, _ in kept]
        sources = [t for t, status, _ in french if status not in _FORBIDDEN_STATUS]
        if not sources and not forbidden:
            continue  # a monolingual English entry: nothing to check
        _check_entry(where, english_forms, forbidden)
        note = next((_text(e) for e in entry.iter() if e.tag in ("descrip", "note") and _text(e)), "")
        terms.append(Term(required=english_forms[0], allowed=tuple(english_forms[1:]), variants=tuple(forbidden),
                          sources=tuple(sources), note=note, origin=where))
    return terms


def read_glossary(path: str) -> list[Term]:
    """The terms of one glossary file (format by extension), or an InputError naming file and line."""
    kind = FORMATS.get(os.path.splitext(path)[1].lower())
    if kind is None:
        raise InputError(f"{path}: unknown glossary format; name the file .tsv, .csv or .tbx")
    data = read_bytes(path, "glossary file")
    if kind == "tbx":
        return _read_tbx(path, data)
    text = decode_utf8(path, data, "glossary file")
    text = text[1:] if text.startswith(BOM) else text
    if kind == "csv":
        return _read_table(path, _csv_rows(path, text), "comma-separated columns")
    return _read_table(path, _tsv_rows(path, text), "tab-separated columns")


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


# --------------------------------------------------------------------------------------------
# The default glossary


def _default_note(rule: str, cells: list[str]) -> str:
    if rule == "TQ603":
        what = "place" if cells[2] == "place" else cells[2]
        return f"{what}; the English name in AP, Reuters and AFP English copy"
    if rule == "TQ604":
        return f"French for {cells[2]}; the English acronym in AP, Reuters and AFP English copy"
    return cells[2]


def _default_term(rule: str, cells: list[str], origin: str) -> Term:
    if rule == USER_RULE:
        return term_from_cells(cells, origin, "tab-separated columns", rule=rule, default=True)
    french_or_calque, english = cells[0], cells[1]
    sources = () if rule == "TQ701" else (french_or_calque,)  # calques are English: no source term
    return Term(required=english, variants=(french_or_calque,), sources=sources, note=_default_note(rule, cells),
                origin=origin, rule=rule, default=True)


@lru_cache(maxsize=1)
def default_terms() -> tuple[Term, ...]:
    """The default glossary, entry by entry, each with its data file and line as origin."""
    from importlib import resources

    out = []
    for name, rule in DATA_FILES:
        text = resources.files("tqcheck.rules").joinpath("data").joinpath(name).read_text(encoding="utf-8")
        for lineno, line in enumerate(text.splitlines(), start=1):
            if line.strip() and not line.startswith("#"):
                out.append(_default_term(rule, line.split("\t"), f"{name}:{lineno} (default, {rule})"))
    return tuple(out)


# --------------------------------------------------------------------------------------------
# The glossary in force


def build(user: Iterable[Term], defaults: Iterable[Term] = (), prefer: Iterable[str] = ()) -> Glossary:
    """User terms, then the default terms that share no required term or variant with a user term."""
    user = tuple(user)
    taken = {term_key(x) for t in user for x in t.english + t.variants}
    kept = tuple(t for t in defaults if not any(term_key(x) in taken for x in t.english + t.variants))
    return Glossary(terms=user + kept, prefer=tuple(prefer))


def load(paths: Iterable[str] = (), default: bool = True, prefer: Iterable[str] = ()) -> Glossary:
    """Read the glossary files, check them against each other, and add the default glossary."""
    user = [t for p in paths for t in read_glossary(p)]
    check_conflicts(user)
    return build(user, default_terms() if default else (), prefer)


def _prefer_texts(value) -> tuple[str, ...]:
    """``prefer`` from the command line (strings) or a config file (strings, or variant = preferred)."""
    if isinstance(value, dict):
        return tuple(value.values())
    return tuple(value or ())


def _stamp(path: str):
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


_CACHE: dict = {}


def in_force(config) -> Glossary:
    """The glossary a run's configuration puts in force, read once (again only if a file changes)."""
    paths = tuple(getattr(config, "glossaries", ()) or ())
    default = bool(getattr(config, "default_glossary", True))
    prefer = _prefer_texts(getattr(config, "prefer", ()))
    key = (paths, tuple(_stamp(p) for p in paths), default, prefer)
    if key not in _CACHE:
        if len(_CACHE) >= 16:
            _CACHE.clear()
        _CACHE[key] = load(paths, default, prefer)
    return _CACHE[key]
