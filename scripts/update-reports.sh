#!/usr/bin/env bash
# Regenerates reports/ from the sample article with the current build. Review the diff after.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
mtlint="${CARGO_TARGET_DIR:-target}/release/mtlint"
# With the default gate, as tests/it/sample.rs renders them; exit code 1 (a document failed) is fine.
report() {
  "$mtlint" check "$1" --format "$2" -o "$3" || [ $? -eq 1 ]
}
for f in samples/*.txt; do
  name=$(basename "$f" .txt)
  report "$f" json "reports/$name.json"
  report "$f" csv "reports/$name.csv"
  "$mtlint" fix --diff "$f" > "reports/$name.fix.diff"
done
echo "reports/ regenerated"
