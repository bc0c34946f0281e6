#!/usr/bin/env bash
# Trains the swap model of word-order-anomaly (models/swap.bin) on UD English EWT train and the
# MLQE-PE train post-edits beyond the calibration sample (scripts/mlqe_train_rest.py; the sample
# stays out, it fits the calibration). Rebuild after running it, then refit the calibration
# (scripts/calibrate.sh) and rebuild again: the calibration reads the swap scores.
# Usage: scripts/train-swap.sh [more train-swap options]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile quick --quiet
bin=${CARGO_TARGET_DIR:-target}/quick/mtlint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/mlqe_train_rest.py "$tmp/mlqe-rest.jsonl" ../shared/data
"$bin" train-swap --train ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu \
  --text "$tmp/mlqe-rest.jsonl" -o models/swap.bin "$@"
ls -l models/swap.bin
