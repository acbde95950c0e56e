"""Formatters. Each module has ``render(report, stream)``; adding a format is one
module and one entry in FORMATS. Modules are imported only when used."""
from __future__ import annotations

import importlib
import os
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


def message_with_fix(f: Finding) -> str:
    """The finding's message, with the fix when its suggestion is mechanical (SARIF, GitLab)."""
    if f.suggestion is None:
        return f.message
    fix = f"delete {f.text!r}" if f.suggestion == "" else f"{f.text!r} → {f.suggestion!r}"
    return f"{f.message} (fix: {fix})"
