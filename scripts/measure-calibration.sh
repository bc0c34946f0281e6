#!/usr/bin/env bash
# The figures of the structural checks on sets not used to fit the calibration: the tables at
# the default threshold per file, then recall at 0.5%, 1% and 2% of the clean lines flagged.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile quick --quiet
target/quick/mtlint eval "$@" \
  eval/demetr-dev.jsonl eval/demetr-more-langs.jsonl eval/mlqe-pe-dev.jsonl \
  eval/ewt-test.jsonl eval/ewt-dev.jsonl eval/news-clean-5.jsonl eval/mt-errors-5.jsonl
