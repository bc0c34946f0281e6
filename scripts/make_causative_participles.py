#!/usr/bin/env python3
"""Builds rules/causative-participles.txt: the participles English uses after a causative
"have" or "get" with an object ("had his car repaired", "got the contract signed").

participle-after-object stays silent on "have" + a short object + a participle only for these;
with any other participle the same words are the Dutch/German perfect with the participle last
("She has her keys forgotten"). The list is every participle the UD English Web Treebank (train,
dev and test; CC BY-SA 4.0) attaches as a complement to "have" or "get" with an object, and the
participles of the verbs those share a sense with (services, repairs, delivery), listed by hand
in EXTRA.

Usage: python3 scripts/make_causative_participles.py [../shared/data] > rules/causative-participles.txt
"""
import os
import sys

EXTRA = """
repaired cleaned painted checked installed serviced washed removed built made tested printed
shipped sent mailed posted stolen broken renewed changed done fixed cut dyed styled trimmed
pierced tattooed framed inspected examined x-rayed vaccinated valued assessed translated
redone rewired replaced refunded approved signed stamped notarized delivered towed moved
finished completed prepared organised organized sorted arranged covered
"""


def main(data="../shared/data"):
    forms = set(EXTRA.split())
    for split in ("train", "dev", "test"):
        sentence = []
        path = os.path.join(data, "ud-english-ewt", f"en_ewt-ud-{split}.conllu")
        with open(path, encoding="utf-8") as f:
            for line in list(f) + [""]:
                if line.strip():
                    cols = line.rstrip("\n").split("\t")
                    if cols[0].isdigit():
                        sentence.append(cols)
                    continue
                heads = {int(c[0]): c for c in sentence}
                for c in sentence:
                    head = heads.get(int(c[6])) if c[6].isdigit() else None
                    if (c[4] == "VBN" and c[7] in ("xcomp", "ccomp", "obj") and head
                            and head[2] in ("have", "get")):
                        forms.add(c[1].lower())
                sentence = []
    print("# Participles after a causative 'have' or 'get' with an object ('had his car")
    print("# repaired'). Built by scripts/make_causative_participles.py from UD English EWT")
    print("# (CC BY-SA 4.0) and a short list of verbs of services and repairs.")
    for w in sorted(forms):
        print(w)


if __name__ == "__main__":
    main(*sys.argv[1:])
