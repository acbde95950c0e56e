"""Worker processes for the metric statistics and segment rules of large documents (``--jobs``).

Workers get the run's glossary once, at start-up; they die with the main process
(``PR_SET_PDEATHSIG`` on Linux, and a thread that polls the parent's pid); a worker that
dies or cannot start is a WorkerError (one line, exit 2), and the pool is then killed.
"""
from __future__ import annotations

import os

from .config import max_jobs
from .errors import InputError
from .glossary import Glossary

#: What a worker process checks with: set once per worker by ``_init_worker``.
WORKER_STATE: dict = {}
#: How often (seconds) a worker checks that the main process is still there, where the system
#: cannot tell it (no prctl).
PARENT_POLL_SECONDS = 1.0


class WorkerError(InputError):
    """A worker process died or could not be started; the message says what to do."""


def _die_with_parent(parent: int) -> None:
    """Make this worker exit when the main process ``parent`` dies: PR_SET_PDEATHSIG on Linux,
    and everywhere a thread that polls the parent's pid (a worker is reparented when it dies)."""
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            PR_SET_PDEATHSIG = 1
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)  # it died before we got here
    threading.Thread(target=watch, name="tqcheck-parent-watch", daemon=True).start()


def _init_worker(glossary: Glossary | None, parent: int | None = None) -> None:
    WORKER_STATE["glossary"] = glossary
    if parent is not None:
        _die_with_parent(parent)
    try:  # a worker never writes to the caller's stdout: do not hold it open either
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


class _Pool:
    """The process pool as the engine uses it (``submit``), with its failures as WorkerErrors:
    a worker that cannot be started (fork fails) or that dies (killed, out of memory)."""

    def __init__(self, pool) -> None:
        self._pool = pool

    def submit(self, fn, *args, **kwargs):
        from concurrent.futures.process import BrokenProcessPool

        try:
            future = self._pool.submit(fn, *args, **kwargs)
        except BrokenProcessPool:
            raise WorkerError(_DIED) from None
        except OSError as exc:
            raise WorkerError(f"cannot start worker processes ({exc.strerror or exc}); "
                              "run with fewer --jobs, or --jobs 1 for none") from None
        return _Future(future, self._pool)


_DIED = ("a worker process died (killed, or out of memory); run again, with fewer --jobs "
         "or --jobs 1 to use none")


class _Future:
    """A pool future whose ``result`` turns a dead worker into a WorkerError. It waits in steps of
    ``LIVENESS_SECONDS`` and looks at the workers in between: a worker killed while it sent a result
    leaves the pool's manager thread waiting for the rest of the message, and the future would never
    complete."""

    def __init__(self, future, pool=None) -> None:
        self._future = future
        self._pool = pool

    def done(self) -> bool:
        return self._future.done()

    def result(self, timeout=None):
        from concurrent.futures import TimeoutError as Pending
        from concurrent.futures.process import BrokenProcessPool

        try:
            while True:
                try:
                    return self._future.result(LIVENESS_SECONDS if timeout is None else timeout)
                except Pending:
                    if timeout is not None:
                        raise
                    if _a_worker_died(self._pool):
                        raise WorkerError(_DIED) from None
        except BrokenProcessPool:
            raise WorkerError(_DIED) from None


#: Seconds between two looks at the workers while a result is awaited.
LIVENESS_SECONDS = 1.0


def _a_worker_died(pool) -> bool:
    """Whether a process of ``pool`` has exited (workers of a live pool never do: no max_tasks_per_child)."""
    processes = getattr(pool, "_processes", None) or {}
    return any(process.exitcode is not None for process in list(processes.values()))


def _share_before_fork(warm=None) -> None:
    """Load here the large read-only tables that every worker reads (wordfreq's English and French
    frequencies, as compact tables of 12 MiB; langdetect's profiles, 57 MiB; with ``warm``, what the
    rules read) and freeze the collector's view of what this process holds, so that the workers forked
    next share these pages with it instead of each building its own copy, and their collector does not
    write to the shared objects' headers."""
    import gc

    from . import langid
    from .text import lexicon

    lexicon.preload()
    langid.preload()
    if warm is not None:
        warm()
    gc.freeze()


#: Segments of the first window that this process checks, results dropped, before forking workers.
WARM_SEGMENTS = 20


def warm_up(rules, config, in_force: frozenset, window, glossary: Glossary | None) -> None:
    """Check the first few segments of ``window`` with ``rules`` and score them, dropping the results: this
    loads the word lists, tables and patterns the workers will read, once, in this process, so that the
    workers forked next share them."""
    from . import metrics
    from .model import Document
    from .registry import Context

    part = slice(0, WARM_SEGMENTS)
    few = Document(window.path, window.segments[part], [Document(r.path, r.segments[part]) for r in window.references],
                   Document(window.source.path, window.source.segments[part]) if window.source else None)
    ctx = Context(config, glossary=glossary, rules_in_force=in_force)
    for rule in rules:
        for _ in rule.check(few, ctx):
            pass
    if few.references:
        metrics.StreamStats(config.tokenize).add(few)
        metrics.preload()  # the workers count many segments' chrF and BLEU with numpy


class Workers:
    """A process pool for metric statistics and segment rules, started on first need and shut down by
    ``close`` (``abort`` after a failure). Workers exit when the main process dies; at most
    ``config.max_jobs()`` of them."""

    def __init__(self, jobs: int, glossary: Glossary | None = None) -> None:
        self.jobs = min(jobs or os.cpu_count() or 1, max_jobs())
        self.glossary = glossary
        self._pool = None

    def executor(self, segments: int, min_segments: int = 500, warm=None):
        """The pool, or None when this document (of ``segments`` in its first window) is scored in-process:
        with fewer than ``min_segments`` (the engine's PARALLEL_MIN_SEGMENTS), starting workers costs more.
        ``warm()``, when the pool is started here, does once in this process, before the workers are
        forked, what loads the tables they will read (e.g. the rules run on a few segments)."""
        if self.jobs <= 1 or segments < min_segments:
            return None
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            import gc

            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            try:
                if method == "fork":
                    _share_before_fork(warm)
                self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context(method),
                                                 initializer=_init_worker, initargs=(self.glossary, os.getpid()))
                if method == "fork":
                    _Pool(self._pool).submit(int).result()  # the workers are forked now, sharing what was loaded
            finally:
                gc.unfreeze()  # this process collects as before (nothing is frozen without fork)
        return _Pool(self._pool)

    def submit(self, fn, *args):
        """``fn(*args)`` in a worker (the pool starts on first need): a future of its result."""
        return self.executor(1, 0).submit(fn, *args)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def abort(self) -> None:
        """Stop at once after a failure (an input error, a dead worker, Ctrl-C): kill the workers and wait
        for the pool's manager thread to end, so that no thread outlives the run. A worker killed while it
        sent a result leaves half a message in the result pipe, and the manager thread would wait for the
        rest for ever (the process then hangs at exit, in concurrent.futures' exit handler): this process's
        copy of the pipe's write end is closed once the workers are dead, so the read ends instead."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for process in processes:
            try:
                process.kill()
            except (OSError, AttributeError):
                pass
        for process in processes:
            process.join(ABORT_WAIT)
        writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
        if writer is not None:
            writer.close()
        manager = getattr(pool, "_executor_manager_thread", None)  # shutdown forgets it
        pool.shutdown(wait=False, cancel_futures=True)
        if manager is not None:
            manager.join(ABORT_WAIT)


#: Seconds ``abort`` waits for a killed worker to end, then for the pool's manager thread.
ABORT_WAIT = 10


#: The collector's first-generation threshold for a command-line run: a check allocates millions of
#: short-lived objects and few reference cycles, and Python's default (700) runs a collection every
#: few segments (0.28 s of a 3 s rules-only check of 7,881 segments, measured with gc.callbacks).
GC_THRESHOLD = (50_000, 20, 100)


def tune_collector() -> None:
    """For the ``tqcheck`` command: the modules loaded so far are moved out of the collector's sight
    (``gc.freeze``) and collections made rarer. Worker processes forked later inherit both."""
    import gc

    gc.set_threshold(*GC_THRESHOLD)
    gc.freeze()
