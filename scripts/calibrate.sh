#!/usr/bin/env bash
# Fits models/calibration.tsv, the calibration of structural confidences, on the fitting sets:
# EWT train, the MLQE-PE train sample, news-clean 1-4 and the DEMETR dev items' human
# reference translations as clean text, mt-errors 1-4 and the
# DEMETR dev perturbations as errors (DEMETR's clean twins stay out, for measuring). Every
# sentence of the sample article with a structural finding keeps one. Rebuild after running it.
# Held out for measuring (scripts/measure-calibration.sh): MLQE-PE dev, EWT test and dev,
# news-clean-5, mt-errors-5, the DEMETR clean twins and the DEMETR pairs of five more languages;
# their figures at the fitted threshold close the summary (--measure).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile quick --quiet
target/quick/mtlint calibrate \
  --fit eval/ewt-train.jsonl --fit eval/mlqe-pe-train-sample.jsonl \
  --fit eval/news-clean.jsonl --fit eval/news-clean-2.jsonl --fit eval/news-clean-3.jsonl \
  --fit eval/news-clean-4.jsonl --fit eval/demetr-references.jsonl \
  --fit eval/mt-errors.jsonl --fit eval/mt-errors-2.jsonl --fit eval/mt-errors-3.jsonl \
  --fit eval/mt-errors-4.jsonl \
  --positives eval/demetr-dev.jsonl \
  --keep samples/haftar-libya.nl-en.txt \
  --measure eval/demetr-dev.jsonl --measure eval/demetr-more-langs.jsonl \
  --measure eval/mlqe-pe-dev.jsonl --measure eval/ewt-test.jsonl --measure eval/ewt-dev.jsonl \
  --measure eval/news-clean-5.jsonl --measure eval/mt-errors-5.jsonl \
  "$@" -o models/calibration.tsv
