"""Every file tqcheck writes (--output, --write-baseline, diff -o, compare -o) goes only to a regular
file or a new path, never over an input in any role, atomically; failures are exit 2 and one line."""
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from tqcheck.cli import main

from conftest import ROOT

FLAWED = "The attack came on the 2e anniversary .\n"
CLEAN = "The army said the attack failed.\n"


def run(*args, cwd=None, **kw):
    return subprocess.run([sys.executable, "-m", "tqcheck", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": ROOT}, timeout=120, **kw)


def one_error_line(proc, *words):
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tqcheck: error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.en.txt").write_text(FLAWED, encoding="utf-8")
    (tmp_path / "ok.en.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_dev_null_is_refused_and_left_a_device(work):
    proc = run("check", "a.en.txt", "-o", "/dev/null", cwd=work)
    one_error_line(proc, "/dev/null", "not a regular file")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_directory_is_refused(work):
    (work / "d").mkdir()
    one_error_line(run("check", "a.en.txt", "-o", "d", cwd=work), "d: --output is a directory")


def test_missing_directory_is_refused(work):
    one_error_line(run("check", "a.en.txt", "-o", "nowhere/r.txt", cwd=work), "no such directory")


def test_symlink_is_kept_and_its_target_written(work):
    (work / "real.txt").write_text("old\n")
    os.symlink("real.txt", work / "link.txt")
    assert main(["check", "a.en.txt", "--format", "text", "-o", "link.txt"]) == 1
    assert os.path.islink(work / "link.txt")
    assert "TQ101" in (work / "real.txt").read_text()


def test_mode_is_kept(work):
    (work / "r.txt").write_text("old\n")
    os.chmod(work / "r.txt", 0o600)
    assert main(["check", "a.en.txt", "--format", "text", "-o", "r.txt"]) == 1
    assert stat.S_IMODE(os.stat(work / "r.txt").st_mode) == 0o600
    assert "TQ101" in (work / "r.txt").read_text()
    assert not [p for p in os.listdir(work) if p.startswith(".tqcheck-")]


def test_new_file_gets_the_umask_mode(work):
    umask = os.umask(0o022)
    try:
        assert main(["check", "a.en.txt", "--format", "text", "-o", "new.txt"]) == 1
    finally:
        os.umask(umask)
    assert stat.S_IMODE(os.stat(work / "new.txt").st_mode) == 0o644


@pytest.mark.parametrize("role", ["translation", "excluded", "glossary", "config", "baseline", "write-baseline",
                                  "hard link", "symlink", "reference", "source", "corpus file"])
def test_inputs_in_every_role_are_refused(work, role, capsys):
    (work / "g.tsv").write_text("source\trequired\tforbidden\nfoo\tbar\tbaz\n")
    (work / "c.toml").write_text("fail-under = 90\n")
    assert main(["check", "ok.en.txt", "--write-baseline", "b.json"]) == 0
    (work / "corpus").mkdir()
    (work / "corpus" / "x.en.txt").write_text(CLEAN)
    args = {
        "translation": (["a.en.txt"], "a.en.txt"),
        "excluded": (["a.en.txt", "ok.en.txt", "--exclude", "a.en.txt"], "a.en.txt"),
        "glossary": (["a.en.txt", "--glossary", "g.tsv"], "g.tsv"),
        "config": (["a.en.txt", "--config", "c.toml"], "c.toml"),
        "baseline": (["a.en.txt", "--baseline", "b.json"], "b.json"),
        "write-baseline": (["a.en.txt", "--write-baseline", "g.tsv", "--glossary", "g.tsv"], None),
        "hard link": (["a.en.txt"], "hard.txt"),
        "symlink": (["a.en.txt"], "soft.txt"),
        "reference": (["a.en.txt", "--ref", "ok.en.txt"], "ok.en.txt"),
        "source": (["a.en.txt", "--src", "ok.en.txt"], "ok.en.txt"),
        "corpus file": (["corpus", "--exclude", "x.en.txt"], "corpus/new.en.txt"),
    }[role]
    os.link(work / "a.en.txt", work / "hard.txt")
    os.symlink("a.en.txt", work / "soft.txt")
    capsys.readouterr()
    before = {p: (work / p).read_bytes() for p in ("a.en.txt", "g.tsv", "c.toml", "b.json", "ok.en.txt")}
    argv = ["check", *args[0]] + (["-o", args[1]] if args[1] else [])
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "would overwrite an input" in err[0], err
    assert {p: (work / p).read_bytes() for p in before} == before
    assert os.path.islink(work / "soft.txt")
    assert not (work / "corpus" / "new.en.txt").exists()


def test_output_and_write_baseline_cannot_be_one_file(work, capsys):
    assert main(["check", "a.en.txt", "-o", "r.json", "--write-baseline", "r.json"]) == 2
    assert "name the same file" in capsys.readouterr().err


def test_diff_and_compare_refuse_their_inputs(work, capsys):
    (work / "b.en.txt").write_text(CLEAN)
    assert main(["diff", "a.en.txt", "--ref", "ok.en.txt", "-o", "ok.en.txt"]) == 2
    assert main(["compare", "a.en.txt", "b.en.txt", "--ref", "ok.en.txt", "-o", "b.en.txt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all("would overwrite an input" in e for e in err)
    assert (work / "b.en.txt").read_text() == CLEAN


def _limited(nbytes):
    import resource

    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))


@pytest.mark.parametrize("target", ["--output", "--write-baseline", "stdout"])
def test_file_size_limit_is_one_line(work, target):
    args = ["check", "a.en.txt", "--format", "json"]
    if target == "stdout":
        with open(work / "out.json", "w") as out:
            proc = subprocess.run([sys.executable, "-m", "tqcheck", *args], stdout=out, stderr=subprocess.PIPE,
                                  text=True, cwd=work, env={**os.environ, "PYTHONPATH": ROOT},
                                  preexec_fn=_limited(64), timeout=120)
    else:
        proc = run(*args, target, "r.json", cwd=work, preexec_fn=_limited(64))
    one_error_line(proc, "file size limit")
    assert not [p for p in os.listdir(work) if p.startswith(".tqcheck-")]


def test_disk_full_on_stdout_is_one_line(work):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "a.en.txt", "--format", "text"],
                              stdout=full, stderr=subprocess.PIPE, text=True, cwd=work,
                              env={**os.environ, "PYTHONPATH": ROOT}, timeout=120)
    one_error_line(proc, "stdout", "disk is full")


@pytest.mark.parametrize("name,code", [("ok.en.txt", 0), ("a.en.txt", 1)])
def test_closed_pipe_keeps_the_exit_code(work, name, code):
    proc = subprocess.Popen([sys.executable, "-m", "tqcheck", "check", name, "--format", "text"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work,
                            env={**os.environ, "PYTHONPATH": ROOT})
    proc.stdout.close()  # as `| head -0` does, before tqcheck writes
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == code, err
    assert err == ""


def test_sigterm_while_writing_removes_the_temporary_file(work):
    script = textwrap.dedent("""
        import os, signal, time
        from tqcheck.output import safe_output
        with safe_output("r.txt") as fh:
            fh.write("partial")
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(30)
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=work, env={**os.environ, "PYTHONPATH": ROOT},
                          capture_output=True, timeout=60)
    assert proc.returncode == -signal.SIGTERM
    assert not [p for p in os.listdir(work) if p.startswith(".tqcheck-")]
    assert not (work / "r.txt").exists()


def test_sigint_while_writing_removes_the_temporary_file(work):
    from tqcheck.output import safe_output

    with pytest.raises(KeyboardInterrupt):
        with safe_output("r.txt") as fh:
            fh.write("partial")
            os.kill(os.getpid(), signal.SIGINT)
    assert not [p for p in os.listdir(work) if p.startswith(".tqcheck-")]


def test_atomic_write_replaces_a_regular_file(work):
    from tqcheck.output import safe_output

    (work / "r.txt").write_text("old")
    inode = os.stat(work / "r.txt").st_ino
    with safe_output("r.txt") as fh:
        fh.write("new")
        assert (work / "r.txt").read_text() == "old"  # readers see the old file until the rename
    assert (work / "r.txt").read_text() == "new"
    assert os.stat(work / "r.txt").st_ino != inode


def test_write_baseline_and_report_in_one_run(work):
    assert main(["check", "a.en.txt", "--format", "json", "-o", "r.json", "--write-baseline", "b.json"]) == 0
    assert json.loads((work / "b.json").read_text())["tool"] == "tqcheck"
    assert json.loads((work / "r.json").read_text())["summary"]["findings"] == 0


def test_a_baseline_can_be_rewritten_in_place(work):
    assert main(["check", "a.en.txt", "--write-baseline", "b.json"]) == 0
    assert main(["check", "a.en.txt", "--baseline", "b.json", "--write-baseline", "b.json"]) == 0
    assert json.loads((work / "b.json").read_text())["findings"]
