#!/usr/bin/env bash
# Throughput of `mtlint check` over a generated corpus of about 6 MB / 1 M words of English
# sentences (UD English EWT train and the DEMETR dev translations, repeated), as one text file
# and as a JSONL feed of articles; peak memory; the same text with every rule off and with the
# statistical word-order model off, and with the learned interference detector off; the source
# checks (`--source`) on as much translated text with its sources (the DEMETR clean twins of all
# eight source languages, repeated), as a text file and its source file and as a JSONL feed with
# a "source" per article; start-up for one short article; tagger speed; the interference model's
# own speed.
# Usage: scripts/bench.sh [MB]   (needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-6}
data=../shared/data
cargo build --release --quiet
cargo build --release --quiet --example tagger_speed --example interference_speed
bin=${CARGO_TARGET_DIR:-target}/release/mtlint
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$data" "$dir" "$mb" <<'PY'
import json, sys
data, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
lines = []
for l in open(f"{data}/ud-english-ewt/en_ewt-ud-train.conllu", encoding="utf-8"):
    if l.startswith("# text = "):
        lines.append(l[9:].strip())
for l in open(f"{data}/demetr-dev/pairs.jsonl", encoding="utf-8"):
    lines.append(json.loads(l)["mt_sent"])
target = int(mb * 1_000_000)
size, i = 0, 0
text, articles, article = [], [], []
while size < target:
    s = lines[i % len(lines)]
    # Paragraphs of five sentences, articles of eight paragraphs.
    sep = "\n\n" if i % 5 == 4 else " "
    text.append(s + sep)
    article.append(s + sep)
    if i % 40 == 39:
        articles.append("".join(article))
        article = []
    size += len(s.encode()) + len(sep)
    i += 1
if article:
    articles.append("".join(article))
open(f"{out}/corpus.txt", "w", encoding="utf-8").write("".join(text))
with open(f"{out}/corpus.jsonl", "w", encoding="utf-8") as f:
    for n, a in enumerate(articles):
        f.write(json.dumps({"id": n, "text": a}) + "\n")
PY
bytes=$(stat -c %s "$dir/corpus.txt")
words=$(wc -w < "$dir/corpus.txt")
echo "corpus: $bytes bytes, $words words ($(wc -l < "$dir/corpus.jsonl") articles in the JSONL feed)"
for input in corpus.txt corpus.jsonl; do
  for jobs in 1 2; do
    start=$(date +%s.%N)
    "$bin" check "$dir/$input" --jobs "$jobs" --format jsonl --fail-on never --no-config > "$dir/out-$jobs.jsonl"
    end=$(date +%s.%N)
    python3 -c "b=$bytes; t=$end-$start; print(f'$input, --jobs $jobs: {t:.2f} s, {b/t/1e6:.2f} MB/s, {$words/t:,.0f} words/s')"
  done
  cmp -s "$dir/out-1.jsonl" "$dir/out-2.jsonl" && echo "$input: output with 2 jobs identical to 1 job" \
    || echo "$input: OUTPUT DIFFERS between 1 and 2 jobs"
  /usr/bin/time -f "$input: peak memory %M KiB" "$bin" check "$dir/$input" --format jsonl --fail-on never --no-config > /dev/null
done
# What the rules cost: the same text file with every rule switched off (reading, segmenting,
# tokenizing, tagging and chunking only), and with only the statistical word-order model off.
{ printf 'disable = ['; "$bin" rules list | awk 'NF { printf "%s\"%s\"", (n++ ? "," : ""), $1 }'; printf ']\n'; } > "$dir/no-rules.toml"
printf 'disable = ["word-order-anomaly"]\n' > "$dir/no-anomaly.toml"
printf 'disable = ["interference"]\n' > "$dir/no-interference.toml"
for cfg in no-rules no-anomaly no-interference; do
  start=$(date +%s.%N)
  "$bin" check "$dir/corpus.txt" --jobs 1 --format jsonl --fail-on never --config "$dir/$cfg.toml" > /dev/null
  end=$(date +%s.%N)
  python3 -c "b=$bytes; t=$end-$start; print(f'corpus.txt, --jobs 1, $cfg: {t:.2f} s, {b/t/1e6:.2f} MB/s')"
done
# The source checks: translations with their sources, as a text and its source file (aligned by
# the tool) and as a JSONL feed of articles with their source.
python3 - "$data" "$dir" "$mb" <<'PY'
import json, sys
data, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
pairs = []
for name in ("pairs.jsonl", "pairs-more-langs.jsonl"):
    for l in open(f"{data}/demetr-dev/{name}", encoding="utf-8"):
        d = json.loads(l)
        pairs.append((d["src_sent"], d["mt_sent"]))
target = int(mb * 1_000_000)
size, i = 0, 0
src, tgt, articles, art = [], [], [], ([], [])
while size < target:
    s, t = pairs[i % len(pairs)]
    sep = "\n\n" if i % 5 == 4 else " "
    src.append(s + sep)
    tgt.append(t + sep)
    art[0].append(s + sep)
    art[1].append(t + sep)
    if i % 40 == 39:
        articles.append(art)
        art = ([], [])
    size += len(t.encode()) + len(sep)
    i += 1
open(f"{out}/source.txt", "w", encoding="utf-8").write("".join(src))
open(f"{out}/translation.txt", "w", encoding="utf-8").write("".join(tgt))
with open(f"{out}/bilingual.jsonl", "w", encoding="utf-8") as f:
    for n, (s, t) in enumerate(articles):
        f.write(json.dumps({"id": n, "text": "".join(t), "source": "".join(s)}, ensure_ascii=False) + "\n")
PY
tbytes=$(stat -c %s "$dir/translation.txt")
for input in translation.txt bilingual.jsonl; do
  src_arg=()
  [ "$input" = translation.txt ] && src_arg=(--source "$dir/source.txt")
  start=$(date +%s.%N)
  "$bin" check "$dir/$input" "${src_arg[@]}" --jobs 1 --format jsonl --fail-on never --no-config > /dev/null
  end=$(date +%s.%N)
  python3 -c "b=$tbytes; t=$end-$start; print(f'$input with its source, --jobs 1: {t:.2f} s, {b/t/1e6:.2f} MB/s of translation')"
done
echo "Trump and Haftar discussed a shared vision." > "$dir/short.txt"
python3 - "$bin" "$dir/short.txt" <<'PY'
import subprocess, sys, time
runs = []
for _ in range(20):
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "check", sys.argv[2], "--fail-on", "never", "--no-config"], stdout=subprocess.DEVNULL)
    runs.append((time.perf_counter() - t) * 1000)
runs.sort()
print(f"start-up (one short text, median of 20 runs): {runs[10]:.1f} ms (min {runs[0]:.1f} ms)")
PY
"${CARGO_TARGET_DIR:-target}/release/examples/tagger_speed" "$data/ud-english-ewt/en_ewt-ud-test.conllu" 2
"${CARGO_TARGET_DIR:-target}/release/examples/interference_speed" "$data/ud-english-ewt/en_ewt-ud-test.conllu" 2
