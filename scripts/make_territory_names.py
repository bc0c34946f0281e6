"""Builds rules/territory-names.tsv: the names of countries, territories and continents in
English and in the Latin-script languages machine translation often comes from, from the
Unicode CLDR data that Babel ships (pip install babel==2.19.0; CLDR under the Unicode licence,
Babel BSD-3-Clause). One line per territory: its folded forms separated by '|', English first.
Cyrillic names (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian) are written in
Latin letters as `source_mismatch::cyrillic::to_latin` writes them, in the nominative: the
reader matches their case forms by stem ("Китая", "Швейцарии").
With --languages, the same for the names of languages, which many languages also use as the
people's adjective ("vene" = Russian): rules/language-names.tsv.
Usage: python3 scripts/make_territory_names.py > rules/territory-names.tsv
       python3 scripts/make_territory_names.py --languages > rules/language-names.tsv"""
import sys
import unicodedata
from babel import Locale

LANGS = ["de", "nl", "fr", "es", "it", "pt", "cs", "sk", "pl", "sl", "hr", "ro", "hu", "sv",
         "da", "nb", "fi", "et", "lv", "lt", "tr", "id", "ca"]


CYRILLIC_LANGS = ["ru", "uk", "be", "bg", "sr", "mk"]

LATIN = dict(zip("абвгґдђеёєжзѕиіїйјклљмнњопрстћќѓуўфхцчџшщъьыэюя", [
    "a", "b", "v", "g", "g", "d", "dj", "e", "yo", "ye", "zh", "z", "dz", "i", "i", "yi", "y",
    "j", "k", "l", "lj", "m", "n", "nj", "o", "p", "r", "s", "t", "c", "k", "g", "u", "w", "f",
    "kh", "ts", "ch", "dz", "sh", "shch", "", "", "y", "e", "yu", "ya"]))


def to_latin(s):
    return "".join(LATIN.get(c, c) for c in s.lower())


def fold(s):
    s = unicodedata.normalize("NFD", s.lower().replace("ß", "ss"))
    return "".join(c for c in s if c.isalnum())


def table(kind, codes):
    """Lines of folded forms, English first, of the territories or languages with the given
    codes."""
    en = getattr(Locale.parse("en"), kind)
    for code in codes:
        name = en.get(code)
        if not name or (" " in name and len(name.split()) > 3):
            continue
        forms = [fold(name)]
        for lang in LANGS:
            n = getattr(Locale.parse(lang), kind).get(code)
            if n:
                f = fold(n)
                if f and f not in forms and len(f) >= 4:
                    forms.append(f)
        for lang in CYRILLIC_LANGS:
            n = getattr(Locale.parse(lang), kind).get(code)
            f = fold(to_latin(n)) if n and len(n.split()) <= 3 else ""
            if f and f not in forms and len(f) >= 4:
                forms.append(f)
        if len(forms) > 1 and len(forms[0]) >= 4:
            yield "|".join(forms)


if sys.argv[1:] == ["--languages"]:
    print("# Names of languages, which many languages use as the people's adjective (Estonian")
    print("# 'vene' = Russian, Polish 'francuski' = French): folded forms separated by '|', English")
    print("# first. Built by scripts/make_territory_names.py --languages from Unicode CLDR (via")
    print("# Babel 2.19.0; Unicode licence): the languages with a two-letter code.")
    codes = sorted(c for c in Locale.parse("en").languages if len(c) == 2)
    for line in table("languages", codes):
        print(line)
else:
    print("# Names of countries, territories and continents: folded forms separated by '|', English")
    print("# first. Built by scripts/make_territory_names.py from Unicode CLDR (via Babel 2.19.0;")
    print("# Unicode licence). Used by source-mismatch to match a source's name with its English one.")
    codes = sorted(c for c in Locale.parse("en").territories
                   if c not in ("ZZ", "EU", "EZ", "UN", "QO"))
    for line in table("territories", codes):
        print(line)
