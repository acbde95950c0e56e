"""The documents of a run checked on a Dask cluster (``--scheduler``; needs ``tqcheck[dask]``).

``--scheduler tcp://HOST:8786`` connects to a running scheduler; ``--scheduler local:N`` starts a
LocalCluster of N worker processes for the run. Small files go in batches, larger ones alone
(tqcheck.distribute); each worker checks whole documents, per-document rules and metric
statistics included, and returns each file's report with its corpus rules' per-document states,
which the engine merges here in input order. The glossary reaches each worker once, when it
joins (a worker plugin). Workers must see the input files at the paths given (a shared
filesystem; absolute paths, or workers started in the same directory).

This module is imported only when ``--scheduler`` is given; dask is imported here only.
"""
from __future__ import annotations

import re

from .errors import InputError
from .workers import WORKER_STATE, WorkerError

#: Seconds to wait for the scheduler before giving up (one line, exit 2).
CONNECT_SECONDS = 10
LOCAL_RE = re.compile(r"local:(\d+)$")
INSTALL = "--scheduler needs Dask: install tqcheck[dask] (pip install 'tqcheck[dask]')"


def _set_glossary(glossary) -> None:
    WORKER_STATE["glossary"] = glossary


def _plugin(glossary):
    from distributed.diagnostics.plugin import WorkerPlugin

    class GlossaryPlugin(WorkerPlugin):
        """Gives each worker the run's glossary once, when it joins."""

        name = "tqcheck-glossary"

        def __init__(self, glossary) -> None:
            self.glossary = glossary

        def setup(self, worker) -> None:
            _set_glossary(self.glossary)

    return GlossaryPlugin(glossary)


class _Future:
    """A Dask future whose ``result`` turns a lost worker into a WorkerError."""

    def __init__(self, future) -> None:
        self._future = future

    def done(self) -> bool:
        return self._future.done()

    def result(self):
        from distributed import KilledWorker

        try:
            return self._future.result()
        except KilledWorker:
            raise WorkerError("a Dask worker died while checking files (killed, or out of memory); "
                              "run again, or give the workers more memory") from None


class Cluster:
    """A Dask client, with the interface of workers.Workers that the engine uses."""

    remote = True

    def __init__(self, scheduler: str, glossary=None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise InputError(INSTALL) from None
        self._cluster = None
        local = LOCAL_RE.match(scheduler)
        try:
            if local:
                n = int(local.group(1))
                if n < 1:
                    raise InputError(f"--scheduler {scheduler}: give at least one worker (local:1 or more)")
                self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=50)
                self.client = Client(self._cluster)
            elif scheduler.startswith("local"):
                raise InputError(f"--scheduler {scheduler}: use local:N (N worker processes) or a scheduler "
                                 "address such as tcp://HOST:8786")
            else:
                self.client = Client(scheduler, timeout=f"{CONNECT_SECONDS}s")
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            raise InputError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({_short(exc)}); "
                             "check the address and that `dask scheduler` runs there") from None
        self.client.register_plugin(_plugin(glossary))
        self.jobs = max(1, len(self.client.scheduler_info().get("workers", {})))

    def executor(self, segments: int, min_segments: int = 0):
        """No local pool: a document checked here (standard input) is checked in this process."""
        return None

    def submit(self, fn, *args) -> _Future:
        return _Future(self.client.submit(fn, *args, pure=False))

    def close(self) -> None:
        client, cluster = getattr(self, "client", None), self._cluster
        self.client, self._cluster = None, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    abort = close


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
