#!/usr/bin/env python3
"""Build the classifier's development set from hand-written calls, check their labels against the
taxonomy, add a recogniser-style variant of each, and split it once by call into train, dev and test.

Sources: the demo call scripts (Recordings/scripts/*.call, with their answer keys), calls.txt and
voices/*.txt (calls written in many different voices), in a compact form:

    ## ID | LANG | STARTED_AT | record: week=38+2 first=true caller=pregnant pp=5     (record part optional)
    labels: reasons=a,b | disposition=d | flags=f,g | facts: key=value; key=value | denied: finding,finding | tags: t,u
    M: the midwife's words      C: the caller's      P: a partner or relative on the caller's side
    N: the midwife's typed notes      U: unlabelled speaker

Labels follow the taxonomy's red-flag table (README.md beside this file): every flag whose condition holds,
the disposition the most urgent flag forces, else the primary reason's default. The check refuses a call
whose codes are unknown or whose disposition does not follow from its flags.

Outputs (beside this file):
  devset.jsonl          the original calls (the suite's quality gate)
  recogniser.jsonl      each call as a telephone speech recogniser would emit it (same labels)
  split/{train,dev,test}.jsonl and split/test-recogniser.jsonl: the split by call (stable hash of the id)

Run: python3 Tests/Fixtures/devset/build_devset.py [--check]   (--check only validates, writes nothing)
"""
import glob
import hashlib
import json
import os
import random
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SPEAKERS = {"M": "midwife", "C": "caller", "P": "caller", "N": "notes", "U": "unknown"}
ORDER = ["emergency_112", "attend_now", "attend_soon", "self_care", "refer", "info_only"]
FACT_NAMES = None  # filled from the taxonomy


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
    tags = []
    for part in text.split("|"):
        part = part.strip()
        if part.startswith(("facts:", "denied:", "tags:")):
            key, _, rest = part.partition(":")
        else:
            key, _, rest = part.partition("=")
        key, rest = key.strip(), rest.strip()
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
        elif key == "tags":
            tags = [t.strip() for t in rest.split(",") if t.strip()]
    labels["primary"] = labels["reasons"][0] if labels["reasons"] else None
    return labels, tags


def from_calls_txt(path):
    calls, current = [], None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#") and not line.startswith("##"):
                continue
            if line.startswith("##"):
                parts = [p.strip() for p in line[2:].split("|")]
                if len(parts) < 3:
                    raise SystemExit(f"{path}:{number}: expected '## ID | LANG | STARTED_AT'")
                current = {"id": parts[0], "language": parts[1], "started_at": parts[2], "turns": [], "source": os.path.basename(path),
                           "line": number}
                if len(parts) > 3 and parts[3].startswith("record:"):
                    current["metadata"] = parse_record(parts[3][len("record:"):])
                calls.append(current)
            elif current is None:
                raise SystemExit(f"{path}:{number}: text before the first '## ' call header")
            elif line.startswith("labels:"):
                current["labels"], tags = parse_labels(line[len("labels:"):])
                if tags:
                    current["tags"] = tags
            else:
                who, sep, text = line.partition(":")
                if not sep or who not in SPEAKERS:
                    raise SystemExit(f"{path}:{number}: expected M:, C:, P:, N: or U:")
                turn = {"speaker": SPEAKERS[who], "text": text.strip()}
                if who == "P":
                    turn["speaker_label"] = "Partner"
                current["turns"].append(turn)
    return calls


def from_scripts():
    calls = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Recordings", "scripts", "*.call"))):
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
                "metadata": {k: meta[k] for k in ("gestational_week", "gestational_days", "first_baby", "caller", "days_postpartum") if k in meta},
                "source": "Recordings/scripts/" + os.path.basename(path), "line": 1}
        calls.append(call)
    return calls


def check(calls, taxonomy):
    """Every code known; the disposition follows from the flags (or the primary's default)."""
    reasons = {r["code"]: r.get("default_disposition", "refer") for r in taxonomy["reasons"]}
    flags = {f["code"]: f["forces"] for f in taxonomy["red_flags"]}
    findings = {f["code"] for f in taxonomy["findings"]}
    facts = {f["name"]: f for f in taxonomy["facts"]}
    problems = []
    for c in calls:
        where = f"{c['source']}:{c['line']} ({c['id']})"
        lab = c.get("labels")
        if not lab:
            problems.append(f"{where}: no labels line"); continue
        if c["language"] not in ("da", "en"):
            problems.append(f"{where}: language {c['language']!r}")
        if not c["turns"]:
            problems.append(f"{where}: no turns")
        for r in lab["reasons"]:
            if r not in reasons: problems.append(f"{where}: unknown reason {r!r}")
        if not lab["reasons"]:
            problems.append(f"{where}: no reason")
        for f in lab["red_flags"]:
            if f not in flags: problems.append(f"{where}: unknown red flag {f!r}")
        for f in lab["denied"]:
            if f not in findings: problems.append(f"{where}: unknown denied finding {f!r}")
        for k, v in lab["facts"].items():
            d = facts.get(k)
            if d is None:
                problems.append(f"{where}: unknown fact {k!r}"); continue
            if d["type"] == "choice" and v not in d["values"]:
                problems.append(f"{where}: {k}={v!r} is not one of {d['values']}")
            if d["type"] == "boolean" and not isinstance(v, bool):
                problems.append(f"{where}: {k} must be true or false")
            if d["type"] in ("integer", "number") and (not isinstance(v, (int, float)) or isinstance(v, bool)):
                problems.append(f"{where}: {k} must be a number")
        disp = lab["disposition"]
        if disp not in ORDER:
            problems.append(f"{where}: unknown disposition {disp!r}"); continue
        known = [f for f in lab["red_flags"] if f in flags]
        expected = min((flags[f] for f in known), key=ORDER.index) if known else reasons.get(lab["primary"], "refer")
        if disp != expected:
            problems.append(f"{where}: disposition {disp} but the flags {known or '(none)'} and primary {lab['primary']} give {expected}")
        for k in ("gestational_week",):
            if k in lab["facts"] and lab["facts"][k] < 37 and "preterm" not in lab["red_flags"] and (
                    set(lab["reasons"]) & {"labour_contractions", "rupture_of_membranes"}) and "days_postpartum" not in lab["facts"]:
                problems.append(f"{where}: labour or waters before week 37 without the preterm flag")
    ids = [c["id"] for c in calls]
    for i in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"duplicate call id {i}")
    return problems


# --- Recogniser-style variants -------------------------------------------------------------------------
DIGITS = {"da": ["nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv"],
          "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]}
# Fillers that change nothing ("ikke" and "ja" would: they are not fillers here).
FILLERS = {"da": ["øh", "øhm", "altså", "hm", "æh"], "en": ["uh", "um", "like", "you know", "er", "hmm"]}
# Near-sound confusions a telephone recogniser makes (each way it errs, not a correction of the caller).
CONFUSIONS = {"da": {"veer": "ver", "vandet": "vanet", "bløder": "blør", "barnet": "barne", "hovedpine": "hoved pine", "minutter": "minuter",
                     "fostervand": "foster vand", "sparker": "sparke", "feber": "febe", "uger": "uge"},
              "en": {"contractions": "contraction", "waters": "water", "bleeding": "bleed in", "minutes": "minute", "baby's": "babies",
                     "headache": "head ache", "vision": "vision's", "fever": "feva", "weeks": "week"}}


def to_recogniser(call, seed):
    """The call as a telephone recogniser would emit it: lower case, no punctuation, fillers and repetitions,
    numbers as digits or words, a near-sound word now and then, and turns split or merged."""
    rng = random.Random(seed)
    lang = call["language"]
    out = []
    for turn in call["turns"]:
        if turn["speaker"] == "notes":
            out.append(dict(turn)); continue
        text = turn["text"].lower()
        text = re.sub(r"(\d+)[.,](\d)", lambda m: m.group(1) + (" komma " if lang == "da" else " point ") + m.group(2) if rng.random() < 0.5 else m.group(0), text)
        text = re.sub(r"[?!.;:\"“”()…]+", " ", text)
        text = re.sub(r",", " ", text)
        words = text.split()
        new = []
        for w in words:
            if w.isdigit() and int(w) < len(DIGITS[lang]) and rng.random() < 0.5:
                w = DIGITS[lang][int(w)]
            elif w in DIGITS[lang][:13] and rng.random() < 0.3:
                w = str(DIGITS[lang].index(w))
            if w in CONFUSIONS[lang] and rng.random() < 0.25:
                w = CONFUSIONS[lang][w]
            if rng.random() < 0.06:
                new.append(rng.choice(FILLERS[lang]))
            new.append(w)
            if rng.random() < 0.04:
                new.append(w)
        text = " ".join(new)
        speaker = turn["speaker"]
        if out and out[-1]["speaker"] == speaker and rng.random() < 0.5:
            out[-1]["text"] += " " + text
        elif len(new) > 12 and rng.random() < 0.3:
            cut = rng.randint(4, len(new) - 4)
            out.append({"speaker": speaker, "text": " ".join(new[:cut])})
            out.append({"speaker": speaker, "text": " ".join(new[cut:])})
        else:
            item = dict(turn); item["text"] = text
            out.append(item)
    variant = dict(call, id=call["id"] + "~asr", turns=out)
    variant["tags"] = sorted(set(call.get("tags", [])) | {"recogniser"})
    return variant


def part_of(call_id):
    """train (60 %), dev (20 %) or test (20 %), by a stable hash of the call's id."""
    h = int(hashlib.sha256(call_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if h < 60 else "dev" if h < 80 else "test"


def write(path, calls):
    with open(path, "w", encoding="utf-8") as f:
        for call in calls:
            f.write(json.dumps({k: v for k, v in call.items() if k not in ("source", "line")}, ensure_ascii=False) + "\n")


def main():
    taxonomy = yaml.safe_load(open(os.path.join(ROOT, "Taxonomy", "taxonomy.yaml"), encoding="utf-8"))
    calls = from_scripts() + from_calls_txt(os.path.join(HERE, "calls.txt"))
    for path in sorted(glob.glob(os.path.join(HERE, "voices", "*.txt"))):
        calls += from_calls_txt(path)
    problems = check(calls, taxonomy)
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        raise SystemExit(f"{len(problems)} problems in {len(calls)} calls")
    if "--check" in sys.argv:
        print(f"{len(calls)} calls, labels consistent"); return
    # Seeded by the call's id, so that a call's variant stays the same when calls are added before it.
    variants = [to_recogniser(c, int(hashlib.sha256(c["id"].encode()).hexdigest()[:8], 16)) for c in calls]
    write(os.path.join(HERE, "devset.jsonl"), calls)
    write(os.path.join(HERE, "recogniser.jsonl"), variants)
    os.makedirs(os.path.join(HERE, "split"), exist_ok=True)
    for part in ("train", "dev", "test"):
        write(os.path.join(HERE, "split", part + ".jsonl"), [c for c in calls if part_of(c["id"]) == part])
        write(os.path.join(HERE, "split", part + "-recogniser.jsonl"), [v for c, v in zip(calls, variants) if part_of(c["id"]) == part])
    sizes = {p: sum(part_of(c["id"]) == p for c in calls) for p in ("train", "dev", "test")}
    print(f"{len(calls)} calls ({', '.join(f'{k} {v}' for k, v in sizes.items())}), each with a recogniser-style variant")


if __name__ == "__main__":
    main()
