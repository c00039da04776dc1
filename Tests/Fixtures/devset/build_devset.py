#!/usr/bin/env python3
"""Build devset.jsonl, the labelled development set `triage evaluate` runs on in the test suite.

Sources: the demo call scripts (Recordings/scripts/*.call, with their answer keys) and calls.txt,
hand-written calls in a compact form:

    ## ID | LANG | STARTED_AT | record: week=38+2 first=true caller=pregnant pp=5     (record part optional)
    labels: reasons=a,b | disposition=d | flags=f,g | facts: key=value; key=value | denied: finding,finding
    M: the midwife's words      C: the caller's      N: the midwife's typed notes      U: unlabelled speaker

Calls with a `record:` get it as metadata (the caller's record fills what the call does not say);
the demo calls carry theirs (as a hospital has it), the hand-written ones mostly not, so fact extraction
is measured from speech.
Run: python3 Tests/Fixtures/devset/build_devset.py   (rewrites devset.jsonl next to this file)
"""
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SPEAKERS = {"M": "midwife", "C": "caller", "P": "caller", "N": "notes", "U": "unknown"}


def value(text):
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_record(text):
    meta = {}
    for part in text.split():
        key, _, v = part.partition("=")
        if key == "week":
            week, _, days = v.partition("+")
            meta["gestational_week"] = int(week)
            if days:
                meta["gestational_days"] = int(days)
        elif key == "first":
            meta["first_baby"] = v == "true"
        elif key == "caller":
            meta["caller"] = v
        elif key == "pp":
            meta["days_postpartum"] = int(v)
    return meta


def parse_labels(text):
    labels = {"reasons": [], "primary": None, "disposition": None, "red_flags": [], "facts": {}, "denied": []}
    for part in text.split("|"):
        key, _, rest = part.strip().partition("=") if not part.strip().startswith(("facts:", "denied:")) else part.strip().partition(":")
        rest = rest.strip()
        if key == "reasons":
            labels["reasons"] = [r.strip() for r in rest.split(",") if r.strip()]
        elif key == "disposition":
            labels["disposition"] = rest
        elif key == "flags":
            labels["red_flags"] = [r.strip() for r in rest.split(",") if r.strip() and r.strip() != "-"]
        elif key == "facts":
            for pair in rest.split(";"):
                if "=" in pair:
                    k, v = (p.strip() for p in pair.split("=", 1))
                    labels["facts"][k] = value(v)
        elif key == "denied":
            labels["denied"] = [r.strip() for r in rest.split(",") if r.strip()]
    labels["primary"] = labels["reasons"][0] if labels["reasons"] else None
    return labels


def from_calls_txt(path):
    calls, current = [], None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#") and not line.startswith("##"):
                continue
            if line.startswith("##"):
                parts = [p.strip() for p in line[2:].split("|")]
                current = {"id": parts[0], "language": parts[1], "started_at": parts[2], "turns": []}
                if len(parts) > 3 and parts[3].startswith("record:"):
                    current["metadata"] = parse_record(parts[3][len("record:"):])
                calls.append(current)
            elif line.startswith("labels:"):
                current["labels"] = parse_labels(line[len("labels:"):])
            else:
                who, sep, text = line.partition(":")
                if not sep or who not in SPEAKERS:
                    raise SystemExit(f"{path}:{number}: expected M:, C:, P:, N: or U:")
                current["turns"].append({"speaker": SPEAKERS[who], "text": text.strip()})
    return calls


def from_scripts():
    calls = []
    for index, path in enumerate(sorted(glob.glob(os.path.join(ROOT, "Recordings", "scripts", "*.call")))):
        name = os.path.basename(path)[:-5]
        meta = json.load(open(os.path.join(ROOT, "Recordings", name + ".meta.json"), encoding="utf-8"))
        turns = []
        body = False
        for line in open(path, encoding="utf-8").read().splitlines():
            line = line.strip()
            if line == "---":
                body = True
                continue
            if not body or not line or line.startswith("["):
                continue
            who, _, text = line.lstrip("~").partition(":")
            turns.append({"speaker": SPEAKERS[who], "text": text.strip()})
        labels = dict(meta["labels"], denied=[])
        if labels["facts"].get("gestational_days") == 0:
            labels["facts"] = {k: v for k, v in labels["facts"].items() if k != "gestational_days"}  # "uge 32" says no days
        call = {"id": "demo-" + name, "language": meta["language"], "started_at": meta["started_at"], "turns": turns, "labels": labels,
                "metadata": {k: meta[k] for k in ("gestational_week", "gestational_days", "first_baby", "caller", "days_postpartum") if k in meta}}
        calls.append(call)
    return calls


def main():
    calls = from_scripts() + from_calls_txt(os.path.join(HERE, "calls.txt"))
    ids = [c["id"] for c in calls]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate call ids")
    with open(os.path.join(HERE, "devset.jsonl"), "w", encoding="utf-8") as f:
        for call in calls:
            f.write(json.dumps(call, ensure_ascii=False) + "\n")
    print(f"{len(calls)} calls")


if __name__ == "__main__":
    main()
