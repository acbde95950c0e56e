"""Draw the labelling sample used for benchmarks/labels/*.tsv (kept for the record; stdlib only).

    python benchmarks/accuracy.py --unlabelled /tmp/all.tsv      # with no labels present: every finding
    python benchmarks/labels/sample.py /tmp/all.tsv > /tmp/sample.json

Groups: professional (newstest2012, newstest2013), MT (wce-google, wce-bing), post-edit (wce-postedit).
A rule with more than 50 distinct findings in a group is sampled at random (40 professional, 40 MT,
12 post-edit); a smaller rule is taken whole, except that more than 20 findings of one rule in one set are
sampled down to 20.  One random.Random(20261130) drives every draw, in sorted (group, rule) order.
"""
import collections
import csv
import json
import random
import sys

GROUP = {"newstest2012": "prof", "newstest2013": "prof", "wce-google": "mt", "wce-bing": "mt",
         "wce-postedit": "pe"}
BIG = {"prof": 40, "mt": 40, "pe": 12}
SMALL_CAP = 20


def main(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    by = collections.defaultdict(list)
    for r in rows:
        by[(GROUP[r["set"]], r["rule"])].append(r)
    rng = random.Random(20261130)
    chosen = []
    for (g, _rule), lst in sorted(by.items()):
        lst.sort(key=lambda r: (r["set"], int(r["line"]), r["text"]))
        if len(lst) > 50:
            chosen += rng.sample(lst, min(BIG[g], len(lst)))
        else:
            per = collections.defaultdict(list)
            for r in lst:
                per[r["set"]].append(r)
            for _s, sub in per.items():
                chosen += sub if len(sub) <= SMALL_CAP else rng.sample(sub, SMALL_CAP)
    json.dump(chosen, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
