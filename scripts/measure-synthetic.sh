#!/usr/bin/env bash
# The structural checks on interference errors generated from sentences they were not tuned on:
# `mtlint synth` makes each move (verb last, verb second, verb bracket, separable particle,
# adverbial before the object, dropped "it"/"there", dropped verb) on the trees of UD English
# EWT dev, with the clean sentences (English inversions among them) as the clean lines, and
# `eval` gives recall at 0.5%, 1% and 2% of those flagged, and the suggestions against the
# sentence each error was made from.
# Usage: scripts/measure-synthetic.sh [SEED]   (needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile quick --quiet
bin=${CARGO_TARGET_DIR:-target}/quick/mtlint
out=$(mktemp --suffix .jsonl)
trap 'rm -f "$out"' EXIT
"$bin" synth --treebank ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu --seed "${1:-1}" -o "$out"
"$bin" eval "$out" | sed -n '/^suggestions on flagged/,/^  all /p; /^== operating points/,$p'
