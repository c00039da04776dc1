#!/usr/bin/env python3
"""List the development calls where the classifier and the answer key differ (for tuning on train/dev only).

usage: python3 Tests/Fixtures/devset/errors.py [--triage PATH] FILE.jsonl [--only flags|disposition|reasons] [--show]
"""
import argparse, json, subprocess, sys

RANK = {"emergency_112": 4, "attend_now": 3, "attend_soon": 2, "self_care": 1, "refer": 1, "info_only": 1}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file"); ap.add_argument("--triage", default=".build/debug/triage")
    ap.add_argument("--only", choices=["flags", "disposition", "reasons", "under", "over"]); ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    calls = [json.loads(l) for l in open(a.file, encoding="utf-8") if l.strip()]
    r = subprocess.run([a.triage, "classify", "--batch", a.file, "--format", "jsonl"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(r.stderr)
    pred = {}
    for line in r.stdout.splitlines():
        o = json.loads(line); pred[o["id"]] = o
    n = 0
    for c in calls:
        g, p = c["labels"], pred.get(c["id"], {})
        gf, pf = set(g.get("red_flags", [])), {f["code"] for f in p.get("red_flags", [])}
        gr, pr = g["reasons"], [x["code"] for x in p.get("reasons", [])]
        gd, pd = g["disposition"], p.get("disposition")
        problems = []
        if gf - pf: problems.append(f"missed flags {sorted(gf - pf)}")
        if pf - gf: problems.append(f"false flags {sorted(pf - gf)}")
        if gd != pd: problems.append(f"disposition {gd} -> {pd}" + (" UNDER" if RANK[pd] < RANK[gd] else " over" if RANK[pd] > RANK[gd] else ""))
        if set(gr) != set(pr) or (gr[:1] != pr[:1]): problems.append(f"reasons {gr} -> {pr}")
        if a.only == "flags": problems = [x for x in problems if "flags" in x]
        elif a.only == "disposition": problems = [x for x in problems if x.startswith("disposition")]
        elif a.only == "reasons": problems = [x for x in problems if x.startswith("reasons")]
        elif a.only == "under": problems = [x for x in problems if "UNDER" in x]
        elif a.only == "over": problems = [x for x in problems if " over" in x]
        if not problems: continue
        n += 1
        print(f"{c['id']}: " + "; ".join(problems))
        if a.show:
            for t in c["turns"]:
                print(f"    {t['speaker'][:1].upper()}: {t['text']}")
            print(f"    findings {[(f['code'], f['polarity']) for f in p.get('findings', [])]} denied {[f['code'] for f in p.get('denied', [])]}")
            print(f"    facts {{{', '.join(f'{k}={v}' for k, v in p.get('facts', {}).items() if v is not None)}}}")
    print(f"{n} of {len(calls)} calls differ", file=sys.stderr)


if __name__ == "__main__":
    main()
