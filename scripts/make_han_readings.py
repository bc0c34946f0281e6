#!/usr/bin/env python3
"""Build rules/han-readings.tsv from pinyin-data's pinyin.txt.

Usage: python3 scripts/make_han_readings.py PATH/TO/pinyin.txt > rules/han-readings.tsv

pinyin.txt ships with the `pinyin` crate (pinyin-data 0.15.0, MIT License,
https://github.com/mozillazg/pinyin-data); `cargo fetch` of that crate puts it under
~/.cargo/registry/src/*/pinyin-*/pinyin-data/. Keeps U+4E00-U+9FFF, up to three readings per
character without tone marks, one line per syllable: the characters whose first reading it
is, then those that may also be read so.
"""
import collections
import re
import sys
import unicodedata


def toneless(s):
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def main():
    first = collections.defaultdict(list)
    other = collections.defaultdict(list)
    for line in open(sys.argv[1], encoding="utf-8"):
        m = re.match(r"U\+([0-9A-F]+): ([^#]+)#", line)
        if not m:
            continue
        cp = int(m.group(1), 16)
        if not 0x4E00 <= cp <= 0x9FFF:
            continue
        readings = []
        for r in m.group(2).strip().split(","):
            r = toneless(r.strip())
            if r and r.isascii() and r.isalpha() and r not in readings:
                readings.append(r)
        for k, r in enumerate(readings[:3]):
            (first if k == 0 else other)[r].append(chr(cp))
    out = sys.stdout
    out.write(
        "# Mandarin readings (without tone) of the Han characters U+4E00-U+9FFF, up to three per\n"
        "# character. One line per syllable: the syllable, a tab, the characters whose first reading\n"
        "# it is, a tab, the characters that may also be read so.\n"
        "# Source: pinyin-data 0.15.0 (https://github.com/mozillazg/pinyin-data), MIT License,\n"
        "# Copyright (c) 2016 mozillazg. Used by source-mismatch to find translated names in a\n"
        "# Chinese source. Rebuilt by scripts/make_han_readings.py.\n"
    )
    for r in sorted(set(first) | set(other)):
        out.write(r + "\t" + "".join(first.get(r, [])) + "\t" + "".join(other.get(r, [])) + "\n")


if __name__ == "__main__":
    main()
