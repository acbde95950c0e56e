"""TMX reader: in each ``<tu>``, the English ``<tuv>`` (``en``, ``en-GB``, ...) is the translation and the
French one (``fr``, ``fr-FR``, ...) its source, with positions in the file.

Inline codes read as in XLIFF (``<bpt>``/``<ept>`` tags, ``<ph>``/``<it>`` placeholders, ``<hi>``
transparent). A unit without both languages is skipped and counted; a file with no French or
no English at all is an InputError naming the languages it has. ``<note>`` elements holding
``tqcheck: ignore RULES`` suppress findings in their unit.
"""
from __future__ import annotations

from ..errors import InputError
from ..model import Document, Suppression
from ..text.markup import directive
from .positions import Builder
from .xliff import inline
from .xmlsafe import Node, parse

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _lang(tuv: Node) -> str:
    return (tuv.attrib.get(XML_LANG) or tuv.attrib.get("lang") or "").lower().replace("_", "-")


def read(path: str, data: bytes) -> Document:
    """The Document of a TMX file: English segments, with the French ones as its source."""
    root, positions = parse(path, data, "TMX")
    if root.name != "tmx":
        raise InputError(f"{path}:1: the root element is <{root.name}>, not <tmx>; give a TMX file "
                         "or choose the format with --input-format")
    targets, sources, suppressions, skipped, langs = [], [], [], {}, set()
    for tu in root.iter("tu"):
        tuvs = {}
        for tuv in tu.elements("tuv"):
            lang = _lang(tuv)
            langs.add(lang)
            tuvs.setdefault(lang.split("-")[0], tuv)
        fr, en = tuvs.get("fr"), tuvs.get("en")
        fr_seg = fr.first("seg") if fr is not None else None
        en_seg = en.first("seg") if en is not None else None
        if fr_seg is None or en_seg is None or not fr_seg.text().strip() or not en_seg.text().strip():
            skipped["untranslated"] = skipped.get("untranslated", 0) + 1
            continue
        tb, sb = Builder(positions), Builder(positions)
        inline(tb, en_seg, path)
        inline(sb, fr_seg, path)
        context = f"tu {tu.attrib.get('tuid')}" if tu.attrib.get("tuid") else ""
        seg, src = tb.segment(len(targets) + 1, context), sb.segment(len(sources) + 1, context)
        if seg is None or src is None:
            skipped["untranslated"] = skipped.get("untranslated", 0) + 1
            continue
        targets.append(seg)
        sources.append(src)
        for note in tu.elements("note"):
            found = directive(note.text())
            if found and found[0] in ("ignore", "disable"):
                line, column = positions.at(note.offset)
                suppressions.append(Suppression(found[1], positions.at(tu.offset)[0], positions.at(tu.end)[0],
                                                line, column, note.text().strip()))
    if langs and not ({lang.split("-")[0] for lang in langs} >= {"fr", "en"}):
        raise InputError(f"{path}:{positions.at(root.offset)[0]}: this TMX file holds {', '.join(sorted(langs))}; "
                         "tqcheck checks French -> English: give it a TMX with fr (fr-FR, ...) and en (en-GB, ...) "
                         "variants in each <tu>")
    return Document(path, targets, source=Document(path, sources), suppressions=suppressions,
                    meta={"format": "tmx", "skipped": skipped})
