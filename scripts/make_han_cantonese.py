#!/usr/bin/env python3
"""Build rules/han-cantonese.tsv: the Cantonese readings of common Chinese characters, spelt as
names from Hong Kong, Macau, Singapore and Malaysia are spelt in English ("Wong" 黄, "Chan" 陈,
"Cheung" 张, "Tsang" 曾, "Lee" 李), for source-mismatch to find such names in a translation
from Chinese ("黄循财", Lawrence Wong).

Usage: python3 scripts/make_han_cantonese.py Unihan_Readings.txt.bz2 > rules/han-cantonese.tsv

Unihan_Readings.txt.bz2 comes with Debian's `unicode-data` package (15.0.0; see
scripts/make_kanji_readings.py), under the Unicode License. Keeps the characters of GB 2312
level 1 (the 3,755 common simplified characters) and their kCantonese readings (Jyutping),
each in the spellings of the Hong Kong government romanisation and their common variants. One
line per spelling: the spelling, a tab, its characters.
"""
import bz2
import collections
import itertools
import re
import sys

INITIALS = {
    "b": ["p", "b"], "p": ["p"], "d": ["t", "d"], "t": ["t"], "g": ["k", "g"], "k": ["k"],
    "gw": ["kw"], "kw": ["kw"], "ng": ["ng", ""], "h": ["h"], "f": ["f"], "m": ["m"],
    "n": ["n"], "l": ["l"], "w": ["w"], "z": ["ch", "ts"], "c": ["ch", "ts"], "s": ["s", "sh"],
    "j": ["y"], "": [""],
}
FINALS = {
    "aa": ["a"], "aai": ["ai"], "aau": ["au"], "aam": ["am"], "aan": ["an"], "aang": ["ang"],
    "aap": ["ap"], "aat": ["at"], "aak": ["ak"], "ei": ["ei", "ee", "i"], "i": ["i", "ee"],
    "o": ["o", "oh"], "ou": ["o", "ou"], "u": ["u", "oo"], "au": ["au", "ow"],
    "oe": ["eu", "oe"], "oeng": ["eung"], "oek": ["euk"], "eoi": ["ui", "eui"],
    "eon": ["un", "eun"], "eot": ["ut"], "yu": ["u", "yu", "ue"], "yun": ["uen", "un"],
    "yut": ["uet", "ut"], "oi": ["oi", "oy"],
}
SYLLABLE = re.compile(r"^(gw|kw|ng|[bpmfdtnlgkhwzcsj]?)([a-z]+?)[1-6]$")


def spellings(jyutping):
    m = SYLLABLE.match(jyutping)
    if not m:
        return []
    initial, final = m.groups()
    if initial == "ng" and final == "":
        return ["ng"]
    finals = FINALS.get(final, [final])
    if initial == "j" and final.startswith("yu"):
        # "jyu" is "yu", not "yyu".
        finals = [f if f.startswith("y") else "y" + f for f in finals]
        return sorted(set(finals))
    return sorted({i + f for i, f in itertools.product(INITIALS.get(initial, [initial]), finals)})


def common(c):
    try:
        b = c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


def main():
    by_spelling = collections.defaultdict(list)
    with bz2.open(sys.argv[1], "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[1] != "kCantonese":
                continue
            c = chr(int(parts[0][2:], 16))
            if not common(c):
                continue
            for reading in parts[2].split():
                for s in spellings(reading):
                    if s and c not in by_spelling[s]:
                        by_spelling[s].append(c)
    print("# Cantonese readings of the common simplified Chinese characters (GB 2312 level 1), spelt")
    print("# as Hong Kong, Macau, Singapore and Malaysian names are spelt in English (\"Wong\" 黄,")
    print("# \"Chan\" 陈, \"Tsang\" 曾). From the kCantonese readings of the Unicode Han database 15.0")
    print("# (Unicode License), built by scripts/make_han_cantonese.py. One line per spelling: the")
    print("# spelling, a tab, its characters.")
    for s in sorted(by_spelling):
        print(s + "\t" + "".join(by_spelling[s]))


main()
