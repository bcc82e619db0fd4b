#!/usr/bin/env bash
# vp-sweep end to end: a 4-run sweep gives 4 rows; the GNU parallel job list gives the
# same CSV as the local run; bad sweep files, options and output paths are rejected before
# anything runs; a failed run's row never shows stale statistics; CSV quoting; quoted values;
# too many runs; --plot texts, columns and log axes.
# Usage: vp_sweep_test.sh VP_SWEEP_BINARY SOURCE_DIR SCRATCH_DIR
set -u
SWEEP=$1; SRC=$2; TMP=$3
rm -rf "$TMP"; mkdir -p "$TMP"; cd "$TMP" || exit 1
pass=0; fail=0
check() {
    local name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $name"; fi
}
cat >four.sweep <<EOF2
[sweep]
platform = $SRC/platforms/edgedrnn-ideal.cfg
set = synthetic.timesteps=30 synthetic.hidden_size=32
metrics = edgedrnn.cycles_per_step edgedrnn.sparsity edgedrnn.weight_bytes run.mismatches_rnn
[vary]
synthetic.input_size = 8 16
[vary_together]
synthetic.thx = 0 16
synthetic.thh = 0 16
EOF2
"$SWEEP" four.sweep -j 2 --out local >local.log 2>&1; rc=$?
check "a 4-run sweep succeeds" test $rc -eq 0
check "a 4-run sweep gives a header and 4 rows" test "$(wc -l <local/results.csv)" -eq 5
check "every run exits 0" test "$(cut -d, -f5 local/results.csv | tail -n +2 | sort -u)" = "0"
check "thresholds lower the cycles" python3 -c "
import csv; rows=list(csv.DictReader(open('local/results.csv')))
import sys; sys.exit(0 if float(rows[1]['edgedrnn.cycles_per_step']) < float(rows[0]['edgedrnn.cycles_per_step']) else 1)"

if command -v parallel >/dev/null 2>&1; then
    "$SWEEP" four.sweep --out remote --jobs-file jobs.txt --slurm array.sbatch >/dev/null 2>&1
    check "the job list has one line per run" test "$(wc -l <jobs.txt)" -eq 4
    check "the Slurm script is an array of 4" grep -q -- "--array=0-3" array.sbatch
    parallel -j 2 <jobs.txt
    "$SWEEP" four.sweep --out remote --collect >/dev/null 2>&1
    check "GNU parallel reproduces the local CSV" cmp -s local/results.csv remote/results.csv
else
    echo "GNU parallel not installed: its checks are skipped"
fi

# A file value (a DDR preset) is relative to the sweep file, not to where vp-sweep runs;
# the plot's legend names the preset by its file name.
mkdir -p sub/presets
cp "$SRC/platforms/ddr/ddr4-2400-x64.cfg" sub/presets/
cat >sub/preset.sweep <<EOF2
[sweep]
platform = $SRC/platforms/minized.cfg
set = synthetic.timesteps=5 synthetic.hidden_size=32 synthetic.input_size=8
metrics = ddr.data_bus_utilisation run.mismatches_rnn
[vary]
ddr.preset = presets/ddr4-2400-x64.cfg $SRC/platforms/ddr/ddr3l-1066-x16.cfg
EOF2
"$SWEEP" sub/preset.sweep --out presets_out --plot x=run.mismatches_rnn,y=ddr.data_bus_utilisation,series=ddr.preset,logy >presets.log 2>&1; rc=$?
check "a preset relative to the sweep file runs" test $rc -eq 0
check "both preset runs exit 0" test "$(cut -d, -f3 presets_out/results.csv | tail -n +2 | sort -u)" = "0"
check "the legend names a preset by its file name" grep -q "ddr.preset=ddr4-2400-x64'" presets_out/plot.png.gp

printf '[sweep]\nplatform = %s/platforms/minized.cfg\n[vary]\nedgedrnn.clok_hz = 1 2\n' "$SRC" >bad_key.sweep
"$SWEEP" bad_key.sweep --out bad1 >bad1.log 2>&1; rc=$?
check "an unknown key exits 2" test $rc -eq 2
check "the unknown key is named with file:line" grep -q "bad_key.sweep:4: unknown key 'edgedrnn.clok_hz'" bad1.log
check "nothing ran" test ! -e bad1/run_0.json
printf '[sweep]\nplatform = %s/platforms/minized.cfg\n[vary]\nworkload.thx =\n' "$SRC" >empty.sweep
"$SWEEP" empty.sweep --out bad2 >bad2.log 2>&1; rc=$?
check "an empty value list exits 2" test $rc -eq 2
check "the empty list is named" grep -q "empty.sweep:4: 'workload.thx' has no values" bad2.log

# A directory given as the sweep file is named as such.
mkdir -p adir
"$SWEEP" adir >dir.log 2>&1; rc=$?
check "a directory as the sweep file exits 2" test $rc -eq 2
check "a directory as the sweep file is named" grep -q "adir: is a directory, expected a sweep file" dir.log

# The platform and scenario files must exist (and be files) before anything runs.
printf '[sweep]\nplatform = nonexistent.cfg\n[vary]\nsynthetic.thx = 0 8\n' >noplat.sweep
"$SWEEP" noplat.sweep --out bad3 >bad3.log 2>&1; rc=$?
check "a missing platform exits 2" test $rc -eq 2
check "a missing platform is named with file:line" grep -q "noplat.sweep:2: platform '.*nonexistent.cfg' does not exist" bad3.log
check "nothing ran for a missing platform" test ! -e bad3/run_0.status
printf '[sweep]\nplatform = %s/platforms\n[vary]\nsynthetic.thx = 0 8\n' "$SRC" >dirplat.sweep
"$SWEEP" dirplat.sweep --out bad4 >bad4.log 2>&1; rc=$?
check "a platform directory exits 2" test $rc -eq 2
check "a platform directory is named" grep -q "dirplat.sweep:2: platform '.*platforms' is a directory, expected a file" bad4.log
printf '[sweep]\nplatform = %s/platforms/minized.cfg\nscenario = nosuch.cfg\n[vary]\nsynthetic.thx = 0 8\n' "$SRC" >noscen.sweep
"$SWEEP" noscen.sweep --out bad5 >bad5.log 2>&1; rc=$?
check "a missing scenario is named with file:line" grep -q "noscen.sweep:3: scenario '.*nosuch.cfg' does not exist" bad5.log

# A key swept twice, or both set and swept, is rejected naming both lines.
printf '[sweep]\nplatform = %s/platforms/minized.cfg\n[vary]\nsynthetic.thx = 0 8\nsynthetic.thx = 16 32\n' "$SRC" >dup.sweep
"$SWEEP" dup.sweep --out bad6 >bad6.log 2>&1; rc=$?
check "a duplicate [vary] key exits 2" test $rc -eq 2
check "a duplicate [vary] key names both lines" grep -q "dup.sweep:5: 'synthetic.thx' is already given at .*dup.sweep:4" bad6.log
check "nothing ran for a duplicate key" test ! -e bad6/run_0.status
printf '[sweep]\nplatform = %s/platforms/minized.cfg\nset = synthetic.thx=4\n[vary_together]\nsynthetic.thx = 0 8\n' "$SRC" >dup2.sweep
"$SWEEP" dup2.sweep --out bad7 >bad7.log 2>&1; rc=$?
check "a key both set and swept is rejected" grep -q "dup2.sweep:5: 'synthetic.thx' is already given at .*dup2.sweep:3" bad7.log

# -j must be a sane positive number.
for j in -1 0 abc 5000 1.5; do
    "$SWEEP" four.sweep -j "$j" --out badj >badj.log 2>&1; rc=$?
    check "-j $j exits 2" test $rc -eq 2
    check "-j $j is explained" grep -q "expected the number of runs at once, a whole number from 1 to 1024" badj.log
done
check "nothing ran for a bad -j" test ! -e badj/run_0.status

# A bad --csv, --plot or --plot-file is found before any run starts.
"$SWEEP" four.sweep --out badcsv --csv nodir/x.csv >badcsv.log 2>&1; rc=$?
check "a --csv in a missing folder exits 2" test $rc -eq 2
check "the --csv folder is named" grep -q "\-\-csv: cannot write 'nodir/x.csv': the directory 'nodir' does not exist" badcsv.log
check "nothing ran for a bad --csv" test ! -e badcsv/run_0.status
"$SWEEP" four.sweep --out badplot --plot x=synthetic.thx,y=edgedrnn.cycles_per_stpe >badplot.log 2>&1; rc=$?
check "a --plot column not in the CSV exits 2" test $rc -eq 2
check "the --plot column is named" grep -q "y=edgedrnn.cycles_per_stpe is not a column" badplot.log
check "nothing ran for a bad --plot" test ! -e badplot/run_0.status
"$SWEEP" four.sweep --out badplot --plot x=synthetic.thx,why=1 >badplot2.log 2>&1; rc=$?
check "a malformed --plot exits 2" test $rc -eq 2
"$SWEEP" four.sweep --out badplot --plot x=synthetic.thx,y=run --plot-file p.jpg >badplot3.log 2>&1; rc=$?
check "a --plot-file that is not .png or .svg exits 2" test $rc -eq 2
check "nothing ran for a bad --plot-file" test ! -e badplot/run_0.status

# --plot texts go into a gnuplot script: a line break (which would start a gnuplot command)
# is refused before anything runs or is created; a part given twice is refused.
"$SWEEP" four.sweep --out inject --plot "x=synthetic.thx,y=edgedrnn.cycles_per_step,title=$(printf 'a\nsystem "touch pwned"')" >inject.log 2>&1; rc=$?
check "a line break in title= exits 2" test $rc -eq 2
check "the line break is named" grep -q "title=a\\\\nsystem .* holds a control character (\\\\n)" inject.log
check "no gnuplot command ran and nothing was created" test ! -e pwned -a ! -e inject
"$SWEEP" four.sweep --out inject --plot x=synthetic.thx,y=run --plot-file "$(printf 'a\rb.png')" >inject2.log 2>&1; rc=$?
check "a control character in --plot-file exits 2" test $rc -eq 2
"$SWEEP" four.sweep --out badplot --plot x=synthetic.thx,y=run,x=synthetic.thh >twice.log 2>&1; rc=$?
check "a --plot part given twice exits 2" test $rc -eq 2
check "the part given twice is named" grep -q "\-\-plot: 'x' is given twice" twice.log
# A swept x or y must be numbers (in one unit): known from the sweep file, so before any run.
printf '[sweep]\nplatform = %s/platforms/minized.cfg\n[vary]\nhp.arbitration = round_robin fixed_priority\nddr.tRCD = "13.125 ns" "7 ck"\nsynthetic.thx = 0\n' "$SRC" >strx.sweep
"$SWEEP" strx.sweep --out strx --plot x=hp.arbitration,y=run.latency_us.mean >strx.log 2>&1; rc=$?
check "a non-numeric swept x exits 2" test $rc -eq 2
check "the non-numeric x is named with its line" grep -q "x=hp.arbitration is not a number: .*strx.sweep:4 sweeps it over 'round_robin'" strx.log
check "nothing ran for a non-numeric x" test ! -e strx/run_0.status
"$SWEEP" strx.sweep --out strx --plot x=ddr.tRCD,y=run.latency_us.mean >units.log 2>&1; rc=$?
check "a swept x in mixed units exits 2" test $rc -eq 2
check "the mixed units are named" grep -q "x=ddr.tRCD mixes units ('13.125 ns' and '7 ck'" units.log
"$SWEEP" strx.sweep --out strx --plot x=synthetic.thx,y=run.latency_us.mean,logx >logall.log 2>&1; rc=$?
check "logx with every swept x <= 0 exits 2" test $rc -eq 2
check "logx with every x <= 0 is explained" grep -q "logx: every value of x=synthetic.thx (.*strx.sweep:6) is <= 0" logall.log
# logx with some x <= 0 plots the rest and warns how many points are left out.
"$SWEEP" four.sweep --out local --collect --plot x=synthetic.thx,y=edgedrnn.cycles_per_step,logx >logx.log 2>&1; rc=$?
check "logx with some x = 0 still plots" test $rc -eq 0
check "logx names the points left out" grep -q "warning: --plot: 2 of 4 points are left out, .*2 with x=synthetic.thx <= 0 (logx)" logx.log
# A y no run gave a value: the plot fails naming the column (the CSV stands).
printf '[sweep]\nplatform = %s/platforms/minized.cfg\nmetrics = edgedrnn.cycles_per_step\n[vary]\nhp.width_bytes = 3\n' "$SRC" >nopoint.sweep
"$SWEEP" nopoint.sweep --out nopoint --plot x=hp.width_bytes,y=edgedrnn.cycles_per_step >nopoint.log 2>&1; rc=$?
check "a plot with no point exits 1" test $rc -eq 1
check "the empty y is named" grep -q "y=edgedrnn.cycles_per_step has no number in .*results.csv (no run gave it a value); nothing to plot" nopoint.log

# A sweep of too many runs is refused from the value counts, before anything is built
# (10^8 runs used to exhaust memory), also when the count overflows 64 bits.
# A sweep that must be refused before it builds anything runs under a memory cap, so a
# regression fails here instead of eating the machine. (Not under AddressSanitizer, which
# reserves terabytes of address space for its shadow memory.)
MEMCAP="ulimit -v 1000000"
if ldd "$SWEEP" 2>/dev/null | grep -q libasan; then MEMCAP=":"; fi
python3 -c "
v=lambda a:' '.join(map(str,range(a,a+100)))
print('[sweep]\nplatform = $SRC/platforms/minized.cfg\nmetrics = edgedrnn.cycles_per_step\n[vary]')
for k,a in [('synthetic.thx',0),('synthetic.thh',0),('synthetic.seed',0),('synthetic.timesteps',1)]: print(k,'=',v(a))" >big.sweep
($MEMCAP; timeout 20 "$SWEEP" big.sweep --out big --jobs-file bigjobs.txt) >big.log 2>&1; rc=$?
check "a 10^8-run sweep exits 2" test $rc -eq 2
check "the run count and keys are named" grep -q "big.sweep: 100000000 runs: synthetic.thx (100 values) x synthetic.thh (100 values) x synthetic.seed (100 values) x synthetic.timesteps (100 values); a sweep may have at most 100000 runs" big.log
check "nothing was written for a 10^8-run sweep" test ! -e bigjobs.txt -a ! -e big
python3 -c "
v=' '.join(map(str,range(1,1001)))
print('[sweep]\nplatform = $SRC/platforms/minized.cfg\n[vary]')
for k in ['cpu.cache_line_ns','cpu.hal_access_ns','cpu.hal_call_ns','ddr.latency_ns','synthetic.seed','synthetic.timesteps','cpu.cpi']: print(k,'=',v)" >huge.sweep
($MEMCAP; timeout 20 "$SWEEP" huge.sweep --out huge --jobs-file hugejobs.txt) >huge.log 2>&1; rc=$?
check "a sweep of 10^21 runs exits 2" test $rc -eq 2
check "a count beyond 64 bits is named" grep -q "huge.sweep: more than 18446744073709551615 runs" huge.log

# Write errors on the outputs are errors naming the file.
"$SWEEP" four.sweep --out local --collect --csv /dev/full >full.log 2>&1; rc=$?
check "--csv /dev/full fails" test $rc -ne 0
check "--csv /dev/full is named" grep -q "the CSV: writing '/dev/full' failed" full.log
"$SWEEP" four.sweep --out fulljobs --jobs-file /dev/full >fulljobs.log 2>&1; rc=$?
check "--jobs-file /dev/full fails" test $rc -ne 0
check "--jobs-file /dev/full is named" grep -q "the job list: writing '/dev/full' failed" fulljobs.log

# --collect where nothing ran reports every run missing and fails.
mkdir -p emptyout
"$SWEEP" four.sweep --out emptyout --collect >collect_empty.log 2>&1; rc=$?
check "--collect on an empty folder exits 1" test $rc -eq 1
check "--collect names the runs not run" grep -q "4 runs, 4 failed (0 with a non-zero exit status, 4 not run" collect_empty.log
"$SWEEP" four.sweep --out nosuchout --collect >collect_none.log 2>&1; rc=$?
check "--collect on a missing folder exits 2" test $rc -eq 2

# A failed run's row never shows a previous sweep's statistics: locally and through a
# job list (run here with bash, one line after another), and with --collect.
stale() {
    printf '[sweep]\nplatform = %s/platforms/minized.cfg\nset = synthetic.timesteps=3 synthetic.hidden_size=32 synthetic.input_size=8\nmetrics = edgedrnn.cycles_per_step\n[vary]\nhp.width_bytes = %s\n' "$SRC" "$1" >stale.sweep
}
stale "8 16"; "$SWEEP" stale.sweep -j 2 --out stale >stale1.log 2>&1
check "the first stale sweep fills its metric" test -n "$(sed -n 2p stale/results.csv | cut -d, -f4)"
stale "3 16"; "$SWEEP" stale.sweep -j 2 --out stale >stale2.log 2>&1; rc=$?
check "a sweep with a failed run exits 1" test $rc -eq 1
check "the failed run shows exit 2 and no metric" test "$(sed -n 2p stale/results.csv)" = "0,3,2,"
check "the failed run is named with its log" grep -q "run 0 (hp.width_bytes=3): exit status 2, see .*run_0.log" stale2.log
stale "8 16"; "$SWEEP" stale.sweep -j 2 --out stalejobs >/dev/null 2>&1
stale "3 16"; "$SWEEP" stale.sweep --out stalejobs --jobs-file stalejobs.txt >/dev/null 2>&1
"$SWEEP" stale.sweep --out stalejobs --collect >stale3.log 2>&1; rc=$?
check "--collect before the job list ran reports the runs missing" test $rc -eq 1
check "--collect before the job list ran shows no old metrics" test "$(sed -n 2p stalejobs/results.csv)" = "0,3,,"
bash stalejobs.txt
"$SWEEP" stale.sweep --out stalejobs --collect >stale4.log 2>&1; rc=$?
check "--collect after a failed job exits 1" test $rc -eq 1
check "the failed job's row shows no old metric" test "$(sed -n 2p stalejobs/results.csv)" = "0,3,2,"
check "the good job's row has its metric" test -n "$(sed -n 3p stalejobs/results.csv | cut -d, -f4)"

# A value holding a comma is quoted in the CSV (RFC 4180) and reads back as one cell.
printf '[sweep]\nplatform = %s/platforms/minized.cfg\nset = synthetic.timesteps=3 synthetic.hidden_size=32 synthetic.input_size=8 hp.arbitration=fixed_priority\nmetrics = edgedrnn.cycles_per_step\n[vary]\nhp.priority_order = edgedrnn_weights,dma_mm2s dma_mm2s,edgedrnn_weights\n' "$SRC" >comma.sweep
"$SWEEP" comma.sweep --out comma >comma.log 2>&1; rc=$?
check "the comma sweep succeeds" test $rc -eq 0
check "a value with a comma is quoted" grep -q '^0,"edgedrnn_weights,dma_mm2s",0,' comma/results.csv
check "the quoted CSV reads back" python3 -c "
import csv,sys; rows=list(csv.DictReader(open('comma/results.csv')))
sys.exit(0 if rows[1]['hp.priority_order']=='dma_mm2s,edgedrnn_weights' and rows[1]['exit_status']=='0' and rows[1]['edgedrnn.cycles_per_step'] else 1)"

# A misspelt metric is an error naming it and a near key; the CSV is still written.
printf '[sweep]\nplatform = %s/platforms/minized.cfg\nset = synthetic.timesteps=3 synthetic.hidden_size=32 synthetic.input_size=8\nmetrics = edgedrnn.cycles_per_stpe\n[vary]\nsynthetic.thx = 0 8\n' "$SRC" >metric.sweep
"$SWEEP" metric.sweep --out metric >metric.log 2>&1; rc=$?
check "a metric in no run's statistics exits 2" test $rc -eq 2
check "the missing metric is named with file:line and a near key" grep -q "metric.sweep:4: metric 'edgedrnn.cycles_per_stpe' is in no run's statistics; near keys: edgedrnn.cycles_per_step" metric.log
check "the CSV is still written" test "$(wc -l <metric/results.csv)" -eq 3

# Values with spaces (DRAM times with units) in double quotes.
printf '[sweep]\nplatform = %s/platforms/minized.cfg\nset = synthetic.timesteps=3 synthetic.hidden_size=32 synthetic.input_size=8 ddr.tRP="13.125 ns"\nmetrics = run.latency_us.mean ddr.row_hit_rate\n[vary]\nddr.tRCD = "13.125 ns" "1 us"\n' "$SRC" >trcd.sweep
"$SWEEP" trcd.sweep --out trcd >trcd.log 2>&1; rc=$?
check "the ddr.tRCD sweep succeeds" test $rc -eq 0
check "a quoted value is one value" python3 -c "
import csv,sys; rows=list(csv.DictReader(open('trcd/results.csv')))
sys.exit(0 if [r['ddr.tRCD'] for r in rows]==['13.125 ns','1 us'] and float(rows[1]['run.latency_us.mean']) > float(rows[0]['run.latency_us.mean']) else 1)"
printf '[sweep]\nplatform = %s/platforms/minized.cfg\n[vary]\nddr.tRCD = "13.125 ns\n' "$SRC" >quote.sweep
"$SWEEP" quote.sweep --out bad8 >bad8.log 2>&1; rc=$?
check "an unterminated quote exits 2" test $rc -eq 2
check "an unterminated quote is named with file:line" grep -q "quote.sweep:4: unterminated" bad8.log

echo "vp_sweep: $pass passed, $fail failed"
test $fail -eq 0
