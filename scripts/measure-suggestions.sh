#!/usr/bin/env bash
# How the suggestions on the flagged lines of the labelled MT-error sets compare with the
# corrected sentence each line carries ("fixed"): per error group, the share of flagged lines
# with a suggestion, equal to the fixed sentence (ignoring the first letter's case, commas and
# runs of spaces), and at least 0.9 similar (normalized Levenshtein). mt-errors-5 is held out:
# never read while working on the suggestions.
# Usage: scripts/measure-suggestions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile quick --quiet
bin=${CARGO_TARGET_DIR:-target}/quick/mtlint
for f in eval/mt-errors-2.jsonl eval/mt-errors-3.jsonl eval/mt-errors-4.jsonl eval/mt-errors-5.jsonl; do
  echo "== $f"
  "$bin" eval "$f" | sed -n '/^suggestions on flagged lines/,/^  all /p'
done
# The four sets together (lines, not sets, weighted alike).
for f in eval/mt-errors-2.jsonl eval/mt-errors-3.jsonl eval/mt-errors-4.jsonl eval/mt-errors-5.jsonl; do
  "$bin" eval "$f" | sed -n '/^suggestions on flagged lines/,/^  all /p' | grep '^  all '
done | awk '{n += $2; eq += $2 * $4 / 100; sim += $2 * $5 / 100}
  END {printf "== all four sets\n  flagged %d, equal-to-fixed %.1f%%, 0.9-similar %.1f%%\n", n, 100 * eq / n, 100 * sim / n}'
