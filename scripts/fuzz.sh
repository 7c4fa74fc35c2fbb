#!/usr/bin/env bash
# Coverage-guided fuzzing of the article loader and the layout engine (docs/fuzzing.md).
#
#   scripts/fuzz.sh [SECONDS] [LIBFUZZER FLAGS…]      # default 300 seconds
#
# Builds `handout-fuzz` with libFuzzer (and AddressSanitizer) into .build-fuzz/libfuzzer,
# seeds .build-fuzz/seeds from articles/*.yaml, any YAML under Tests/HandoutTests/Fixtures
# and a few small hostile files written below, then fuzzes single-threaded (Pango is not
# thread-safe) for SECONDS, growing the corpus in .build-fuzz/corpus (kept between runs).
# Crashes, leaks, timeouts and out-of-memory inputs go to .build-fuzz/findings/; replay one
# with the fuzzer build (sanitizers on; it runs files named instead of fuzzing):
#   LSAN_OPTIONS=suppressions=.build-fuzz/lsan.supp .build-fuzz/libfuzzer/debug/handout-fuzz FILE
# or with a plain build, which says what each step did:
#   swift build --scratch-path .build-fuzz --product handout-fuzz && .build-fuzz/debug/handout-fuzz FILE
# Settings (environment): SANITIZERS (fuzzer,address; "fuzzer" alone drops AddressSanitizer
# and leak checks), MAX_LEN (80000 bytes: the sample article is 67 kB), TIMEOUT (25 s per
# input), SKIP_BUILD (unset).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-300}
[ $# -gt 0 ] && shift
SANITIZERS=${SANITIZERS:-fuzzer,address}
MAX_LEN=${MAX_LEN:-80000}
TIMEOUT=${TIMEOUT:-25}
work=.build-fuzz
binary=$work/libfuzzer/debug/handout-fuzz

scripts/setup.sh

# --- build -----------------------------------------------------------------------------
# -DFUZZING exports LLVMFuzzerTestOneInput instead of the replay `main`; the Extern feature
# declares libFuzzer's driver (see Sources/HandoutFuzz/HandoutFuzz.swift). The sanitizer
# flags reach every Swift module, the dependencies' too; C code (libyaml in Yams,
# BoringSSL) is built plainly and not instrumented, which links fine.
if [ -z "${SKIP_BUILD:-}" ]; then
  # SwiftPM can keep a module compiled against an older layout of a struct from another
  # module (docs/architecture.md, "Building"); under ASan that shows as a false
  # stack-buffer-overflow. So the package's own modules are always rebuilt (about 40 s);
  # the dependencies, which do not change, are kept.
  products=$work/libfuzzer/x86_64-unknown-linux-gnu/debug
  for module in Sources/*/; do
    name=$(basename "$module")
    rm -rf "$products/$name.build" "$products/Modules/$name".*
  done
  echo "fuzz: building handout-fuzz (-sanitize=$SANITIZERS)"
  swift build -c debug --scratch-path "$work/libfuzzer" --product handout-fuzz \
    -Xswiftc "-sanitize=$SANITIZERS" -Xswiftc -parse-as-library -Xswiftc -DFUZZING \
    -Xswiftc -enable-experimental-feature -Xswiftc Extern 2>&1 | grep -E "error|Compiling HandoutFuzz|Build of product" || true
  [ -x "$binary" ] || { echo "fuzz: the build failed" >&2; exit 1; }
fi

# --- seeds -----------------------------------------------------------------------------
seeds=$work/seeds corpus=$work/corpus findings=$work/findings
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$findings"
cp articles/*.yaml "$seeds/"
find Tests/HandoutTests/Fixtures -name '*.yaml' -exec cp {} "$seeds/" \; 2>/dev/null || true

# The smallest article that loads: every required field, English only.
cat >"$seeds/minimal.yaml" <<'YAML'
slug: a
canonical_url: https://example.org/a/
last_reviewed: 2025-01-01
version: "1"
title: {en: "A"}
disclaimer: {en: "Education only."}
warning_signs:
  items:
    - en: "Fainting"
YAML

# Every part once, in both languages, lists nested to the limit, silences, a long word.
cat >"$seeds/every-part.yaml" <<'YAML'
slug: every-part
canonical_url: https://example.org/every-part/
last_reviewed: 2025-01-01
next_review: 2026-01-01
reviewer: {en: "Team", bn: "দল"}
version: "2.0"
title: {en: "Every **part**", bn: "সব *অংশ*"}
summary: {en: "One paragraph. Two sentences.", bn: "একটি অনুচ্ছেদ। দুটি বাক্য।"}
key_takeaways:
  - {en: "Key point", bn: "মূল কথা"}
definition:
  - {en: "First.", bn: "প্রথম।"}
  - {en: "Second.", bn: "দ্বিতীয়।"}
warning_signs:
  intro: {en: "Go now:", bn: "এখনই যান:"}
  items:
    - {en: "Chest pain", bn: "বুকে ব্যথা"}
    - {en: "Pneumonoultramicroscopicsilicovolcanoconiosisandsomemoreletters", bn: "অতিদীর্ঘশব্দযাএকলাইনেধরেনাকখনোইকোনোভাবেইসম্ভবনয়"}
  short:
    - {en: "Chest pain", bn: "বুকে ব্যথা"}
    - {en: "Long word", bn: "লম্বা শব্দ"}
types: {items: [{en: "One", bn: "এক"}]}
causes:
  title: {en: "Why", bn: "কেন"}
  intro: {en: "Because:", bn: "কারণ:"}
  numbered: false
  items:
    - en: "Level one"
      bn: "স্তর এক"
      items:
        - en: "Level two"
          items:
            - {en: "Level three", bn: "স্তর তিন"}
symptoms: {items: [{en: "Twitch"}]}
diagnostic_tests: {items: [{en: "MRI", bn: "এমআরআই"}]}
treatments: {items: [{en: "Rest", bn: "বিশ্রাম"}]}
drugs: {items: [{en: "Tablets", bn: "ট্যাবলেট"}]}
surgery: {items: [{en: "Operation", bn: "অপারেশন"}]}
other_sections:
  - title: {en: "Living with it", bn: "এ নিয়ে জীবন"}
    items: [{en: "Sleep", bn: "ঘুম"}]
conclusion: {en: "The end.", bn: "শেষ।"}
disclaimer: {en: "Education only.", bn: "শুধু শিক্ষার জন্য।"}
references: [https://example.org/source]
roadmap:
  steps:
    - title: {en: "Step", bn: "ধাপ"}
      text: {en: "Do it.", bn: "করুন।"}
  tips: [{en: "Tip", bn: "পরামর্শ"}]
doctor_visit:
  which_doctor: {en: "A neurologist", bn: "নিউরোলজিস্ট"}
  tell_doctor: [{en: "When", bn: "কখন"}]
  questions: [{en: "Why?", bn: "কেন?"}]
  tests: [{en: "MRI", bn: "এমআরআই"}]
  mistakes: [{en: "Waiting", bn: "অপেক্ষা"}]
medicine_safety:
  intro: {en: "Safely:", bn: "নিরাপদে:"}
  first_steps: [{en: "Rest", bn: "বিশ্রাম"}]
  medicines: [{en: "As prescribed", bn: "ব্যবস্থাপত্র মতো"}]
  mistakes: [{en: "Sharing", bn: "ভাগ করা"}]
  urgent_help: [{en: "Fits", bn: "খিঁচুনি"}]
  note: {en: "Ask.", bn: "জিজ্ঞেস করুন।"}
diary_prompts:
  - {en: "Count", bn: "সংখ্যা", kind: count}
  - {en: "Score", kind: score}
  - {en: "Yes or no", kind: yes-no}
  - {en: "Notes", kind: note}
faq:
  - question: {en: "Is it bad?", bn: "খারাপ?"}
    answer: {en: "No.", bn: "না।"}
silence:
  - {rule: missing-bangla, reason: "a seed"}
YAML

# Hostile shapes: anchors and merge keys, a list nested past the limit, odd scalars,
# a byte-order mark, invalid UTF-8, and no article at all.
cat >"$seeds/anchors.yaml" <<'YAML'
slug: a
canonical_url: https://example.org/a/
last_reviewed: 2025-01-01
version: "1"
title: &t {en: &w "Word word word", bn: *w}
disclaimer: *t
warning_signs: {items: [*t, *t, *t, *t]}
key_takeaways: [*t, *t]
YAML
printf -- 'base: &b {en: "B"}\ntitle: {<<: *b, bn: "ক"}\n' >"$seeds/merge-key.yaml"
cat >"$seeds/too-deep.yaml" <<'YAML'
slug: a
canonical_url: https://example.org/a/
last_reviewed: 2025-01-01
version: "1"
title: {en: "A"}
disclaimer: {en: "B"}
warning_signs: {items: [{en: "C"}]}
causes: {items: [{en: "1", items: [{en: "2", items: [{en: "3", items: [{en: "4"}]}]}]}]}
YAML
printf '\xef\xbb\xbfslug: a\ncanonical_url: https://example.org/a/\nlast_reviewed: 2025-02-30\nversion: 1\ntitle: {en: "\xff\xfe"}\ndisclaimer: {en: ""}\nwarning_signs: {items: []}\n' >"$seeds/odd-scalars.yaml"
printf -- '- [a, b]\n- {c: d}\n' >"$seeds/not-a-mapping.yaml"
printf -- '---\n...\n' >"$seeds/empty-document.yaml"

# --- fuzz ------------------------------------------------------------------------------
# Leaks are findings too (the first run found every YAML file read leaked: docs/fuzzing.md).
# LeakSanitizer cannot see two kinds of memory that live for the whole process and are
# still in use: ArticleFormat's field tables (Swift globals built once, holding boxes it
# does not recognise as pointed to) and the private fontconfig font set.
cat >"$work/lsan.supp" <<'SUPP'
leak:ArticleModel0A6FormatO
leak:libfontconfig.so
SUPP
log=$work/fuzz.log
echo "fuzz: $seconds s, seeds in $seeds ($(ls "$seeds" | wc -l) files), corpus $corpus ($(ls "$corpus" | wc -l) files), findings $findings/"
before=$(ls "$findings" | wc -l)
{
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$work/lsan.supp:print_suppressions=0} "$binary" "$corpus" "$seeds" \
    -dict=scripts/fuzz.dict -max_total_time="$seconds" -max_len="$MAX_LEN" -timeout="$TIMEOUT" \
    -print_final_stats=1 -artifact_prefix="$findings/" "$@" 2>&1
  echo $? >"$work/fuzz.status"
} | tee "$log" | grep --line-buffered -E "^#[0-9]+[[:space:]]+(INITED|pulse|DONE)|ERROR|SUMMARY|Test unit written|DEDUP" || true
status=$(cat "$work/fuzz.status")

# --- summary ---------------------------------------------------------------------------
echo
echo "fuzz: summary (full log: $log)"
grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)" "$log" | tail -2 || true
grep -E "^stat::" "$log" || true
echo "corpus: $(ls "$corpus" | wc -l) inputs"
found=$(ls "$findings" | wc -l)
echo "findings: $((found - before)) new this run, $found in $findings/ (libFuzzer exit status $status)"
ls -l "$findings" | tail -n +2
if [ "$found" -gt "$before" ] || [ "$status" -ne 0 ]; then
  echo "fuzz: minimise one with: $binary -minimize_crash=1 -runs=20000 -exact_artifact_path=FILE.min FILE"
  exit 1
fi
