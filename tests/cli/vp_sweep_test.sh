#!/usr/bin/env bash
# vp-sweep end to end: a 4-run sweep gives 4 rows; the GNU parallel job list gives the
# same CSV as the local run; bad sweep files are rejected before anything runs.
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

echo "vp_sweep: $pass passed, $fail failed"
test $fail -eq 0
