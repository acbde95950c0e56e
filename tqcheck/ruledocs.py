"""Rule documentation from the registry: docs/rules.md and the metadata SARIF carries.

``docs/rules.md`` is generated (``python -m tqcheck.ruledocs > docs/rules.md``, or
``pytest tests/test_formats.py --update-golden``); a test fails when it is stale.
Each rule has a heading ``TQnnn``, so its stable anchor is ``#tqnnn``.
"""
from __future__ import annotations

import inspect
import sys

from .registry import EXAMPLE_RE, Rule, rule_classes

#: Where the rule documentation lives; every helpUri is this with the rule's anchor.
DOCS_URL = "https://github.com/tqcheck/tqcheck/blob/main/docs/rules.md"


def help_uri(code: str) -> str:
    return f"{DOCS_URL}#{code.lower()}"


def family(cls: type[Rule]) -> str:
    """The rule's family: its code's hundreds (``TQ1xx``) and its module (``ordinals``)."""
    return f"{cls.code[:3]}xx {cls.__module__.rsplit('.', 1)[-1]}"


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
    classes = rule_classes()
    for cls in classes:
        out.append(f"| [{cls.code}](#{cls.code.lower()}) | {cls.name} | {cls.category} | "
                   f"{cls.severity.value} | {cls.description().replace('|', chr(92) + '|')} |")
    for cls in classes:
        out += ["", f"## {cls.code}", "", f"**{cls.name}** · {cls.category} · {cls.severity.value} · "
                f"family {family(cls)}", "", cls.description(), "", full_description(cls), ""]
        examples = cls.examples()
        for kind, title in (("Flag", "Flagged"), ("Okay", "Not flagged")):
            texts = [t for k, t in examples if k == kind]
            if texts:
                out += [f"{title}:", "", "```text"] + [_example(t) for t in texts] + ["```", ""]
    return "\n".join(line.rstrip() for line in out).rstrip("\n") + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(markdown())
