#!/usr/bin/env python3
"""Build rules/german-words.txt: common German words that English does not share.

Usage: python3 scripts/make_german_words.py PATH/TO/wordfreq-3.1.1-py3-none-any.whl \
           > rules/german-words.txt
       python3 scripts/make_german_words.py PATH/TO/wordfreq-3.1.1-py3-none-any.whl \
           --shared ../shared/data/ud-english-ewt/*.conllu > rules/german-shared.txt

The wheel comes from PyPI (`pip download wordfreq==3.1.1 --no-deps`); its word lists are
CC BY-SA 4.0 (wordfreq, Robyn Speer; https://github.com/rspeer/wordfreq). Needs `msgpack`.

Each line is a Zipf frequency and the words that have it. A word is kept when it is at least as frequent as 1 in 3.2 million German words (Zipf 2.5),
has three letters or more, and is ten times rarer in English or not English at all. Words that
are as frequent in English as in German are left out: they are names ("Nantes", "Twitter") or
international words, which is what `source-mismatch` needs to tell a German source's names from
its nouns. Words are folded as mtlint folds them: lower case, accents removed, 'ß' as "ss".

With `--shared`, the other side: the words German shares with English and uses as its own
("Kind", "Art", "Land", "Team"), at most 0.8 Zipf rarer in German than in English, among the
common (not proper) words the given English treebank files write in lower case. A capitalised English common
word in a German source that is not on this list is English material ("Green", "Black Lives
Matter", "Long Bay"): a name or a title more often than a German noun.
"""
import gzip
import io
import sys
import unicodedata
import zipfile

import msgpack

# Buckets are centibels below a frequency of 1: bucket 650 is 10^-6.5, Zipf 2.5.
MAX_BUCKET = 650
# Ten times rarer in English.
ENGLISH_GAP = 100


def buckets(wheel, lang):
    with wheel.open(f"wordfreq/data/large_{lang}.msgpack.gz") as f:
        data = msgpack.load(gzip.GzipFile(fileobj=io.BytesIO(f.read())), raw=False)
    out = {}
    for i, words in enumerate(data[1:]):
        for w in words:
            out.setdefault(w, i)
    return out


def fold(word):
    out = []
    for c in unicodedata.normalize("NFD", word.replace("ß", "ss")):
        if unicodedata.combining(c):
            continue
        if c.isalnum():
            out.append(c.lower())
    return "".join(out)


# German uses a shared word as its own when it is at most 0.8 Zipf rarer than in English.
SHARED_GAP = 80


def treebank_common_words(paths):
    words = set()
    for path in paths:
        for line in open(path, encoding="utf-8"):
            cols = line.split("\t")
            # Written in lower case at least once: "Versailles", tagged a plural noun, is not.
            if len(cols) > 4 and cols[0].isdigit() and cols[3] != "PROPN" and cols[1][:1].islower():
                words.add(fold(cols[1]))
    return words


def select(de, en, keep):
    """German words of Zipf 2.5 or more, three letters or longer, for which keep(german
    bucket, English bucket, folded word) holds; each folded word with its best bucket."""
    kept = {}
    for w, b in de.items():
        if b > MAX_BUCKET or not w.isalpha() or len(w) < 3:
            continue
        f = fold(w)
        if keep(b, en.get(w, 10_000), f):
            kept[f] = min(b, kept.get(f, b))
    return kept


def write(header, kept):
    out = sys.stdout
    for line in header:
        out.write(f"# {line}\n")
    out.write("# One line per frequency: the Zipf frequency, a tab, its words separated by spaces.\n")
    by_zipf = {}
    for w in sorted(kept):
        by_zipf.setdefault(f"{9 - kept[w] / 100:.1f}", []).append(w)
    for z in sorted(by_zipf, key=float):
        out.write(f"{z}\t{' '.join(by_zipf[z])}\n")


def main():
    wheel = zipfile.ZipFile(sys.argv[1])
    de = buckets(wheel, "de")
    en = buckets(wheel, "en")
    if len(sys.argv) > 2 and sys.argv[2] == "--shared":
        common = treebank_common_words(sys.argv[3:])
        # Not ten times rarer in English, and at most 0.8 Zipf rarer in German.
        kept = select(
            de,
            en,
            lambda b, e, f: e <= b + ENGLISH_GAP and b - e < SHARED_GAP and f in common,
        )
        write(
            [
                "Words German shares with English and uses as its own, folded, by German Zipf",
                "frequency. Built by scripts/make_german_words.py --shared from wordfreq 3.1.1",
                "(Robyn Speer), CC BY-SA 4.0, and the common words of UD English EWT (CC BY-SA 4.0).",
            ],
            kept,
        )
        return
    kept = select(de, en, lambda b, e, f: e > b + ENGLISH_GAP)
    write(
        [
            "Common German words English does not share, folded, by Zipf frequency",
            "(6 = once in a thousand words, 3 = once in a million).",
            "Built by scripts/make_german_words.py from wordfreq 3.1.1 (Robyn Speer), CC BY-SA 4.0.",
        ],
        kept,
    )


if __name__ == "__main__":
    main()
