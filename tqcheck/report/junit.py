"""JUnit XML (``--format junit``), for CI test-report viewers.

One ``<testsuite>`` per translation file, with the score, verdict and metrics (with
their sacrebleu signatures) as ``<properties>``. In each suite:

- a ``score`` testcase, failed when the file fails (quality below the threshold, or a
  finding at or above fail-on);
- per rule family in force (``TQ1xx ordinals``, ...): one passing testcase when the
  family found nothing, else one testcase per finding, each with one ``<failure>``
  (type = rule code). One failure per testcase is what every viewer displays fully.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from ..model import FileReport, Finding, Report, weights_legend
from ..paths import relative
from ..rules import all_rules, family
from . import MAX_MESSAGE, clip

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text XML 1.0 can hold (control characters become U+FFFD)."""
    return _INVALID_XML.sub("\ufffd", text)


def _families(report: Report) -> dict[str, str]:
    """rule code -> family, for the rules in force (every rule when the report does not say)."""
    in_force = set(report.rules)
    return {cls.code: family(cls) for cls in all_rules() if not in_force or cls.code in in_force}


def _quoted(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[:limit - 1] + '…'}'"


def _case(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"classname": _clean(classname), "name": _clean(name), "time": "0"})


def _finding_text(f: Finding) -> str:
    lines = [f"{relative(f.path)}:{f.line}:{f.column}: {f.rule} {f.name} [{f.severity.value}] {f.category}",
             clip(f.message, MAX_MESSAGE), f"text: {clip(f.text)!r}"]
    if f.suggestion is not None:
        lines.append("suggestion: delete it" if f.suggestion == "" else f"suggestion: {clip(f.suggestion)}")
    return _clean("\n".join(lines))


def _suite(parent: ET.Element, fr: FileReport, families: dict[str, str]) -> tuple[int, int]:
    path, s = relative(fr.path), fr.score
    suite = ET.SubElement(parent, "testsuite", {"name": _clean(path)})
    props = ET.SubElement(suite, "properties")
    values = [("quality", f"{s.quality:.2f}"), ("threshold", f"{s.threshold:g}"), ("penalty", f"{s.penalty:g}"),
              ("words", str(s.words)), ("verdict", "PASS" if s.passed else "FAIL")]
    for m in (fr.metrics or {}).values():
        values.append((m.name, f"{m.score:.2f} {m.signature}"))
    for name, value in values:
        ET.SubElement(props, "property", {"name": name, "value": _clean(value)})
    tests = failures = 0

    case = _case(suite, path, "score")
    tests += 1
    if not s.passed:
        failures += 1
        reason = (f"quality {s.quality:.2f} below threshold {s.threshold:g}" if s.quality < s.threshold
                  else f"{s.blocking} findings at or above {s.fail_on}")
        failure = ET.SubElement(case, "failure", {"type": "score", "message": f"FAIL: {reason}"})
        failure.text = (f"penalty {s.penalty:g} (weights: {weights_legend()}) over {s.words} words: "
                        f"quality {s.quality:.2f}, threshold {s.threshold:g}")

    by_family: dict[str, list[Finding]] = {fam: [] for fam in sorted(set(families.values()))}
    for f in fr.findings:
        by_family.setdefault(families.get(f.rule, f"{f.rule[:3]}xx"), []).append(f)
    for fam, found in by_family.items():
        if not found:
            _case(suite, path, fam)
            tests += 1
            continue
        seen: dict[str, int] = {}
        for f in found:
            # named by rule and text, not by line, so a test keeps its name when lines move
            name = f"{fam}: {f.rule} {f.name} {_quoted(f.text)}"
            seen[name] = seen.get(name, 0) + 1
            case = _case(suite, path, name if seen[name] == 1 else f"{name} ({seen[name]})")
            failure = ET.SubElement(case, "failure", {"type": f.rule, "message": _clean(f"[{f.severity.value}] {f.message}")})
            failure.text = _finding_text(f)
            tests += 1
            failures += 1
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")
    return tests, failures


def render(report: Report, stream: TextIO) -> None:
    root = ET.Element("testsuites", {"name": "tqcheck"})
    families = _families(report)
    tests = failures = 0
    for fr in report.files:
        t, f = _suite(root, fr, families)
        tests, failures = tests + t, failures + f
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("time", "0")
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
