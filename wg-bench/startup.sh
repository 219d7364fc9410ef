#!/usr/bin/env bash
# Whole-process start-up of the README's main job, side by side in one run:
#   wgdiag analyze examples/samples/lab-pmtu-blackhole
# against a bare JVM that prints one line (a one-line Hello class), on the default java (JDK 17)
# and on a JDK 25 (Temurin under /usr/lib/jvm, or $JAVA25_HOME) with its AOT cache (JEP 483/514/515:
# one training run with -XX:AOTCacheOutput, then -XX:AOTCache). The variants run in turn, N rounds
# (alternating, so a busy spell on the machine hits every variant alike); the table gives each
# variant's minimum and median wall-clock milliseconds, its median as a multiple of the bare JVM's
# median (on the same JDK, and on JDK 17), and its median CPU time (user + system, all threads),
# also as a multiple of the bare JVM's on the same JDK (what other load on the machine changes least).
# Usage: wg-bench/startup.sh [N]   (default 15; after ./mvnw -B -q -pl examples -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-15}
jar=$PWD/examples/target/wgdiag.jar
sample=examples/samples/lab-pmtu-blackhole
[ -f "$jar" ] || { echo "startup.sh: $jar is missing; build it first" >&2; exit 2; }
j17=$(command -v java)
j25=${JAVA25_HOME:-}
if [ -z "$j25" ]; then
  for d in /usr/lib/jvm/*; do
    [ -r "$d/release" ] && grep -q '^JAVA_VERSION="2[5-9]' "$d/release" && { j25=$d; break; }
  done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
javac --release 17 -d "$work" "$work/Hello.java"
# the launcher's archives go to a cache of this run's own, made before the timed runs
export XDG_CACHE_HOME=$work/cache
names=() cmds=()
add() { names+=("$1"); cmds+=("$2"); }
add "JDK 17: bare JVM (Hello)" "$j17 -cp $work Hello"
add "JDK 17: java -jar wgdiag.jar analyze" "$j17 -jar $jar analyze $sample"
add "JDK 17: examples/wgdiag analyze (CDS)" "env WGDIAG_JAVA=$j17 examples/wgdiag analyze $sample"
if [ -n "$j25" ]; then
  aot=$work/wgdiag-25.aot
  "$j25/bin/java" -XX:AOTCacheOutput="$aot" -cp "$jar" io.wgdiag.examples.cli.ArchiveTraining "$sample" \
    >/dev/null 2>&1 || true
  add "JDK 25: bare JVM (Hello)" "$j25/bin/java -cp $work Hello"
  add "JDK 25: java -jar wgdiag.jar analyze" "$j25/bin/java -jar $jar analyze $sample"
  [ -f "$aot" ] && add "JDK 25: java -XX:AOTCache -jar wgdiag.jar analyze" \
    "$j25/bin/java -XX:AOTCache=$aot -jar $jar analyze $sample"
  add "JDK 25: examples/wgdiag analyze (AOT cache)" "env WGDIAG_JAVA=$j25/bin/java examples/wgdiag analyze $sample"
fi
# first runs: the launcher makes its archive or AOT cache; every command must succeed
for c in "${cmds[@]}"; do
  $c >/dev/null 2>&1 || { echo "startup.sh: failed: $c" >&2; exit 1; }
done
for i in "${!cmds[@]}"; do : > "$work/t$i"; done
TIMEFORMAT='%R %U %S'
for _ in $(seq "$n"); do
  for i in "${!cmds[@]}"; do
    # shellcheck disable=SC2086 # word splitting of the command is intended
    { time ${cmds[$i]} >/dev/null 2>&1 ; } 2>> "$work/t$i"
  done
done
# min and median of a column of numbers
stats() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1] * 1000, m * 1000 }'; }
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $n rounds, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| run (whole process) | wall min ms | wall median ms | median ÷ bare JVM, same JDK | median ÷ bare JVM, JDK 17 | CPU (user+sys) median ms | CPU ÷ bare JVM's, same JDK |"
echo "|---|---:|---:|---:|---:|---:|---:|"
bare= bare17= barecpu=
for i in "${!cmds[@]}"; do
  read -r mn md < <(awk '{ print $1 }' "$work/t$i" | stats)
  read -r _ cpu < <(awk '{ print $2 + $3 }' "$work/t$i" | stats)
  case ${names[$i]} in *bare*) bare=$md barecpu=$cpu; [ -n "$bare17" ] || bare17=$md ;; esac
  printf '| %s | %.0f | %.0f | %.1f× | %.1f× | %.0f | %.1f× |\n' "${names[$i]}" "$mn" "$md" \
    "$(awk -v a="$md" -v b="$bare" 'BEGIN { print a / b }')" "$(awk -v a="$md" -v b="$bare17" 'BEGIN { print a / b }')" "$cpu" \
    "$(awk -v a="$cpu" -v b="$barecpu" 'BEGIN { print a / b }')"
done
