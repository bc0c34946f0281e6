#!/usr/bin/env bash
# Throughput of `mtlint check` over a generated corpus of about 6 MB of English sentences
# (UD English EWT train and the DEMETR dev translations, repeated), and tagger speed.
# Usage: scripts/bench.sh [MB]   (needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-6}
data=../shared/data
cargo build --release --quiet
cargo build --release --quiet --example tagger_speed
corpus=$(mktemp -d)/corpus.txt
python3 - "$data" "$corpus" "$mb" <<'PY'
import json, sys
data, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
lines = []
for l in open(f"{data}/ud-english-ewt/en_ewt-ud-train.conllu", encoding="utf-8"):
    if l.startswith("# text = "):
        lines.append(l[9:].strip())
for l in open(f"{data}/demetr-dev/pairs.jsonl", encoding="utf-8"):
    lines.append(json.loads(l)["mt_sent"])
target = int(mb * 1_000_000)
with open(out, "w", encoding="utf-8") as f:
    size, i = 0, 0
    while size < target:
        s = lines[i % len(lines)]
        # Paragraphs of five sentences, as in articles.
        sep = "\n\n" if i % 5 == 4 else " "
        f.write(s + sep)
        size += len(s.encode()) + len(sep)
        i += 1
PY
bytes=$(stat -c %s "$corpus")
words=$(wc -w < "$corpus")
echo "corpus: $bytes bytes, $words words"
for threads in 1 2; do
  start=$(date +%s.%N)
  RAYON_NUM_THREADS=$threads ./target/release/mtlint check "$corpus" --format jsonl --fail-on never > /dev/null
  end=$(date +%s.%N)
  python3 -c "b=$bytes; t=$end-$start; print(f'check on $threads core(s): {t:.2f} s, {b/t/1e6:.2f} MB/s, {$words/t:,.0f} words/s')"
done
start=$(date +%s.%N)
echo "Trump and Haftar discussed a shared vision." | ./target/release/mtlint check --fail-on never > /dev/null
end=$(date +%s.%N)
python3 -c "print(f'start-up (one short text): {($end-$start)*1000:.1f} ms')"
/usr/bin/time -f "peak memory: %M KiB" ./target/release/mtlint check "$corpus" --format jsonl --fail-on never > /dev/null
./target/release/examples/tagger_speed "$data/ud-english-ewt/en_ewt-ud-test.conllu" 2
rm -rf "$(dirname "$corpus")"
