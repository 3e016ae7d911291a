#!/bin/sh
# Counts instructions and cache misses per event while a warm campus network's PCs ping back
# to back (bench/cache-probe.ts), with valgrind's callgrind simulating a 512 KB last-level cache.
# Timings on a shared machine move by 20-70 % from run to run; these counts move by about one
# miss per event, so compare runs of the same code, two or three of each.
#
# Usage: bench/callgrind.sh DEVICES [FLOWS] [HOPS]    (needs valgrind)
# HOPS defaults to about twenty echoes per pinging PC (bench/cache-probe.ts says why), which
# takes about 2.5 minutes at 10,000 devices with every PC busy.
# LL=size,ways,line sets the simulated last-level cache (524288,8,64 by default); a processor's
# whole third-level cache, say 33554432,16,64, shows what goes to memory on a large network.
# V8 optimizes synchronously (--no-concurrent-recompilation): under valgrind the background
# compiler lags and part of the counted window would run unoptimized code. Only the main
# thread is counted: a major collection's concurrent marking, when one falls in the window,
# would otherwise add some of its own misses. --disable-wasm-trap-handler: the engine's aligned
# arrays (src/engine/sim/aligned.ts) are WebAssembly memories, and with the trap handler each
# reserves gigabytes of address space, more than valgrind gives. --perf-basic-prof
# writes /tmp/perf-PID.map, which names the compiled JavaScript functions in the output file:
# bench/callgrind-report.ts attributes the counts to them, in $CALLGRIND_OUT.report.
# DISASM=name (a function, or a prefix ending in *) also counts per instruction and prints
# V8's compiled code of the functions so named, annotated in the report: which load misses.
set -eu
cd "$(dirname "$0")/.."
out=${CALLGRIND_OUT:-/tmp/trame-callgrind.out}
log=$out.log
rm -f "$out"-*
if [ -n "${DISASM:-}" ]; then
  per_instr=--dump-instr=yes
  print_code="--print-opt-code --print-opt-code-filter=$DISASM --code-comments"
else
  per_instr=--dump-instr=no
  print_code=
fi
# $print_code is split into its flags on purpose.
# shellcheck disable=SC2086
CALLGRIND=1 valgrind --tool=callgrind --cache-sim=yes --LL=${LL:-524288,8,64} --instr-atstart=no \
  --separate-threads=yes $per_instr --callgrind-out-file="$out" \
  node --disable-wasm-trap-handler --expose-gc --no-concurrent-recompilation --perf-basic-prof $print_code \
  bin/run-ts.mjs bench/cache-probe.ts "$@" >"$log" 2>&1
events=$(sed -n 's/.*events \([0-9]*\).*/\1/p' "$log" | tail -1)
grep '^devices' "$log"
# The main thread's totals: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw.
grep '^totals:' "$out-01" | awk -v ev="$events" '{
  printf "per event: %.0f instructions, %.2f L1 read misses, %.2f LL read misses, %.2f LL write misses\n",
    $2 / ev, $6 / ev, $9 / ev, $10 / ev }'
pid=$(sed -n 's/^pid: //p' "$out-01" | head -1)
node bin/run-ts.mjs bench/callgrind-report.ts "$out-01" "$events" "/tmp/perf-$pid.map" ${DISASM:+"$log"} >"$out.report"
echo "by function${DISASM:+ and instruction}: $out.report"
