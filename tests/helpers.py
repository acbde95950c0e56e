"""Shared helpers for rule tests."""
from __future__ import annotations

from tqcheck.config import Config
from tqcheck.engine import check_document
from tqcheck.io.text import parse_text
from tqcheck.model import Finding
from tqcheck.registry import select_rules


def parse_example(example: str):
    """A Document from docstring-example syntax: '\\n' separates segments, '|||' a reference."""
    mts, refs = [], []
    for part in example.split("\\n"):
        mt, sep, ref = part.partition("|||")
        mts.append(mt.strip() if sep else mt)
        refs.append(ref.strip())
    doc = parse_text("\n\n".join(mts), "<example>")
    if any(refs):
        ref_doc = parse_text("\n\n".join(refs), "<example reference>")
        assert len(ref_doc.segments) == len(doc.segments), "every example segment needs a reference"
        doc.references.append(ref_doc)
    return doc


def run_rules(text_or_doc, select=(), config: Config | None = None) -> list[Finding]:
    """Findings of the selected rules (all when empty) on a text in example syntax or a Document."""
    doc = parse_example(text_or_doc) if isinstance(text_or_doc, str) else text_or_doc
    config = config or Config()
    return check_document(doc, select_rules(select), config).findings


def codes(findings) -> list[str]:
    return [f.rule for f in findings]


def spans(findings) -> list[tuple[str, int, int, int, str]]:
    return [(f.rule, f.line, f.column, f.end_column, f.text) for f in findings]
