"""What each rule costs: ``python benchmarks/run.py --profile-rules [--data DIR] [--code DIR]``.

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
only. Then, as separate processes, the wall time of the same check on the whole file
and on its first 3 lines (the start-up), median of ``--repeat`` (3) each, alternating;
(whole - start-up) / segments is the rules-only cost per segment.

``--code DIR`` profiles the tqcheck package found in DIR (e.g. a worktree of an
older commit) instead of the installed one.
"""
from __future__ import annotations

import argparse
import functools
import io
import os
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


def profile(data: str) -> tuple[dict[str, float], int]:
    """Exclusive seconds per label for one in-process check of the dev set, and its segment count."""
    from tqcheck import cli

    timers = Timers()
    _instrument(timers)
    with redirect_stdout(io.StringIO()):
        code = cli.main(_argv(data))
    if code not in (0, 1):
        sys.exit(f"rulecost: tqcheck {' '.join(_argv(data))} exited {code}")
    return timers.total, _count(os.path.join(data, "google.en"))


def _wall(code_dir: str | None, argv: list[str]) -> float:
    boot = "import sys\n"
    if code_dir:
        boot += f"sys.path.insert(0, {code_dir!r})\n"
    boot += "sys.argv[0] = 'tqcheck'\nfrom tqcheck.cli import entry_point\nentry_point()\n"
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", boot, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"rulecost: {' '.join(argv)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return wall


def per_segment(data: str, code_dir: str | None, repeat: int) -> tuple[float, float, float, int]:
    """(median wall of the whole check, median wall on 3 lines, ms per segment, segments)."""
    with tempfile.TemporaryDirectory(prefix="tqcheck-rulecost-") as tmp:
        for name in ("google.en", "src.fr"):
            with open(os.path.join(data, name), encoding="utf-8") as fh, \
                 open(os.path.join(tmp, name), "w", encoding="utf-8") as out:
                out.writelines(line for _, line in zip(range(3), fh))
        whole, small = [], []
        for _ in range(max(1, repeat)):
            whole.append(_wall(code_dir, _argv(data)))
            small.append(_wall(code_dir, _argv(tmp)))
    n = _count(os.path.join(data, "google.en"))
    w, s = statistics.median(whole), statistics.median(small)
    return w, s, 1000 * (w - s) / n, n


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="run.py --profile-rules", description=__doc__.splitlines()[0])
    parser.add_argument("--profile-rules", action="store_true")
    parser.add_argument("--data", default=DEFAULT_DATA, help=f"the real data directory (default {DEFAULT_DATA})")
    parser.add_argument("--code", default=None, help="profile the tqcheck package in this directory")
    parser.add_argument("--repeat", type=int, default=3, help="wall-time runs of each command (median)")
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
    whole, small, ms, n = per_segment(data, args.code, args.repeat)
    print(f"\nwall, separate processes, median of {args.repeat}: whole file {whole:.2f} s, "
          f"first 3 lines {small:.2f} s")
    print(f"rules-only check: {ms:.3f} ms per segment ((whole - 3 lines) / {n}; goal 0.25)")


if __name__ == "__main__":
    main()
