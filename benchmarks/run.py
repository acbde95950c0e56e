"""Benchmark tqcheck against sacrebleu's own CLI on the same files, in one run.

    python benchmarks/run.py [--segments 10000] [--scales 1,2,4] [--jobs N] [--repeat N] [--out DIR]

For a deterministic corpus (benchmarks/make_corpus.py) of SEGMENTS x scale segments
with source and reference, it measures, each as a separate process:

- sacrebleu:   sacrebleu REF -i MT -m bleu chrf ter          (at scale 1 only)
- tqcheck full: tqcheck check DIR (all rules, language identification, BLEU, chrF, TER)
- tqcheck rules: tqcheck check MT --src SRC (all rules that need no reference)

and prints wall time, peak memory (the largest total RSS of the process and all its
children, sampled every 20 ms from /proc; on other systems the largest single
process from getrusage), segments per second, the ratios against sacrebleu, and
the per-segment time at each scale (linear growth keeps it flat), and the
start-up time of ``tqcheck --version`` and ``tqcheck rules``.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import make_corpus  # noqa: E402


def _tree_rss_kib(pid: int) -> int:
    """Total VmRSS of ``pid`` and its descendants, from /proc (Linux)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total


def measure(cmd: list[str], cwd: str) -> tuple[float, float, int]:
    """(wall seconds, peak MiB, exit code) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    use_proc = os.path.exists(f"/proc/{proc.pid}/status")

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kib(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if use_proc:
        sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    if use_proc:
        sampler.join()
    else:
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        sys.exit(f"benchmark: {' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return wall, peak / 1024, proc.returncode


def best_of(repeat: int, cmd: list[str], cwd: str) -> tuple[float, float, int]:
    """The fastest of ``repeat`` measurements (its peak memory with it)."""
    return min((measure(cmd, cwd) for _ in range(max(1, repeat))), key=lambda r: r[0])


def main() -> None:
    if "--profile-rules" in sys.argv[1:]:  # per-rule cost: benchmarks/rulecost.py
        import rulecost

        return rulecost.main(sys.argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--scales", default="1,2,4")
    parser.add_argument("--jobs", type=int, default=None, help="tqcheck --jobs (default: its own default)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each tqcheck measurement this many times and keep the fastest "
                             "(a shared machine's noise only ever adds time)")
    parser.add_argument("--out", default=None, help="keep the generated corpora here")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]

    bin_dir = os.path.dirname(sys.executable)
    tqcheck = shutil.which("tqcheck", path=bin_dir) or "tqcheck"
    sacrebleu = shutil.which("sacrebleu", path=bin_dir) or "sacrebleu"
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    work = args.out or tempfile.mkdtemp(prefix="tqcheck-bench-")

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    rows = []
    for scale in scales:
        n = args.segments * scale
        d = os.path.join(work, f"x{scale}")
        make_corpus.write(d, n, seed=1)
        out = os.path.join(work, "report.json")
        runs = {}
        if scale == scales[0]:
            runs["sacrebleu"] = measure([sacrebleu, "ref.en.txt", "-i", "mt.en.txt", "-m", "bleu", "chrf", "ter"], d)
        runs["tqcheck full"] = best_of(args.repeat, [tqcheck, "check", d, "--format", "json", "--output", out, *jobs], d)
        runs["tqcheck rules"] = best_of(
            args.repeat,
            [tqcheck, "check", "mt.en.txt", "--src", "src.fr.txt", "--format", "json", "--output", out, *jobs], d)
        for name, (wall, mib, _) in runs.items():
            rows.append((scale, n, name, wall, mib))

    base = {name: (wall, mib) for scale, n, name, wall, mib in rows if name == "sacrebleu"}
    sb_wall, sb_mib = base.get("sacrebleu", (None, None))
    print(f"\n{'scale':>5} {'segments':>9} {'run':<14} {'wall s':>8} {'peak MiB':>9} {'seg/s':>8} "
          f"{'µs/seg':>8} {'time ratio':>10} {'mem ratio':>9}")
    for scale, n, name, wall, mib in rows:
        ratio = f"{wall / sb_wall:.2f}" if sb_wall and scale == scales[0] else ""
        mratio = f"{mib / sb_mib:.2f}" if sb_mib and scale == scales[0] else ""
        print(f"{scale:>5} {n:>9} {name:<14} {wall:>8.2f} {mib:>9.0f} {n / wall:>8.0f} "
              f"{1e6 * wall / n:>8.0f} {ratio:>10} {mratio:>9}")
    for name in ("tqcheck full", "tqcheck rules"):
        per = [1e6 * wall / n for scale, n, nm, wall, mib in rows if nm == name]
        if len(per) > 1:
            change = per[-1] / per[0] - 1
            spread = (max(per) - min(per)) / min(per)
            verdict = ("linear: within 15%" if spread <= 0.15 else
                       "NOT linear: grows faster than the corpus" if change > 0.15 and per[-1] == max(per) else
                       "sub-linear: cheaper per segment on larger corpora" if per[-1] == min(per) else
                       "uneven but not growing with the corpus: noise? try --repeat 3 on a quiet machine")
            print(f"{name}: µs per segment {' / '.join(f'{p:.0f}' for p in per)} at scales {args.scales} "
                  f"(spread {spread:.0%}; {verdict})")
    if sb_wall:
        full = next(wall for scale, n, nm, wall, mib in rows if nm == "tqcheck full")
        print(f"tqcheck full / sacrebleu wall time: {full / sb_wall:.2f} (target 0.60, stretch 0.40)")
        full_mib = next(mib for scale, n, nm, wall, mib in rows if nm == "tqcheck full")
        print(f"tqcheck full / sacrebleu peak memory: {full_mib / sb_mib:.2f} (target at most 1.00)")
    for args_, target in ((["--version"], 0.3), (["rules"], 0.5)):
        best = min(measure([tqcheck, *args_], work)[0] for _ in range(5))
        print(f"start-up: tqcheck {' '.join(args_)} {best:.2f} s (best of 5; target under {target} s)")


if __name__ == "__main__":
    if "--small-files" in sys.argv[1:]:  # many small files, mirrored src/ref trees: benchmarks/smallfiles.py
        import smallfiles

        smallfiles.main([a for a in sys.argv[1:] if a != "--small-files"])
    else:
        main()
