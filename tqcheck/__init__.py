"""tqcheck: translation-quality checks for French-to-English machine translation.

The public API (see ``tqcheck.api``)::

    import tqcheck
    report = tqcheck.check("The attack came on the 2e anniversary .", references=..., source=...)
    report = tqcheck.check_files(["samples/afp-baghdad-drones"], config=tqcheck.load_config())
    print(tqcheck.render(report, "text"))

``Report`` -> ``FileReport`` (one per translation) -> ``Finding`` are the records every
formatter renders. The API functions are imported on first use, so ``import tqcheck`` is cheap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .baseline import Baseline
from .config import Config
from .errors import InputError
from .model import Document, FileReport, Finding, Report, Score, Segment, Severity
from .version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .api import FORMATS, check, check_files, document, load_config, render

_API = ("FORMATS", "check", "check_files", "document", "load_config", "render")


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'tqcheck' has no attribute {name!r}")


__all__ = [
    "Baseline", "Config", "Document", "FileReport", "Finding", "InputError", "Report", "Score", "Segment",
    "Severity", "__version__", *_API,
]
