"""Many small files: a CI tree of short articles with mirrored source and reference trees, timed.

    python benchmarks/smallfiles.py [--files 2000] [--lines 20] [--out DIR] [--repeat 3] [--jobs N]
                                    [--scheduler local:2] [--compare CHECKOUT]

Writes DIR/mt/NNN/article-NNNNN.en.txt (the Google translations of the WCE-LIG dev set),
DIR/src/.../article-NNNNN.fr.txt (the French source) and DIR/ref/.../article-NNNNN.en.txt (the
post-edited references), each cut into LINES-line files in order, cycling through the 7,881 lines
until there are FILES files; then times

    tqcheck check DIR/mt --src-dir DIR/src --ref-dir DIR/ref --format json --output REPORT

REPEAT times (wall seconds, each run a separate process) and prints each run and the median. With
``--compare CHECKOUT`` (another checkout of tqcheck, e.g. ``git worktree add /tmp/base 9bf4dd8``)
the same command runs from that checkout's code with this Python, alternating with this one, and
the ratio of the medians is printed. A fresh tree is written only when DIR has none.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "..", "shared", "data", "real", "wce-lig-dev")
#: (tree, file in the real data set, suffix of the files in the tree)
TREES = (("mt", "google.en", ".en.txt"), ("src", "src.fr", ".fr.txt"), ("ref", "moses-postedit.en", ".en.txt"))
PER_DIR = 100


def _lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh if line.strip()]


def write_tree(out: str, files: int, lines: int, real: str = REAL) -> int:
    """Write the three mirrored trees under ``out``; return the number of segments per tree."""
    for tree, name, suffix in TREES:
        text = _lines(os.path.join(real, name))
        pos = 0
        for i in range(files):
            d = os.path.join(out, tree, f"{i // PER_DIR:03d}")
            os.makedirs(d, exist_ok=True)
            chunk = [text[(pos + k) % len(text)] for k in range(lines)]
            pos = (pos + lines) % len(text)
            with open(os.path.join(d, f"article-{i:05d}{suffix}"), "w", encoding="utf-8") as fh:
                fh.write("\n".join(chunk) + "\n")
    return files * lines


def command(tree: str, report: str, jobs: int | None, scheduler: str | None, checkout: str | None) -> list[str]:
    """The ``tqcheck check`` command on ``tree`` (from ``checkout``'s code when given)."""
    if checkout:
        head = [sys.executable, "-c", f"import sys; sys.path.insert(0, {os.path.abspath(checkout)!r}); "
                "from tqcheck.cli import entry_point; entry_point()"]
    else:
        head = [sys.executable, "-c", "from tqcheck.cli import entry_point; entry_point()"]
    args = ["check", os.path.join(tree, "mt"), "--src-dir", os.path.join(tree, "src"),
            "--ref-dir", os.path.join(tree, "ref"), "--format", "json", "--output", report]
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    if scheduler:
        args += ["--scheduler", scheduler]
    return head + args


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the command and its worker processes) of ``cmd``."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"smallfiles: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def state_bytes(tree: str, files: int, extend: tuple[str, ...] = ()) -> None:
    """Print the pickled size of what a worker sends back per document, over the first ``files`` files
    of ``tree``: the corpus rules' states (merged in the main process) and the whole result (report too)."""
    import pickle
    import statistics
    from itertools import islice

    from tqcheck import engine
    from tqcheck.config import Config
    from tqcheck.io.glossary import in_force
    from tqcheck.io.inputs import iter_inputs
    from tqcheck.rules import select_rules

    config = Config(extend_select=extend)
    rules = select_rules(config.select, config.ignore, config.severity, config.extend_select)
    shipping = [r.code for r in rules if getattr(r, "ships_state", False)]
    glossary = in_force(config)
    items = iter_inputs([os.path.join(tree, "mt")], [], None, src_dir=os.path.join(tree, "src"),
                        ref_dir=os.path.join(tree, "ref"))
    states, reports, results = [], [], []
    for item in islice(items, files):
        report, state = engine._check_here(item, rules, config, glossary=glossary)
        states.append(len(pickle.dumps(state, pickle.HIGHEST_PROTOCOL)))
        reports.append(len(pickle.dumps(report, pickle.HIGHEST_PROTOCOL)))
        results.append(len(pickle.dumps((report, state), pickle.HIGHEST_PROTOCOL)))
    print(f"corpus state of {', '.join(shipping)} per document ({len(states)} files): median "
          f"{statistics.median(states):.0f} B, mean {statistics.mean(states):.0f} B, max {max(states)} B; "
          f"report alone: mean {statistics.mean(reports):.0f} B; what a worker sends back (report + state, "
          f"sharing the segments): median {statistics.median(results):.0f} B, mean {statistics.mean(results):.0f} B")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=20)
    parser.add_argument("--out", default=None, help="write (or reuse) the tree here")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="tqcheck --jobs (default: its own default)")
    parser.add_argument("--scheduler", default=None, help="tqcheck --scheduler (Dask), e.g. local:2")
    parser.add_argument("--compare", metavar="CHECKOUT", default=None,
                        help="also time this checkout's code, alternating runs")
    parser.add_argument("--this", metavar="CHECKOUT", default=None,
                        help="time this checkout's code instead of the installed tqcheck's")
    parser.add_argument("--real", default=REAL, help="the wce-lig-dev directory")
    parser.add_argument("--state-bytes", type=int, metavar="N", default=0,
                        help="instead of timing, measure the pickled corpus state per document on N files")
    parser.add_argument("--extend-select", default="", help="with --state-bytes: opt-in rules too (TQ505,TQ506)")
    args = parser.parse_args(argv)

    work = args.out or tempfile.mkdtemp(prefix="tqcheck-smallfiles-")
    if not os.path.isdir(os.path.join(work, "mt")):
        segments = write_tree(work, args.files, args.lines, args.real)
        print(f"wrote {args.files} files x {args.lines} lines ({segments} segments) in mt/, src/, ref/ of {work}")
    else:
        print(f"reusing the tree in {work}")
    try:
        if args.state_bytes:
            state_bytes(work, args.state_bytes, tuple(code for code in args.extend_select.split(",") if code))
        else:
            timings(work, args)
    finally:
        if not args.out:
            shutil.rmtree(work, ignore_errors=True)


def timings(work: str, args) -> None:
    report = os.path.join(work, "report.json")
    runs = {"this": command(work, report, args.jobs, args.scheduler, args.this)}
    if args.compare:
        runs["compare"] = command(work, report + ".compare", args.jobs, None, args.compare)
    print("command: tqcheck", " ".join(runs["this"][3:]))
    times: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for i in range(args.repeat):
        for name, cmd in (runs.items() if i % 2 == 0 else reversed(list(runs.items()))):
            wall, seconds = timed(cmd)
            times[name].append(wall)
            cpu[name].append(seconds)
            print(f"run {i + 1} {name}: {wall:.2f} s wall, {seconds:.2f} s CPU (load average "
                  f"{os.getloadavg()[0]:.1f})", flush=True)
    segments = sum(len(_lines(os.path.join(root, n))) for root, _, names in os.walk(os.path.join(work, "mt"))
                   for n in names)
    for name, walls in times.items():
        median = statistics.median(walls)
        print(f"{name}: median {median:.2f} s wall of {len(walls)} ({segments / median:.0f} segments/s), "
              f"median {statistics.median(cpu[name]):.2f} s CPU")
    if args.compare:
        ratio = statistics.median(times["this"]) / statistics.median(times["compare"])
        print(f"this / {args.compare}: {ratio:.2f} of the wall time")
        with open(report, "rb") as a, open(report + ".compare", "rb") as b:
            print("the JSON reports are", "identical" if a.read() == b.read() else "DIFFERENT")


if __name__ == "__main__":
    main()
