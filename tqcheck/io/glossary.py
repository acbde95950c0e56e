"""Glossary readers: ``--glossary`` files (TSV, CSV, TBX) and the default glossary's data files.

Glossary files (``--glossary``) are read by extension into ``tqcheck.glossary.Term``s:

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
"""
from __future__ import annotations

import csv
import io
import os
import re
from functools import lru_cache
from typing import Iterable, Iterator

from ..errors import InputError
from ..glossary import USER_RULE, Glossary, Term, build, check_conflicts
from ..text.data import data_path
from ..text.fold import term_key
from .text import BOM, decode_utf8, read_bytes

_SPACES_RE = re.compile(r"\s+")

DATA_FILES = (
    ("glossary_transliterations.tsv", "TQ502"),
    ("untranslated_exonyms.tsv", "TQ603"),
    ("untranslated_acronyms.tsv", "TQ604"),
    ("calques_names.tsv", "TQ701"),
)
COLUMNS = "source term, required English term, forbidden variants separated by |, note"
FORMATS = {".tsv": "tsv", ".csv": "csv", ".tbx": "tbx", ".xml": "tbx"}

_SOURCE_HEADERS = {"source", "source term", "source_term", "src", "term", "french", "fr", "french term"}
_TARGET_HEADERS = {"target", "target term", "target_term", "required", "required term", "required english term",
                   "english", "en", "english term", "translation"}


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
    english = list(english)
    keys = {term_key(e) for e in english}
    runs = [term_key(e).split() for e in english]
    for v in variants:
        if term_key(v) in keys:
            raise InputError(f"{where}: forbidden variant {v!r} is also the required term; remove one of them")
        words = term_key(v).split()
        part_of = next((e for e, run in zip(english, runs) if _contains_run(run, words)), None)
        if part_of is not None:  # its fix would be itself: the matching part of the required term
            raise InputError(f"{where}: forbidden variant {v!r} is part of the required term {part_of!r}; "
                             "remove it from the variants")


def _contains_run(words: list[str], run: list[str]) -> bool:
    return bool(run) and any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


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
    out = []
    for name, rule in DATA_FILES:
        text = data_path(name).read_text(encoding="utf-8")
        for lineno, line in enumerate(text.splitlines(), start=1):
            if line.strip() and not line.startswith("#"):
                out.append(_default_term(rule, line.split("\t"), f"{name}:{lineno} (default, {rule})"))
    return tuple(out)


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


def in_force(config) -> Glossary:
    """The glossary a run's configuration puts in force (read now: the engine resolves it once a run)."""
    paths = tuple(getattr(config, "glossaries", ()) or ())
    default = bool(getattr(config, "default_glossary", True))
    return load(paths, default, _prefer_texts(getattr(config, "prefer", ())))
