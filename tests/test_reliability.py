"""Bad input and bad luck give exit 2 and one line naming the file and what to do, never a
traceback or a hang: configuration and baseline files, compare, --jobs, worker processes that
die or cannot start, unreadable directories; and a file named twice is checked once."""
import errno
import os
import select
import signal
import subprocess
import sys
import time

import pytest

from tqcheck import engine
from tqcheck.cli import main

from conftest import ROOT

FLAWED = "The attack came on the 2e anniversary .\n"


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.en.txt").write_text(FLAWED, encoding="utf-8")
    return tmp_path


def error_line(capsys, *words):
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("tqcheck: error: "), err
    for w in words:
        assert w in err[0], err[0]
    return err[0]


def test_pyproject_whose_tool_is_not_a_table(work, capsys):
    (work / "pyproject.toml").write_text('tool = 1\n# tqcheck\n')
    assert main(["check", "a.en.txt"]) == 2
    error_line(capsys, "pyproject.toml", "'tool' must be a table")


def test_bom_in_config_and_baseline_is_accepted(work, capsys):
    (work / ".tqcheck.toml").write_bytes("\ufefffail-under = 10\n".encode())
    assert main(["check", "a.en.txt", "--format", "text"]) == 0
    assert main(["check", "a.en.txt", "--write-baseline", "b.json"]) == 0
    (work / "b.json").write_bytes(b"\xef\xbb\xbf" + (work / "b.json").read_bytes())
    assert main(["check", "a.en.txt", "--baseline", "b.json", "--format", "text"]) == 0


@pytest.mark.parametrize("content,words", [
    ("[" * 100_000 + "]" * 100_000, "nested too deep"),
    ('{"tool": "tqcheck", "findings": [], "version": ' + "9" * 5000 + "}", "too many digits"),
])
def test_hostile_baselines(work, capsys, content, words):
    (work / "b.json").write_text(content)
    assert main(["check", "a.en.txt", "--baseline", "b.json"]) == 2
    error_line(capsys, "b.json", words)


def test_invalid_sacrebleu_seed(work, capsys, monkeypatch):
    (work / "b.en.txt").write_text("The attack came on the second anniversary.\n")
    monkeypatch.setenv("SACREBLEU_SEED", "abc")
    assert main(["compare", "a.en.txt", "b.en.txt", "--ref", "b.en.txt", "--format", "text"]) == 2
    error_line(capsys, "SACREBLEU_SEED", "--seed")


def test_compare_on_empty_files(work, capsys):
    for name in ("e1.txt", "e2.txt", "r.txt"):
        (work / name).write_text("")
    assert main(["compare", "e1.txt", "e2.txt", "--ref", "r.txt"]) == 2
    error_line(capsys, "e1.txt", "no segments")


@pytest.mark.parametrize("jobs", ["1000", str(2 ** 31)])
def test_jobs_is_capped(work, capsys, jobs):
    assert main(["check", "a.en.txt", "--jobs", jobs]) == 2
    error_line(capsys, "'jobs' must be at most")


def test_jobs_in_the_api_is_clamped():
    from tqcheck.config import max_jobs

    assert engine.Workers(10_000).jobs == max_jobs() <= 64


def test_same_file_named_twice_is_checked_once(work, capsys):
    os.symlink("a.en.txt", work / "link.en.txt")
    assert main(["check", "a.en.txt", "./a.en.txt", "link.en.txt", str(work / "a.en.txt"), "--format", "text"]) == 1
    out = capsys.readouterr().out
    assert out.count("TQ101") == 1


def test_unreadable_subdirectory_is_an_error(work, capsys, monkeypatch):
    (work / "corpus" / "sub").mkdir(parents=True)
    (work / "corpus" / "x.en.txt").write_text(FLAWED)
    (work / "corpus" / "sub" / "y.en.txt").write_text(FLAWED)
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("sub"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as chmod 000 does, even for root
    assert main(["check", "corpus"]) == 2
    error_line(capsys, "sub", "cannot read the directory", "Permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_unreadable_subdirectory_for_real(work, capsys):
    (work / "corpus" / "sub").mkdir(parents=True)
    (work / "corpus" / "x.en.txt").write_text(FLAWED)
    os.chmod(work / "corpus" / "sub", 0)
    try:
        assert main(["check", "corpus"]) == 2
    finally:
        os.chmod(work / "corpus" / "sub", 0o755)
    error_line(capsys, "sub", "cannot read the directory")


# --- worker processes --------------------------------------------------------------------

def _big(path, segments=3000):
    lines = [f"Segment {i}: the army said on the {i % 28 + 1}e day that the attack on « Baghdad » had failed ."
             for i in range(segments)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_killed_worker_is_one_line(work, capsys, monkeypatch):
    _big(work / "big.en.txt", 1200)
    monkeypatch.setattr(engine, "_check_window", _die)  # the forked workers run this
    assert main(["check", "big.en.txt", "--jobs", "2", "--format", "text"]) == 2
    error_line(capsys, "a worker process died", "--jobs 1")


def test_a_failed_fork_is_one_line(work, capsys, monkeypatch):
    _big(work / "big.en.txt", 1200)

    def fork():
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", fork)
    assert main(["check", "big.en.txt", "--jobs", "2", "--format", "text"]) == 2
    error_line(capsys, "cannot start worker processes", "--jobs 1")


def _children(pid):
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry))
    return out


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to find the workers")
def test_workers_die_with_the_main_process(work):
    _big(work / "big.en.txt", 6000)
    proc = subprocess.Popen([sys.executable, "-m", "tqcheck", "check", "big.en.txt", "--jobs", "2", "--format", "text"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=work,
                            env={**os.environ, "PYTHONPATH": ROOT})
    deadline = time.monotonic() + 60
    workers = []
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers never started"
    proc.kill()
    proc.wait()
    start = time.monotonic()
    # EOF within 30 s: nobody holds the caller's stdout any more (select: fail, never hang)
    readable, _, _ = select.select([proc.stdout], [], [], 30)
    assert readable and proc.stdout.read() == b"", "the workers still hold stdout open"
    while time.monotonic() - start < 30 and any(os.path.exists(f"/proc/{w}") and _alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if os.path.exists(f"/proc/{w}") and _alive(w)], "orphaned workers"


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("variants", ["Abou Mahdi al-Mouhandis|Mahdi", "al-Muhandis", "abu mahdi"])
def test_a_variant_inside_the_required_term_is_refused(work, capsys, variants):
    # its suggestion would be the flagged text itself (the matching part of the required term)
    (work / "g.tsv").write_text(f"source\trequired\tforbidden\nx\tAbu Mahdi al-Muhandis\t{variants}\n")
    (work / "s.en.txt").write_text("The commander Mahdi al-Muhandis spoke.\n")
    assert main(["check", "s.en.txt", "--glossary", "g.tsv", "--no-default-glossary"]) == 2
    error_line(capsys, "g.tsv:2", "part of the required term")
