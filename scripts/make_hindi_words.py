#!/usr/bin/env python3
"""Builds rules/hindi-words.txt: the Hindi words (Devanagari only) of the word frequencies of
wordfreq 3.1.1 (Robyn Speer; data CC BY-SA 4.0; `pip download wordfreq==3.1.1 --no-deps`), its
"small" Hindi list (Zipf frequency 2 or more), most frequent first. source-mismatch takes a word
before the agent marker ने that is not on the list for a name ("बर्लुस्कोनी ने").

Usage: python3 scripts/make_hindi_words.py wordfreq-3.1.1-py3-none-any.whl > rules/hindi-words.txt
(needs msgpack)
"""
import gzip
import re
import sys
import zipfile

import msgpack


def main(wheel):
    with zipfile.ZipFile(wheel) as z:
        data = msgpack.unpackb(gzip.decompress(z.read("wordfreq/data/small_hi.msgpack.gz")),
                               raw=False)
    print("# Hindi words of the word frequencies of wordfreq 3.1.1 (Robyn Speer; data CC BY-SA 4.0;")
    print("# its 'small' Hindi list: Zipf frequency 2 or more), most frequent first. source-mismatch")
    print("# takes a word before the agent marker ने that is not on the list for a name. Built by")
    print("# scripts/make_hindi_words.py.")
    # data[0] is the header; bucket i holds the words of Zipf frequency 8 - i/100.
    for bucket in data[1:]:
        for w in bucket:
            if re.fullmatch("[\u0900-\u097f]+", w):
                print(w)


if __name__ == "__main__":
    main(sys.argv[1])
