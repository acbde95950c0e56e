"""Formatters. Each module has ``render(report, stream)``; adding a format is one
module and one entry in FORMATS. Modules are imported only when used."""
from __future__ import annotations

import importlib
import os
import re
from typing import Callable, TextIO

from ..model import Finding, Report

#: format name -> module under tqcheck.report
FORMATS = {
    "rich": "terminal",
    "text": "text",
    "json": "jsonfmt",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "markdown": "markdown",
    "gitlab": "gitlab",
    "html": "html",
}


def resolve(name: str, environ=os.environ) -> str:
    """The concrete format for ``name``; ``auto`` is github annotations when GITHUB_ACTIONS
    is "true" (as yamllint does), else the rich report (plain when piped)."""
    if name != "auto":
        return name
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "rich"


def get_renderer(name: str) -> Callable[[Report, TextIO], None]:
    module = importlib.import_module(f"{__name__}.{FORMATS[resolve(name)]}")
    return module.render


#: A finding's text or suggestion longer than this is shortened in reports (first characters,
#: then "…"); its line and columns stay exact, so the whole span can be read from the file.
MAX_QUOTED = 200
#: ...and its message longer than this (a message may quote the text).
MAX_MESSAGE = 500
ELLIPSIS = "…"


def clip(text: str | None, limit: int = MAX_QUOTED) -> str | None:
    """``text`` shortened to ``limit`` characters, the last one an ellipsis, when longer."""
    if text is None or len(text) <= limit:
        return text
    return text[:limit - 1] + ELLIPSIS


def clipped(f: Finding) -> bool:
    """Whether a report shortens something of ``f`` (its text, suggestion or message)."""
    return (len(f.text) > MAX_QUOTED or len(f.message) > MAX_MESSAGE
            or (f.suggestion is not None and len(f.suggestion) > MAX_QUOTED))


def fix_text(f: Finding) -> str | None:
    """The fix as reports show it ("delete '...'" or "'...' → '...'"), shortened; None without one."""
    if f.suggestion is None:
        return None
    if f.suggestion == "":
        return f"delete {clip(f.text)!r}"
    return f"{clip(f.text)!r} → {clip(f.suggestion)!r}"


def message_with_fix(f: Finding) -> str:
    """The finding's message, with the fix when its suggestion is mechanical (SARIF, GitLab)."""
    fix = fix_text(f)
    message = clip(f.message, MAX_MESSAGE)
    return message if fix is None else f"{message} (fix: {fix})"


def capped_note(rule: str, count: int) -> str:
    """What a report says of findings left out (engine.MAX_FINDINGS_PER_SEGMENT)."""
    from ..engine import MAX_FINDINGS_PER_SEGMENT

    return (f"{count} more {rule} finding{'s' if count != 1 else ''} not reported "
            f"(at most {MAX_FINDINGS_PER_SEGMENT} per rule in one segment)")


#: Characters a terminal or a line-oriented format must not receive raw: C0 and C1 controls
#: (ESC starts escape sequences; CR, LF, VT, FF, NEL end lines), DEL, the Unicode line and
#: paragraph separators, and the bidirectional overrides and isolates (they reorder what is shown).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with control characters and escape sequences shown as ``\\x1b``, ``\\u2028``...
    (a tab stays: it neither moves the cursor back nor ends a line)."""
    return _UNSAFE.sub(_visible, text)


def plural(n: int, word: str, words: str | None = None) -> str:
    """"1 finding", "2 findings" (``words`` for an irregular plural)."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def verdict_text(score) -> str:
    """PASS, or FAIL with the reason: the quality below the threshold, or findings at or above fail-on."""
    if score.passed:
        return "PASS"
    reasons = []
    if score.quality < score.threshold:
        reasons.append(f"quality {score.quality:.2f} below {score.threshold:g}")
    if score.blocking:
        reasons.append(f"{plural(score.blocking, 'finding')} at or above {score.fail_on} (fail-on)")
    return "FAIL (" + "; ".join(reasons) + ")" if reasons else "FAIL"
