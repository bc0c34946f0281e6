#!/usr/bin/env bash
# Regenerates reports/ from the sample article with the current build. Review the diff after.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
for f in samples/*.txt; do
  name=$(basename "$f" .txt)
  ./target/release/mtlint check "$f" --format json -o "reports/$name.json" --fail-on never
  ./target/release/mtlint check "$f" --format csv -o "reports/$name.csv" --fail-on never
done
echo "reports/ regenerated"
