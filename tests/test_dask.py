"""--scheduler: documents checked on a Dask cluster give the report of a single process.

The cluster test skips when dask.distributed is not importable (pip install 'tqcheck[dask]'),
except under CI=true, where .ci/run installs it and a skip would hide a failure."""
import os
import sys

import pytest

from tqcheck.cli import main

from test_parallel_files import small_tree


def _distributed():
    try:
        import distributed
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("dask.distributed is not installed; .ci/run installs tqcheck[dask]")
        pytest.skip("dask.distributed is not installed (pip install 'tqcheck[dask]')")
    return distributed


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, tree, *extra):
    code = main(["check", str(tree / "mt"), "--src-dir", str(tree / "src"), "--ref-dir", str(tree / "ref"),
                 "--extend-select", "TQ505,TQ506", "--format", "json", *extra])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return out


def test_a_local_cluster_gives_the_report_of_one_process(tmp_path, capsys, monkeypatch):
    distributed = _distributed()
    import tqcheck.distribute as distribute

    tree = small_tree(tmp_path / "tree", files=50)
    big = tree / "mt" / "d0" / "a004.en.txt"  # a file above the small-file size goes alone
    monkeypatch.setattr(distribute, "SMALL_FILE_BYTES", 300)
    one = run(capsys, tree, "--jobs", "1")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        assert run(capsys, tree, "--scheduler", cluster.scheduler_address) == one
    assert big.stat().st_size > 300 and all(f'"{code}"' in one for code in ("TQ504", "TQ505", "TQ506"))


def test_without_dask_the_scheduler_option_is_one_line(work, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    (work / "a.en.txt").write_text("The army said so.\n", encoding="utf-8")
    assert main(["check", "a.en.txt", "--scheduler", "local:2"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "install tqcheck[dask]" in err


def test_an_unreachable_scheduler_is_one_line(work, capsys, monkeypatch):
    _distributed()
    import tqcheck.dask_backend as dask_backend

    monkeypatch.setattr(dask_backend, "CONNECT_SECONDS", 1)
    (work / "a.en.txt").write_text("The army said so.\n", encoding="utf-8")
    assert main(["check", "a.en.txt", "--scheduler", "tcp://127.0.0.1:9"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "cannot reach the Dask scheduler" in err
