#!/usr/bin/env python3
"""Generate the synthetic demo calls in Recordings/ from the call scripts in Recordings/scripts/.

Each script (`scripts/NAME.call`) holds the call's metadata, its answer key and the dialogue. For every
script this writes, next to this file:

  NAME.flac       the call at 8 kHz through a telephone channel (300-3400 Hz, a little line noise),
                  stereo with one party per channel (caller left, midwife right) or mono mixed
  NAME.vtt        WebVTT transcript with <v Speaker> tags and the real timings of the synthesis
  NAME.meta.json  start time, gestational age, first baby, caller type, language, channel roles,
                  and `labels`: the expected contact reasons, disposition, red flags and facts

Needs espeak-ng and sox (`make recordings` installs them). Speech comes from espeak-ng, contraction
pauses (breathing, moaning-like voiced sound, silence) are synthesised here. Everything is seeded
from the call's name, so a rerun gives identical transcripts (audio may differ in bits between
espeak-ng or sox versions). No real person's voice or data is used.

Usage: python3 Recordings/generate.py [NAME ...]   (default: every script)
"""
import array
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
RATE = 8000

# Voices: espeak-ng voice+variant, pitch (0-99) and speed (words per minute), varied per call.
MIDWIFE_VARIANTS = ["f1", "f2", "f5", "f4"]
CALLER_VARIANTS = ["f3", "f4", "f2", "f5"]
PARTNER_VARIANTS = ["m3", "m1", "m7", "m2"]
LANG_VOICE = {"da": "da", "en": "en-gb"}
LABELS = {
    "da": {"M": "Jordemoder", "C": "Kvinde", "P": "Partner"},
    "en": {"M": "Midwife", "C": "Caller", "P": "Partner"},
}


def parse_script(path):
    """Header lines `key: value` until `---`, then dialogue lines `M:`/`C:`/`P:` (a leading `~` overlaps the
    previous turn) and directives `[contraction SECONDS]`, `[pause SECONDS]`."""
    header, turns = {}, []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    body = False
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line == "---":
            body = True
            continue
        if not body:
            key, sep, value = line.partition(":")
            if not sep:
                sys.exit(f"{path}:{number}: expected 'key: value' before ---")
            header[key.strip()] = value.strip()
            continue
        if line.startswith("["):
            word, _, seconds = line.strip("[]").partition(" ")
            if word not in ("contraction", "pause"):
                sys.exit(f"{path}:{number}: unknown directive [{word}]")
            turns.append({"kind": word, "seconds": float(seconds)})
            continue
        overlap = line.startswith("~")
        who, sep, text = line.lstrip("~").partition(":")
        if not sep or who not in ("M", "C", "P"):
            sys.exit(f"{path}:{number}: expected M:, C: or P: (midwife, caller, partner)")
        turns.append({"kind": "speech", "who": who, "text": text.strip(), "overlap": overlap})
    return header, turns


def synthesise(text, voice, pitch, speed, workdir):
    """espeak-ng → sox at 8 kHz mono → list of float samples."""
    wav = os.path.join(workdir, "turn.wav")
    raw = os.path.join(workdir, "turn.raw")
    subprocess.run(["espeak-ng", "-v", voice, "-p", str(pitch), "-s", str(speed), "-w", wav, text], check=True)
    subprocess.run(["sox", "-R", "-D", "-v", "0.9", wav, "-t", "raw", "-e", "floating-point", "-b", "32", "-r", str(RATE), "-c", "1", raw],
                   check=True)
    samples = array.array("f")
    with open(raw, "rb") as f:
        samples.frombytes(f.read())
    # Trim espeak's leading and trailing silence so the timings are the speech's own.
    threshold = 0.01
    first = next((i for i, s in enumerate(samples) if abs(s) > threshold), 0)
    last = next((i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > threshold), len(samples) - 1)
    return list(samples[first:last + 1])


def contraction(seconds, rng):
    """A caller going through a contraction: breathing, a moaning-like sustained voiced sound, silence."""
    out = []
    plan = [("breathe", 0.3), ("moan", 0.35), ("breathe", 0.2), ("silence", 0.15)]
    for kind, share in plan:
        n = int(seconds * share * RATE)
        if kind == "breathe":
            for i in range(n):
                t = i / RATE
                cycle = (t % 3.2) / 3.2  # inhale 40 %, exhale 60 %
                env = math.sin(math.pi * cycle / 0.4) if cycle < 0.4 else math.sin(math.pi * (cycle - 0.4) / 0.6)
                out.append(0.025 * env * rng.gauss(0, 1))
        elif kind == "moan":
            phase = 0.0
            for i in range(n):
                t = i / RATE
                f0 = 200 - 30 * (i / max(1, n)) + 4 * math.sin(2 * math.pi * 5 * t)
                phase += 2 * math.pi * f0 / RATE
                env = min(1.0, t / 0.8, (n / RATE - t) / 0.8) * (0.8 + 0.2 * math.sin(2 * math.pi * 0.4 * t))
                voiced = sum(math.sin(k * phase) / k for k in range(1, 7))
                out.append(0.09 * env * voiced + 0.003 * rng.gauss(0, 1))
        else:
            out.extend([0.0] * n)
    return out


def place(track, samples, start):
    end = start + len(samples)
    if len(track) < end:
        track.extend([0.0] * (end - len(track)))
    for i, s in enumerate(samples):
        track[start + i] += s


def clock(ms):
    return "%02d:%02d:%02d.%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)


def generate(name):
    header, turns = parse_script(os.path.join(HERE, "scripts", name + ".call"))
    seed = zlib.crc32(name.encode())
    rng = random.Random(seed)
    language = header["language"]
    index = seed % 4
    voices = {
        "M": (LANG_VOICE[language] + "+" + MIDWIFE_VARIANTS[index], 40 + seed % 15, 135 + seed % 15),
        "C": (LANG_VOICE[language] + "+" + CALLER_VARIANTS[index], 60 + seed % 20, 128 + seed % 20),
        "P": (LANG_VOICE[language] + "+" + PARTNER_VARIANTS[index], 30 + seed % 20, 135 + seed % 15),
    }
    caller_track, midwife_track, cues = [], [], []
    cursor = int(0.4 * RATE)
    previous_start = 0
    with tempfile.TemporaryDirectory() as workdir:
        for turn in turns:
            if turn["kind"] == "pause":
                cursor += int(turn["seconds"] * RATE)
                continue
            if turn["kind"] == "contraction":
                cursor += int(rng.uniform(0.5, 1.2) * RATE)
                sound = contraction(turn["seconds"], rng)
                place(caller_track, sound, cursor)
                cursor += len(sound) + int(rng.uniform(0.8, 1.5) * RATE)
                continue
            voice, pitch, speed = voices[turn["who"]]
            samples = synthesise(turn["text"], voice, pitch, speed, workdir)
            if turn["overlap"]:
                start = max(previous_start + int(0.5 * RATE), cursor - int(rng.uniform(0.4, 0.9) * RATE))
            else:
                start = cursor + int(rng.uniform(0.35, 1.1) * RATE)
            place(midwife_track if turn["who"] == "M" else caller_track, samples, start)
            cues.append((start * 1000 // RATE, (start + len(samples)) * 1000 // RATE, LABELS[language][turn["who"]], turn["text"]))
            previous_start = start
            cursor = max(cursor, start + len(samples))
    length = cursor + int(0.6 * RATE)
    for track in (caller_track, midwife_track):
        track.extend([0.0] * (length - len(track)))

    # The telephone line: level differences between the parties and a little noise on each channel.
    caller_gain = rng.uniform(0.3, 0.5)
    midwife_gain = rng.uniform(0.22, 0.4)
    noise = 0.00004  # about -88 dBFS (one 16-bit step): a quiet line, and FLAC keeps the corpus small
    stereo = header.get("layout", "stereo") == "stereo"
    frames = array.array("f")
    for i in range(length):
        c = caller_gain * caller_track[i] + rng.gauss(0, noise)
        m = midwife_gain * midwife_track[i] + rng.gauss(0, noise)
        if stereo:
            frames.append(max(-1.0, min(1.0, c)))
            frames.append(max(-1.0, min(1.0, m)))
        else:
            frames.append(max(-1.0, min(1.0, 0.8 * (c + m))))
    channels = 2 if stereo else 1
    flac = os.path.join(HERE, name + ".flac")
    subprocess.run(["sox", "-R", "-D", "-t", "raw", "-e", "floating-point", "-b", "32", "-r", str(RATE), "-c", str(channels), "-",
                    "-b", "16", "-C", "8", flac, "sinc", "300-3400"], input=frames.tobytes(), check=True)

    with open(os.path.join(HERE, name + ".vtt"), "w", encoding="utf-8") as f:
        f.write("WEBVTT - synthetic demo call %s (no real person)\n\n" % name)
        for number, (start, end, who, text) in enumerate(cues, 1):
            f.write("%d\n%s --> %s\n<v %s>%s</v>\n\n" % (number, clock(start), clock(end), who, text))

    def listed(key):
        return [v.strip() for v in header.get(key, "").split(",") if v.strip()]

    facts = {}
    for pair in header.get("facts", "").split(";"):
        if "=" in pair:
            key, value = (p.strip() for p in pair.split("=", 1))
            try:
                facts[key] = json.loads(value)  # numbers, true/false, null
            except ValueError:
                facts[key] = value
    meta = {"started_at": header["started_at"], "language": language, "caller": header.get("caller", "pregnant")}
    for key in ("gestational_week", "gestational_days", "days_postpartum"):
        if key in header:
            meta[key] = int(header[key])
    if "first_baby" in header:
        meta["first_baby"] = header["first_baby"] == "true"
    if stereo:
        meta["channel_roles"] = ["caller", "midwife"]
    meta["description"] = header.get("description", "")
    reasons = listed("reasons")
    meta["labels"] = {"reasons": reasons, "primary": reasons[0] if reasons else None, "disposition": header["disposition"],
                      "red_flags": listed("red_flags"), "facts": facts}
    with open(os.path.join(HERE, name + ".meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return length / RATE


def main():
    names = sys.argv[1:] or sorted(n[:-5] for n in os.listdir(os.path.join(HERE, "scripts")) if n.endswith(".call"))
    total = 0.0
    for name in names:
        seconds = generate(name)
        total += seconds
        print("%-34s %6.1f s" % (name, seconds))
    print("%d calls, %.1f min of audio" % (len(names), total / 60))


if __name__ == "__main__":
    main()
