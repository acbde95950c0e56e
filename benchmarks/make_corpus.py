"""Generate a deterministic benchmark corpus from the bundled samples.

    python benchmarks/make_corpus.py OUT_DIR [--segments 10000] [--seed 1]

Writes OUT_DIR/mt.en.txt, ref.en.txt and src.fr.txt (a sample directory), aligned,
one segment per line and no blank lines (so sacrebleu and tqcheck read the
same segments). Segments are drawn from every
sample (their translations, references and French sources stay aligned), with
their digits permuted consistently across the three files (so "2 500" / "2,500"
stay a matching pair) and, in a share of translations, an extra artifact
injected (a French ordinal, a doubled word, a space before a full stop, a French
time, a straight quote left open). The same arguments always give the same bytes.
"""
from __future__ import annotations

import argparse
import os
import random

SAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "samples")


def _segments(path: str) -> list[str]:
    with open(path, encoding="utf-8-sig") as fh:
        return [l.rstrip("\r\n") for l in fh if l.strip()]


def load_pool() -> list[tuple[str, str, str]]:
    pool = []
    for name in sorted(os.listdir(SAMPLES)):
        d = os.path.join(SAMPLES, name)
        if not os.path.isfile(os.path.join(d, "src.fr.txt")):
            continue  # the samples in other formats (afp-baghdad-drones-xliff12, ...) repeat the seed
        mt, ref, src = (_segments(os.path.join(d, f)) for f in ("mt.en.txt", "ref.en.txt", "src.fr.txt"))
        pool += list(zip(mt, ref, src))
    return pool


def _inject(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    kind = rng.randrange(5)
    if kind == 0 and len(words) > 3:
        i = rng.randrange(1, len(words) - 1)
        words.insert(i, words[i])  # doubled word
        return " ".join(words)
    if kind == 1 and text.endswith("."):
        return text[:-1] + " ."  # French spacing
    if kind == 2:
        return text + f" It was the {rng.randrange(2, 9)}e time."
    if kind == 3:
        return text + f" The meeting starts at {rng.randrange(8, 20)}h30."
    return text + ' He said "it will not happen again.'


def generate(segments: int, seed: int) -> tuple[list[str], list[str], list[str]]:
    rng = random.Random(seed)
    pool = load_pool()
    mts, refs, srcs = [], [], []
    for _ in range(segments):
        mt, ref, src = rng.choice(pool)
        digits = list("0123456789")
        rng.shuffle(digits)
        table = str.maketrans("0123456789", "".join(digits))
        mt, ref, src = (t.translate(table) for t in (mt, ref, src))
        if rng.random() < 0.15:
            mt = _inject(rng, mt)
        mts.append(mt)
        refs.append(ref)
        srcs.append(src)
    return mts, refs, srcs


def write(out_dir: str, segments: int, seed: int) -> None:
    os.makedirs(out_dir, exist_ok=True)
    for name, lines in zip(("mt.en.txt", "ref.en.txt", "src.fr.txt"), generate(segments, seed)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(lines) + "\n")  # no blank lines: sacrebleu reads every line as a segment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.out_dir, args.segments, args.seed)


if __name__ == "__main__":
    main()
