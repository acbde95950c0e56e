"""What each rule costs: ``python benchmarks/run.py --profile-rules [--data DIR] [--code DIR] [--baseline DIR]``.

On the real WCE-LIG dev set (google.en checked with src.fr as its source, no reference,
so no metrics; ``--jobs 1``) it runs the check in this process with every rule's
``check`` / ``feed`` / ``end`` / ``observe`` / ``end_document`` / ``finish`` wrapped
in a timer (the rules are not edited), and prints, in ms per 1,000 segments:

- each rule's own time, most expensive first, and their total;
- the shared per-segment work the rules ask the context for (``ctx.shared(factory)``
  values and language identification, ``ctx.non_english``), timed apart and not
  charged to whichever rule asked first;
- the engine's own time outside the rules (reading, windows, finalising), i.e.
  ``engine.run`` minus the above.

Timers nest: time spent in a shared value while a rule runs is the shared value's
only. The times are CPU times (``time.process_time``: other processes on the machine
do not inflate them), of a check run after the same check of the first 3 lines (so
that loading word lists and compiling patterns count as start-up, as below). Then, as separate processes, the wall time of the same check on the whole file
and on its first 3 lines (the start-up), median of ``--repeat`` (3) each, alternating;
(whole - start-up) / segments is the rules-only cost per segment, in wall time and
in CPU time (user + system of the process: what a busy machine does not inflate).

``--code DIR`` profiles the tqcheck package found in DIR (e.g. a worktree of an
older commit) instead of the installed one; ``--baseline DIR`` times DIR's package
too, its runs alternating with the others, for a before/after comparison.
"""
from __future__ import annotations

import argparse
import functools
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data", "real"))
METHODS = ("check", "feed", "end", "observe", "end_document", "finish")


class Timers:
    """Exclusive time per label: entering a nested label pauses the one it interrupts."""

    def __init__(self) -> None:
        self.total: dict[str, float] = {}
        self.stack: list[list] = []  # [label, resumed at]

    def enter(self, label: str) -> None:
        now = time.process_time()
        if self.stack:
            top = self.stack[-1]
            self.total[top[0]] = self.total.get(top[0], 0.0) + now - top[1]
        self.stack.append([label, now])

    def leave(self) -> None:
        now = time.process_time()
        label, start = self.stack.pop()
        self.total[label] = self.total.get(label, 0.0) + now - start
        if self.stack:
            self.stack[-1][1] = now

    def call(self, label: str, fn, *args, **kwargs):
        """``fn(*args, **kwargs)`` timed under ``label``; a returned iterator is timed as it is consumed."""
        self.enter(label)
        try:
            result = fn(*args, **kwargs)
        finally:
            self.leave()
        return self._iterate(label, result) if hasattr(result, "__next__") else result

    def _iterate(self, label: str, it):
        while True:
            self.enter(label)
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                self.leave()
            yield item


def _instrument(timers: Timers):
    """Patch the engine's rule selection and the context's shared values to go through ``timers``."""
    from tqcheck import engine, registry

    select = engine.select_rules

    def timed_select(*args, **kwargs):
        rules = select(*args, **kwargs)
        for rule in rules:
            for name in METHODS:
                method = getattr(rule, name, None)
                if method is not None:
                    label = f"{rule.code} {rule.name}"
                    setattr(rule, name, functools.partial(timers.call, label, method))
        return rules

    engine.select_rules = timed_select

    shared = registry.Context.shared

    def timed_shared(self, factory, *args):
        if factory in self._shared:
            return self._shared[factory]
        name = getattr(factory, "__qualname__", repr(factory))
        return timers.call(f"shared: {factory.__module__}.{name}", shared, self, factory, *args)

    registry.Context.shared = timed_shared
    non_english = registry.Context.non_english

    def timed_non_english(self, seg):
        return timers.call("shared: language identification (ctx.non_english)", non_english, self, seg)

    registry.Context.non_english = timed_non_english
    run = engine.run

    def timed_run(*args, **kwargs):
        timers.enter("engine")
        try:
            return run(*args, **kwargs)
        finally:
            timers.leave()

    engine.run = timed_run


def _argv(data: str, mt: str = "google.en", src: str = "src.fr") -> list[str]:
    return ["check", os.path.join(data, mt), "--src", os.path.join(data, src), "--jobs", "1", "--format", "json"]


def _count(path: str) -> int:
    with open(path, encoding="utf-8") as fh:
        return sum(1 for _ in fh)


def _first_lines(data: str, tmp: str, n: int = 3) -> str:
    """A copy of the dev set's first ``n`` lines (translation and source) in ``tmp``."""
    for name in ("google.en", "src.fr"):
        with open(os.path.join(data, name), encoding="utf-8") as fh, \
             open(os.path.join(tmp, name), "w", encoding="utf-8") as out:
            out.writelines(line for _, line in zip(range(n), fh))
    return tmp


def _check(data: str) -> None:
    from tqcheck import cli

    with redirect_stdout(io.StringIO()):
        code = cli.main(_argv(data))
    if code not in (0, 1):
        sys.exit(f"rulecost: tqcheck {' '.join(_argv(data))} exited {code}")


def profile(data: str) -> tuple[dict[str, float], int]:
    """Exclusive CPU seconds per label for one in-process check of the dev set, and its segment count.

    The same check of its first 3 lines runs first, untimed: what it loads and compiles once
    (word lists, patterns, wordfreq's lists) is start-up, as in the wall-time figure."""
    timers = Timers()
    _instrument(timers)
    with tempfile.TemporaryDirectory(prefix="tqcheck-rulecost-") as tmp:
        _check(_first_lines(data, tmp))
    timers.total.clear()
    _check(data)
    return timers.total, _count(os.path.join(data, "google.en"))


def _wall(code_dir: str | None, argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one check in a new process."""
    boot = "import sys\n"
    if code_dir:
        boot += f"sys.path.insert(0, {code_dir!r})\n"
    boot += "sys.argv[0] = 'tqcheck'\nfrom tqcheck.cli import entry_point\nentry_point()\n"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", boot, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"rulecost: {' '.join(argv)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def per_segment(data: str, code_dirs: list[str | None], repeat: int) -> dict:
    """Per code directory: median wall and CPU of the whole check and of its first 3 lines, and the ms
    per segment of each difference. Runs alternate between the directories (old, new, old, new...)."""
    runs: dict = {d: {"whole": [], "small": []} for d in code_dirs}
    with tempfile.TemporaryDirectory(prefix="tqcheck-rulecost-") as tmp:
        _first_lines(data, tmp)
        for _ in range(repeat):
            for kind, where in (("whole", data), ("small", tmp)):
                for d in code_dirs:
                    runs[d][kind].append(_wall(d, _argv(where)))
    n = _count(os.path.join(data, "google.en"))
    out = {}
    for d, r in runs.items():
        w, s = (statistics.median(t[0] for t in r[k]) for k in ("whole", "small"))
        cw, cs = (statistics.median(t[1] for t in r[k]) for k in ("whole", "small"))
        out[d] = {"wall": (w, s, 1000 * (w - s) / n), "cpu": (cw, cs, 1000 * (cw - cs) / n), "n": n}
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="run.py --profile-rules", description=__doc__.splitlines()[0])
    parser.add_argument("--profile-rules", action="store_true")
    parser.add_argument("--data", default=DEFAULT_DATA, help=f"the real data directory (default {DEFAULT_DATA})")
    parser.add_argument("--code", default=None, help="profile the tqcheck package in this directory")
    parser.add_argument("--repeat", type=int, default=3,
                        help="wall-time runs of each command (median; 0: the in-process profile only)")
    parser.add_argument("--baseline", default=None,
                        help="also time the tqcheck package in this directory (an older commit's worktree), "
                             "its runs alternating with these")
    args = parser.parse_args(argv)
    data = os.path.join(args.data, "wce-lig-dev")
    if not os.path.exists(os.path.join(data, "google.en")):
        sys.exit(f"rulecost: no {os.path.join(data, 'google.en')}; give --data, the directory of the real data")
    if args.code:
        sys.path.insert(0, os.path.abspath(args.code))
    import tqcheck

    print(f"tqcheck {tqcheck.__version__} from {os.path.dirname(tqcheck.__file__)}")
    print(f"command: tqcheck {' '.join(_argv(data))}")
    totals, n = profile(data)
    per_k = {label: 1e6 * seconds / n for label, seconds in totals.items()}  # ms per 1,000 segments
    engine_all = per_k.pop("engine", 0.0)
    rules = {k: v for k, v in per_k.items() if not k.startswith("shared: ")}
    shared = {k: v for k, v in per_k.items() if k.startswith("shared: ")}
    print(f"\nin-process profile, {n} segments, ms per 1,000 segments:")
    for label, cost in sorted(rules.items(), key=lambda kv: -kv[1]):
        print(f"  {cost:9.1f}  {label}")
    print(f"  {sum(rules.values()):9.1f}  all rules")
    for label, cost in sorted(shared.items(), key=lambda kv: -kv[1]):
        print(f"  {cost:9.1f}  {label}")
    print(f"  {sum(shared.values()):9.1f}  all shared per-segment work")
    print(f"  {engine_all:9.1f}  engine outside rules and shared work (reading, windows, finalising)")
    print(f"  {engine_all + sum(rules.values()) + sum(shared.values()):9.1f}  engine.run in all")
    if args.repeat < 1:
        return
    dirs = [args.code] + ([os.path.abspath(args.baseline)] if args.baseline else [])
    timed = per_segment(data, dirs, args.repeat)
    print(f"\nseparate processes, median of {args.repeat} each{', alternating' if args.baseline else ''}:")
    for d in dirs:
        r = timed[d]
        (w, s, ms), (cw, cs, cms) = r["wall"], r["cpu"]
        print(f"  {d or os.path.dirname(os.path.dirname(tqcheck.__file__))}: wall {w:.2f} s whole file, "
              f"{s:.2f} s first 3 lines: rules-only check {ms:.3f} ms per segment "
              f"((whole - 3 lines) / {r['n']}; goal 0.25); CPU {cw:.2f} s - {cs:.2f} s: {cms:.3f} ms per segment")


if __name__ == "__main__":
    main()
