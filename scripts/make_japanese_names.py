#!/usr/bin/env python3
"""Builds the word lists source-mismatch uses to check the names of a Japanese source.

rules/japanese-names.tsv: countries, territories and continents, their English forms and
their Japanese ones, for names whose Japanese form is no reading of the English one ("韓国",
South Korea). English forms: the CLDR English name and the English names of the territory's
official languages, which English uses as the people's adjective ("Korean", "French"); Japanese
forms: the CLDR Japanese name and the short forms Japanese news writes (米国, 英, 露, …), added
here by hand. From Unicode CLDR as shipped in Babel 2.19.0 (pip install babel==2.19.0; CLDR
under the Unicode licence, Babel BSD-3-Clause).

rules/japanese-katakana.txt (with --katakana WHEEL): the katakana words of Japanese common
enough to be loanwords or Japanese words written in katakana rather than names (Zipf frequency
2.0 or more, one in 10 million words), from the word frequencies of wordfreq 3.1.1 (Robyn
Speer; data CC BY-SA 4.0; `pip download wordfreq==3.1.1 --no-deps`). A katakana word of the
source that is not on the list, nor made of words on it, may be a name.

Usage: python3 scripts/make_japanese_names.py > rules/japanese-names.tsv
       python3 scripts/make_japanese_names.py --katakana wordfreq-3.1.1-py3-none-any.whl \
           > rules/japanese-katakana.txt
"""
import gzip
import io
import re
import sys
import unicodedata
import zipfile

# Short forms and English forms CLDR does not give, by territory code.
EXTRA_JA = {
    "US": ["米国", "米", "アメリカ", "合衆国"],
    "GB": ["英国", "英", "イギリス"],
    "KR": ["韓", "大韓民国"],
    "KP": ["北"],
    "CN": ["中", "中華人民共和国"],
    "RU": ["露"],
    "DE": ["独"],
    "FR": ["仏"],
    "IT": ["伊"],
    "AU": ["豪"],
    "CA": ["加"],
    "IN": ["印"],
    "ES": ["西"],
    "NL": ["蘭"],
    "EU": ["欧州連合", "欧州", "ＥＵ"],
}
EXTRA_EN = {
    "US": ["us", "usa", "america", "american", "washington"],
    "GB": ["uk", "britain", "british", "england", "english", "london"],
    "KR": ["korea", "seoul"],
    "KP": ["korea", "pyongyang"],
    "CN": ["china", "beijing", "sino"],
    "RU": ["moscow", "kremlin", "soviet"],
    "NL": ["holland", "dutch"],
    "EU": ["eu", "european", "europe", "brussels"],
    "JP": ["tokyo"],
}


def fold(s):
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if c.isalnum())


def territories():
    from babel import Locale
    import babel.languages as languages

    en, ja = Locale.parse("en"), Locale.parse("ja")
    print("# Countries, territories and continents whose Japanese name is no reading of the English")
    print("# one, for source-mismatch with a Japanese source. One a line: English forms (folded:")
    print("# lower case, letters only, words joined) separated by '|', a tab, Japanese forms separated")
    print("# by '|'. English forms are the name and the names of its official languages (the people's")
    print("# adjective, 'French'). Built by scripts/make_japanese_names.py from Unicode CLDR (via Babel")
    print("# 2.19.0; Unicode licence), with the short forms of Japanese news added by hand.")
    codes = sorted(c for c in en.territories if c not in ("ZZ", "EZ", "UN", "QO") and
                   (len(c) == 2 or c in ("002", "009", "019", "142", "150")))
    for code in codes:
        name, jname = en.territories.get(code), ja.territories.get(code)
        if not name or not jname:
            continue
        eng = [fold(name)]
        if len(code) == 2:
            for lang in languages.get_official_languages(code)[:2]:
                l = en.languages.get(lang.split("_")[0])
                if l and fold(l) not in eng and len(fold(l)) >= 4:
                    eng.append(fold(l))
        eng += [e for e in EXTRA_EN.get(code, []) if e not in eng]
        jap = [jname] + [j for j in EXTRA_JA.get(code, []) if j != jname]
        print("|".join(eng) + "\t" + "|".join(jap))


def katakana(wheel):
    import msgpack

    with zipfile.ZipFile(wheel) as z:
        data = msgpack.unpackb(gzip.decompress(z.read("wordfreq/data/large_ja.msgpack.gz")),
                               raw=False)
    print("# Katakana words common in Japanese (Zipf frequency 2.0 or more): loanwords and Japanese")
    print("# words written in katakana, which a translation renders as English words, rather than")
    print("# names. Built by scripts/make_japanese_names.py --katakana from the word frequencies of")
    print("# wordfreq 3.1.1 (Robyn Speer; data CC BY-SA 4.0). One word a line, most frequent first.")
    # Bucket i holds the words of Zipf frequency 8 - i/100.
    for i, bucket in enumerate(data[1:]):
        if 8 - i / 100 < 2.0:
            break
        for w in bucket:
            if re.fullmatch("[\u30a1-\u30fa\u30fc]{2,}", w):
                print(w)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--katakana"]:
        katakana(sys.argv[2])
    else:
        territories()
