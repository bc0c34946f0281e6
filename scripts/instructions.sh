#!/usr/bin/env bash
# Instructions and data-cache misses of `mtlint check --jobs 1` over the first 150 kB of the
# bench corpus sentences, counted by valgrind's cachegrind: the same count on every run of the
# same binary, whatever else the machine is doing (wall-clock timings on a shared machine swing
# by ±15%). Compare two builds: scripts/instructions.sh [BINARY ...]
# With DOCUMENT_CHECKS=1 it also counts each binary without the document-level checks
# (capitalization, repetition, boilerplate, untranslated text, mixed spelling, source) and prints
# what they add. Both runs disable one cheap rule, so both take the same rule-selection path.
# Needs valgrind and ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  cargo build --profile quick --quiet
  set -- "${CARGO_TARGET_DIR:-target}/quick/mtlint"
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - ../shared/data "$dir/text.txt" <<'PY'
import sys
data, out = sys.argv[1], sys.argv[2]
text, size, n = [], 0, 0
for l in open(f"{data}/ud-english-ewt/en_ewt-ud-train.conllu", encoding="utf-8"):
    if l.startswith("# text = "):
        s = l[9:].strip()
        sep = "\n\n" if n % 5 == 4 else " "
        text.append(s + sep)
        size += len(s.encode()) + len(sep)
        n += 1
        if size >= 150_000:
            break
open(out, "w", encoding="utf-8").write("".join(text))
PY
count() {
  valgrind --tool=cachegrind --cache-sim=yes --cachegrind-out-file=/dev/null \
    "$@" 2>"$dir/cg.txt" >/dev/null
  refs=$(grep -oP 'I\s+refs:\s+\K[0-9,]+' "$dir/cg.txt")
  d1=$(grep -oP 'D1  misses:\s+\K[0-9,]+' "$dir/cg.txt")
}
for bin in "$@"; do
  args=(check "$dir/text.txt" --jobs 1 --format jsonl --fail-on never --no-config)
  if [ "${DOCUMENT_CHECKS:-0}" = 1 ]; then
    args+=(--disable verb-second-inversion)
    count "$bin" "${args[@]}"
    all=${refs//,/}
    count "$bin" "${args[@]}" --disable capitalization --disable repeated-words \
      --disable boilerplate --disable untranslated-text --disable mixed-spelling \
      --disable source-mismatch
    rest=${refs//,/}
    python3 -c "a, r = $all, $rest; print(f'$bin: {a:,} instructions with the document-level checks, {r:,} without: they add {100 * (a - r) / r:.1f}%')"
  else
    count "$bin" "${args[@]}"
    echo "$bin: $refs instructions, $d1 D1 misses"
  fi
done
