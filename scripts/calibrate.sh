#!/usr/bin/env bash
# Fits models/calibration.tsv, the calibration of structural confidences, on the fitting sets:
# EWT train, the MLQE-PE train sample and news-clean 1-4 as clean text, mt-errors 1-4 and the
# DEMETR dev perturbations as errors (DEMETR's clean twins stay out, for measuring). The sample
# article's structural findings all stay reported. Rebuild after running it.
# Held out for measuring (scripts/measure-calibration.sh): MLQE-PE dev, EWT test and dev,
# news-clean-5, mt-errors-5, the DEMETR clean twins and the DEMETR pairs of five more languages.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile quick --quiet
target/quick/mtlint calibrate \
  --fit eval/ewt-train.jsonl --fit eval/mlqe-pe-train-sample.jsonl \
  --fit eval/news-clean.jsonl --fit eval/news-clean-2.jsonl --fit eval/news-clean-3.jsonl \
  --fit eval/news-clean-4.jsonl \
  --fit eval/mt-errors.jsonl --fit eval/mt-errors-2.jsonl --fit eval/mt-errors-3.jsonl \
  --fit eval/mt-errors-4.jsonl \
  --positives eval/demetr-dev.jsonl \
  --keep samples/haftar-libya.nl-en.txt \
  "$@" -o models/calibration.tsv
