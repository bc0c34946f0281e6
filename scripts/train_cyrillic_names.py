#!/usr/bin/env python3
"""Trains models/cyrillic-names.tsv: which capitalised words of a Cyrillic source that the
translation seems to lack are names it lost, and which are words it translated ("Госдуму" =
the State Duma, "Пасху" = Easter, "Вознесение" = the Ascension).

Data: the MLQE-PE ru-en train split (CC0), built as eval/source-mlqe.jsonl is built from dev
(scripts/make_source_sets.py): each source with its post-edit (clean) and the post-edit with a
name removed or replaced. `mtlint check` runs on it with MTLINT_CYRILLIC_NAMES=all, so that
every candidate is reported. A candidate on a clean line is a negative; one on a line with a
name removed or replaced is a positive unless its clean twin has it too.

Features (as source_mismatch::cyrillic::name_features computes them): the last word's final
one, two and three letters and its length, the number of words, the source word before the
name, Latin letters in it. Model: L2-regularised logistic regression (numpy). The threshold is
the lowest probability at which the candidates kept on clean train lines flag at most
MAX_CLEAN of those lines.

Usage: python3 scripts/train_cyrillic_names.py BIN [../shared/data] > models/cyrillic-names.tsv
(scripts/train-cyrillic-names.sh builds the binary and runs it; the dev split measures it:
scripts/measure-source.sh)
"""
import collections
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import make_source_sets  # noqa: E402

MAX_CLEAN = 0.005
L2 = 3.0
WORD = re.compile(r"[^\W_]+")


def lower(w):
    return w.lower().replace("ё", "е")


def features(name, prev):
    last = lower(name[-1])
    out = [f"e{n}={last[-n:]}" for n in (1, 2, 3) if len(last) >= n]
    out.append(f"len={min(len(last), 12)}")
    out.append(f"nw={min(len(name), 3)}")
    p = lower(prev)
    if not p:
        out.append("prev=<none>")
    elif prev[0].isupper():
        out.append("prev=<cap>")
    elif len(p) <= 3:
        out.append(f"prev={p}")
    else:
        out.append("prev=<word>")
    if any("a" <= c.lower() <= "z" for w in name for c in w):
        out.append("lat")
    return out


def previous_word(name, source):
    words = WORD.findall(source)
    n = len(name)
    for k in range(len(words) - n + 1):
        if words[k:k + n] == name:
            return words[k - 1] if k else ""
    return ""


def candidates(binary, path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            rows[d["id"]] = d
    env = dict(os.environ, MTLINT_CYRILLIC_NAMES="all")
    out = subprocess.run([binary, "check", path, "--format", "jsonl", "--fail-on", "never",
                          "--no-config"], capture_output=True, text=True, check=True,
                         env=env).stdout
    found = {}
    for line in out.splitlines():
        d = json.loads(line)
        found[d["id"]] = [m.group(1) for x in d["findings"] if x["rule"] == "source-mismatch"
                          for m in [re.match(r"the source's name '(.+?)' is missing",
                                             x["message"])] if m]
    examples = []
    for i, names in found.items():
        r = rows[i]
        if r["group"] not in ("clean", "ne_removed", "ne_replaced"):
            continue
        twin = found.get(i.rsplit("-", 1)[0] + "-clean", [])
        for n in names:
            label = 0 if r["group"] == "clean" or n in twin else 1
            examples.append((label, n.split(" "), r["source"], i, r["group"]))
    return examples


def train(examples):
    vocab = {}
    rows = []
    for _, name, source, _, _ in examples:
        fs = features(name, previous_word(name, source))
        rows.append([vocab.setdefault(f, len(vocab)) for f in fs])
    x = np.zeros((len(rows), len(vocab) + 1))
    for r, cols in enumerate(rows):
        x[r, cols] = 1.0
        x[r, -1] = 1.0
    y = np.array([e[0] for e in examples], dtype=float)
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], L2)
    reg[-1] = 0.0
    # Newton's method: the problem is small and convex.
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return vocab, w, 1.0 / (1.0 + np.exp(-x @ w))


def main(binary, data="../shared/data"):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "train.jsonl")
        with contextlib.redirect_stdout(sys.stderr):
            make_source_sets.main(data, "train", path)
        ru = os.path.join(tmp, "ru.jsonl")
        with open(path, encoding="utf-8") as f, open(ru, "w", encoding="utf-8") as g:
            g.writelines(line for line in f if '"lang": "russian"' in line)
        clean_lines = sum(1 for line in open(ru, encoding="utf-8")
                          if '"group": "clean"' in line)
        examples = candidates(binary, ru)
    vocab, w, p = train(examples)
    # The lowest threshold that keeps the clean lines flagged by kept candidates few enough.
    threshold = 1.0
    for t in sorted(set(np.round(p, 4)), reverse=True):
        flagged = {e[3] for e, q in zip(examples, p) if e[4] == "clean" and q >= t}
        if len(flagged) > MAX_CLEAN * clean_lines:
            break
        threshold = float(t)
    kept = sum(1 for e, q in zip(examples, p) if e[0] == 1 and q >= threshold)
    positives = sum(e[0] for e in examples)
    counts = collections.Counter(e[0] for e in examples)
    print(f"candidates: {counts[1]} names lost, {counts[0]} not; threshold {threshold:.4f} "
          f"keeps {kept}/{positives}", file=sys.stderr)
    print("# Which capitalised words of a Cyrillic source that a translation lacks are names it")
    print("# lost: logistic regression weights, trained by scripts/train_cyrillic_names.py on")
    print("# the MLQE-PE ru-en train split (CC0).")
    print(f"<bias>\t{w[-1]:.5f}")
    print(f"<threshold>\t{threshold:.5f}")
    for f, k in sorted(vocab.items()):
        if abs(w[k]) >= 1e-4:
            print(f"{f}\t{w[k]:.5f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
