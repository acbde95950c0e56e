"""tqcheck: translation-quality checks for French-to-English machine translation."""
from __future__ import annotations

__version__ = "0.1.0"

from .model import Document, Finding, Report, Severity  # noqa: E402


def check(text: str, references: list[str] | None = None, source: str | None = None,
          config=None, path: str = "<text>") -> Report:
    """Check a translation given as text; references and source as texts, aligned by segment."""
    from .engine import run
    from .io.text import parse_text
    from .io.inputs import _align

    doc = parse_text(text, path)
    for i, ref in enumerate(references or []):
        rdoc = parse_text(ref, f"<reference {i + 1}>")
        _align(doc, rdoc, "reference")
        doc.references.append(rdoc)
    if source is not None:
        sdoc = parse_text(source, "<source>")
        _align(doc, sdoc, "source")
        doc.source = sdoc
    return run([doc], config)


__all__ = ["check", "Document", "Finding", "Report", "Severity", "__version__"]
