#!/usr/bin/env bash
# Retrains models/cyrillic-names.tsv (see scripts/train_cyrillic_names.py); needs ../shared/data
# and numpy. Measure with scripts/measure-source.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile quick --quiet
python3 scripts/train_cyrillic_names.py "${CARGO_TARGET_DIR:-target}/quick/mtlint" ../shared/data \
  > models/cyrillic-names.tsv.new
mv models/cyrillic-names.tsv.new models/cyrillic-names.tsv
