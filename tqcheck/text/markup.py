"""Placeholders in message text and ``tqcheck:`` suppression directives, found once for every reader.

``placeholders(text)`` finds printf conversions (``%s``, ``%d``, ``%(name)s``, ``%1$s``) and brace
placeholders (``{count}``, ``{0}``, ``{name!r:>10}``) as Marks: positional printf conversions
are ordered (their order is their meaning), named and numbered ones are not.

``directive(comment)`` reads a suppression written in a comment, as Vale and flake8 write them:
``tqcheck: disable TQ201, TQ301``, ``tqcheck: enable``, ``tqcheck: disable-next-line TQ201`` and
``tqcheck: ignore TQ201`` (PO translator comments, XLIFF notes). Rules are named as ``--ignore``
names them (a code, a code prefix, a rule name or a category); none named means every rule.
"""
from __future__ import annotations

import re

from ..model import Mark

PRINTF_RE = re.compile(r"%(?:(?P<name>\([A-Za-z_]\w*\))|(?P<pos>\d+\$))?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                       r"(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGcrsa%]")
BRACE_RE = re.compile(r"(?<!\{)\{(?:[A-Za-z_]\w*|\d*)(?:\.[A-Za-z_]\w*|\[\w+\])*(?:![rsa])?(?::[^{}]*)?\}(?!\})")
DIRECTIVE_RE = re.compile(r"^\s*tqcheck:\s*(?P<verb>disable-next-line|disable|enable|ignore)\b(?P<rules>[^\n]*?)\s*$",
                          re.IGNORECASE)


def placeholders(text: str) -> list[Mark]:
    """The printf and brace placeholders of ``text``, in order (``%%`` is a literal percent sign)."""
    found = []
    for m in PRINTF_RE.finditer(text):
        if m.group().endswith("%") and m.group() == "%%":
            continue
        if m.group().endswith("%"):
            continue
        found.append(Mark("placeholder", m.group(), m.start(), m.end(), ordered=not (m.group("name") or m.group("pos"))))
    for m in BRACE_RE.finditer(text):
        found.append(Mark("placeholder", m.group(), m.start(), m.end(), ordered=m.group() == "{}"))
    return sorted(found, key=lambda mark: mark.start)


def directive(comment: str) -> tuple[str, tuple[str, ...]] | None:
    """``(verb, rules)`` of a ``tqcheck:`` directive in ``comment`` (None when it holds none); verb is
    lower case, one of disable, enable, disable-next-line, ignore."""
    m = DIRECTIVE_RE.match(comment.strip())
    if not m:
        return None
    rules = tuple(r for r in re.split(r"[\s,]+", m.group("rules")) if r)
    return m.group("verb").lower(), rules
