#!/usr/bin/env bash
# The learned interference detector, measured:
# 1. its learning curve: trained on 1/8, 1/4, 1/2 and all of its data, the recall of each
#    (generated errors of EWT dev; mt-errors 1-4, which it learns from, in-sample) at 0.5%, 1%
#    and 2% of clean lines flagged; the model file is left alone.
# 2. on held-out text, with the rules: `mtlint eval` with and without `--disable interference`
#    on mt-errors-5, the DEMETR pairs of both files, EWT test, news-clean-5 and MLQE-PE dev
#    (none used to train or tune it): the operating points of all structural findings.
# Usage: scripts/measure-detector.sh   (needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "== learning curve"
scripts/train-detector.sh --curve 0.125,0.25,0.5,1 -o "$tmp/curve.bin" 2>/dev/null
bin=${CARGO_TARGET_DIR:-target}/quick/mtlint
sets=(eval/mt-errors-5.jsonl eval/demetr-dev.jsonl eval/demetr-more-langs.jsonl
  eval/ewt-test.jsonl eval/news-clean-5.jsonl eval/mlqe-pe-dev.jsonl)
echo "== held out, the rules alone"
"$bin" eval "${sets[@]}" --disable interference | sed -n '/^== operating points/,$p'
echo "== held out, the rules and the learned detector (the default)"
"$bin" eval "${sets[@]}" | sed -n '/^== operating points/,$p'
