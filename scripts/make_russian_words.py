#!/usr/bin/env python3
"""Builds rules/russian-words.txt: Russian word forms that are common words, not names.

A Cyrillic source capitalises its names, but also words of respect and religion ("Вы", "Бога"),
institutions ("Церковь", "Госдума"), titles and every word that opens a sentence or a quote. A
capitalised word whose lower-case form is on this list is such a word, not a name the
translation must keep. The list holds the forms that the Russian sources of the MLQE-PE train
split (../shared/data/mlqe-pe/ru-en/train.src, CC0) write in lower case at least twice: a
form written in lower case is a common word by construction, whatever its frequency, and names
(always capitalised in Russian) never get in. 'ё' is written 'е'.

Words Russian capitalises by convention and English translates (God, the Lord, Easter, the
respectful "You", the State Duma) never occur in lower case; they are listed by hand below
(CAPITALISED), in their case forms.

Usage: python3 scripts/make_russian_words.py [../shared/data] > rules/russian-words.txt
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_eval_sets import detok  # noqa: E402

MIN_COUNT = 2

CAPITALISED = """
Бог Бога Богу Богом Боге Боже Господь Господа Господу Господом Господе Господи Господне Господня
Господней Господнем Господню Божий Божья Божье Божьи Божьего Божьей Божьему Божьим Божьих Божию
Божией Божиим Божие Божия Христос Христа Христу Христом Христе Богородица Богородицы Богородице
Богородицу Богородицей Богоматерь Богоматери Пресвятая Пресвятой Пресвятую Всевышний Всевышнего
Всевышнему Спаситель Спасителя Спасителю Спасителем Пасха Пасхи Пасху Пасхой Пасхе Рождество
Рождества Рождеству Рождеством Троица Троицы Троице Троицу
Вы Вас Вам Вами Ваш Ваша Ваше Ваши Вашего Вашей Вашему Вашим Вашими Ваших Вашу
Госдума Госдумы Госдуме Госдуму Госдумой Кремль Кремля Кремлю Кремлем Кремле
"""


def main(data="../shared/data"):
    counts = collections.Counter()
    with open(os.path.join(data, "mlqe-pe", "ru-en", "train.src"), encoding="utf-8") as f:
        for line in f:
            for m in re.finditer(r"[а-яёА-ЯЁ]+", detok(line)):
                w = m.group().replace("ё", "е").replace("Ё", "Е")
                if w.islower():
                    counts[w] += 1
    print("# Russian word forms written in lower case at least twice in the MLQE-PE ru-en train")
    print("# sources (CC0): common words, not names. Built by scripts/make_russian_words.py.")
    for w in sorted(w for w, n in counts.items() if n >= MIN_COUNT):
        print(w)
    print("# Words Russian capitalises by convention and English translates (by hand).")
    for w in CAPITALISED.split():
        w = w.lower()
        if counts[w] < MIN_COUNT:
            print(w)


if __name__ == "__main__":
    main(*sys.argv[1:])
