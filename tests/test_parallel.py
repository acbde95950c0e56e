"""--jobs: metric statistics computed by worker processes give identical results."""
import json
import os
from concurrent.futures import ProcessPoolExecutor

import pytest
from click.testing import CliRunner
from sacrebleu.metrics import BLEU, CHRF, TER

import tqcheck.engine as engine
from tqcheck.cli import cli
from tqcheck.io.inputs import load_inputs
from tqcheck.metrics import StreamStats

from conftest import ROOT

SAMPLES = sorted(os.path.join(ROOT, "samples", d) for d in os.listdir(os.path.join(ROOT, "samples")))


@pytest.fixture
def parallel_everywhere(monkeypatch):
    """Send even the small samples to the worker pool."""
    monkeypatch.setattr(engine, "PARALLEL_MIN_SEGMENTS", 1)


def report(*args):
    result = CliRunner().invoke(cli, ["check", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_jobs_1_and_jobs_2_give_identical_reports(parallel_everywhere):
    one = report(*SAMPLES, "--jobs", "1")
    two = report(*SAMPLES, "--jobs", "2")
    assert one == two
    assert all(f["metrics"] is not None for f in one["files"])


@pytest.mark.parametrize("window, chunk", [(None, 1), (None, 8), (5, 2), (7, 100), (1, 1)])
def test_streamed_statistics_equal_sacrebleu(window, chunk):
    """However the document is cut into windows and chunks, scores equal sacrebleu's on the whole."""
    [doc] = load_inputs([os.path.join(ROOT, "samples", "afp-baghdad-drones")])
    hyps = [s.text for s in doc.segments]
    refs = [[s.text for s in r.segments] for r in doc.references]
    with ProcessPoolExecutor(2) as pool:
        stats = StreamStats("13a", executor=pool, chunk_segments=chunk, max_pending=2)
        for part in doc.windows(window):
            stats.add(part)
        scores = stats.result()
    for key, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())):
        assert scores.corpus[key].score == metric.corpus_score(hyps, refs).score
        assert scores.corpus[key].signature == str(metric.get_signature())
    sentence_bleu = BLEU(effective_order=True)
    assert [m.segment for m in scores.segments] == [s.index for s in doc.segments]
    for i, m in enumerate(scores.segments):
        assert m.chrf == CHRF().sentence_score(hyps[i], [r[i] for r in refs]).score
        assert m.bleu == sentence_bleu.sentence_score(hyps[i], [r[i] for r in refs]).score
    assert scores.signatures["bleu"] == str(sentence_bleu.get_signature())


def test_progress_reports_segments_and_files(parallel_everywhere):
    from tqcheck.config import Config

    events = []
    docs = load_inputs([SAMPLES[0]])
    engine.run(docs, Config(jobs=2), progress=lambda what, done, total: events.append((what, done, total)))
    n = len(docs[0].segments)
    assert ("segments checked", n, None) in events
    assert [e for e in events if e[0] == "segments scored"][-1] == ("segments scored", n, None)
    assert events[-1] == ("files", 1, None)


def test_small_documents_stay_in_process():
    workers = engine.Workers(2)
    assert workers.executor(engine.PARALLEL_MIN_SEGMENTS - 1) is None
    assert engine.Workers(1).executor(10**6) is None


def test_reports_keep_only_the_paths_of_references_and_source():
    from tqcheck.config import Config

    [doc] = load_inputs([SAMPLES[0]])
    fr = engine.run([doc], Config(jobs=1)).files[0]
    assert [r.path for r in fr.document.references] == [r.path for r in doc.references]
    assert fr.document.references[0].segments == [] and fr.document.source.segments == []
    assert fr.document.segments == doc.segments and fr.document.source.path == doc.source.path
    assert doc.references[0].segments and doc.source.segments  # the caller's document is untouched


_REAL_CHECK_WINDOW = engine._check_window
_PID_DIR = None


def _recording_check_window(*args, **kwargs):
    """engine._check_window, leaving a file named after the process that ran it."""
    (_PID_DIR / str(os.getpid())).touch()
    return _REAL_CHECK_WINDOW(*args, **kwargs)


def test_segment_rules_run_in_the_workers(parallel_everywhere, tmp_path, monkeypatch):
    global _PID_DIR
    from tqcheck.config import Config

    _PID_DIR = tmp_path  # set before the workers fork, so they see it
    monkeypatch.setattr(engine, "_check_window", _recording_check_window)
    monkeypatch.setattr(engine, "WINDOW_SEGMENTS", 5)
    report = engine.run(load_inputs([SAMPLES[0]]), Config(jobs=2))
    pids = {int(p.name) for p in tmp_path.iterdir()}
    assert pids and os.getpid() not in pids
    assert {"TQ101", "TQ301", "TQ804"} <= {f.rule for f in report.files[0].findings}  # segment rules' findings


_WARMED = []


def _what_the_worker_holds():
    from tqcheck.text import lexicon

    return lexicon._wordfreq.cache_info().currsize, list(_WARMED)


def test_workers_are_forked_after_the_shared_tables_are_loaded():
    """The frequency tables and what ``warm`` loads are in this process before the workers fork, so
    the workers share those pages instead of each loading a copy; the collector is unfrozen again here."""
    import gc
    import multiprocessing

    from tqcheck.workers import Workers

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    workers = Workers(2)
    try:
        pool = workers.executor(1000, 500, warm=lambda: _WARMED.append("warm"))
        assert pool.submit(_what_the_worker_holds).result() == (2, ["warm"])
        assert gc.get_freeze_count() == 0
    finally:
        workers.close()
        _WARMED.clear()


def test_reports_do_not_depend_on_the_hash_seed(tmp_path):
    """Separate processes hash strings differently (PYTHONHASHSEED): nothing may follow a set's order.
    (A surname chosen by max() over a frozenset of two equally long words once did.)"""
    import subprocess
    import sys

    (tmp_path / "a.en.txt").write_text(
        '"The loophole used is not the protocol," says the spokesman reassuringly, who has just launched Paymium.\n',
        encoding="utf-8")
    (tmp_path / "a.fr.txt").write_text(
        "« La faille utilisée n'est pas le protocole », assure Pierre Noizat, qui vient de lancer Paymium.\n",
        encoding="utf-8")
    args = [sys.executable, "-m", "tqcheck", "check", *SAMPLES, "--format", "json", "--exit-zero"]
    pair = [sys.executable, "-m", "tqcheck", "check", str(tmp_path / "a.en.txt"), "--src", str(tmp_path / "a.fr.txt"),
            "--format", "json", "--exit-zero"]
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.append([subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=True).stdout
                        for cmd in (args, pair)])
    assert outputs[0] == outputs[1] == outputs[2]
    assert "Pierre Noizat" in outputs[0][1]
