"""Accuracy of tqcheck's rules on real French->English news data, against hand labels.

    python benchmarks/accuracy.py [--data DIR] [--labels DIR] [--tqcheck "CMD"]
                                  [--markdown] [--json OUT.json] [--unlabelled OUT.tsv] [-- EXTRA ARGS]

It runs ``tqcheck check FILE [--src SRC] --format json --exit-zero -o TMP.json [EXTRA ARGS]``
on each set of the real data (``../shared/data/real`` next to the repository; README.md there):

    newstest2012, newstest2013   professional human translations (with and without --src)
    wce-google, wce-bing         real 2012 machine translation (with and without --src)
    wce-postedit                 crowd post-edit of Moses output (with and without --src)

and prints, rule by rule, the findings per 100 segments of each run and the precision against the
hand labels in ``benchmarks/labels/*.tsv`` (columns ``set line rule text verdict reason``; verdict
``true`` = a real problem a wire editor would fix, ``false`` = a false alarm).  A finding matches a
label by (set, line, rule, text); the runs with and without --src share labels, and a finding found
in both runs is counted once for precision.  Precision = true / (true + false) over the labelled
findings; ``lab/tot`` says how many of the distinct findings are labelled (big rules are sampled).

If the data directory is absent it prints one line naming it and exits 0.  Standard library only.
"""
from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(REPO, "..", "shared", "data", "real")
DEFAULT_LABELS = os.path.join(HERE, "labels")

# name, translation, source (relative to the data dir), group
SETS = [
    ("newstest2012", "newstest2012.fr-en.en", "newstest2012.fr-en.fr", "prof"),
    ("newstest2013", "newstest2013.fr-en.en", "newstest2013.fr-en.fr", "prof"),
    ("wce-google", "wce-lig-dev/google.en", "wce-lig-dev/src.fr", "mt"),
    ("wce-bing", "wce-lig-dev/bing.en", "wce-lig-dev/src.fr", "mt"),
    ("wce-postedit", "wce-lig-dev/moses-postedit.en", "wce-lig-dev/src.fr", "postedit"),
]
SHORT = {"newstest2012": "nt12", "newstest2013": "nt13", "wce-google": "goog",
         "wce-bing": "bing", "wce-postedit": "pedit"}
GROUPS = [("prof", "professional"), ("mt", "MT (Google+Bing)"), ("postedit", "post-edit"),
          ("all", "overall")]
COLUMNS = ["set", "line", "rule", "text", "verdict", "reason"]


def clean(text: str) -> str:
    """A finding's text as stored in a TSV cell (tabs and line breaks flattened)."""
    return " ".join(str(text).replace("\t", " ").replace("\r", " ").replace("\n", " ").split(" ")) \
        if text is not None else ""


def key_of(set_name: str, line, rule: str, text: str) -> tuple:
    return (set_name, int(line), rule, clean(text))


def load_labels(label_dir: str) -> tuple[dict, list[str]]:
    labels, problems = {}, []
    for path in sorted(glob.glob(os.path.join(label_dir, "*.tsv"))):
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            for n, row in enumerate(reader, start=2):
                verdict = (row.get("verdict") or "").strip().lower()
                if not verdict:
                    continue
                if verdict not in ("true", "false"):
                    problems.append(f"{os.path.basename(path)}:{n}: verdict {verdict!r} is not true/false")
                    continue
                try:
                    k = key_of(row["set"], row["line"], row["rule"], row["text"])
                except (KeyError, ValueError, TypeError) as exc:
                    problems.append(f"{os.path.basename(path)}:{n}: bad row ({exc})")
                    continue
                labels[k] = (verdict == "true", (row.get("reason") or "").strip())
    return labels, problems


def run_one(cmd_prefix: list[str], data: str, spec, with_src: bool, extra: list[str], tmp: str):
    name, en, fr, _group = spec
    out = os.path.join(tmp, f"{name}-{'src' if with_src else 'nosrc'}.json")
    cmd = cmd_prefix + ["check", os.path.join(data, en)]
    if with_src:
        cmd += ["--src", os.path.join(data, fr)]
    cmd += ["--format", "json", "--exit-zero", "-o", out]
    if not any(a in ("-j", "--jobs") or a.startswith("--jobs=") for a in extra):
        cmd += ["--jobs", "1"]  # the benchmark runs several tqcheck processes at once instead
    cmd += extra
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    secs = time.perf_counter() - start
    if proc.returncode not in (0, 1) or not os.path.exists(out):
        raise SystemExit(f"tqcheck failed (exit {proc.returncode}) on {name} "
                         f"{'with' if with_src else 'without'} --src:\n  {shlex.join(cmd)}\n"
                         f"{proc.stderr.strip()[-2000:]}")
    with open(out, encoding="utf-8") as fh:
        report = json.load(fh)
    f = report["files"][0]
    return {"set": name, "src": with_src, "segments": f["segments"], "seconds": round(secs, 2),
            "findings": f["findings"]}


def fmt_table(header: list[str], rows: list[list[str]], markdown: bool, align_left: int = 1) -> str:
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]

    def cell(i, v):
        return str(v).ljust(widths[i]) if i < align_left else str(v).rjust(widths[i])

    if markdown:
        lines = ["| " + " | ".join(cell(i, h) for i, h in enumerate(header)) + " |",
                 "|" + "|".join(("-" * (w + 1) + ":") if i >= align_left else (":" + "-" * (w + 1))
                                for i, w in enumerate(widths)) + "|"]
        lines += ["| " + " | ".join(cell(i, v) for i, v in enumerate(r)) + " |" for r in rows]
    else:
        lines = ["  ".join(cell(i, h) for i, h in enumerate(header)).rstrip(),
                 "  ".join("-" * w for w in widths)]
        lines += ["  ".join(cell(i, v) for i, v in enumerate(r)).rstrip() for r in rows]
    return "\n".join(lines)


def fmt_rate(x: float) -> str:
    """Findings per 100 segments: one decimal, two below 0.1 so that rare rules do not read 0.0."""
    if x == 0:
        return "0"
    return f"{x:.2f}" if x < 0.1 else f"{x:.1f}"


def per100(n: int, segs: int) -> float:
    return 100.0 * n / segs if segs else 0.0


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Arguments after -- are passed to every tqcheck check run.")
    ap.add_argument("--data", default=DEFAULT_DATA, help="real data directory (default %(default)s)")
    ap.add_argument("--labels", default=DEFAULT_LABELS, help="directory of label TSVs (default %(default)s)")
    ap.add_argument("--tqcheck", default=None,
                    help='command that runs tqcheck (default: "%s -m tqcheck")' % sys.executable)
    ap.add_argument("--sets", default=None, help="comma-separated subset of: " + ",".join(s[0] for s in SETS))
    ap.add_argument("--no-nosrc", action="store_true", help="skip the runs without --src")
    ap.add_argument("--markdown", action="store_true", help="print markdown tables (README-ready)")
    ap.add_argument("--json", dest="json_out", metavar="FILE", help="write machine-readable results")
    ap.add_argument("--unlabelled", metavar="FILE.tsv", help="write every finding not yet labelled")
    ap.add_argument("--parallel", type=int, default=os.cpu_count() or 2,
                    help="tqcheck runs at once, each with --jobs 1 (default: one per core, %(default)s here)")
    args = ap.parse_args(argv)

    data = os.path.normpath(args.data)
    if not os.path.isdir(data):
        print(f"accuracy: real data not found at {data}; skipped")
        return 0
    cmd_prefix = shlex.split(args.tqcheck) if args.tqcheck else [sys.executable, "-m", "tqcheck"]
    sets = SETS
    if args.sets:
        wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
        unknown = set(wanted) - {s[0] for s in SETS}
        if unknown:
            ap.error("unknown set(s): " + ", ".join(sorted(unknown)))
        sets = [s for s in SETS if s[0] in wanted]
    sets = [s for s in sets if os.path.exists(os.path.join(data, s[1]))
            and os.path.exists(os.path.join(data, s[2]))]
    if not sets:
        print(f"accuracy: none of the sets found under {data}; skipped")
        return 0
    group_of = {s[0]: s[3] for s in SETS}

    labels, problems = load_labels(args.labels)
    for p in problems:
        print("label warning:", p, file=sys.stderr)

    jobs = [(s, w) for s in sets for w in ((True,) if args.no_nosrc else (True, False))]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tqcheck-accuracy-") as tmp:
        with ThreadPoolExecutor(max_workers=max(1, args.parallel)) as pool:
            runs = list(pool.map(lambda j: run_one(cmd_prefix, data, j[0], j[1], extra, tmp), jobs))
    wall = time.perf_counter() - start
    run_by = {(r["set"], r["src"]): r for r in runs}

    # distinct findings per set (union of the runs with and without --src)
    distinct: dict[str, dict[tuple, dict]] = {}
    for r in runs:
        d = distinct.setdefault(r["set"], {})
        for f in r["findings"]:
            k = key_of(r["set"], f["line"], f["rule"], f.get("text", ""))
            if k not in d:
                d[k] = dict(f, runs=[])
            d[k]["runs"].append("src" if r["src"] else "nosrc")
    rules = sorted({k[2] for d in distinct.values() for k in d})
    set_names = [s[0] for s in sets]

    # ---- table 1: findings per 100 segments
    cols = [(n, w) for n in set_names for w in (True, False) if (n, w) in run_by]
    prof_sets = [n for n in set_names if group_of[n] == "prof"]

    def rate(n, w, rule=None):
        r = run_by[(n, w)]
        c = sum(1 for f in r["findings"] if rule is None or f["rule"] == rule)
        return per100(c, r["segments"])

    def prof_rate(rule=None):
        segs = sum(run_by[(n, True)]["segments"] for n in prof_sets if (n, True) in run_by)
        c = sum(1 for n in prof_sets if (n, True) in run_by for f in run_by[(n, True)]["findings"]
                if rule is None or f["rule"] == rule)
        return per100(c, segs) if segs else None

    def ratio(n, rule=None):
        p = prof_rate(rule)
        if (n, True) not in run_by or p is None:
            return "-"
        m = rate(n, True, rule)
        if p == 0:
            return "inf" if m else "-"
        return f"{m / p:.1f}"

    h1 = ["rule"] + [SHORT[n] + ("" if w else "-") for n, w in cols]
    ratio_sets = [n for n in ("wce-google", "wce-bing") if n in set_names]
    h1 += [SHORT[n][0].upper() + "/P" for n in ratio_sets]
    rows1 = []
    results_rules = {}
    for rule in rules + [None]:
        row = ["TOTAL" if rule is None else rule]
        row += [fmt_rate(rate(n, w, rule)) for n, w in cols]
        row += [ratio(n, rule) for n in ratio_sets]
        rows1.append(row)

    # ---- table 2: precision against the labels
    def prec_cells(rule, group):
        tot = lab = tr = fa = 0
        for n in set_names:
            if group != "all" and group_of[n] != group:
                continue
            for k in distinct.get(n, {}):
                if rule is not None and k[2] != rule:
                    continue
                tot += 1
                if k in labels:
                    lab += 1
                    if labels[k][0]:
                        tr += 1
                    else:
                        fa += 1
        p = tr / (tr + fa) if tr + fa else None
        return {"total": tot, "labelled": lab, "true": tr, "false": fa, "precision": p}

    present_groups = [g for g in GROUPS if g[0] == "all" or any(group_of[n] == g[0] for n in set_names)]
    h2 = ["rule"]
    for g, _ in present_groups:
        tag = {"prof": "P", "mt": "MT", "postedit": "PE", "all": "all"}[g]
        h2 += [f"{tag} lab", f"{tag} T/F", f"{tag} prec"]
    rows2 = []
    for rule in rules + [None]:
        row = ["TOTAL" if rule is None else rule]
        res = {}
        for g, _ in present_groups:
            c = prec_cells(rule, g)
            res[g] = c
            row += [f"{c['labelled']}/{c['total']}", f"{c['true']}/{c['false']}",
                    "-" if c["precision"] is None else f"{c['precision']:.2f}"]
        rows2.append(row)
        results_rules["TOTAL" if rule is None else rule] = {"precision": res}

    for rule in rules + [None]:
        name = "TOTAL" if rule is None else rule
        results_rules[name]["per100"] = {f"{n}{'' if w else '-nosrc'}": round(rate(n, w, rule), 3)
                                         for n, w in cols}
        results_rules[name]["ratio_over_professional"] = {n: ratio(n, rule) for n in ratio_sets}

    seg_info = ", ".join(f"{SHORT[n]}={run_by[(n, True)]['segments']}" for n in set_names if (n, True) in run_by)
    title1 = ("Findings per 100 segments (column `-` suffix: without --src; G/P, B/P: Google, Bing "
              "per-100 over professional per-100, with --src)")
    title2 = ("Precision against hand labels (distinct findings, with and without --src merged; "
              "P=newstest professional, MT=Google+Bing, PE=post-edit; lab = labelled/total findings, "
              "T/F = true/false, prec = T/(T+F))")
    out = []
    if args.markdown:
        out += [f"**{title1}.** Segments: {seg_info}.", "", fmt_table(h1, rows1, True), "",
                f"**{title2}.**", "", fmt_table(h2, rows2, True)]
    else:
        out += textwrap.wrap(title1, 118) + [f"segments: {seg_info}", "", fmt_table(h1, rows1, False), ""]
        out += textwrap.wrap(title2, 118) + ["", fmt_table(h2, rows2, False)]
    stale = [k for k in labels if k[0] in distinct and k not in distinct[k[0]]]
    unl = [(n, k, f) for n in set_names for k, f in distinct.get(n, {}).items() if k not in labels]
    # sampled rules make the TOTAL precision lean towards the small, fully labelled rules: weight each
    # rule's labelled precision by its number of findings for an estimate of the precision of all findings
    est = {}
    for g, _ in present_groups:
        num = den = 0
        for rule in rules:
            c = results_rules[rule]["precision"][g]
            if c["precision"] is not None:
                num += c["precision"] * c["total"]
                den += c["total"]
        est[g] = (num / den if den else None, den)
    est_line = ("estimated precision of all findings (each rule's labelled precision weighted by its finding "
                "count; rules without labels left out): " + ", ".join(
                    f"{name} {'-' if p is None else f'{p:.2f}'} (over {n} findings)"
                    for (g, name) in present_groups for p, n in [est[g]]))
    results_rules["TOTAL"]["estimated_precision"] = {g: est[g][0] for g in est}
    out += [""] + ([est_line] if args.markdown else textwrap.wrap(est_line, 118))
    tail = [f"{len(labels)} labels loaded from {args.labels}; {len(stale)} match no current finding; "
            f"{len(unl)} findings unlabelled; {len(runs)} tqcheck runs in {wall:.1f}s"
            + (f"; extra args: {shlex.join(extra)}" if extra else "")]
    out += [""] + (tail if args.markdown else textwrap.wrap(tail[0], 118))
    print("\n".join(out))

    if args.unlabelled:
        with open(args.unlabelled, "w", encoding="utf-8", newline="") as fh:
            fh.write("\t".join(COLUMNS + ["message", "runs"]) + "\n")
            for n, k, f in sorted(unl, key=lambda t: (t[1][0], t[1][1], t[1][2], t[1][3])):
                fh.write("\t".join([n, str(k[1]), k[2], k[3], "", "", clean(f.get("message", "")),
                                    ",".join(f["runs"])]) + "\n")
    if args.json_out:
        payload = {
            "data": data, "command": cmd_prefix, "extra_args": extra, "seconds": round(wall, 2),
            "runs": [{k: v for k, v in r.items() if k != "findings"} | {"findings": len(r["findings"])}
                     for r in runs],
            "rules": results_rules,
            "labels": {"loaded": len(labels), "stale": len(stale), "unlabelled": len(unl)},
            "findings": [
                {"set": n, "line": k[1], "rule": k[2], "text": k[3], "runs": f["runs"],
                 "verdict": (None if k not in labels else ("true" if labels[k][0] else "false")),
                 "reason": labels[k][1] if k in labels else None, "message": f.get("message")}
                for n in set_names for k, f in sorted(distinct.get(n, {}).items())],
        }
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
