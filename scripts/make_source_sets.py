#!/usr/bin/env python3
"""Builds eval/source-mlqe.jsonl: the source checks on five source languages the DEMETR sets do
not have (Estonian, Romanian, Russian, Nepali, Sinhala), from the MLQE-PE dev split (CC0).

For each line of each pair: the detokenised source with its professional post-edit, a correct
translation ("clean": every source-mismatch finding on it is a false alarm), and, built from it
the way DEMETR builds its perturbations:
- numbers_replaced: the first number written in digits changed (one more, or a year ten later);
- ne_removed: the first name of the post-edit taken out;
- ne_replaced: that name swapped for the name of another line.
A name is a run of capitalised words inside the sentence that English does not write in lower
case (no word of the run occurs in lower case in UD English EWT train), and not a word for a
people or a nationality ("Estonians", "French": tagged NNPS or JJ there), as DEMETR swaps names
of people, places and organisations.

Each line: {"id", "group", "text", "expect", "source", "lang"}, as eval/demetr-dev.jsonl.

Usage: python3 scripts/make_source_sets.py [../shared/data]
       python3 scripts/make_source_sets.py ../shared/data train OUT.jsonl
(the second builds the same from the train split, to learn the model of the name findings from:
scripts/train-source-names.sh; the dev split stays for measuring)
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_eval_sets import detok  # noqa: E402

PAIRS = (("et-en", "estonian"), ("ro-en", "romanian"), ("ru-en", "russian"),
         ("ne-en", "nepali"), ("si-en", "sinhala"))
WORD = re.compile(r"[^\W\d_][\w'’-]*")
NUMBER = re.compile(r"(?<![\w.,-])(\d{1,4})(?![\w.,:-]*\d)(?![\w-])")


def lower_case_english(data):
    """Words UD English EWT train writes in lower case, and (in lower case) the capitalised ones
    it tags as a plural name or an adjective: words for peoples and nationalities."""
    words = set()
    with open(os.path.join(data, "ud-english-ewt", "en_ewt-ud-train.conllu"),
              encoding="utf-8") as f:
        for line in f:
            cols = line.split("\t")
            if len(cols) > 4 and cols[0].isdigit() and (
                    cols[1].islower() or (cols[1][:1].isupper() and cols[4] in ("NNPS", "JJ"))):
                words.add(cols[1].lower())
    return words


def first_name(text, english):
    """The span of the first name in the sentence: capitalised words after the first word,
    none of them an English lower-case word, joined by spaces."""
    spans = [m.span() for m in WORD.finditer(text)]
    k = 1
    while k < len(spans):
        s, e = spans[k]
        w = text[s:e]
        if w[0].isupper() and w.lower() not in english and len(w) >= 3 and not w.isupper():
            end = e
            j = k + 1
            while j < len(spans) and text[end:spans[j][0]] == " ":
                n = text[spans[j][0]:spans[j][1]]
                if not (n[0].isupper() and n.lower() not in english):
                    break
                end = spans[j][1]
                j += 1
            # Not right after a sentence's end inside the line.
            before = text[:s].rstrip()
            if not before.endswith((".", "!", "?", ":", '"', "“")):
                return s, end
            k = j
        k += 1
    return None


def main(data="../shared/data", split="dev", out_name="eval/source-mlqe.jsonl"):
    english = lower_case_english(data)
    rows = []
    for pair, lang in PAIRS:
        base = os.path.join(data, "mlqe-pe", pair, split)
        with open(base + ".src", encoding="utf-8") as fs, open(base + ".pe",
                                                               encoding="utf-8") as fp:
            lines = [(detok(s), detok(p)) for s, p in zip(fs, fp)]
        names = []
        for n, (src, pe) in enumerate(lines, start=1):
            span = first_name(pe, english) if src and pe else None
            names.append(pe[span[0]:span[1]] if span else None)
        pool = [x for x in names if x]
        for n, (src, pe) in enumerate(lines, start=1):
            if not src or not pe:
                continue
            item = f"{pair}-{split}-{n}"

            def row(group, text, expect):
                rows.append({"id": f"{item}-{group}", "group": group, "text": text,
                             "expect": expect, "source": src, "lang": lang})

            row("clean", pe, [])
            m = NUMBER.search(pe)
            if m:
                v = int(m.group(1))
                new = v + 10 if 1900 <= v <= 2030 else v + 1
                row("numbers_replaced", pe[:m.start(1)] + str(new) + pe[m.end(1):],
                    ["source-mismatch"])
            span = first_name(pe, english)
            if span:
                s, e = span
                removed = re.sub(r"\s{2,}", " ", pe[:s] + pe[e:]).replace(" ,", ",").replace(
                    " .", ".")
                row("ne_removed", removed, ["source-mismatch"])
                name = pe[s:e]
                # Another line's name, the next one in order that differs.
                k = (n * 7919) % len(pool)
                while pool[k] == name or pool[k].lower() in src.lower():
                    k = (k + 1) % len(pool)
                row("ne_replaced", pe[:s] + pool[k] + pe[e:], ["source-mismatch"])
    with open(out_name, "w", encoding="utf-8", newline="\n") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{out_name}: {len(rows)} lines")


if __name__ == "__main__":
    main(*sys.argv[1:])
