#!/usr/bin/env python3
"""Builds the labelled evaluation sets of `mtlint eval` from ../shared/data.

eval/demetr-dev.jsonl: for every DEMETR dev item (ids 1-300), the perturbed sentence with the
  category it should be flagged in, and the fluent translation as clean text.
eval/ewt-test.jsonl: every sentence of UD English EWT test, as clean text.
eval/ewt-dev.jsonl: every sentence of UD English EWT dev, as clean text (a second clean set, so
  that rules are not tuned to the test set alone).
eval/demetr-references.jsonl: the human reference translations of the DEMETR dev items (group
  "reference"): clean news English nobody on the project wrote, from the same sources as the
  MT (for fitting the calibration: its false alarms were read while working on the rules).
eval/demetr-more-langs.jsonl: the same construction as demetr-dev.jsonl from the DEMETR items of
  five more source languages (pairs-more-langs.jsonl), with their human reference translations
  as clean lines (group "reference", held out).
eval/ewt-train.jsonl: every sentence of UD English EWT train, as clean text (to fit the
  calibration of confidences; the rules were also developed on it, so it measures nothing).
eval/mlqe-pe-dev.jsonl: for every line of the MLQE-PE dev split of each pair, the detokenised
  professional post-edit as clean text (group "pe-<pair>"), and the MT output as clean text
  (group "mt-unchanged-<pair>") when it equals its post-edit after detokenising.
eval/mlqe-pe-train-sample.jsonl: the same from the first 1,500 lines of each pair's train split
  (for fitting calibration, never for reporting).

Each line: {"id": ..., "group": ..., "text": ..., "expect": [categories]}; `group` names the
perturbation (or "clean"), so `mtlint eval` can report recall per perturbation. DEMETR lines also
carry "source" and "lang"; MLQE-PE lines carry "lang" (the source language) but no "source".

Usage: python3 scripts/make_eval_sets.py [../shared/data]
"""
import json
import os
import re
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


# MLQE-PE language pairs, in the order they are written.
MLQE_PAIRS = ("et-en", "ro-en", "ru-en", "ne-en", "si-en")
MLQE_TRAIN_LINES = 1500

# Tokens written without a space before them.
CLOSING = {".", ",", ";", ":", "?", "!", "%", ")", "]", "}", "\u201d", "\u00bb"}
# Tokens written without a space after them.
OPENING = {"(", "[", "{", "\u201c", "\u201e", "\u2018", "\u00ab"}
# Quotes that are the same character at both ends: which end is decided by position and parity.
SYMMETRIC_QUOTES = {'"', "\u02dd"}
CURRENCY = {"$", "\u20ac", "\u00a3", "\u00a5"}
# Clitics split off by the tokeniser ("John 's", "don 't", "I 'm").
CLITICS = {"s", "t", "m", "d", "ll", "re", "ve"}
# Besides a letter or digit, what a clitic can follow: "D. 's", "[ Gaidai ] 's", "<unk> 's".
CLITIC_HOSTS = '.)]>"\u201d'
DECADE = re.compile(r"^[0-9]0s$")
ZERO_WIDTH = re.compile("^[\u200b\ufeff]+$")
ELLIPSIS = re.compile(r"^(\.{2,}|\u2026)$")
# "< unk >", "< / ref >", "< br / >": markup the tokeniser spaced out, put back together first.
TAG = re.compile(r"^/?[A-Za-z]+/?$")


def _merge_tags(toks):
    out, i = [], 0
    while i < len(toks):
        if toks[i] == "<":
            j = i + 1
            while j < len(toks) and j - i <= 4 and toks[j] != ">":
                j += 1
            if j < len(toks) and toks[j] == ">" and TAG.match("".join(toks[i + 1:j])):
                out.append("<" + "".join(toks[i + 1:j]) + ">")
                i = j + 1
                continue
        out.append(toks[i])
        i += 1
    return out


def _joins_word_before(toks, i):
    """Whether toks[i], a token that starts with an apostrophe and a letter, belongs to the word
    before it: a clitic ("John 's", "don 't", "I 'm") or an elision
    ("d 'Ivoire", "O 'Malley", "Qur 'an"); otherwise it is an opening quote left attached."""
    t = toks[i]
    if i == 0 or len(t) < 2 or t[0] != "'" or not t[1].isalpha():
        return False
    prev = toks[i - 1]
    if t[1:].lower() in CLITICS:
        return prev[-1].isalnum() or prev[-1] in CLITIC_HOSTS
    return prev[-1].isalpha() and (len(prev) <= 2 or t[1].islower())


def _is_apostrophe(toks, i):
    """Whether toks[i] is an apostrophe spaced out on both sides: "don ’ t", "D. ' s wife", or
    one that starts a decade ("the ' 90s")."""
    if toks[i] not in ("'", "\u2019") or i == len(toks) - 1:
        return False
    nxt = toks[i + 1]
    if toks[i] == "'" and DECADE.match(nxt):
        return True
    return i > 0 and (toks[i - 1][-1].isalnum() or toks[i - 1][-1] in CLITIC_HOSTS) and (
        nxt in CLITICS or (toks[i] == "\u2019" and nxt.lower() in CLITICS))


def detok(line):
    """Undoes the (Moses-style) tokenisation of MLQE-PE text: 'word .' -> 'word.', "John 's" ->
    "John's", "don 't" -> "don't", '( x )' -> '(x)', '" x "' -> '"x"', '$ 5' -> '$5', '5 %' -> '5%'.
    The rules are about classes of tokens only: each token may be written without the space before
    it, or without the space after it."""
    toks = _merge_tags([t for t in line.split() if not ZERO_WIDTH.match(t)])
    n = len(toks)
    if n == 0:
        return ""
    glue_before = [False] * n
    glue_after = [False] * n

    def is_closing(i):
        return i >= n or toks[i] in CLOSING or bool(ELLIPSIS.match(toks[i]))

    # Quotes that are the same at both ends ('"', and single quotes, where "’" and "'" both also
    # close a "‘"): a quote before punctuation or at the end closes, one at the start or after an
    # opening bracket opens, otherwise quotes alternate. With single quotes, "s ' word" is a plural
    # possessive when an even number of quotes follows it (so it cannot be an opening quote).
    groups = [lambda i, kind=kind: toks[i] == kind for kind in sorted(SYMMETRIC_QUOTES)]
    groups.append(lambda i: toks[i] == "\u2018" or (
        toks[i] in ("'", "\u2019") and not _is_apostrophe(toks, i)) or (
        len(toks[i]) > 1 and toks[i][0] == "'" and toks[i][1].isalpha()
        and not _joins_word_before(toks, i)))
    for in_group in groups:
        events = [i for i in range(n) if in_group(i)]
        is_open = False
        for k, i in enumerate(events):
            rest = len(events) - k  # quotes from this one on
            t = toks[i]
            prev = toks[i - 1] if i > 0 else None
            if len(t) > 1:  # an opening quote left attached to its word ("'But")
                is_open = True
                continue
            if t == "\u2018":
                closing = False
            elif (t in ("'", "\u2019") and not is_open and prev and prev.isalpha()
                  and prev[-1] in "sSzZ" and i + 1 < n and toks[i + 1][0].isalnum()
                  and (rest - 1) % 2 == 0):
                glue_before[i] = True  # plural possessive: "animals ' sounds"
                continue
            elif is_closing(i + 1):
                closing = True
            elif prev is None or prev in OPENING:
                closing = False
            elif is_open:
                closing = True
            else:
                # An unmatched quote right after a sentence end closes a quote opened in an
                # earlier sentence.
                closing = rest % 2 == 1 and (prev in (".", "?", "!") or bool(ELLIPSIS.match(prev)))
            if closing:
                glue_before[i] = True
                is_open = False
            else:
                glue_after[i] = True
                is_open = True

    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < n else ""
        if t in CLOSING or ELLIPSIS.match(t):
            glue_before[i] = True
            if t == ":" and i > 0 and toks[i - 1].isdigit() and nxt.isdigit():
                glue_after[i] = True  # "8 : 30" -> "8:30"
        elif t in OPENING:
            glue_after[i] = True
        elif _joins_word_before(toks, i):
            glue_before[i] = True
        elif _is_apostrophe(toks, i):
            glue_after[i] = True
            glue_before[i] = not DECADE.match(toks[i + 1])
        elif t in ("/", "_"):
            glue_before[i] = glue_after[i] = True  # "him / her", "https : / / x", "a _ b"
        elif t in CURRENCY and nxt[:1].isdigit():
            glue_after[i] = True
        elif t in ("#", "@") and nxt[:1].isalnum():
            glue_after[i] = True
            if t == "@":
                glue_before[i] = i > 0 and "." in nxt and toks[i - 1][-1].isalnum()  # "a @ b.org"
        elif t == "\u00b0":
            glue_before[i] = i > 0 and toks[i - 1][-1].isdigit()  # "30 ° C" -> "30°C"
            glue_after[i] = nxt in ("C", "F")

    out = toks[0]
    for i in range(1, n):
        out += ("" if glue_before[i] or glue_after[i - 1] else " ") + toks[i]
    return out


def write_demetr(data, name, out_name, references_name=None):
    """Writes the DEMETR items of `name`; their human reference translations (clean English
    nobody on the project wrote) go to `references_name`, or into the same file when that is
    `out_name`."""
    seen_clean = set()
    with open(os.path.join(data, "demetr-dev", name), encoding="utf-8") as f, open(
        out_name, "w", encoding="utf-8", newline="\n"
    ) as out, open(
        references_name if references_name not in (None, out_name) else os.devnull,
        "w", encoding="utf-8", newline="\n"
    ) as refs:
        if references_name == out_name:
            refs = out
        for line in f:
            row = json.loads(line)
            name = short_name(row["pert_name"])
            if name == "reference" and references_name is not None:
                refs.write(json.dumps({"id": f"{row['id']}-reference", "group": "reference",
                                       "text": row["pert_sent"], "expect": [],
                                       "source": row["src_sent"], "lang": row["lang_tag"]},
                                      ensure_ascii=False) + "\n")
                continue
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


def write_mlqe(data, split, out_name, limit=None):
    """Writes, per pair and line, the post-edit and (when unchanged) the MT; returns the number of
    unchanged MT lines per pair."""
    unchanged = {}
    with open(out_name, "w", encoding="utf-8", newline="\n") as out:
        for pair in MLQE_PAIRS:
            lang = pair.split("-")[0]
            unchanged[pair] = 0
            base = os.path.join(data, "mlqe-pe", pair, split)
            with open(base + ".mt", encoding="utf-8") as fmt, open(
                base + ".pe", encoding="utf-8"
            ) as fpe:
                for n, (mt, pe) in enumerate(zip(fmt, fpe), start=1):
                    if limit is not None and n > limit:
                        break
                    pe_text, mt_text = detok(pe), detok(mt)
                    if not pe_text:
                        continue
                    out.write(json.dumps({"id": f"{pair}-{split}-{n}-pe", "group": f"pe-{pair}",
                                          "text": pe_text, "expect": [], "lang": lang},
                                         ensure_ascii=False) + "\n")
                    if mt_text == pe_text:
                        unchanged[pair] += 1
                        out.write(json.dumps({"id": f"{pair}-{split}-{n}-mt",
                                              "group": f"mt-unchanged-{pair}", "text": mt_text,
                                              "expect": [], "lang": lang},
                                             ensure_ascii=False) + "\n")
    return unchanged


def main(data="../shared/data"):
    os.makedirs("eval", exist_ok=True)
    write_demetr(data, "pairs.jsonl", "eval/demetr-dev.jsonl", "eval/demetr-references.jsonl")
    write_demetr(data, "pairs-more-langs.jsonl", "eval/demetr-more-langs.jsonl",
                 "eval/demetr-more-langs.jsonl")
    for split, group in (("test", "ewt-clean"), ("dev", "ewt-dev"), ("train", "ewt-train")):
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
    for split, out_name, limit in (("dev", "eval/mlqe-pe-dev.jsonl", None),
                                   ("train", "eval/mlqe-pe-train-sample.jsonl", MLQE_TRAIN_LINES)):
        unchanged = write_mlqe(data, split, out_name, limit)
        print(f"{out_name}: MT unchanged after post-editing: "
              + ", ".join(f"{pair} {count}" for pair, count in unchanged.items()))


if __name__ == "__main__":
    main(*sys.argv[1:])
