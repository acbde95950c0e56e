"""Shared helpers for rule tests."""
from __future__ import annotations

from tqcheck.config import Config
from tqcheck.engine import check_document
from tqcheck.io.glossary import in_force
from tqcheck.io.text import parse_text
from tqcheck.model import Document, Finding
from tqcheck import suppress
from tqcheck.registry import CorpusRule
from tqcheck.rules import all_rules as rule_classes
from tqcheck.rules import select_rules


def _xml(text: str) -> str:
    return text.replace("&", "&amp;") if "<" not in text else text


def _po(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_formatted(example: str):
    """A Document from an example with a format prefix (see tqcheck.rules.tq85x_markup): ``xliff:`` and
    ``po:`` examples are ``translation <<< source`` segments written into a file of that format,
    ``markdown:`` examples a Markdown file ('\\n' a line break); each read by its reader."""
    from tqcheck.io import markdown, po, xliff

    fmt, _, body = example.partition(":")
    parts = [p.partition("<<<") for p in body.split("\\n")]
    if fmt == "xliff":
        units = "".join(f'<trans-unit id="{i}"><source>{_xml(src.strip())}</source>'
                        f'<target>{_xml(mt.strip())}</target></trans-unit>\n'
                        for i, (mt, _, src) in enumerate(parts, start=1))
        data = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="fr" '
                f'target-language="en" datatype="plaintext" original="x"><body>\n{units}</body></file></xliff>\n')
        return xliff.read("<example>", data.encode())
    if fmt == "po":
        data = "".join(f"msgid {_po(src.strip())}\nmsgstr {_po(mt.strip())}\n\n" for mt, _, src in parts)
        return po.read("<example>", data.encode())
    return markdown.read("<example>", body.strip().replace("\\n", "\n").encode())


def parse_example(example: str):
    """A Document from docstring-example syntax: '\\n' separates segments, '|||' a reference,
    '<<<' (last) the French source: ``translation ||| reference <<< source``; a format prefix
    (``xliff:``, ``po:``, ``markdown:``) reads it as a file of that format (parse_formatted)."""
    if example.split(":", 1)[0] in ("xliff", "po", "markdown"):
        return parse_formatted(example)
    mts, refs, srcs = [], [], []
    for part in example.split("\\n"):
        part, has_src, src = part.partition("<<<")
        mt, sep, ref = part.partition("|||")
        mts.append(mt.strip() if sep or has_src else mt)
        refs.append(ref.strip())
        srcs.append(src.strip())
    doc = parse_text("\n\n".join(mts), "<example>")
    if any(refs):
        ref_doc = parse_text("\n\n".join(refs), "<example reference>")
        assert len(ref_doc.segments) == len(doc.segments), "every example segment needs a reference"
        doc.references.append(ref_doc)
    if any(srcs):
        src_doc = parse_text("\n\n".join(srcs), "<example source>")
        assert len(src_doc.segments) == len(doc.segments), "every example segment needs a source"
        doc.source = src_doc
    return doc


def parse_examples(example: str) -> list:
    """Documents from example syntax where a segment '===' separates files ('<example 1>', ...)."""
    parts = example.split("\\n===\\n")
    if len(parts) == 1:
        return [parse_example(example)]
    docs = [parse_example(part) for part in parts]
    for i, doc in enumerate(docs, start=1):
        doc.path = f"<example {i}>"
    return docs


def run_rules(text_or_doc, select=(), config: Config | None = None) -> list[Finding]:
    """Findings of the selected rules (all, opt-in ones included, when empty) on a text in example syntax, a Document or a
    list of Documents; corpus rules see every document, then report."""
    if isinstance(text_or_doc, str):
        docs = parse_examples(text_or_doc)
    elif isinstance(text_or_doc, Document):
        docs = [text_or_doc]
    else:
        docs = list(text_or_doc)
    config = config or Config()
    rules = select_rules(select, extend_select=() if select else [c.code for c in rule_classes() if c.opt_in])
    glossary = in_force(config)  # once per run, as the engine does
    findings = []
    for doc in docs:
        report = check_document(doc, rules, config, glossary=glossary)
        findings += suppress.apply(report.document, report.findings, rules)[0]  # as engine.finalise does
    corpus = [f for rule in rules if isinstance(rule, CorpusRule) for f in rule.finish()]
    return sorted(findings + corpus, key=lambda f: f.sort_key) if corpus else findings


def codes(findings) -> list[str]:
    return [f.rule for f in findings]


def spans(findings) -> list[tuple[str, int, int, int, str]]:
    return [(f.rule, f.line, f.column, f.end_column, f.text) for f in findings]
