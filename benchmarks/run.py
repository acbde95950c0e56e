"""Benchmark tqcheck against sacrebleu's own CLI on the same files, in one run.

    python benchmarks/run.py [--segments 10000] [--scales 1,2,4] [--jobs N] [--repeat N] [--out DIR]
                             [--real DIR] [--no-synthetic] [--memory-curve 10000,100000,400000]
                             [--tqcheck-cmd "COMMAND"]

For a deterministic corpus (benchmarks/make_corpus.py) of SEGMENTS x scale segments
with source and reference, it measures, each as a separate process:

- sacrebleu:   sacrebleu REF -i MT -m bleu chrf ter          (at scale 1 only)
- tqcheck full: tqcheck check DIR (all rules, language identification, BLEU, chrF, TER)
- tqcheck rules: tqcheck check MT --src SRC (all rules that need no reference)

and prints wall time, peak memory (the largest total RSS of the process and all its
children, sampled every 20 ms from /proc; on other systems the largest single
process from getrusage; on real data also the largest total PSS, which counts a page
that forked workers share once, not once per process), segments per second, the ratios against sacrebleu, and
the per-segment time at each scale (linear growth keeps it flat), and the
start-up time of ``tqcheck --version`` and ``tqcheck rules``.

On real data (``--real DIR``, default ../shared/data/real/wce-lig-dev from the
repository: Google Translate output, the post-edit as reference, the French source)
it runs ``sacrebleu REF -i MT -m bleu chrf ter`` and the full ``tqcheck check MT
--ref REF --src SRC`` alternately, ``--repeat`` times each, and prints the medians
and the ratios against the issue's goals (time at most 0.3x sacrebleu's, peak memory
at most 0.5x).

``--memory-curve N1,N2,..`` measures instead the peak memory and wall time of that
full check (JSON report to a file) on the real data cycled to N1, N2, ... segments:
memory should not grow with the corpus beyond the findings. ``--tqcheck-cmd`` runs
another tqcheck (an older checkout, say) in place of the one beside this Python.
"""
from __future__ import annotations

import argparse
import itertools
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import make_corpus  # noqa: E402


def _tree_kib(pid: int) -> tuple[int, int]:
    """(total RSS, total PSS) in KiB of ``pid`` and its descendants, from /proc (Linux). RSS counts
    a page shared by forked workers once in every process that maps it; PSS (proportional set size)
    counts it 1/n in each of the n processes sharing it, so the sum is the memory the tree uses."""
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1])
                        break
            try:
                with open(f"/proc/{p}/smaps_rollup") as fh:
                    pss += next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
            except (OSError, StopIteration):
                pass
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return rss, pss


def measure(cmd: list[str], cwd: str) -> tuple[float, float, int, float]:
    """(wall seconds, peak MiB of RSS, exit code, peak MiB of PSS) of one command (RSS and PSS summed
    over the process and its children; PSS is the RSS where /proc has no smaps_rollup)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = peak_pss = 0
    use_proc = os.path.exists(f"/proc/{proc.pid}/status")

    def sample() -> None:
        nonlocal peak, peak_pss
        while proc.poll() is None:
            rss, pss = _tree_kib(proc.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss or rss)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if use_proc:
        sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    if use_proc:
        sampler.join()
    else:
        peak = peak_pss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        sys.exit(f"benchmark: {' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return wall, peak / 1024, proc.returncode, peak_pss / 1024


def median_of(repeat: int, cmd: list[str], cwd: str) -> tuple[float, float, int]:
    """The median wall time and the median peak memory of ``repeat`` measurements."""
    runs = [measure(cmd, cwd) for _ in range(max(1, repeat))]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), runs[-1][2]


def alternating(repeat: int, cmds: dict[str, list[str]], cwd: str) -> dict[str, tuple[float, float, list]]:
    """Each command ``repeat`` times, in turn (A B A B ...), so a busy spell of a shared machine
    hits them alike: {name: (median wall, median peak RSS MiB, [(wall, RSS, PSS), ...], median peak PSS MiB)}."""
    runs: dict[str, list] = {name: [] for name in cmds}
    for _ in range(max(1, repeat)):
        for name, cmd in cmds.items():
            wall, rss, _, pss = measure(cmd, cwd)
            runs[name].append((wall, rss, pss))
    return {name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), rs,
                   statistics.median(r[2] for r in rs))
            for name, rs in runs.items()}


REAL_FILES = ("google.en", "moses-postedit.en", "src.fr")  # translation, reference, source


def _lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh]


def real_data(real: str, repeat: int, tqcheck: list[str], sacrebleu: str, jobs: list[str], work: str) -> None:
    """sacrebleu's CLI against the full tqcheck check on the real files, alternating; medians and ratios."""
    mt, ref, src = (os.path.join(real, name) for name in REAL_FILES)
    n = len(_lines(mt))
    out = os.path.join(work, "real-report.json")
    cmds = {"sacrebleu": [sacrebleu, ref, "-i", mt, "-m", "bleu", "chrf", "ter"],
            "tqcheck full": [*tqcheck, "check", mt, "--ref", ref, "--src", src, "--format", "json", "--output", out,
                             *jobs]}
    print(f"\nreal data: {real} ({n} segments; {REAL_FILES[0]} against {REAL_FILES[1]}, source {REAL_FILES[2]}); "
          f"median of {repeat} runs each, alternating")
    for name, cmd in cmds.items():
        print(f"  {name}: {' '.join(shlex.quote(c) for c in cmd)}")
    result = alternating(repeat, cmds, work)
    print(f"{'run':<14} {'wall s':>8} {'RSS MiB':>8} {'PSS MiB':>8} {'seg/s':>8}   runs (wall s / peak RSS / peak PSS MiB)")
    for name, (wall, mib, runs, pss) in result.items():
        each = ", ".join(f"{w:.2f}/{m:.0f}/{p:.0f}" for w, m, p in runs)
        print(f"{name:<14} {wall:>8.2f} {mib:>8.0f} {pss:>8.0f} {n / wall:>8.0f}   {each}")
    (sb_wall, sb_mib, _, sb_pss), (tq_wall, tq_mib, _, tq_pss) = result["sacrebleu"], result["tqcheck full"]
    print(f"tqcheck full / sacrebleu wall time: {tq_wall / sb_wall:.2f} (goal at most 0.30)")
    print(f"tqcheck full / sacrebleu peak memory: {tq_pss / sb_pss:.2f} by PSS (goal at most 0.50); "
          f"{tq_mib / sb_mib:.2f} by RSS, which counts the pages the forked workers share once per process")


def cycled(real: str, n: int, work: str) -> tuple[str, str, str]:
    """The real translation, reference and source repeated (cycled) to ``n`` aligned lines, in ``work``."""
    paths = []
    os.makedirs(work, exist_ok=True)  # --out may name a directory not made yet
    for name in REAL_FILES:
        path = os.path.join(work, f"{n}.{name}")
        if not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as fh:
                fh.writelines(line + "\n" for line in itertools.islice(itertools.cycle(_lines(os.path.join(real, name))), n))
        paths.append(path)
    return paths[0], paths[1], paths[2]


def memory_curve(real: str, sizes: list[int], repeat: int, tqcheck: list[str], jobs: list[str], work: str) -> None:
    """Peak memory (and wall time) of the full check, JSON report to a file, at each corpus size."""
    print(f"\nmemory curve: tqcheck check MT --ref REF --src SRC --format json --output FILE {' '.join(jobs)}".rstrip()
          + f" on {real} cycled; median of {repeat}")
    print(f"{'segments':>9} {'RSS MiB':>8} {'PSS MiB':>8} {'wall s':>8} {'findings':>9} {'report MiB':>10}   "
          "runs (wall s / peak RSS / peak PSS MiB)")
    for n in sizes:
        mt, ref, src = cycled(real, n, work)
        out = os.path.join(work, f"{n}.report.json")
        runs = [measure([*tqcheck, "check", mt, "--ref", ref, "--src", src, "--format", "json", "--output", out, *jobs],
                        work) for _ in range(max(1, repeat))]
        wall, mib, pss = (statistics.median(r[k] for r in runs) for k in (0, 1, 3))
        with open(out, "rb") as fh:  # the summary at the end of the report: "findings": N
            fh.seek(max(0, os.path.getsize(out) - 400))
            findings = int(re.findall(rb'"findings": (\d+)', fh.read())[-1])
        each = ", ".join(f"{r[0]:.1f}/{r[1]:.0f}/{r[3]:.0f}" for r in runs)
        print(f"{n:>9} {mib:>8.0f} {pss:>8.0f} {wall:>8.1f} {findings:>9} {os.path.getsize(out) / 2**20:>10.1f}   {each}",
              flush=True)


def main() -> None:
    if "--profile-rules" in sys.argv[1:]:  # per-rule cost: benchmarks/rulecost.py
        import rulecost

        return rulecost.main(sys.argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--scales", default="1,2,4")
    parser.add_argument("--jobs", type=int, default=None, help="tqcheck --jobs (default: its own default)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="run each measurement this many times and report the medians (default 3)")
    parser.add_argument("--out", default=None, help="keep the generated corpora here")
    parser.add_argument("--real", default=os.path.join(os.path.dirname(HERE), "..", "shared", "data", "real",
                                                       "wce-lig-dev"),
                        help="directory of the real data (google.en, moses-postedit.en, src.fr); "
                             "default ../shared/data/real/wce-lig-dev from the repository")
    parser.add_argument("--no-synthetic", action="store_true", help="skip the synthetic corpus (real data only)")
    parser.add_argument("--memory-curve", default=None, metavar="N1,N2,..",
                        help="only measure peak memory of the full check on the real data cycled to these sizes")
    parser.add_argument("--tqcheck-cmd", default=None, metavar="COMMAND",
                        help="the tqcheck to measure, as a command line (default: the one beside this Python)")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]

    bin_dir = os.path.dirname(sys.executable)
    tq_cmd = shlex.split(args.tqcheck_cmd) if args.tqcheck_cmd else [shutil.which("tqcheck", path=bin_dir) or "tqcheck"]
    sacrebleu = shutil.which("sacrebleu", path=bin_dir) or "sacrebleu"
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    work = args.out or tempfile.mkdtemp(prefix="tqcheck-bench-")
    real = os.path.abspath(args.real)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    if args.memory_curve:
        memory_curve(real, [int(n) for n in args.memory_curve.split(",")], args.repeat, tq_cmd, jobs, work)
        return
    if not args.no_synthetic:
        synthetic(args, scales, tq_cmd, sacrebleu, jobs, work)
    if os.path.isdir(real):
        real_data(real, args.repeat, tq_cmd, sacrebleu, jobs, work)
    else:
        print(f"\nreal data: {real} not found; skipped (give --real DIR)")


def synthetic(args, scales: list[int], tq_cmd: list[str], sacrebleu: str, jobs: list[str], work: str) -> None:
    """The synthetic corpus at each scale: sacrebleu, the full check, the rules alone; start-up times."""
    rows = []
    for scale in scales:
        n = args.segments * scale
        d = os.path.join(work, f"x{scale}")
        make_corpus.write(d, n, seed=1)
        out = os.path.join(work, "report.json")
        runs = {}
        if scale == scales[0]:
            runs["sacrebleu"] = measure([sacrebleu, "ref.en.txt", "-i", "mt.en.txt", "-m", "bleu", "chrf", "ter"], d)[:3]
        runs["tqcheck full"] = median_of(args.repeat, [*tq_cmd, "check", d, "--format", "json", "--output", out, *jobs], d)
        runs["tqcheck rules"] = median_of(
            args.repeat,
            [*tq_cmd, "check", "mt.en.txt", "--src", "src.fr.txt", "--format", "json", "--output", out, *jobs], d)
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
        best = min(measure([*tq_cmd, *args_], work)[0] for _ in range(5))
        print(f"start-up: tqcheck {' '.join(args_)} {best:.2f} s (best of 5; target under {target} s)")


if __name__ == "__main__":
    if "--small-files" in sys.argv[1:]:  # many small files, mirrored src/ref trees: benchmarks/smallfiles.py
        import smallfiles

        smallfiles.main([a for a in sys.argv[1:] if a != "--small-files"])
    else:
        main()
