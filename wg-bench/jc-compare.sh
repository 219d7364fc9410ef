#!/usr/bin/env bash
# Side by side with jc (Debian's jc package) on the same ~10 MB generated files:
#  - whole process: `wgdiag parse --tool T --format json FILE` (plain `java -jar`, and the
#    examples/wgdiag launcher with its class-data archive) against `jc --T < FILE`, JVM and Python
#    start-up included, best of 3 wall-clock runs for wgdiag, 2 for jc;
#  - in process: wgdiag's parser after JIT warm-up (at least 3 s, then best of 10, on a pre-touched
#    heap) against jc.parse() in Python (best of 3), both on text already in memory;
#  - memory: what the parsed result holds, per input byte. wgdiag: the model's own objects
#    (ModelFootprint, JOL) and what one parse allocated; jc: what Python's tracemalloc counts as
#    still allocated after jc.parse() and a collection, and its peak during the parse. Neither
#    counts the input text itself.
# Usage: wg-bench/jc-compare.sh [OUTDIR] [memory]   (after ./mvnw -B -q install -DskipTests; needs jc;
#        "memory" prints only the memory table)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/wgdiag-jc}
bench=wg-bench/target/benchmarks.jar
cli=examples/target/wgdiag.jar
command -v jc >/dev/null || { echo "jc is not installed (apt-get install jc)"; exit 2; }
# the Python that runs jc (its shebang), so jc.parse() is importable
jcpy=$(head -1 "$(command -v jc)" | sed "s/^#!//; s/ .*//")
java -cp "$bench" io.wgdiag.bench.JcComparison write "$out" >/dev/null

best_of() { # N CMD... -> best wall-clock seconds
  local n=$1; shift; local best=
  for _ in $(seq "$n"); do
    local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
    best=$(python3 -c "import sys; a=float(sys.argv[1])-float(sys.argv[2]); b=sys.argv[3]; print(a if b=='' else min(a,float(b)))" "$t1" "$t0" "$best")
  done
  echo "$best"
}

file_mb() { # FILE -> its size in MB, one decimal
  python3 -c "import os,sys; print(round(os.path.getsize(sys.argv[1])/1e6,1))" "$1"
}

memory_table() {
  echo "| tool | file (MB) | wgdiag model's own bytes per input byte | wgdiag bytes allocated by the parse per input byte | jc result's bytes per input byte | jc peak during the parse per input byte | jc result ÷ wgdiag model |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for tool in ping mpstat proc-interrupts sysctl; do
    f="$out/$tool.txt"
    jcmod=${tool//-/_} # jc's module: proc-interrupts is proc_interrupts
    mb=$(file_mb "$f")
    read -r _ _ own alloc <<<"$(java -Xmx4g -cp "$bench" io.wgdiag.bench.ModelFootprint --file "$tool" "$f" 2>/dev/null)"
    read -r held peak <<<"$("$jcpy" - "$f" "$jcmod" <<'PY'
import gc, sys, tracemalloc, jc
data = open(sys.argv[1]).read()
tracemalloc.start()
result = jc.parse(sys.argv[2], data, quiet=True)
gc.collect()
held, peak = tracemalloc.get_traced_memory()
print(round(held / len(data), 2), round(peak / len(data), 2))
PY
)"
    python3 - "$tool" "$mb" "$own" "$alloc" "$held" "$peak" <<'PY'
import sys
tool, mb, own, alloc, held, peak = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:])
print(f"| {tool} | {mb} | {own:.2f} | {alloc:.2f} | {held:.2f} | {peak:.2f} | {held/own:.1f}× |")
PY
  done
}

if [ "${2:-}" = memory ]; then
  memory_table
  exit 0
fi

cache=$(mktemp -d); trap 'rm -rf "$cache"' EXIT
echo "| tool | file (MB) | java -jar wgdiag.jar parse (s) | examples/wgdiag parse (s) | jc (s) | speed-up, best wgdiag | wgdiag in-process MB/s | jc in-process MB/s | speed-up |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for tool in ping mpstat proc-interrupts sysctl; do
  f="$out/$tool.txt"
  jcflag=--$tool jcmod=${tool//-/_} # jc's option and module: --proc-interrupts, proc_interrupts
  mb=$(file_mb "$f")
  w=$(best_of 3 java -jar "$cli" parse --tool "$tool" --format json "$f")
  # the launcher's first run records the classes it loads and makes its class-data archive from them
  XDG_CACHE_HOME=$cache/$tool examples/wgdiag parse --tool "$tool" --format json "$f" >/dev/null
  l=$(XDG_CACHE_HOME=$cache/$tool best_of 3 examples/wgdiag parse --tool "$tool" --format json "$f")
  j=$(best_of 2 sh -c "jc $jcflag < '$f'")
  wi=$(java -XX:+UseParallelGC -Xms2g -XX:+UseTransparentHugePages -XX:+AlwaysPreTouch -cp "$bench" io.wgdiag.bench.JcComparison time "$tool" "$f")
  ji=$("$jcpy" - "$f" "$jcmod" <<'PY'
import sys, time, jc
data = open(sys.argv[1]).read()
best = min((lambda t0: (jc.parse(sys.argv[2], data, quiet=True), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(3))
print(round(len(data) / best / 1e6, 2))
PY
)
  python3 - "$tool" "$mb" "$w" "$l" "$j" "$wi" "$ji" "$cache/ratios" <<'PY'
import sys
tool, mb, w, l, j, wi, ji = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:8])
print(f"| {tool} | {mb} | {w:.2f} | {l:.2f} | {j:.2f} | {j/min(w, l):.1f}× | {wi:.0f} | {ji:.2f} | {wi/ji:.0f}× |")
with open(sys.argv[8], "a") as f:  # for the summary against the targets
    print(tool, j / min(w, l), wi / ji, file=f)
PY
done
echo
memory_table
echo
# where this run stands against issue 7's targets, from the ratios of the table above
python3 - "$cache/ratios" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
def target(what, col, goal, fmt):
    met = [f"{r[0]} ({fmt.format(float(r[col]))}×)" for r in rows if float(r[col]) >= goal]
    missed = [f"{r[0]} ({fmt.format(float(r[col]))}×)" for r in rows if float(r[col]) < goal]
    text = f"- {what}: met by {len(met)} of {len(rows)} tools"
    if met:
        text += "; met by " + ", ".join(met)
    if missed:
        text += "; not met by " + ", ".join(missed)
    print(text)
print("Targets in this run:")
target("whole process at least 3× jc (the faster of plain java -jar and the launcher)", 1, 3, "{:.1f}")
target("in process at least 20× jc", 2, 20, "{:.1f}")
PY
echo
echo "Machine: $(nproc) CPUs, $(java -version 2>&1 | head -1), $(jc --version | head -1)."
