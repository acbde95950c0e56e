"""What ``tqcheck check`` does besides checking, kept out of the click module: fixing (``--fix``,
``--diff``, ``tqcheck fix``), choosing the report view (``-q``, ``--statistics``, ``--show-source``,
``--color``, a format from the ``--output`` extension) and the ``--version`` line.
"""
from __future__ import annotations

import sys
from typing import Callable, TextIO

from .model import Report


def versions() -> str:
    """``tqcheck X (Python Y; sacrebleu Z; langdetect W)``, read from the installed packages."""
    import platform
    from importlib import metadata

    from .version import __version__

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return (f"tqcheck {__version__} (Python {platform.python_version()}; sacrebleu {version('sacrebleu')}; "
            f"langdetect {version('langdetect')})")


def run_fix(report: Report, config, unsafe: bool, dry: bool, baseline, note: Callable[[str], None]) -> tuple[Report, bool]:
    """Fix the files of ``report`` (``dry``: print a unified diff instead of writing); the report of the
    fixed texts, and whether anything changed. Notes go to ``note`` (stderr)."""
    from . import fix

    result = fix.fix_report(report, config, unsafe, baseline=baseline)
    changed = any(f.changed for f in result.files)
    if dry:
        sys.stdout.write(fix.unified_diff(result))
    else:
        fix.write(result)
    for line in fix.summary(result, dry):
        note(line)
    return result.report, changed


def format_from_extension(path: str) -> tuple[str, str]:
    """The format ``--output PATH`` names by its extension (else auto), and the note that says so."""
    from .report.views import EXTENSIONS, format_for_output

    fmt = format_for_output(path)
    if fmt is None:
        return "auto", (f"{path}: no format for this extension ({', '.join(sorted(EXTENSIONS))}); writing the "
                        "rich report (use --format)")
    return fmt, f"writing the {fmt} format to {path} (from its extension; --format chooses another)"


def render(report: Report, fmt: str, stream: TextIO, *, quiet: bool = False, statistics: bool = False,
           show_source: bool = False, color: str = "auto") -> None:
    """Render ``report`` in ``fmt`` or one of the CLI's views, to ``stream``."""
    from .report import get_renderer, resolve
    from .report import views

    if quiet:
        views.render_quiet(report, stream)
        return
    if statistics:
        from .fix import fix_safety

        views.render_statistics(report, stream, fix_safety)
        return
    concrete = resolve(fmt)
    if show_source and concrete == "text":
        views.render_with_source(report, stream)
        return
    with views.color_env(color):
        if concrete == "rich" and color != "always":
            views.render_trimmed(get_renderer(fmt), report, stream)
        else:
            get_renderer(fmt)(report, stream)
