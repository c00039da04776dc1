#!/usr/bin/env python3
"""Reference agreement figures for `triage agreement`'s tests, from scikit-learn and the krippendorff package.

Reads JSON from the file named first on the command line: {"calls": [{"call_id": 1, "duration_ms": 1000,
"spans": {"anna": [["code", start_ms, end_ms], ...], ...}}, ...]} and writes, per reason (those anyone gave) and
"overall", call-level and 10 ms frame-level kappa (sklearn.metrics.cohen_kappa_score, two annotators only, over the
units both labelled) and nominal alpha (krippendorff.alpha, missing values as NaN), as JSON. Frames are materialised
one by one here (frame i holds a reason when a label covers i*10 + 5 ms), independently of the Swift code's stretches.
Undefined figures (sklearn's NaN, krippendorff's error on a single value) are null. Written to the file named
second (standard output without one).
"""
import json
import math
import sys
import warnings

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score


def kappa(pairs):
    if not pairs:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = cohen_kappa_score([a for a, _ in pairs], [b for _, b in pairs])
    return None if math.isnan(value) else float(value)


def alpha(matrix):
    data = np.array(matrix, dtype=float).T if matrix else np.zeros((0, 0))
    if data.size == 0:
        return None
    try:
        value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except ValueError:
        return None
    return None if math.isnan(value) else float(value)


def main():
    calls = json.load(open(sys.argv[1]))["calls"]
    annotators = sorted({a for c in calls for a, spans in c["spans"].items() if spans})
    reasons = sorted({s[0] for c in calls for spans in c["spans"].values() for s in spans})
    shared = [c for c in calls if sum(1 for s in c["spans"].values() if s) >= 2]

    def value(call, annotator, reason):
        spans = call["spans"].get(annotator) or []
        if not spans:
            return None
        return 1 if any(s[0] == reason for s in spans) else 0

    def frames(call, annotator, reason):
        spans = call["spans"].get(annotator) or []
        end = max([call.get("duration_ms") or 0] + [s[2] for c in [call] for sp in c["spans"].values() for s in sp])
        count = -(-end // 10)
        if not spans:
            return [None] * count
        return [1 if any(s[0] == reason and s[1] <= i * 10 + 5 < s[2] for s in spans) else 0 for i in range(count)]

    out = {"call_level": {}, "time_level": {}}
    pooled_call, pooled_frames = [], []
    for reason in reasons:
        units = [[value(c, a, reason) for a in annotators] for c in shared]
        frame_units = []
        for c in shared:
            columns = [frames(c, a, reason) for a in annotators]
            frame_units += [list(unit) for unit in zip(*columns)]
        pooled_call += units
        pooled_frames += frame_units
        out["call_level"][reason] = figures(units, annotators)
        out["time_level"][reason] = figures(frame_units, annotators)
    out["call_level"]["overall"] = figures(pooled_call, annotators)
    out["time_level"]["overall"] = figures(pooled_frames, annotators)
    target = open(sys.argv[2], "w") if len(sys.argv) > 2 else sys.stdout
    json.dump(out, target, indent=1, sort_keys=True)


def figures(units, annotators):
    as_nan = [[np.nan if v is None else v for v in unit] for unit in units]
    pairs = [(u[0], u[1]) for u in units if len(annotators) == 2 and u[0] is not None and u[1] is not None]
    return {"kappa": kappa(pairs) if len(annotators) == 2 else None, "alpha": alpha(as_nan), "units": len(units)}


if __name__ == "__main__":
    main()
