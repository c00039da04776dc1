#!/usr/bin/env python3
"""A stand-in for a live speech recogniser: replays a WebVTT transcript on the call's clock.

Usage: standin_recogniser.py TRANSCRIPT.vtt OUT [--speed N] [--format jsonl|vtt]

Opens OUT (a FIFO the recorder reads with --transcript-from, or a file) and writes each cue when the
call's clock reaches the cue's end, as a recogniser would: JSON lines (with an interim "partial"
hypothesis of the first half of each turn at its middle) or WebVTT cues. The clock starts when OUT
is open, i.e. when the recorder has started. Standard library only.
"""
import json, re, sys, time

def cues(path):
    text = open(path, encoding="utf-8-sig").read()
    for block in re.split(r"\n\s*\n", text):
        lines = [l for l in block.strip().splitlines() if l.strip()]
        timing = next((i for i, l in enumerate(lines) if "-->" in l), None)
        if timing is None:
            continue
        start, end = [clock(t.split()[0]) for t in lines[timing].split("-->")]
        body = " ".join(lines[timing + 1:])
        m = re.match(r"<v ([^>]+)>(.*)", body)
        speaker, words = (m.group(1), m.group(2)) if m else ("unknown", body)
        words = re.sub(r"</?v[^>]*>", "", words).strip()
        yield start, end, speaker, words

def clock(t):
    parts = [float(p) for p in t.strip().split(":")]
    while len(parts) < 3:
        parts.insert(0, 0.0)
    return int(round((parts[0] * 3600 + parts[1] * 60 + parts[2]) * 1000))

def main():
    args = sys.argv[1:]
    speed = float(args[args.index("--speed") + 1]) if "--speed" in args else 1.0
    fmt = args[args.index("--format") + 1] if "--format" in args else "jsonl"
    source, target = args[0], args[1]
    with open(target, "w", encoding="utf-8") as out:
        origin = time.monotonic()
        def wait_until(ms):
            delay = origin + ms / 1000 / speed - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        for start, end, speaker, words in cues(source):
            if fmt == "jsonl":
                half = words.split()[: max(1, len(words.split()) // 2)]
                wait_until((start + end) // 2)
                out.write(json.dumps({"speaker": speaker, "start_ms": start, "text": " ".join(half), "partial": True}, ensure_ascii=False) + "\n")
                out.flush()
            wait_until(end)
            if fmt == "jsonl":
                out.write(json.dumps({"speaker": speaker, "start_ms": start, "end_ms": end, "text": words}, ensure_ascii=False) + "\n")
            else:
                out.write(f"{fmt_clock(start)} --> {fmt_clock(end)}\n<v {speaker}>{words}\n\n")
            out.flush()

def fmt_clock(ms):
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"

if __name__ == "__main__":
    main()
