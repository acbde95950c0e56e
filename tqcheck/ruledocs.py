"""Rule documentation from the registry: docs/rules.md and the metadata SARIF carries.

``docs/rules.md`` is generated (``python -m tqcheck.ruledocs > docs/rules.md``, or
``pytest tests/test_formats.py --update-golden``); a test fails when it is stale.
Each rule has a heading ``TQnnn``, so its stable anchor is ``#tqnnn``.
"""
from __future__ import annotations

import inspect
import sys

from .registry import EXAMPLE_RE, Rule
from .rules import all_rules, family

#: Where the rule documentation lives; every helpUri is this with the rule's anchor.
DOCS_URL = "https://github.com/tqcheck/tqcheck/blob/main/docs/rules.md"


def help_uri(code: str) -> str:
    return f"{DOCS_URL}#{code.lower()}"


def full_description(cls: type[Rule]) -> str:
    """The docstring after its first line and before its examples, paragraphs kept."""
    lines = inspect.cleandoc(cls.__doc__ or "").splitlines()[1:]
    body = []
    for line in lines:
        if EXAMPLE_RE.match(line):
            break
        body.append(line.strip())
    paragraphs = " ".join(line if line else "\n\n" for line in body).split("\n\n")
    text = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return text or cls.description()


def explain(cls: type[Rule]) -> str:
    """What ``tqcheck rule CODE`` prints: the rule's name, category, severity, what it finds and
    why, where it lives, what it needs, its options and data files, and its examples."""
    path, line = cls.location()
    out = [f"{cls.code} {cls.name}", "", f"Category: {cls.category}", f"Severity: {cls.severity.value}",
           f"Family:   {family(cls)}", f"Defined:  {path}:{line}",
           f"In force: {'opt-in: add it with --extend-select ' + cls.code if cls.opt_in else 'by default'}"]
    if cls.needs:
        out.append(f"Needs:    {', '.join(sorted(cls.needs))} (--src / --ref)")
    out += ["", cls.description(), "", full_description(cls), ""]
    if cls.options:
        out += ["Options (configuration keys):"] + [f"  {o}" for o in cls.options] + [""]
    if cls.data_files:
        out += ["Data files (tqcheck/rules/data/):"] + [f"  {d}" for d in cls.data_files] + [""]
    examples = cls.examples()
    for kind, title in (("Flag", "Flagged:"), ("Okay", "Not flagged:")):
        texts = [t for k, t in examples if k == kind]
        if texts:
            out += [title] + [f"  {_example(t)}" for t in texts] + [""]
    out += ["Examples: ⏎ separates segments, ||| a segment from its reference, <<< from its French source.",
            f"Select or ignore it with --select/--ignore {cls.code} (or {cls.name}); documentation: {help_uri(cls.code)}"]
    return "\n".join(out) + "\n"


def _example(text: str) -> str:
    return text.replace("\\n", " ⏎ ")


def markdown() -> str:
    """The text of docs/rules.md."""
    out = [
        "# tqcheck rules",
        "",
        "Generated from the rule registry by `python -m tqcheck.ruledocs`; do not edit by hand.",
        "Each rule's anchor (`#tq101`) is the `helpUri` of its SARIF results.",
        "In the examples, ⏎ separates paragraphs (segments), `|||` a segment from its reference,",
        "and `<<<` (last) a segment from its French source.",
        "",
        "| code | name | category | severity | description |",
        "|---|---|---|---|---|",
    ]
    classes = all_rules()
    for cls in classes:
        out.append(f"| [{cls.code}](#{cls.code.lower()}) | {cls.name}{' (opt-in)' if cls.opt_in else ''} | {cls.category} | "
                   f"{cls.severity.value} | {cls.description().replace('|', chr(92) + '|')} |")
    for cls in classes:
        out += ["", f"## {cls.code}", "", f"**{cls.name}** · {cls.category} · {cls.severity.value} · "
                f"family {family(cls)}" + (" · opt-in (--extend-select)" if cls.opt_in else ""), "",
                cls.description(), "", full_description(cls), ""]
        examples = cls.examples()
        for kind, title in (("Flag", "Flagged"), ("Okay", "Not flagged")):
            texts = [t for k, t in examples if k == kind]
            if texts:
                out += [f"{title}:", "", "```text"] + [_example(t) for t in texts] + ["```", ""]
    return "\n".join(line.rstrip() for line in out).rstrip("\n") + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(markdown())
