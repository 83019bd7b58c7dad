#!/usr/bin/env python3
"""validate_schema.py SCHEMA FILE... -- validate ksplit output against the
schema with a real JSON Schema 2020-12 validator (python3-jsonschema).
Each FILE holds one or more JSON documents, compact (JSON Lines) or
indented, one after another; every one must be valid.  Prints one line per
failure and a closing "N passed, N failed" line; exit 1 on any failure."""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    v = cls(schema, format_checker=jsonschema.FormatChecker())
    passed = failed = 0
    dec = json.JSONDecoder()
    for path in sys.argv[2:]:
        text = open(path, encoding="utf-8").read()
        pos, n = 0, 0
        while True:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if pos >= len(text):
                break
            n += 1
            try:
                doc, pos = dec.raw_decode(text, pos)
            except ValueError as e:
                print(f"{path}: document {n}: not JSON: {e}")
                failed += 1
                break
            errs = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
            if errs:
                failed += 1
                for e in errs[:3]:
                    print(f"{path}: document {n}: {'/'.join(map(str, e.path))}: {e.message}")
            else:
                passed += 1
    print(f"schema: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
