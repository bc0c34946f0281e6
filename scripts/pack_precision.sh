#!/usr/bin/env bash
# Precision of the interference packs on clean English: how many sentences each pack rule flags
# in the EWT test treebank and in the fluent translations (`mt_sent`) of the DEMETR dev pairs,
# with the Dutch and with the German pack switched on. A rule should flag none (and never more
# than 0.5%) of these sentences.
#
#   scripts/pack_precision.sh [BINARY]      # default: target/release/mtlint
#
# The packs come from rules/interference of this checkout (`--rules`), so edits are measured
# without a rebuild. Data: ../shared/data (override with DATA=...).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/mtlint}
DATA=${DATA:-../shared/data}
EWT="$DATA/ud-english-ewt/en_ewt-ud-test.conllu"
DEMETR="$DATA/demetr-dev/pairs.jsonl"
for f in "$BIN" "$EWT" "$DEMETR"; do
  [ -e "$f" ] || { echo "pack_precision: missing $f" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$EWT" "$DEMETR" "$tmp" <<'EOF'
import json, sys
ewt, demetr, tmp = sys.argv[1:4]
with open(ewt, encoding="utf-8") as f, open(f"{tmp}/ewt.jsonl", "w", encoding="utf-8") as out:
    n = 0
    for line in f:
        if line.startswith("# text = "):
            n += 1
            out.write(json.dumps({"id": n, "text": line[len("# text = "):].rstrip("\n")}) + "\n")
seen = set()
with open(demetr, encoding="utf-8") as f, open(f"{tmp}/demetr.jsonl", "w", encoding="utf-8") as out:
    for line in f:
        line = line.strip()
        if not line:
            continue
        s = json.loads(line).get("mt_sent")
        if isinstance(s, str) and s.strip() and s not in seen:
            seen.add(s)
            out.write(json.dumps({"id": len(seen), "text": s}) + "\n")
EOF

for lang in nl de; do
  for set in ewt demetr; do
    "$BIN" check "$tmp/$set.jsonl" --rules rules/interference --source-lang "$lang" \
      --format jsonl --fail-on never >"$tmp/$set.$lang.out" 2>"$tmp/err"
    # The packs of this checkout replace the built-in copies of the same ids: not news here.
    if grep -v "replaces the .* rule of the same id" "$tmp/err" >&2; then exit 2; fi
  done
done

python3 - "$tmp" <<'EOF'
import json, sys
from collections import defaultdict
tmp = sys.argv[1]
sizes = {s: sum(1 for _ in open(f"{tmp}/{s}.jsonl", encoding="utf-8")) for s in ("ewt", "demetr")}
worst = 0.0
print(f"sentences: EWT test {sizes['ewt']}, DEMETR dev mt_sent {sizes['demetr']} (distinct)")
for lang in ("nl", "de"):
    counts = {s: defaultdict(int) for s in sizes}
    examples = defaultdict(list)
    for s in sizes:
        with open(f"{tmp}/{s}.{lang}.out", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                rules = {}
                for fd in rec.get("findings", []):
                    if fd["rule"].startswith(("nl-", "de-")):
                        rules.setdefault(fd["rule"], fd["sentence"])
                for r, sent in rules.items():
                    counts[s][r] += 1
                    examples[r].append(f"{s}: {sent}")
    ids = sorted(set(counts["ewt"]) | set(counts["demetr"]))
    total = {s: sum(counts[s].values()) for s in sizes}
    print(f"\n--source-lang {lang}: {len(ids)} pack rule(s) fired; "
          f"{total['ewt']} hit(s) on EWT, {total['demetr']} on DEMETR")
    print(f"  {'rule':32} {'EWT':>5} {'rate':>7} {'DEMETR':>7} {'rate':>7}")
    for r in ids:
        e, d = counts["ewt"][r], counts["demetr"][r]
        re, rd = 100 * e / sizes["ewt"], 100 * d / sizes["demetr"]
        worst = max(worst, re, rd)
        print(f"  {r:32} {e:5} {re:6.2f}% {d:7} {rd:6.2f}%")
        for ex in examples[r][:3]:
            print(f"      {ex}")
print(f"\nhighest rate of any rule: {worst:.2f}% (limit 0.50%)")
sys.exit(1 if worst > 0.5 else 0)
EOF
