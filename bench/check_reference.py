#!/usr/bin/env python3
"""Checks the reference pipeline's figures against bilan's on the same store.

Usage: check_reference.py SURVEY.yaml STORE.sqlite
Runs `bilan stats --format json` and bench/reference_pipeline.py on the store
and compares every indicator row (value, n, interval, rank, suppression) to
1e-9. Prints the differences; exit 1 when there are any.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BILAN = os.environ.get("BILAN", os.path.join(ROOT, ".build", "release", "bilan"))


def key(row):
    group = row.get("group")
    return (row["indicator"], row.get("item"), None if group is None else tuple(sorted(group.items())))


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))


def main(survey, store):
    bilan = json.loads(subprocess.run([BILAN, "stats", survey, "--store", store, "--format", "json"],
                                      capture_output=True, text=True, check=True).stdout)
    with tempfile.TemporaryDirectory() as scratch:
        stats = os.path.join(scratch, "stats.json")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "reference_pipeline.py"), survey, store,
                        os.path.join(scratch, "out.xlsx"), stats], check=True, stdout=subprocess.DEVNULL)
        with open(stats, encoding="utf-8") as handle:
            python = json.load(handle)
    ours = {key(r): r for r in python}
    theirs = {key(r): r for r in bilan}
    problems = []
    for k in theirs.keys() - ours.keys():
        problems.append(f"only in bilan: {k}")
    for k in ours.keys() - theirs.keys():
        problems.append(f"only in python: {k}")
    for k in theirs.keys() & ours.keys():
        a, b = theirs[k], ours[k]
        if bool(a.get("suppressed")) != bool(b.get("suppressed")):
            problems.append(f"{k}: suppressed bilan={a.get('suppressed')} python={b.get('suppressed')}")
            continue
        for field in ("n", "value", "ci_low", "ci_high", "met", "rank"):
            if not close(a.get(field), b.get(field)):
                problems.append(f"{k}: {field} bilan={a.get(field)} python={b.get(field)}")
    for line in sorted(problems):
        print(line)
    print(f"{len(theirs)} bilan rows, {len(ours)} python rows, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
