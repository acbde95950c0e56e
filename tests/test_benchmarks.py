"""The benchmark corpus generator: deterministic, aligned, readable by tqcheck and sacrebleu alike.
(Speed itself is measured by benchmarks/run.py, never asserted in tests.)"""
import os
import sys

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

import make_corpus  # noqa: E402

from tqcheck.io.inputs import load_inputs  # noqa: E402


def read(d):
    return {n: open(os.path.join(d, n), "rb").read() for n in ("mt.en.txt", "ref.en.txt", "src.fr.txt")}


def test_same_arguments_same_bytes(tmp_path):
    make_corpus.write(str(tmp_path / "a"), 120, seed=3)
    make_corpus.write(str(tmp_path / "b"), 120, seed=3)
    make_corpus.write(str(tmp_path / "c"), 120, seed=4)
    assert read(tmp_path / "a") == read(tmp_path / "b") != read(tmp_path / "c")


def test_aligned_without_blank_lines(tmp_path):
    make_corpus.write(str(tmp_path), 120, seed=1)
    for data in read(tmp_path).values():
        lines = data.decode("utf-8").split("\n")
        assert lines[-1] == "" and len(lines) == 121 and all(lines[:-1])
    [doc] = load_inputs([str(tmp_path)])  # aligned: loading would stop otherwise
    assert len(doc.segments) == 120 and doc.source is not None and len(doc.references) == 1
