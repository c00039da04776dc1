#!/usr/bin/env python3
"""Validate FHIR R4 JSON files with fhir.resources 6.4.0 (FHIR 4.0.1); run with the venv `make deps` makes.

Usage: validate_fhir.py FILE...   Prints "FILE: valid RESOURCE" or "FILE: invalid: …" per file; exit 1 if any is invalid.
"""
import importlib
import json
import sys

failed = False
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        kind = data["resourceType"]
        module = importlib.import_module("fhir.resources." + kind.lower())
        getattr(module, kind).parse_obj(data)
        print(f"{path}: valid {kind}")
    except Exception as error:  # the validator's message is what the test shows
        failed = True
        print(f"{path}: invalid: {str(error).splitlines()[0]} {' '.join(str(error).splitlines()[1:4])}")
sys.exit(1 if failed else 0)
