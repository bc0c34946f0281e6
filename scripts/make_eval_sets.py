#!/usr/bin/env python3
"""Builds the labelled evaluation sets of `mtlint eval` from ../shared/data.

eval/demetr-dev.jsonl: for every DEMETR dev item (ids 1-300), the perturbed sentence with the
  category it should be flagged in, and the fluent translation as clean text.
eval/ewt-test.jsonl: every sentence of UD English EWT test, as clean text.
eval/ewt-dev.jsonl: every sentence of UD English EWT dev, as clean text (a second clean set, so
  that rules are not tuned to the test set alone).

Each line: {"id": ..., "group": ..., "text": ..., "expect": [categories]}; `group` names the
perturbation (or "clean"), so `mtlint eval` can report recall per perturbation.

Usage: python3 scripts/make_eval_sets.py [../shared/data]
"""
import json
import os
import sys

# Which category each perturbation should be flagged in; None: not a structural error we score.
EXPECT = {
    "subj_removed": ["missing-subject"],
    "verb_removed": ["missing-verb"],
    "word_swap": ["word-order"],
    "shuffled": ["word-order"],
    "codemix": ["untranslated"],
    "repeat2": ["repetition"],
    "first_lower": ["capitalization"],
    "numbers_replaced": ["source-mismatch"],
    "ne_removed": ["source-mismatch"],
    "ne_replaced": ["source-mismatch"],
}


def short_name(pert_name):
    # "critical_id24_subj_removed" -> "subj_removed"
    parts = pert_name.split("_")
    return "_".join(parts[2:]) if len(parts) > 2 else pert_name


def main(data="../shared/data"):
    os.makedirs("eval", exist_ok=True)
    seen_clean = set()
    with open(os.path.join(data, "demetr-dev", "pairs.jsonl"), encoding="utf-8") as f, open(
        "eval/demetr-dev.jsonl", "w", encoding="utf-8", newline="\n"
    ) as out:
        for line in f:
            row = json.loads(line)
            name = short_name(row["pert_name"])
            if row["mt_sent"] not in seen_clean:
                seen_clean.add(row["mt_sent"])
                out.write(json.dumps({"id": f"{row['id']}-mt", "group": "clean",
                                      "text": row["mt_sent"], "expect": [],
                                      "source": row["src_sent"], "lang": row["lang_tag"]},
                                     ensure_ascii=False) + "\n")
            if name in EXPECT:
                out.write(json.dumps({"id": f"{row['id']}-{name}", "group": name,
                                      "text": row["pert_sent"], "expect": EXPECT[name],
                                      "source": row["src_sent"], "lang": row["lang_tag"]},
                                     ensure_ascii=False) + "\n")
    for split, group in (("test", "ewt-clean"), ("dev", "ewt-dev")):
        with open(os.path.join(data, "ud-english-ewt", f"en_ewt-ud-{split}.conllu"),
                  encoding="utf-8") as f, open(
            f"eval/ewt-{split}.jsonl", "w", encoding="utf-8", newline="\n"
        ) as out:
            sent_id = None
            for line in f:
                if line.startswith("# sent_id = "):
                    sent_id = line[len("# sent_id = "):].strip()
                elif line.startswith("# text = "):
                    text = line[len("# text = "):].strip()
                    out.write(json.dumps({"id": sent_id, "group": group, "text": text,
                                          "expect": []}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
