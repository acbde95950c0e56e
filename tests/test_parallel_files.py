"""Many small files spread over the workers in batches (tqcheck.distribute): the report is the same,
byte for byte and in every format, as with --jobs 1, corpus rules included."""
import os
import struct
import sys
import threading

import pytest

import tqcheck.distribute as distribute
import tqcheck.engine as engine
from tqcheck.cli import main

from conftest import ROOT

SAMPLES = [os.path.join(ROOT, "samples", d) for d in ("afp-baghdad-drones", "afp-mali-junta", "afp-paris-pensions")]


def vary(tree, line, k, n):
    """On the second pass over the samples, some translations change (one source, two translations: TQ505)
    and some sources change (one translation, two sources: TQ506)."""
    if (k // n) % 2 == 0:
        return line
    if (tree == "mt" and k % 4 == 0) or (tree == "src" and k % 4 == 2):
        return line.rstrip("\n") + " Vraiment.\n"
    return line


def small_tree(root, files=80, lines=3):
    """``files`` translations of ``lines`` lines cut from the samples, cycling (so segments repeat across
    files, for the corpus rules), with mirrored src/ and ref/ trees; some files have no partner."""
    texts = {}
    for name, tree in (("mt.en.txt", "mt"), ("src.fr.txt", "src"), ("ref.en.txt", "ref")):
        texts[tree] = [line.rstrip("\n") + "\n" for s in SAMPLES for line in open(os.path.join(s, name), encoding="utf-8")
                       if line.strip()]
    n = len(texts["mt"])
    for i in range(files):
        for tree, suffix in (("mt", ".en.txt"), ("src", ".fr.txt"), ("ref", ".en.txt")):
            if tree == "ref" and i % 7 == 3:
                continue  # a translation without a reference
            d = root / tree / f"d{i // 25}"
            d.mkdir(parents=True, exist_ok=True)
            chunk = [vary(tree, texts[tree][(i * lines + k) % n], i * lines + k, n) for k in range(lines)]
            (d / f"a{i:03d}{suffix}").write_text("".join(chunk), encoding="utf-8")
    return root


def output(capsys, tree, fmt, jobs, *extra):
    args = ["check", str(tree / "mt"), "--src-dir", str(tree / "src"), "--ref-dir", str(tree / "ref"),
            "--extend-select", "TQ505,TQ506", "--format", fmt, "--jobs", str(jobs), *extra]
    code = main(args)
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return out


_PID_DIR = None
_REAL_CHECK_HERE = engine._check_here


def _recording_check_here(*args, **kwargs):
    """engine._check_here, leaving a file named after the process that ran it."""
    (_PID_DIR / str(os.getpid())).touch()
    return _REAL_CHECK_HERE(*args, **kwargs)


@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_small_files_in_the_workers_give_the_same_report(tmp_path, capsys, monkeypatch, fmt):
    global _PID_DIR
    tree = small_tree(tmp_path / "tree")
    _PID_DIR = tmp_path / "pids"
    _PID_DIR.mkdir()
    one = output(capsys, tree, fmt, 1)
    monkeypatch.setattr(engine, "_check_here", _recording_check_here)  # before the workers fork
    two = output(capsys, tree, fmt, 2)
    assert one == two
    pids = {int(p.name) for p in _PID_DIR.iterdir()}
    assert pids - {os.getpid()}, "no file was checked in a worker"
    if fmt == "json":  # the corpus rules saw files checked in different processes
        assert all(code in one for code in ('"TQ504"', '"TQ505"', '"TQ506"'))


def test_large_files_between_small_ones_keep_their_order(tmp_path, capsys, monkeypatch):
    tree = small_tree(tmp_path / "tree", files=70)
    for i in (5, 40):  # two files above the small-file size, checked in the main process
        for tree_name, suffix in (("mt", ".en.txt"), ("src", ".fr.txt"), ("ref", ".en.txt")):
            path = tree / tree_name / "d0" / f"a{i:03d}{suffix}" if i < 25 else tree / tree_name / "d1" / f"a{i:03d}{suffix}"
            if path.exists():
                path.write_text(path.read_text(encoding="utf-8") * 40, encoding="utf-8")
    monkeypatch.setattr(distribute, "SMALL_FILE_BYTES", 2000)
    assert output(capsys, tree, "json", 1) == output(capsys, tree, "json", 2)


def test_an_error_in_a_batch_is_the_error_of_a_single_process(tmp_path, capsys):
    tree = small_tree(tmp_path / "tree", files=70)
    with open(tree / "src" / "d1" / "a030.fr.txt", "a", encoding="utf-8") as fh:
        fh.write("Une ligne de trop.\n")
    errors = []
    threads = set(threading.enumerate())
    for jobs in ("1", "2"):
        assert main(["check", str(tree / "mt"), "--src-dir", str(tree / "src"), "--format", "json",
                     "--jobs", jobs]) == 2
        out, err = capsys.readouterr()
        assert out == "" and len(err.strip().splitlines()) == 1
        errors.append(err)
    assert errors[0] == errors[1] and "a030.fr.txt" in errors[0]
    assert set(threading.enumerate()) <= threads  # the pool's threads ended with the run


def _die(*args, **kwargs):
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_killed_in_a_batch_is_one_line(tmp_path, capsys, monkeypatch):
    tree = small_tree(tmp_path / "tree", files=70)
    monkeypatch.setattr(engine, "_check_here", _die)  # the forked workers run this
    assert main(["check", str(tree / "mt"), "--jobs", "2", "--format", "text"]) == 2
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and "a worker process died" in err


def _half_a_result(*args, **kwargs):
    """Die as a worker killed while it sent its result would: the result pipe holds a message's
    header and the first bytes of its body, no more."""
    import signal

    frame = sys._getframe(1)
    while "result_queue" not in frame.f_locals:  # concurrent.futures.process._process_worker
        frame = frame.f_back
    os.write(frame.f_locals["result_queue"]._writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_killed_while_it_sends_a_result_is_one_line_and_leaves_no_thread(tmp_path, capsys, monkeypatch):
    # The pool's manager thread waits for the other 990 bytes: before the run looked at its workers
    # while it waited, the run hung, and then the process hung at exit.
    tree = small_tree(tmp_path / "tree", files=70)
    monkeypatch.setattr(engine, "_check_here", _half_a_result)
    threads = set(threading.enumerate())
    assert main(["check", str(tree / "mt"), "--jobs", "2", "--format", "text"]) == 2
    out, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and "a worker process died" in err
    assert set(threading.enumerate()) <= threads


class _Pool:
    """Runs each batch at once and records it."""

    def __init__(self):
        self.batches = []

    def submit(self, batch):
        self.batches.append(list(batch))
        return distribute._Done([("worker", item.path) for item in batch])


class _Doc:
    def __init__(self, path, size):
        self.path, self.size = path, size


def test_in_order_batches_small_files_and_keeps_the_input_order(monkeypatch):
    monkeypatch.setattr(distribute, "size_of", lambda item: item.size)
    docs = [_Doc(f"s{i}", 100) for i in range(40)] + [_Doc("big", 10**6)] + [_Doc(f"t{i}", 100) for i in range(3)]
    pool = _Pool()
    out = list(distribute.in_order(docs, lambda item: ("here", item.path), pool.submit, 2))
    assert [path for _, path in out] == [d.path for d in docs]
    assert [len(b) for b in pool.batches] == [distribute.BATCH_FILES, 8, 3]  # flushed before the big file
    assert dict(out)["here"] == "big"


def test_too_few_small_files_never_start_a_worker(monkeypatch):
    monkeypatch.setattr(distribute, "size_of", lambda item: item.size)
    pool = _Pool()
    docs = [_Doc(f"s{i}", 100) for i in range(5)]
    assert [where for where, _ in distribute.in_order(docs, lambda item: ("here", item.path), pool.submit, 2)] == ["here"] * 5
    assert pool.batches == []
