"""Word diffs as marked-up pieces, shared by the terminal and the text renderers (no rich here).

Translation words absent from the reference are marked ``[-like this-]``, reference
words absent from the translation ``{+like this+}`` (wdiff's markers).
"""
from __future__ import annotations

from typing import Iterable

from ..model import DiffOp


def diff_pieces(ops: Iterable[DiffOp]) -> list[tuple[str, str | None]]:
    """``(text, kind)`` pieces: kind None for shared words and spaces, "del" or "ins" for changes."""
    out: list[tuple[str, str | None]] = []
    for op in ops:
        if out:
            out.append((" ", None))
        if op.op == "equal":
            out.append((" ".join(op.mt), None))
            continue
        parts = []
        if op.mt:
            parts.append(("[-" + " ".join(op.mt) + "-]", "del"))
        if op.ref:
            parts.append(("{+" + " ".join(op.ref) + "+}", "ins"))
        for i, part in enumerate(parts):
            if i:
                out.append((" ", None))
            out.append(part)
    return out


def plain_diff(ops: Iterable[DiffOp]) -> str:
    """The diff as one line with ``[-deleted-]{+inserted+}`` markers."""
    return "".join(text for text, _ in diff_pieces(ops))
