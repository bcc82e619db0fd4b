#!/usr/bin/env bash
# Trace runs of the vp command (vp --trace, trace.file): the summary and the statistics
# keys, determinism, input errors that name the file and line, and the shipped sweep.
# Usage: vp_trace_test.sh VP_BINARY VP_SWEEP_BINARY SOURCE_DIR SCRATCH_DIR
set -u
VP=$1; SWEEP=$2; SRC=$3; TMP=$4
rm -rf "$TMP"; mkdir -p "$TMP"; cd "$TMP" || exit 1
pass=0; fail=0
check() {  # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $name"; fi
}
contains() { grep -q -- "$2" "$1"; }
json() {  # json FILE PYTHON_CONDITION_ON_s
    python3 -c "import json,sys; s=json.load(open('$1')); sys.exit(0 if ($2) else 1)"
}

# A shipped trace by its path in the checkout, from another folder (found like --platform).
"$VP" --trace scenarios/traces/sequential.stl --stats-json seq.json >seq.log 2>&1; rc=$?
check "a sequential trace run exits 0" test $rc -eq 0
check "the summary names the trace" contains seq.log "== vp trace summary: sequential.stl on minized =="
check "the summary gives the bandwidth" contains seq.log "^bandwidth  *[0-9.]* GB/s"
check "the summary gives latency percentiles" contains seq.log "^latency  *min [0-9.]*, mean [0-9.]*, p50 [0-9.]*, p99 [0-9.]*, max [0-9.]* ns"
check "the summary gives the row-hit rate and bus utilisation" contains seq.log "row-hit rate [0-9.]* %.*data-bus utilisation [0-9.]* %"
check "stats json has the trace keys" json seq.json "all(k in s for k in ['trace.transactions','trace.reads','trace.writes','trace.bytes','trace.errors',
  'trace.bandwidth_bytes_per_s','trace.latency_ns.min','trace.latency_ns.mean','trace.latency_ns.p50','trace.latency_ns.p99',
  'trace.latency_ns.max','trace.issue_lag_ns.mean','trace.issue_lag_ns.max','ddr.row_hit_rate','ddr.data_bus_utilisation',
  'hp.trace.rd.bytes','sim.simulated_s','sim.wall_s'])"
check "every record was played" json seq.json "s['trace.transactions'] == 16384 and s['trace.bytes'] == 1048576 and s['trace.errors'] == 0"
check "the sequential stream hits open rows" json seq.json "s['ddr.row_hit_rate'] > 0.9"
check "no workload ran" json seq.json "'edgedrnn.columns' not in s"

"$VP" -q --set trace.file="$SRC/scenarios/traces/sequential.stl" --stats-json seq2.json >/dev/null 2>&1
check "--set trace.file runs the same trace, bit for bit" python3 -c "
import json,sys
a,b=(json.load(open(f)) for f in ('seq.json','seq2.json'))
for d in (a,b):
    for k in ('sim.wall_s','sim.cpu_s','sim.speed','run.setup_wall_s'): d.pop(k)
sys.exit(0 if a==b else 1)"

"$VP" -q --trace "$SRC/scenarios/traces/random-64b.stl" --set trace.max_outstanding=1 --stats-json rnd.json >rnd.log 2>&1; rc=$?
check "a random trace run exits 0" test $rc -eq 0
check "random reads open a row per transaction" json rnd.json "s['ddr.row_hit_rate'] < 0.8 and s['ddr.row_misses'] + s['ddr.row_conflicts'] > 0.95 * s['trace.transactions']"
"$VP" -q --trace "$SRC/scenarios/traces/sequential.stl" --set ddr.timing=simple >simple.log 2>&1; rc=$?
check "a trace runs on the simple DDR model too" test $rc -eq 0
check "without the DRAM model the summary says why there is no row-hit rate" contains simple.log "no rows or banks at ddr.timing = simple"

# Input errors: exit 2 and a message naming the file and line (or the key).
printf '0: read 0x0\n# a comment\n5: raed 0x40\n' >bad.stl
"$VP" --trace bad.stl >bad.txt 2>&1; rc=$?
check "a bad trace line exits 2" test $rc -eq 2
check "a bad trace line names file:line and what was expected" contains bad.txt "bad.stl:3: 'raed' is not a command, expected 'read' or 'write'"
printf '0: read 0x0\n0: (64) read 0x40 0x00\n' >data.stl
"$VP" --trace data.stl >data.txt 2>&1; rc=$?
check "data on a read exits 2" test $rc -eq 2
check "data on a read names file:line" contains data.txt "data.stl:2: unexpected '0x00' after a read's address"
"$VP" --trace missing.stl >missing.txt 2>&1; rc=$?
check "a missing trace exits 2" test $rc -eq 2
check "a missing trace is named" contains missing.txt "trace.file: missing.stl: cannot open the file (no such file), expected a trace file"
# SystemC's time ends at 2^63 ps (9.22e6 s): a later stamp played at that limit, silently.
printf '1162500000000000: read 0x0\n' >late.stl  # 9.3e6 s at 125 MHz
"$VP" --trace late.stl >late.txt 2>&1; rc=$?
check "a stamp past SystemC's time exits 2" test $rc -eq 2
check "a stamp past SystemC's time is named" contains late.txt "late.stl:1: time stamp 1162500000000000 lies beyond 9\*10^6 s"
printf '625000000000000: read 0x0\n625000000000000: read 0x40\n' >late.rstl  # 5e6 s each
"$VP" --trace late.rstl >late-r.txt 2>&1; rc=$?
check "relative stamps adding up past SystemC's time exit 2" test $rc -eq 2
check "the message speaks of the relative stamps' sum" contains late-r.txt "late.rstl:2: the relative time stamps add up to 1e+07 s"
printf '0: read 0x30000000\n' >far.stl
"$VP" --trace far.stl >far.txt 2>&1; rc=$?
check "a trace outside the memories exits 2" test $rc -eq 2
check "a trace outside the memories names file:line and the windows" contains far.txt "far.stl:1: the read of 64 bytes.*does not fit.*ddr 0x100000..0x1fffffff"
"$VP" --trace "$SRC/scenarios/traces/sequential.stl" --platform "$SRC/platforms/edgedrnn-ideal.cfg" >kind.txt 2>&1; rc=$?
check "a trace on the calibration platform exits 2" test $rc -eq 2
check "the platform.kind error names the key" contains kind.txt "platform.kind = edgedrnn-ideal"
"$VP" --trace "$SRC/scenarios/traces/sequential.stl" --set trace.max_outstanding=0 >mo.txt 2>&1; rc=$?
check "a bad trace key exits 2" test $rc -eq 2
check "a bad trace key is named" contains mo.txt "trace.max_outstanding"
"$VP" --help >help.txt 2>&1
check "--help lists --trace and the trace keys" test "$(grep -c -- '--trace\|trace.file\|trace.clock_hz\|trace.base_address' help.txt)" -ge 4

# The shipped sweep: every DRAM part x every trace x 1 and 8 in flight.
"$SWEEP" "$SRC/scenarios/traces.sweep" -j 2 --out sweep >sweep.log 2>&1; rc=$?
check "the traces sweep succeeds" test $rc -eq 0
check "the traces sweep has 24 rows" test "$(wc -l <sweep/results.csv)" -eq 25
check "every traces sweep run exits 0" python3 -c "
import csv,sys; rows=list(csv.DictReader(open('sweep/results.csv')))
sys.exit(0 if rows and all(r['exit_status'] == '0' and float(r['trace.bandwidth_bytes_per_s']) > 0 for r in rows) else 1)"

# ---- Output files of a trace run (run.stats_json, run.bandwidth_csv): a missing directory
# fails before the trace is replayed; a failed write exits 2 naming the file, after the
# summary, with the other file still written.
"$VP" --trace scenarios/traces/sequential.stl --stats-json nodir/t.json >out_nodir.log 2>&1; rc=$?
check "trace run: --stats-json in a missing directory exits 2" test $rc -eq 2
check "trace run: the missing directory is named before the replay" \
    bash -c "grep -q 'run.stats_json (--stats-json): cannot write .nodir/t.json.' out_nodir.log && ! grep -q 'trace summary' out_nodir.log"
"$VP" -q --trace scenarios/traces/sequential.stl --outputs out_ignored.txt >out_ign.log 2>&1
check "trace run: --outputs is not written, and says so" \
    bash -c "[ ! -e out_ignored.txt ] && grep -q 'run.outputs (--outputs) is not written' out_ign.log"
# Keys for the workload's platform that a trace run does not use: warned about, as --outputs is.
"$VP" -q --trace scenarios/traces/sequential.stl --set traffic.enable=true --set cpu.model=arm \
    --set run.compare_paper=true >ign_keys.log 2>&1; rc=$?
check "trace run: ignored traffic, cpu and compare_paper keys still run" test $rc -eq 0
check "trace run: traffic.enable is warned about" contains ign_keys.log "warning: vp: trace.file is set: traffic.enable (--set .*) is ignored"
check "trace run: cpu.model is warned about" contains ign_keys.log "warning: vp: trace.file is set: cpu.model (--set .*) is ignored"
check "trace run: run.compare_paper is warned about" \
    contains ign_keys.log "warning: vp: trace.file is set: run.compare_paper (--set .*) is ignored (a trace run has no workload"
"$VP" -q --trace scenarios/traces/sequential.stl >plain.log 2>&1
check "trace run: the platform's own cpu.model is not warned about" sh -c "! grep -q 'warning' plain.log"
if [ -w /dev/full ]; then
    "$VP" -q --trace scenarios/traces/sequential.stl --stats-json full.json --set run.bandwidth_csv=/dev/full \
        >out_full.log 2>&1; rc=$?
    check "trace run: run.bandwidth_csv /dev/full exits 2" test $rc -eq 2
    check "trace run: the failed write is named" contains out_full.log "run.bandwidth_csv (--set .*): writing '/dev/full' failed"
    check "trace run: the summary is still printed" contains out_full.log "== vp trace summary"
    check "trace run: the stats json is still written" json full.json "s['trace.transactions'] == 16384"
fi

echo "vp_trace: $pass passed, $fail failed"
test $fail -eq 0
