#!/usr/bin/env python3
"""Writes the MLQE-PE train post-edits that eval/mlqe-pe-train-sample.jsonl leaves out (line 1,501
on of each pair), detokenised, as clean JSONL lines: clean English for `mtlint train-detector` to
learn from. The sample (fitting calibration and the detector's thresholds) and the dev split
(measuring) stay apart from it.

Usage: python3 scripts/mlqe_train_rest.py OUT.jsonl [../shared/data]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_eval_sets import MLQE_PAIRS, MLQE_TRAIN_LINES, detok  # noqa: E402


def main(out_name, data="../shared/data"):
    with open(out_name, "w", encoding="utf-8", newline="\n") as out:
        for pair in MLQE_PAIRS:
            path = os.path.join(data, "mlqe-pe", pair, "train.pe")
            with open(path, encoding="utf-8") as f:
                for n, pe in enumerate(f, start=1):
                    text = detok(pe) if n > MLQE_TRAIN_LINES else ""
                    if text:
                        out.write(json.dumps({"id": f"{pair}-train-{n}-pe", "text": text,
                                              "expect": []}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
