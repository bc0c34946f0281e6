#!/usr/bin/env python3
"""Build rules/kanji-readings.tsv from the Unihan database.

Usage: python3 scripts/make_kanji_readings.py Unihan_Readings.txt.bz2 Unihan_OtherMappings.txt.bz2 \
           > rules/kanji-readings.tsv

Both files come with Debian's `unicode-data` package (15.0.0: `apt-get download unicode-data`,
`dpkg -x unicode-data_*.deb DIR`; they are under DIR/usr/share/unicode/). The Unihan data are
under the Unicode License (https://www.unicode.org/license.txt). Keeps the kanji of the Jōyō and
Jinmeiyō lists (the ones Japanese names are written with) and their Japanese readings (kJapaneseOn
and kJapaneseKun), in lower case; one line per reading: the reading, a tab, its kanji.
"""
import bz2
import collections
import sys


def fields(path, wanted):
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t", 2)
            if field in wanted:
                yield chr(int(cp[2:], 16)), field, value


def main(readings_path, mappings_path):
    listed = {c for c, _, _ in fields(mappings_path, {"kJoyoKanji", "kJinmeiyoKanji"})}
    by_reading = collections.defaultdict(list)
    for c, _, value in fields(readings_path, {"kJapaneseOn", "kJapaneseKun"}):
        if c not in listed:
            continue
        for r in value.lower().split():
            if r.isalpha() and c not in by_reading[r]:
                by_reading[r].append(c)
    print("# Japanese readings (on and kun) of the Jōyō and Jinmeiyō kanji, from the Unihan database")
    print("# (kJapaneseOn, kJapaneseKun; Unicode 15.0, Unicode License), built by")
    print("# scripts/make_kanji_readings.py. One line per reading: the reading, a tab, its kanji.")
    print("# Used by source-mismatch to hear a Japanese source's kanji names in the translation.")
    for r in sorted(by_reading):
        print(f"{r}\t{''.join(sorted(by_reading[r]))}")


if __name__ == "__main__":
    main(*sys.argv[1:])
