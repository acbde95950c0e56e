"""PO (gettext) reader: each ``msgstr`` (English) is a segment, its ``msgid`` (French) the source.

polib parses the file (entries, flags, plural forms, obsolete entries, comments); this module
finds where each entry's strings are in the file, so findings land on the line and column of
the ``msgstr`` text, escapes (``\\"``, ``\\n``) accounted for. Plural forms are one segment each
(``msgstr[0]`` against ``msgid``, the others against ``msgid_plural``). Fuzzy, obsolete and
untranslated entries are skipped and counted. printf and brace placeholders (``%s``,
``%(name)s``, ``{count}``) are the segment's markup. A translator comment
``# tqcheck: ignore RULES`` suppresses findings in its entry.

The header's ``Language`` must be English (and ``X-Source-Language``, when given, French).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..errors import InputError
from ..model import Document, Segment, Suppression
from ..text.markup import directive, placeholders
from .positions import Builder, Positions
from .text import BOM, decode_utf8
from .xliff import check_languages

_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*"')
_ESCAPE = re.compile(r"\\(.)")
_UNESCAPE = {"n": " ", "t": " ", "r": " ", '"': '"', "\\": "\\", "a": "", "b": "", "f": "", "v": ""}


class _Block:
    """Where one entry's strings are: keyword -> [(line, column, raw)], its first and last lines, its comments."""

    def __init__(self, line: int, comments: list) -> None:
        self.strings: dict[str, list[tuple[int, int, str]]] = {}
        self.first = self.last = line
        self.comments = comments

    def value(self, key: str) -> str:
        return "".join(_ESCAPE.sub(lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)), raw)
                       for _, _, raw in self.strings.get(key, ()))


def _blocks(text: str) -> list[_Block]:
    """The entries of the file as written (obsolete ones left out), in order."""
    blocks: list[_Block] = []
    current, key, comments = None, None, []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("#~") or not stripped:
            if not stripped:
                key = None
            continue
        if stripped.startswith("#"):
            if stripped.startswith("# ") or stripped == "#":
                comments.append((number, line.index("#"), stripped[1:].strip()))
            continue
        m = _KEYWORD.match(stripped)
        if m:
            key = m.group(1)
            if current is None or key == "msgctxt" or (key == "msgid" and "msgid" in current.strings):
                current = _Block(number, comments)
                blocks.append(current)
                comments = []
            quote = line.index('"')
        elif stripped.startswith('"') and current is not None and key is not None:
            quote = line.index('"')
        else:
            continue
        end = line.rstrip().rfind('"')
        current.strings.setdefault(key, []).append((number, quote + 1, line[quote + 1:end]))
        current.last = number
    return blocks


def _build(positions: Positions, pieces, index: int, context: str) -> Segment | None:
    builder = Builder(positions)
    for number, column, raw in pieces:
        offset = positions.offset(number, column)
        pos = 0
        for m in _ESCAPE.finditer(raw):
            builder.literal(raw[pos:m.start()], offset + pos)
            char = _UNESCAPE.get(m.group(1), m.group(1))
            if char:
                builder.atomic(char, offset + m.start(), 2)
            pos = m.end()
        builder.literal(raw[pos:], offset + pos)
    seg = builder.segment(index, context)
    return replace(seg, markup=tuple(placeholders(seg.text))) if seg is not None else None


def read(path: str, data: bytes) -> Document:
    """The Document of a PO file: msgstr segments, with the msgid segments as its source."""
    import polib

    text = decode_utf8(path, data, "PO file")
    if text.startswith(BOM):
        text = text[1:]
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        m = re.search(r"line (\d+)", str(exc))
        where = f"{path}:{m.group(1)}" if m else path
        raise InputError(f"{where}: not a valid PO file ({str(exc).split(' (')[0]}); fix the entry there "
                         "(msgfmt --check-format shows the same errors)") from None
    check_languages(path, 1, po.metadata.get("X-Source-Language"), po.metadata.get("Language") or None, "PO")
    positions = Positions(text)
    blocks = [b for b in _blocks(text) if b.strings.get("msgid") is not None
              and not (b.value("msgid") == "" and "msgctxt" not in b.strings)]
    entries = [e for e in po if not e.obsolete]
    if len(blocks) != len(entries) or any(b.value("msgid") != e.msgid for b, e in zip(blocks, entries)):
        raise InputError(f"{path}: the PO entries could not be located in the file; check it with msgfmt --check")
    targets, sources, suppressions = [], [], []
    skipped = {"obsolete": len(po.obsolete_entries())} if po.obsolete_entries() else {}
    for block, entry in zip(blocks, entries):
        why = "fuzzy" if "fuzzy" in entry.flags else None
        if why is None and not (entry.msgstr or any(entry.msgstr_plural.values())):
            why = "untranslated"
        if why:
            skipped[why] = skipped.get(why, 0) + 1
            continue
        forms = sorted(k for k in block.strings if k.startswith("msgstr"))
        for key in forms:
            plural = key != "msgstr" and key != "msgstr[0]"
            context = " ".join(p for p in (f"msgctxt {entry.msgctxt}" if entry.msgctxt else "",
                                           key if key != "msgstr" else "") if p)
            seg = _build(positions, block.strings[key], len(targets) + 1, context)
            src = _build(positions, block.strings.get("msgid_plural" if plural else "msgid", []),
                         len(sources) + 1, context)
            if seg is None or src is None:
                skipped["untranslated"] = skipped.get("untranslated", 0) + 1
                continue
            targets.append(seg)
            sources.append(src)
        for number, column, comment in block.comments:
            found = directive(comment)
            if found and found[0] in ("ignore", "disable"):
                suppressions.append(Suppression(found[1], block.first, block.last, number, column + 1, comment))
    return Document(path, targets, source=Document(path, sources), suppressions=suppressions,
                    meta={"format": "po", "skipped": skipped})


def escape(text: str) -> str:
    """``text`` as a PO string writes it (backslash, quote, newline, tab, carriage return escaped)."""
    import polib

    return polib.escape(text)
