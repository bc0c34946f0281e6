#!/usr/bin/env python3
"""Builds models/word-clusters.tsv, the tagger's word clusters, from spaCy's English Brown
clusters as shipped in spacy-lookups-data (MIT licence, Copyright (c) 2019 ExplosionAI GmbH).

Brown clustering groups words that occur in similar contexts into a binary tree; a word's path in
the tree is a bit string, and its prefixes are clusters at coarser levels. The tagger uses them as
features, which mostly helps with words the treebank never saw.

spaCy stores each path as an integer whose lowest bit is the first bit of the path (so a prefix of
k bits is `value & (2**k - 1)`). Each output line is `word<TAB>value`, lower-cased words only (the
tagger looks words up lower-cased; the most frequent casing's cluster wins), in the source's
frequency order, for the `limit` most frequent words.

Usage:  pip download --no-deps -d /tmp/sld spacy-lookups-data==1.0.5
        python3 scripts/build_word_clusters.py /tmp/sld/spacy_lookups_data-1.0.5-py2.py3-none-any.whl
"""
import gzip
import json
import sys
import zipfile


def main(wheel, out="models/word-clusters.tsv", limit=200000):
    with zipfile.ZipFile(wheel) as z:
        raw = z.read("spacy_lookups_data/data/en_lexeme_cluster.json.gz")
    clusters = json.loads(gzip.decompress(raw).decode("utf-8"))
    seen = {}
    for word, value in clusters.items():
        if value == 0 or not word or any(c.isspace() for c in word):
            continue
        key = word.lower()
        if key not in seen:
            seen[key] = value
            if len(seen) >= limit:
                break
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Brown clusters of English words, from spacy-lookups-data 1.0.5 (MIT licence,\n")
        f.write("# Copyright (c) 2019 ExplosionAI GmbH); built by scripts/build_word_clusters.py.\n")
        for word, value in seen.items():
            f.write(f"{word}\t{value}\n")


if __name__ == "__main__":
    main(*sys.argv[1:2])
