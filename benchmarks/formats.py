"""Structured input formats: write a translation as XLIFF 1.2, XLIFF 2.0, PO or Markdown, and time them.

    python benchmarks/formats.py [--segments 10000] [--repeat 3]     # the timing
    python benchmarks/formats.py --samples                           # rewrite samples/afp-baghdad-drones-*

The timing generates one deterministic corpus (benchmarks/make_corpus.py) of SEGMENTS units,
writes it as plain lines (``mt.en.txt`` with ``--src src.fr.txt``) and as one XLIFF 1.2 file
holding the same sources and targets, runs ``tqcheck check`` on each (rules only: no reference,
so no metrics; ``--jobs 1``), and prints the wall times and the ratio XLIFF / plain text
(the best of ``--repeat`` runs each).

``--samples`` writes the seed story (samples/afp-baghdad-drones: one unit per paragraph) in
each format under samples/afp-baghdad-drones-<format>/ (with the reference as ``ref.en.txt``
beside the bilingual files, which carry none); tests/test_input_formats.py checks
that each reports the same (rule, text) pairs as the plain-text sample.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED = os.path.join(ROOT, "samples", "afp-baghdad-drones")


def xliff12(targets, sources, ids=None) -> str:
    units = "".join(
        f'      <trans-unit id="{ids[i] if ids else i + 1}">\n'
        f"        <source>{escape(src)}</source>\n"
        f'        <target state="translated">{escape(mt)}</target>\n'
        "      </trans-unit>\n"
        for i, (mt, src) in enumerate(zip(targets, sources)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '  <file source-language="fr-FR" target-language="en-GB" datatype="plaintext" original="story.txt">\n'
            f"    <body>\n{units}    </body>\n  </file>\n</xliff>\n")


def xliff20(targets, sources) -> str:
    units = "".join(
        f'    <unit id="u{i + 1}">\n      <segment id="s{i + 1}" state="translated">\n'
        f"        <source>{escape(src)}</source>\n        <target>{escape(mt)}</target>\n"
        "      </segment>\n    </unit>\n"
        for i, (mt, src) in enumerate(zip(targets, sources)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr-FR" trgLang="en-US">\n'
            f'  <file id="f1">\n{units}  </file>\n</xliff>\n')


def _po_string(keyword: str, text: str) -> str:
    """``keyword "..."``, wrapped as gettext wraps long strings (an empty first line, then pieces)."""
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    if len(quoted) < 70:
        return f'{keyword} "{quoted}"\n'
    pieces = textwrap.wrap(quoted, 76, drop_whitespace=False, break_long_words=False, break_on_hyphens=False)
    return f'{keyword} ""\n' + "".join(f'"{p}"\n' for p in pieces)


def po(targets, sources) -> str:
    header = ('msgid ""\nmsgstr ""\n"Project-Id-Version: afp-baghdad-drones\\n"\n"Language: en\\n"\n'
              '"X-Source-Language: fr\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Content-Transfer-Encoding: 8bit\\n"\n\n')
    return header + "".join(f"#: story.txt:{i + 1}\n" + _po_string("msgid", src) + _po_string("msgstr", mt) + "\n"
                            for i, (mt, src) in enumerate(zip(targets, sources)))


_LEADING = re.compile(r"^(\s*)([-+*#>]|\d+(?=[.)]))")


def _md_line(line: str) -> str:
    """A wrapped line that Markdown reads as text (a leading list or heading marker escaped)."""
    m = _LEADING.match(line)
    if not m:
        return line
    if m.group(2).isdigit():
        return line[:m.end()] + "\\" + line[m.end():]
    return line[:m.start(2)] + "\\" + line[m.start(2):]


def markdown(paragraphs) -> str:
    """Paragraphs as a Markdown page (the first one a heading), wrapped at 78 columns, with front matter
    whose values are not text (a title there would be one more segment than the plain-text sample has)."""
    out = ["---", "slug: afp-baghdad-drones", "source: AFP", "tags: [Iraq, drones]", "---", "",
           f"# {paragraphs[0]}", ""]
    for p in paragraphs[1:]:
        p = re.sub(r"([\\`*_\[\]<])", r"\\\1", p)
        out += [_md_line(line) for line in textwrap.wrap(p, 78, break_long_words=False, break_on_hyphens=False)]
        out.append("")
    return "\n".join(out)


def _lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh if line.strip()]


def write_samples() -> None:
    mt, ref, src = (_lines(os.path.join(SEED, n)) for n in ("mt.en.txt", "ref.en.txt", "src.fr.txt"))
    files = {
        "afp-baghdad-drones-xliff12/mt.xlf": xliff12(mt, src),
        "afp-baghdad-drones-xliff20/mt.xlf": xliff20(mt, src),
        "afp-baghdad-drones-po/mt.po": po(mt, src),
        # the bilingual formats carry no reference: the seed's, as plain text aligned unit by unit
        "afp-baghdad-drones-xliff12/ref.en.txt": "\n".join(ref) + "\n",
        "afp-baghdad-drones-xliff20/ref.en.txt": "\n".join(ref) + "\n",
        "afp-baghdad-drones-po/ref.en.txt": "\n".join(ref) + "\n",
        "afp-baghdad-drones-markdown/mt.en.md": markdown(mt),
        "afp-baghdad-drones-markdown/src.fr.md": markdown(src),
        "afp-baghdad-drones-markdown/ref.en.md": markdown(ref),
    }
    for name, text in files.items():
        path = os.path.join(ROOT, "samples", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        print("wrote", os.path.relpath(path, ROOT))


def _time(cmd: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        best = min(best, time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr}")
    return best


def benchmark(segments: int, repeat: int) -> float:
    sys.path.insert(0, HERE)
    import make_corpus

    mt, ref, src = make_corpus.generate(segments, 1)
    with tempfile.TemporaryDirectory() as tmp:
        for name, lines in (("mt.en.txt", mt), ("src.fr.txt", src)):
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
        with open(os.path.join(tmp, "mt.xlf"), "w", encoding="utf-8") as fh:
            fh.write(xliff12(mt, src))
        tq = [sys.executable, "-m", "tqcheck", "check", "--format", "json", "--jobs", "1", "--worst", "0"]
        plain = _time(tq + [os.path.join(tmp, "mt.en.txt"), "--src", os.path.join(tmp, "src.fr.txt")], repeat)
        xliff = _time(tq + [os.path.join(tmp, "mt.xlf")], repeat)
    ratio = xliff / plain
    print(f"{segments} units, best of {repeat}: plain text {plain:.2f} s, XLIFF 1.2 {xliff:.2f} s, ratio {ratio:.2f}")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--samples", action="store_true", help="rewrite the format samples instead of timing")
    args = parser.parse_args()
    if args.samples:
        write_samples()
    else:
        benchmark(args.segments, args.repeat)


if __name__ == "__main__":
    main()
