#!/usr/bin/env bash
# Builds models/word-ngrams.bin, the word bigram model, from the word and word-pair counts that
# symspellpy 6.7.7 ships (PyPI; MIT licence; the counts derive from the Google Books Ngram data,
# CC BY 3.0). Needs the network to reach PyPI, or the wheel given as the first argument.
# Usage: scripts/make_word_ngrams.sh [symspellpy-6.7.7-py3-none-any.whl]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wheel=${1:-}
if [ -z "$wheel" ]; then
  pip download symspellpy==6.7.7 --no-deps -d "$work" >/dev/null
  wheel=$(ls "$work"/symspellpy-6.7.7-*.whl)
fi
python3 -m zipfile -e "$wheel" "$work/x"
# The model file is read by the binary it is built into: write a placeholder first, so a
# fresh checkout without the model still builds the command that makes it.
[ -s models/word-ngrams.bin ] || printf 'MTLNG001' > models/word-ngrams.bin
cargo build --profile quick --quiet
target/quick/mtlint train-ngrams \
  --words "$work/x/symspellpy/frequency_dictionary_en_82_765.txt" \
  --pairs "$work/x/symspellpy/frequency_bigramdictionary_en_243_342.txt" \
  -o models/word-ngrams.bin
ls -l models/word-ngrams.bin
