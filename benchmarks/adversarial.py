"""Adversarial inputs: how long each rule takes on a long line of one character (or a short
repeated pattern), per MB of text. A rule whose time grows faster than the text (a regex that
backtracks, a quadratic comparison) shows here as seconds per MB far above the others.

    .venv/bin/python benchmarks/adversarial.py            # 1 MB lines, every rule, every pattern
    .venv/bin/python benchmarks/adversarial.py --size 100000 --rules TQ205,TQ913

Each rule runs alone (``select``) on a document of one segment, with the same line as its
reference and its source, so rules that need them run too. The table gives seconds per MB,
the slowest pattern per rule, and the total of all rules per pattern; the run fails (exit 1)
when one rule takes more than ``--limit`` seconds on one line.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

#: name -> the unit repeated to fill the line
PATTERNS = {
    "“": "“", "”": "”", "‘": "‘", "’": "’", '"': '"', "'": "'", "«": "«", "»": "»", "‹": "‹", "›": "›",
    "space": " ", "tab": "\t", "nbsp": "\u00a0", "nnbsp": "\u202f", "thin": "\u2009", "em-space": "\u2003",
    ".": ".", ",": ",", ";": ";", ":": ":", "!": "!", "?": "?", "…": "…", "-": "-", "–": "–", "—": "—",
    "(": "(", ")": ")", "[": "[", "/": "/", "%": "%", "&": "&", "*": "*", "#": "#", "@": "@",
    "a": "a", "A": "A", "é": "é", "0": "0", "7": "7",
    "word ": "word ", "Word ": "Word ", "le ": "le ", "1 ": "1 ", "1,": "1,", "1.": "1.", ". ": ". ",
    "« ": "« ", "“a” ": "“a” ", "2e ": "2e ", "M. ": "M. ", "a.": "a.", "A-": "A-",
}


def line_of(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size].strip() or unit * size


def run_rule(code: str, text: str) -> float:
    """Seconds for rule ``code`` alone on ``text`` (one segment, itself as reference and source),
    outside the engine (so the corpus metrics, which are not a rule, are not counted)."""
    from tqcheck.api import document
    from tqcheck.config import Config
    from tqcheck.io.glossary import in_force
    from tqcheck.registry import Context
    from tqcheck.rules import all_rules

    classes = all_rules()
    [cls] = [c for c in classes if c.code == code]
    config = Config()
    doc = document(text, text, text)
    ctx = Context(config, glossary=in_force(config), rules_in_force=frozenset(c.code for c in classes))
    rule = cls()
    start = time.perf_counter()
    if rule.applies_to(doc):
        list(rule.check(doc, ctx))
    return time.perf_counter() - start


def run_check(text: str) -> float:
    """Seconds for the whole check of ``text`` (every rule, through the engine, no reference):
    what ``tqcheck check`` does with a file of that one line."""
    from tqcheck.api import check
    from tqcheck.config import Config

    start = time.perf_counter()
    check(text, config=Config(jobs=1))
    return time.perf_counter() - start


def main(argv=None) -> int:
    from tqcheck.rules import all_rules

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per line (default 1,000,000)")
    parser.add_argument("--rules", default="", help="comma-separated codes (default: every rule)")
    parser.add_argument("--patterns", default="", help="comma-separated pattern names (default: all); "
                        "'single': the lines of one character only")
    parser.add_argument("--limit", type=float, default=5.0, help="seconds one rule may take on one line")
    parser.add_argument("--full", action="store_true",
                        help="time the whole check (every rule, through the engine) per pattern instead")
    args = parser.parse_args(argv)
    codes = [c.strip().upper() for c in args.rules.split(",") if c.strip()] or [c.code for c in all_rules()]
    names = [p for p in args.patterns.split(",") if p] or list(PATTERNS)
    if names == ["single"]:
        names = [name for name, unit in PATTERNS.items() if len(unit) == 1]
    mb = args.size / 1_000_000
    if args.full:
        print(f"| pattern | whole check, s (line of {args.size:,} characters) |")
        print("|---|---|")
        times = {}
        for name in names:
            times[name] = run_check(line_of(PATTERNS[name], args.size))
            print(f"| {name!r} | {times[name]:.2f} |", flush=True)
        slow = [n for n, t in times.items() if t > args.limit]
        print(f"over the {args.limit:g} s limit: {', '.join(repr(n) for n in slow) or 'none'}")
        return 1 if slow else 0
    worst: dict[str, tuple[float, str]] = {}
    totals: dict[str, float] = {}
    for name in names:
        text = line_of(PATTERNS[name], args.size)
        for code in codes:
            seconds = run_rule(code, text)
            totals[name] = totals.get(name, 0.0) + seconds
            if seconds >= worst.get(code, (-1.0, ""))[0]:
                worst[code] = (seconds, name)
        print(f"pattern {name!r:12} all rules {totals[name]:7.2f} s ({totals[name] / mb:7.2f} s/MB)", flush=True)
    print()
    print(f"| rule | slowest pattern | s per MB (line of {args.size:,} characters) |")
    print("|---|---|---|")
    for code in codes:
        seconds, name = worst[code]
        print(f"| {code} | {name!r} | {seconds / mb:.2f} |")
    slow = [c for c in codes if worst[c][0] > args.limit]
    print()
    print(f"slowest rule: {max(codes, key=lambda c: worst[c][0])} ({max(w[0] for w in worst.values()):.2f} s); "
          f"slowest pattern over all rules: {max(totals, key=totals.get)} ({max(totals.values()):.2f} s)")
    if slow:
        print(f"over the {args.limit:g} s limit: {', '.join(slow)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
