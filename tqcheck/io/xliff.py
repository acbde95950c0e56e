"""XLIFF 1.2 and 2.0 reader: the targets (English) as the translation, the sources (French) as its source.

One segment per translated unit (XLIFF 1.2 ``<trans-unit>``, XLIFF 2.0 ``<segment>``), with
positions in the file. Inline elements are markup, not text: paired codes (``<g>``, ``<pc>``,
``<bx/>``/``<ex/>``, ``<bpt>``/``<ept>``, ``<sc/>``/``<ec/>``) become tags the text does not show;
standalone codes (``<x/>``, ``<ph>``, ``<it>``) stand in the text as one object character
(U+FFFC); ``<mrk>`` is transparent. Units that are not translated (no target, an empty one, a
1.2 state ``new`` or ``needs-translation``, ``translate="no"``) are skipped and counted.
``<note>`` elements holding ``tqcheck: ignore RULES`` suppress findings in their unit.
"""
from __future__ import annotations

from ..errors import InputError
from ..model import Document, Suppression
from ..text.markup import directive
from .positions import Builder, Positions
from .xmlsafe import Node, parse

#: Inline elements: name -> how they read ("paired": open/close tags around text; "tag": a boundary the
#: text does not show; "code": a placeholder whose content is native code; "transparent": text inside).
INLINE = {
    "g": "paired", "pc": "paired", "bx": "tag", "ex": "tag", "bpt": "tag", "ept": "tag", "sc": "tag", "ec": "tag",
    "x": "code", "ph": "code", "it": "code", "mrk": "transparent", "hi": "transparent",
    "sm": "skip", "em": "skip", "ut": "skip", "sub": "skip",
}
UNTRANSLATED_STATES = {"new", "needs-translation"}


#: Boundary elements that pair up (by ``rid``, TMX ``i``, XLIFF 2.0 ``startRef``): the end reads as "/" + the start.
PAIRS = {"bx": ("bx", False), "ex": ("bx", True), "bpt": ("bpt", False), "ept": ("bpt", True),
         "sc": ("sc", False), "ec": ("sc", True)}


def _code_id(node: Node) -> str:
    a = node.attrib
    if node.name in PAIRS:
        return a.get("rid") or a.get("i") or a.get("startRef") or a.get("id") or ""
    return a.get("id") or a.get("x") or a.get("type") or ""


def _name(node: Node) -> str:
    """What source and target must share for ``node``: ``g#1``; a pair's end as ``/bx#1``."""
    base, end = PAIRS.get(node.name, (node.name, False))
    return ("/" if end else "") + f"{base}#{_code_id(node)}"


def _end_of(node: Node, positions: Positions) -> int:
    """The file offset just after ``node``'s end tag (or its empty-element tag)."""
    text = positions.text
    close = text.find(">", node.offset) + 1
    if text[close - 2:close] == "/>":  # an empty-element tag
        return close
    return text.find(">", max(node.end, close)) + 1


def inline(builder: Builder, node: Node, path: str) -> None:
    """Add the text of ``node`` (a source, target or seg) and its inline markup to ``builder``."""
    for child in node.children:
        if isinstance(child, tuple):
            text, offset, width = child
            if width:
                for ch in text:
                    builder.atomic(ch, offset, width)
            else:
                builder.literal(text, offset)
            continue
        kind = INLINE.get(child.name)
        ident = _name(child)
        if kind == "paired":
            builder.mark("tag", ident)
            inline(builder, child, path)
            builder.mark("tag", "/" + ident)
        elif kind == "tag":
            builder.mark("tag", ident)
        elif kind == "code":
            builder.placeholder(ident, child.offset, _end_of(child, builder.positions) - child.offset)
        elif kind == "transparent":
            inline(builder, child, path)
        elif child.name == "cp":  # XLIFF 2.0: a character XML cannot hold
            try:
                builder.atomic(chr(int(child.attrib.get("hex", ""), 16)), child.offset,
                               _end_of(child, builder.positions) - child.offset)
            except ValueError:
                pass
        elif kind is None:
            builder.mark("tag", ident)
            inline(builder, child, path)


def check_languages(path: str, line: int, source: str | None, target: str | None, what: str) -> None:
    """InputError unless ``source`` is French and ``target`` English (or not given)."""
    src_ok = source is None or source.lower().replace("_", "-").split("-")[0] == "fr"
    tgt_ok = target is None or target.lower().replace("_", "-").split("-")[0] == "en"
    if not (src_ok and tgt_ok):
        raise InputError(f"{path}:{line}: this {what} file is {source or '?'} -> {target or '?'}; tqcheck checks French "
                         "-> English translations: give it a file whose source language is fr (fr-FR, ...) and "
                         "whose target language is en (en-GB, en-US, ...)")


class _Reader:
    def __init__(self, path: str, positions: Positions) -> None:
        self.path, self.positions = path, positions
        self.targets, self.sources, self.suppressions = [], [], []
        self.skipped: dict[str, int] = {}

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    def unit(self, unit: Node, source: Node | None, target: Node | None, state: str | None, context: str,
             notes: list[Node]) -> None:
        if target is None or not target.text().strip() or (state or "") in UNTRANSLATED_STATES:
            self.skip("untranslated")
            return
        if source is None or not source.text().strip():
            self.skip("empty source")
            return
        tb, sb = Builder(self.positions), Builder(self.positions)
        inline(tb, target, self.path)
        inline(sb, source, self.path)
        seg = tb.segment(len(self.targets) + 1, context)
        src = sb.segment(len(self.sources) + 1, context)
        if seg is None or src is None:
            self.skip("untranslated")
            return
        self.targets.append(seg)
        self.sources.append(src)
        first, last = self.positions.at(unit.offset)[0], self.positions.at(unit.end)[0]
        for note in notes:
            found = directive(note.text())
            if found and found[0] in ("ignore", "disable"):
                line, column = self.positions.at(note.offset)
                self.suppressions.append(Suppression(found[1], first, last, line, column, note.text().strip()))

    def document(self, version: str) -> Document:
        doc = Document(self.path, self.targets, source=Document(self.path, self.sources),
                       suppressions=self.suppressions,
                       meta={"format": f"xliff {version}", "skipped": self.skipped})
        return doc


def _notes(unit: Node) -> list[Node]:
    return list(unit.iter("note"))


def read(path: str, data: bytes) -> Document:
    """The Document of an XLIFF 1.2 or 2.0 file: targets, with the sources as its source."""
    root, positions = parse(path, data, "XLIFF")
    if root.name != "xliff":
        raise InputError(f"{path}:1: the root element is <{root.name}>, not <xliff>; give an XLIFF 1.2 or 2.0 file "
                         "or choose the format with --input-format")
    version = root.attrib.get("version", "2.0" if "2.0" in root.tag else "1.2")
    reader = _Reader(path, positions)
    if version.startswith("2"):
        check_languages(path, positions.at(root.offset)[0], root.attrib.get("srcLang"), root.attrib.get("trgLang"),
                        "XLIFF")
        for file in root.elements("file"):
            for unit in file.iter("unit"):
                if unit.attrib.get("translate") == "no":
                    reader.skip("not translatable")
                    continue
                for segment in unit.elements("segment"):
                    reader.unit(unit, segment.first("source"), segment.first("target"), None,
                                f"unit {unit.attrib.get('id', '?')}", _notes(unit))
        return reader.document("2.0")
    for file in root.elements("file"):
        check_languages(path, positions.at(file.offset)[0], file.attrib.get("source-language"),
                        file.attrib.get("target-language"), "XLIFF")
        for unit in file.iter("trans-unit"):
            if unit.attrib.get("translate") == "no":
                reader.skip("not translatable")
                continue
            target = unit.first("target")
            reader.unit(unit, unit.first("source"), target, target.attrib.get("state") if target is not None else None,
                        f"unit {unit.attrib.get('resname') or unit.attrib.get('id', '?')}", _notes(unit))
    return reader.document("1.2")
