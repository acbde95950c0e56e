"""GitHub Actions workflow commands (``--format github``; ``auto`` when GITHUB_ACTIONS=true).

Per file, inside ``::group::path`` / ``::endgroup::``: an ``::error`` for a failing
file's verdict, then one annotation per finding::

    ::error file=PATH,line=L,col=C,endColumn=E,title=CODE::message

critical and major findings are ``::error``, minor ones ``::warning``. Then the
metrics (with their sacrebleu signatures) and the score as plain log lines. Data is
escaped as GitHub's toolkit does (``%``, CR, LF), properties also ``:`` and ``,``.
When ``GITHUB_STEP_SUMMARY`` is set, the Markdown summary (see report.markdown) is
appended to that file. GitHub shows at most 10 error and 10 warning annotations per
step; for large corpora upload the SARIF report to code scanning as well.
"""
from __future__ import annotations

import os
from typing import TextIO

from ..errors import InputError
from ..model import Finding, Report, Severity
from ..paths import relative
from . import capped_note, message_with_fix
from . import plural, visible
from .markdown import summary

COMMANDS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def log_line(text: str) -> str:
    """A plain log line GitHub never reads as a workflow command: line breaks escaped as in data,
    and never starting with ``::``, blanks or not (a path is given as ``./PATH`` then, see
    ``log_path``; anything else gets a ``tqcheck:`` prefix)."""
    text = escape_data(text)
    return "tqcheck: " + text if text.lstrip().startswith("::") else text


def log_path(path: str) -> str:
    """A relative path that cannot start a workflow command at the start of a log line."""
    return "./" + path if path[:1] == ":" or path[:1].isspace() else path


def annotation(f: Finding) -> str:
    message = visible(message_with_fix(f))  # a raw ESC in quoted text would reach the log
    return command(COMMANDS[f.severity], message, file=relative(f.path), line=f.line, col=f.column,
                   endLine=f.end_line, endColumn=f.end_column, title=f.rule)


def append_step_summary(report: Report, environ=os.environ) -> None:
    path = environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(summary(report))
    except OSError as exc:
        raise InputError(f"{path}: cannot append the step summary ({exc.strerror or exc}); "
                         "check GITHUB_STEP_SUMMARY") from None


def render(report: Report, stream: TextIO) -> None:
    for fr in report.files:
        path, s = relative(fr.path), fr.score
        stream.write(command("group", path) + "\n")
        if not s.passed:
            reason = (f"quality {s.quality:.2f} is below the threshold {s.threshold:g}" if s.quality < s.threshold
                      else f"{plural(s.blocking, 'finding')} at or above {s.fail_on}")
            stream.write(command("error", f"tqcheck: {reason} ({plural(len(fr.findings), 'finding')})",
                                 file=path, title="tqcheck FAIL") + "\n")
        for f in fr.findings:
            stream.write(annotation(f) + "\n")
        for rule, count in fr.capped.items():
            stream.write(command("warning", f"tqcheck: {capped_note(rule, count)}", file=path, title=rule) + "\n")
        for m in (fr.metrics or {}).values():
            stream.write(log_line(f"{log_path(path)}: {m.name} {m.score:.2f} {m.signature}") + "\n")
        stream.write(log_line(f"{log_path(path)}: {len(fr.findings)} findings, penalty {s.penalty:g} over {s.words} words, "
                              f"quality {s.quality:.2f} (threshold {s.threshold:g}): {'PASS' if s.passed else 'FAIL'}")
                     + "\n")
        stream.write("::endgroup::\n")
    passed = sum(fr.score.passed for fr in report.files)
    stream.write(f"tqcheck: {plural(len(report.files), 'file')}, {plural(report.findings, 'finding')}, {passed} passed: "
                 f"{'PASS' if report.passed else 'FAIL'}\n")
    append_step_summary(report)
