#!/usr/bin/env python3
"""What Praat and pympi-ling make of the label files `triage labels export` writes, for the interchange tests.

  check_label_files.py praat FILE.TextGrid OUT_FOLDER OUT.json
      Praat itself (parselmouth) reads the TextGrid; OUT.json gets every tier's name and intervals (start and end in
      seconds, text) as Praat reports them. Praat then saves the TextGrid again as OUT_FOLDER/praat-long.TextGrid and
      OUT_FOLDER/praat-short.TextGrid (its own long and short text formats; UTF-16 when a label is not ASCII).
  check_label_files.py elan FILE.eaf OUT.json
      pympi-ling's Eaf reads the file; OUT.json gets every tier's annotations ([start_ms, end_ms, value], and the
      parent's value for a referring tier), each tier's annotator and the controlled vocabularies' entry values.
"""
import json
import sys


def praat(path, folder, out):
    import parselmouth
    from parselmouth.praat import call

    grid = parselmouth.read(path)
    tiers = []
    for t in range(1, call(grid, "Get number of tiers") + 1):
        count = call(grid, "Get number of intervals", t)
        tiers.append({"name": call(grid, "Get tier name", t), "intervals": [
            [call(grid, "Get start time of interval", t, i), call(grid, "Get end time of interval", t, i),
             call(grid, "Get label of interval", t, i)] for i in range(1, count + 1)]})
    call(grid, "Save as text file", f"{folder}/praat-long.TextGrid")
    call(grid, "Save as short text file", f"{folder}/praat-short.TextGrid")
    json.dump({"tiers": tiers, "xmax": call(grid, "Get end time")}, open(out, "w"))


def elan(path, out):
    from pympi.Elan import Eaf

    eaf = Eaf(path)
    tiers = {name: sorted([list(a) for a in eaf.get_annotation_data_for_tier(name)]) for name in eaf.get_tier_names()}
    annotators = {name: eaf.tiers[name][2].get("ANNOTATOR") for name in eaf.get_tier_names()}
    vocabularies = {}
    for cv in eaf.get_controlled_vocabulary_names():
        entries = eaf.controlled_vocabularies[cv][1]
        vocabularies[cv] = sorted(value for entry in entries.values() for value, _lang, _desc in entry[0])
    json.dump({"tiers": tiers, "annotators": annotators, "vocabularies": vocabularies}, open(out, "w"))


if __name__ == "__main__":
    if sys.argv[1] == "praat":
        praat(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        elan(sys.argv[2], sys.argv[3])
