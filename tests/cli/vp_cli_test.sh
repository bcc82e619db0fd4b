#!/usr/bin/env bash
# The vp command as a user meets it: exit statuses, messages that name the file, line
# and key, the outputs file, and bit-for-bit deterministic runs.
# Usage: vp_cli_test.sh VP_BINARY SOURCE_DIR SCRATCH_DIR SHARED_DATA_DIR
set -u
VP=$1; SRC=$2; TMP=$3; DATA=$4
rm -rf "$TMP"; mkdir -p "$TMP"
pass=0; fail=0
check() {  # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $name"; fi
}
contains() { grep -q -- "$2" "$1"; }

# Default job: synthetic network on the default platform, all outputs match.
"$VP" --outputs "$TMP/out1.txt" --stats-json "$TMP/s1.json" >"$TMP/run1.log" 2>&1; rc=$?
check "default job exits 0" test $rc -eq 0
check "summary reports 0 mismatches" contains "$TMP/run1.log" "RNN 0 / "
check "the application's console output is shown" contains "$TMP/run1.log" "\[uart1\] Benchmark Successful"
check "the summary reports the application's latency" contains "$TMP/run1.log" "app latency/step"
check "outputs file has one line per step" test "$(wc -l <"$TMP/out1.txt")" -eq 200
check "an output line holds H_L integers" test "$(head -1 "$TMP/out1.txt" | wc -w)" -eq 64
check "stats json has the public keys" python3 -c "
import json,sys; s=json.load(open('$TMP/s1.json'))
keys=['edgedrnn.timesteps','edgedrnn.columns','edgedrnn.sparsity','edgedrnn.cycles','edgedrnn.weight_bytes','run.mismatches_rnn','run.mismatches_fc','sim.wall_s','sim.simulated_s']
sys.exit(0 if all(k in s for k in keys) else 1)"

# Determinism: a second run gives the same outputs and counters (wall time aside).
"$VP" --outputs "$TMP/out2.txt" --stats-json "$TMP/s2.json" >/dev/null 2>&1
check "outputs identical across runs" cmp -s "$TMP/out1.txt" "$TMP/out2.txt"
check "counters identical across runs" python3 -c "
import json,sys
a,b=(json.load(open(f)) for f in ('$TMP/s1.json','$TMP/s2.json'))
for d in (a,b):
    for k in ('sim.wall_s','sim.cpu_s','sim.speed','run.setup_wall_s'): d.pop(k)
sys.exit(0 if a==b else 1)"

# Polling loops: waiting for the DMA's change event instead of simulating every read
# gives the same outputs and, within 3 %, the same latency the application measures.
"$VP" -q --set cpu.poll_skip=false --outputs "$TMP/poll_off.txt" --stats-json "$TMP/poll_off.json" >/dev/null 2>&1
check "read-by-read polling gives the same outputs" cmp -s "$TMP/out1.txt" "$TMP/poll_off.txt"
check "poll skipping keeps the measured latency within 3 %" python3 -c "
import json,sys
on,off=(json.load(open(f)) for f in ('$TMP/s1.json','$TMP/poll_off.json'))
a,b=on['run.latency_us.mean'],off['run.latency_us.mean']
sys.exit(0 if abs(a-b) <= 0.03*b and on['cpu.polls_skipped'] > 0 and off['cpu.polls_skipped'] == 0 else 1)"

# The accelerator's lookahead is a speed knob only: alone on the memory, a 1 us and a
# 100 us quantum give the same counters, DMA and CPU included (the encoder takes each input
# beat at its scan cycle, before fetches that synchronise far beyond it).
for q in 1000 100000; do
    "$VP" -q --scenario "$SRC/scenarios/paper.cfg" --set synthetic.timesteps=20 --set run.compare_paper=false \
        --set edgedrnn.quantum_ns=$q --stats-json "$TMP/quantum_$q.json" >/dev/null 2>&1
done
check "the accelerator's quantum changes no counter" python3 -c "
import json,sys
a,b=(json.load(open(f'$TMP/quantum_{q}.json')) for q in (1000,100000))
for d in (a,b):
    for k in ('sim.wall_s','sim.cpu_s','sim.speed','run.setup_wall_s'): d.pop(k)
diff=[k for k in a if a[k]!=b.get(k)]
print(diff[:5]) if diff else None
sys.exit(0 if not diff and a['axi_dma.mm2s.transfers'] == 20 else 1)"

# Bandwidth per time window (run.bandwidth_csv): the weight port's windows add up to its
# byte counter (the CSV prints 3 significant digits: within 1 %).
"$VP" -q --scenario "$SRC/scenarios/paper.cfg" --set synthetic.timesteps=10 --set run.compare_paper=false \
    --set run.bandwidth_csv="$TMP/bw.csv" --stats-json "$TMP/bw.json" >/dev/null 2>&1
check "the bandwidth CSV adds up to the port's bytes" python3 -c "
import csv,json,sys
rows=list(csv.DictReader(open('$TMP/bw.csv')))
col='hp.edgedrnn_weights.rd.bytes_per_s'
window_s=(float(rows[1]['window_start_us'])-float(rows[0]['window_start_us']))*1e-6
total=sum(float(r[col]) for r in rows)*window_s
want=json.load(open('$TMP/bw.json'))['hp.edgedrnn_weights.rd.bytes']
sys.exit(0 if want > 0 and abs(total-want) <= 0.01*want else 1)"

# A 1 ns window on a run that stalls for 7.4 simulated s once took 5 GB: the series and the
# table are bounded (2^20 windows), with a warning naming the window key.
"$VP" -q --set edgedrnn.num_pe=64 --set synthetic.timesteps=1 --set hp.bandwidth_window_ns=1 \
    --set run.bandwidth_csv="$TMP/bw_tiny.csv" >"$TMP/bw_tiny.log" 2>&1
check "a tiny bandwidth window: the table is bounded" test "$(wc -l <"$TMP/bw_tiny.csv")" -le 1048577
check "a tiny bandwidth window: the bound is warned about, naming the key" \
    contains "$TMP/bw_tiny.log" "run.bandwidth_csv: the table stops after 1048576 rows .*hp.bandwidth_window_ns"

# --set workload.timesteps and --help.
"$VP" -q --set workload.timesteps=7 --outputs "$TMP/out3.txt" >/dev/null 2>&1
check "workload.timesteps limits the run" test "$(wc -l <"$TMP/out3.txt")" -eq 7
"$VP" --help >"$TMP/help.txt" 2>&1; rc=$?
check "--help exits 0" test $rc -eq 0
check "--help lists config keys with units" contains "$TMP/help.txt" "edgedrnn.clock_hz.*125000000.*\[Hz\]"
check "--help lists options" contains "$TMP/help.txt" "--stats-json"

# Usage and configuration errors: exit 2 and a message naming what was wrong.
"$VP" --no-such-option >"$TMP/e1.txt" 2>&1; rc=$?
check "unknown option exits 2" test $rc -eq 2
printf '[edgedrnn]\nclock_hz = 125000000\nclok_hz = 5\n' >"$TMP/bad.cfg"
"$VP" --platform "$TMP/bad.cfg" >"$TMP/e2.txt" 2>&1; rc=$?
check "unknown key in a file exits 2" test $rc -eq 2
check "unknown key names file:line and key" contains "$TMP/e2.txt" "bad.cfg:3: unknown key 'edgedrnn.clok_hz'"
"$VP" --set edgedrnn.clock_hz=fast >"$TMP/e3.txt" 2>&1; rc=$?
check "bad value exits 2" test $rc -eq 2
check "bad value says what was expected" contains "$TMP/e3.txt" "edgedrnn.clock_hz.*expected an integer in Hz from 1000000 to 10000000000"
"$VP" --set edgedrnn.num_pe=12 >"$TMP/e4.txt" 2>&1; rc=$?
check "a PE count that is not a power of two is rejected" test $rc -eq 2
check "the PE count error names the key" contains "$TMP/e4.txt" "edgedrnn.num_pe = 12: expected a power of two"
"$VP" --set edgedrnn.num_pe=512 >"$TMP/e4b.txt" 2>&1; rc=$?
check "a PE count beyond 256 is rejected" test $rc -eq 2
printf '[platform]\nkind = edgedrnn-ideal\n[workload]\nnetwork = missing.c\nstimulus = missing_test.c\n' >"$TMP/sc.cfg"
"$VP" --scenario "$TMP/sc.cfg" >"$TMP/e5.txt" 2>&1; rc=$?
check "missing network file exits 2" test $rc -eq 2
check "missing network is named with the scenario's folder" contains "$TMP/e5.txt" "$TMP/missing.c"

# The real network, when ../shared is present.
if [ -d "$DATA/sdk-export" ]; then
    TB="$DATA/rtl-testbench"
    "$VP" -q --network "$DATA/sdk-export/edgedrnn_params.c" --stimulus "$DATA/sdk-export/edgedrnn_test.c" \
        >"$TMP/real.log" 2>&1; rc=$?
    check "real network via SDK export exits 0" test $rc -eq 0
    check "real network: 0 RNN and 0 classifier mismatches" contains "$TMP/real.log" "RNN 0 / 16000, classifier 0 / 2000"
    # A gold file with one element changed: exit 1.
    sed '5s/^..../7FFF/' "$TB/edgedrnn_tb_gold_rnn.txt" >"$TMP/gold_bad.txt"
    "$VP" -q --platform "$SRC/platforms/edgedrnn-ideal.cfg" --network "$TB/edgedrnn_tb_params.txt" \
        --registers "$TB/edgedrnn_tb_creg.txt" --stimulus "$TB/edgedrnn_tb_stim.txt" \
        --gold "$TMP/gold_bad.txt" >"$TMP/mm.log" 2>&1; rc=$?
    check "a mismatch exits 1" test $rc -eq 1
    check "the mismatch is reported" contains "$TMP/mm.log" "RNN 1 / 16000"
    # On the SoC the application stops at the first mismatch, as the real driver does.
    "$VP" -q --network "$TB/edgedrnn_tb_params.txt" --registers "$TB/edgedrnn_tb_creg.txt" \
        --stimulus "$TB/edgedrnn_tb_stim.txt" --gold "$TMP/gold_bad.txt" >"$TMP/mm2.log" 2>&1; rc=$?
    check "a mismatch on the SoC exits 1" test $rc -eq 1
    check "the application stops at the mismatching step" contains "$TMP/mm2.log" "Mismatch at step 2"
    check "the verdict names the step" contains "$TMP/mm2.log" "first at time step 2"
    head -c 3000 "$DATA/sdk-export/edgedrnn_params.c" >"$TMP/edgedrnn_params.c"
    cp "$DATA/sdk-export/edgedrnn_params.h" "$TMP/"
    "$VP" -q --network "$TMP/edgedrnn_params.c" --stimulus "$DATA/sdk-export/edgedrnn_test.c" >"$TMP/e6.txt" 2>&1; rc=$?
    check "truncated network exits 2" test $rc -eq 2
    check "truncated network error names file and line" contains "$TMP/e6.txt" "edgedrnn_params.c:[0-9]*:"
else
    echo "real EdgeDRNN data not found at $DATA: its CLI checks are skipped"
fi

# ---- Output files: checked before the run, every write checked after it.
# A bad path fails at once (a run of 10^6 steps would take minutes), names the key and the
# path, and leaves no empty file behind for the outputs that were fine.
for opt in "--outputs" "--stats-json" "--set run.bandwidth_csv="; do
    case $opt in --set*) args=(--set "run.bandwidth_csv=$TMP/nodir/f.txt"); key=run.bandwidth_csv ;;
                 --outputs) args=(--outputs "$TMP/nodir/f.txt"); key=run.outputs ;;
                 *) args=(--stats-json "$TMP/nodir/f.txt"); key=run.stats_json ;; esac
    rm -f "$TMP/early.txt" "$TMP/early.json"
    [ "$key" = run.outputs ] && other=(--stats-json "$TMP/early.json") || other=(--outputs "$TMP/early.txt")
    timeout 10 "$VP" -q "${args[@]}" "${other[@]}" --set synthetic.timesteps=1000000 >"$TMP/od.log" 2>&1; rc=$?
    check "$key in a missing directory exits 2 before simulating" test $rc -eq 2
    check "$key in a missing directory: message names key and path" contains "$TMP/od.log" "$key.*nodir/f.txt.*does not exist"
    check "$key in a missing directory: nothing simulated" bash -c "! grep -q 'uart1\\|vp summary' '$TMP/od.log'"
    check "$key in a missing directory: no empty file left for the other output" \
        bash -c "[ ! -e '$TMP/early.txt' ] && [ ! -e '$TMP/early.json' ]"
done
timeout 10 "$VP" -q --stats-json "$TMP" --set synthetic.timesteps=1000000 >"$TMP/odir.log" 2>&1; rc=$?
check "a directory as --stats-json exits 2" test $rc -eq 2
check "a directory as --stats-json is named" contains "$TMP/odir.log" "run.stats_json (--stats-json): cannot write.*is a directory"
if [ -w /dev/full ]; then
    # A failed write: exit 2 naming the file, the summary still printed, the other files written.
    "$VP" -q --outputs /dev/full --stats-json "$TMP/full1.json" --set synthetic.timesteps=3 >"$TMP/full1.log" 2>&1; rc=$?
    check "--outputs /dev/full exits 2" test $rc -eq 2
    check "--outputs /dev/full is named" contains "$TMP/full1.log" "vp: error: run.outputs (--outputs): writing '/dev/full' failed"
    check "--outputs /dev/full: the summary is still printed" contains "$TMP/full1.log" "== vp summary"
    check "--outputs /dev/full: the stats json is still written" python3 -c "import json; json.load(open('$TMP/full1.json'))"
    "$VP" -q --stats-json /dev/full --outputs "$TMP/full2.txt" --set run.bandwidth_csv=/dev/full \
        --set synthetic.timesteps=3 >"$TMP/full2.log" 2>&1; rc=$?
    check "--stats-json /dev/full exits 2" test $rc -eq 2
    check "--stats-json /dev/full is named" contains "$TMP/full2.log" "run.stats_json (--stats-json): writing '/dev/full' failed"
    check "run.bandwidth_csv /dev/full is named" contains "$TMP/full2.log" "run.bandwidth_csv (--set .*): writing '/dev/full' failed"
    check "--stats-json /dev/full: the outputs are still written" test "$(wc -l <"$TMP/full2.txt")" -eq 3
fi

# ---- The job's memory areas must not overlap (the probe's two placements).
"$VP" -q --set software.data_address=0x00F00000 --set synthetic.timesteps=3 >"$TMP/ov1.log" 2>&1; rc=$?
check "data area on the descriptor exits 2" test $rc -eq 2
check "data area on the descriptor names both keys" \
    contains "$TMP/ov1.log" "configuration error: software.descriptor_address (.*0xf00000\.\..*) overlaps software.data_address"
"$VP" -q --set software.data_address=0 --set synthetic.timesteps=3 >"$TMP/ov2.log" 2>&1; rc=$?
check "data area on the receive buffer exits 2" test $rc -eq 2
check "data area on the receive buffer names both keys" \
    contains "$TMP/ov2.log" "software.data_address (.*0x0\.\..*) overlaps software.rx_address (the receive buffer, 0x7a8\.\.0x827)"

# ---- Inputs the run would ignore are refused, naming the option.
for opt in stimulus gold registers; do
    "$VP" -q "--$opt" "$TMP/some_file.txt" --set synthetic.timesteps=3 >"$TMP/ign.log" 2>&1; rc=$?
    check "--$opt without --network exits 2" test $rc -eq 2
    check "--$opt without --network is named" contains "$TMP/ign.log" "workload.$opt (--$opt) is set but workload.network (--network) is not"
done
for opt in registers gold; do
    "$VP" -q --network "$TMP/edgedrnn_params.c" --stimulus "$TMP/edgedrnn_test.c" "--$opt" "$TMP/x.txt" >"$TMP/ign.log" 2>&1; rc=$?
    check "--$opt with an SDK-export network exits 2" test $rc -eq 2
    check "--$opt with an SDK-export network is named" contains "$TMP/ign.log" "workload.$opt (--$opt): an SDK-export network (.c)"
done
"$VP" -q --set workload.weight_address=0x4 --set synthetic.timesteps=3 >"$TMP/wa.log" 2>&1; rc=$?
check "workload.weight_address on minized exits 2" test $rc -eq 2
check "workload.weight_address on minized says why" contains "$TMP/wa.log" "workload.weight_address is for platform.kind = edgedrnn-ideal"
"$VP" -q --platform "$SRC/platforms/edgedrnn-ideal.cfg" --set workload.weight_address=0x4 \
    --set synthetic.timesteps=3 >"$TMP/wa2.log" 2>&1; rc=$?
check "an unaligned workload.weight_address on edgedrnn-ideal exits 2" test $rc -eq 2

# ---- Tiny ARM programs for the checks below (32-bit ARM ELF, one PT_LOAD at 0x100000 and
# an `_exit` symbol): exit7.elf returns 7 at once, wfi.elf sleeps in WFI with IRQs masked.
python3 - "$TMP" <<'PY'
import struct, sys
def elf(path, words, exit_at):
    B = 0x100000
    code = struct.pack('<%dI' % len(words), *words)
    strtab = b'\0_exit\0'
    symtab = bytes(16) + struct.pack('<IIIBBH', 1, B + exit_at, 0, (1 << 4) | 2, 0, 1)
    code_off = 52 + 32
    sym_off = code_off + len(code); str_off = sym_off + len(symtab); sh_off = str_off + len(strtab)
    eh = b'\x7fELF\x01\x01\x01' + bytes(9) + struct.pack('<HHIIIIIHHHHHH', 2, 40, 1, B, 52, sh_off, 0, 52, 32, 1, 40, 3, 0)
    ph = struct.pack('<8I', 1, code_off, B, B, len(code), len(code), 7, 4)
    sh = bytes(40) + struct.pack('<10I', 0, 2, 0, 0, sym_off, len(symtab), 2, 1, 4, 16) \
                   + struct.pack('<10I', 0, 3, 0, 0, str_off, len(strtab), 0, 0, 1, 0)
    open(sys.argv[1] + '/' + path, 'wb').write(eh + ph + code + symtab + strtab + sh)
elf('exit7.elf', [0xE3A00007, 0xEAFFFFFF, 0xEAFFFFFE], 8)                # mov r0,#7; b _exit; _exit: b .
elf('wfi.elf', [0xF10C0080, 0xE320F003, 0xEAFFFFFC, 0xEAFFFFFE], 12)     # cpsid i; wfi; b wfi
PY

# ---- The traffic generator's ranges must be memory its port reaches (the probe's read
# at 0x30000000 did nothing and exited 0; a write at 0xE0001000 wrote the UART).
"$VP" -q --set traffic.enable=true --set traffic.read_address=0x30000000 --set synthetic.timesteps=2 >"$TMP/tg1.log" 2>&1; rc=$?
check "traffic read range outside memory exits 2" test $rc -eq 2
check "traffic read range outside memory names the key and the windows" \
    contains "$TMP/tg1.log" "traffic.read_address (.*0x30000000\.\.0x300fffff) is not all in one memory window, expected ocm_low 0x0\.\..*ddr 0x100000\.\.0x1fffffff"
"$VP" -q --set traffic.enable=true --set traffic.write_address=0xE0001000 --set synthetic.timesteps=2 >"$TMP/tg2.log" 2>&1; rc=$?
check "traffic write range on the UART exits 2" test $rc -eq 2
check "traffic write range on the UART names the key" contains "$TMP/tg2.log" "traffic.write_address (.*0xe0001000\.\..*) is not all in one memory window"

# ---- The job, the ARM program's segments and the traffic generator's writes must not overlap.
"$VP" -q --set cpu.model=arm --set cpu.elf="$TMP/exit7.elf" --set software.descriptor_address=0x100000 \
    --set synthetic.timesteps=2 >"$TMP/pov1.log" 2>&1; rc=$?
check "descriptor on the program exits 2" test $rc -eq 2
check "descriptor on the program names both" \
    contains "$TMP/pov1.log" "software.descriptor_address (the job descriptor, 0x100000\.\..*) overlaps cpu.elf .*exit7.elf (the segment of program header 0, 0x100000\.\.0x10000b)"
"$VP" -q --set cpu.model=arm --set cpu.elf="$TMP/exit7.elf" --set software.rx_address=0x100008 \
    --set synthetic.timesteps=2 >"$TMP/pov2.log" 2>&1; rc=$?
check "receive buffer on the program exits 2" test $rc -eq 2
check "receive buffer on the program names both" contains "$TMP/pov2.log" "software.rx_address (.*) overlaps cpu.elf"
"$VP" -q --set traffic.enable=true --set traffic.write_address=0x1000000 --set synthetic.timesteps=2 >"$TMP/pov3.log" 2>&1; rc=$?
check "traffic writes on the data area exit 2" test $rc -eq 2
check "traffic writes on the data area name both" \
    contains "$TMP/pov3.log" "software.data_address (.*) overlaps traffic.write_address (the traffic generator's copy destination"
"$VP" -q --set traffic.enable=true --set cpu.model=arm --set cpu.elf="$TMP/exit7.elf" --set traffic.write_address=0x100000 \
    --set synthetic.timesteps=2 >"$TMP/pov4.log" 2>&1; rc=$?
check "traffic writes on the program exit 2" test $rc -eq 2
check "traffic writes on the program name both" contains "$TMP/pov4.log" "cpu.elf .*exit7.elf (.*) overlaps traffic.write_address"

# ---- A long quantum beside the traffic generator changes the results: warned once, naming both keys.
"$VP" -q --set traffic.enable=true --set sim.quantum_ns=10000 --set synthetic.timesteps=2 >"$TMP/q1.log" 2>&1; rc=$?
check "a long quantum with traffic still runs" test $rc -eq 0
check "a long quantum with traffic is warned about" \
    contains "$TMP/q1.log" "warning: vp: sim.quantum_ns = 10000 (--set .*) with traffic.enable = true: .*results depend on the quantum above 1000 ns"
check "the quantum warning is given once" test "$(grep -c 'sim.quantum_ns = 10000' "$TMP/q1.log")" -eq 1
"$VP" -q --set traffic.enable=true --set synthetic.timesteps=2 >"$TMP/q2.log" 2>&1
check "the platform's 1 us quantum with traffic is not warned about" sh -c "! grep -q 'sim.quantum_ns' '$TMP/q2.log'"

# ---- Keys the platform or the job would ignore.
"$VP" -q --set cpu.elf="$TMP/exit7.elf" --set synthetic.timesteps=2 >"$TMP/ig1.log" 2>&1; rc=$?
check "cpu.elf with the native CPU exits 2" test $rc -eq 2
check "cpu.elf with the native CPU names both keys" contains "$TMP/ig1.log" "cpu.elf is set, but cpu.model = native (.*minized.cfg:[0-9]*)"
for kv in cpu.model=arm traffic.enable=true cpu.clock_hz=500000000; do
    "$VP" -q --platform "$SRC/platforms/edgedrnn-ideal.cfg" --set "$kv" --set synthetic.timesteps=2 >"$TMP/ig2.log" 2>&1; rc=$?
    check "$kv on the calibration platform exits 2" test $rc -eq 2
    check "$kv on the calibration platform names the key and the platform" \
        contains "$TMP/ig2.log" "--set $kv: ${kv%%=*} is set, but the edgedrnn-ideal platform (platform.kind = edgedrnn-ideal) has no CPU"
done

# ---- A program that ends early or sleeps forever: the verdict says so.
"$VP" -q --set cpu.model=arm --set cpu.elf="$TMP/exit7.elf" --set synthetic.timesteps=1 >"$TMP/ex7.log" 2>&1; rc=$?
check "a program exiting early exits 1" test $rc -eq 1
check "a program exiting early: the verdict names its status" \
    contains "$TMP/ex7.log" "vp: error: the program exited with status 7 after 0 of 1 time steps"
"$VP" -q --set cpu.model=arm --set cpu.elf="$TMP/wfi.elf" --set synthetic.timesteps=1 >"$TMP/wfi.log" 2>&1; rc=$?
check "a program asleep for ever exits 1" test $rc -eq 1
check "a program asleep for ever: the verdict names WFI, the pc and the mask" \
    contains "$TMP/wfi.log" "vp: error: the program did not finish after 0 of 1 time steps: it sleeps in WFI at pc 0x100004 with IRQs masked"

# ---- run.compare_paper: the footnote gives the assumed paper network's own weight count.
"$VP" -q --platform "$SRC/platforms/edgedrnn-ideal.cfg" --set run.compare_paper=true --set synthetic.hidden_size=16 \
    --set synthetic.input_size=8 --set synthetic.layers=1 --set synthetic.timesteps=1 >"$TMP/cp.log" 2>&1
check "the paper footnote counts the paper network's weights" \
    contains "$TMP/cp.log" "2 x 768 neurons with 40 inputs, 5405184 weights, is this platform's assumption"

# ---- workload.timesteps beyond the stimulus is refused, naming the key and the stimulus' steps.
"$VP" -q --set workload.timesteps=5 --set synthetic.timesteps=3 >"$TMP/ts.log" 2>&1; rc=$?
check "workload.timesteps beyond the stimulus exits 2" test $rc -eq 2
check "workload.timesteps beyond the stimulus names the key and the step count" \
    contains "$TMP/ts.log" "--set workload.timesteps=5: workload.timesteps = 5 exceeds the stimulus' 3 time steps"
if [ -d "$DATA/sdk-export" ]; then
    "$VP" -q --network "$DATA/sdk-export/edgedrnn_params.c" --stimulus "$DATA/sdk-export/edgedrnn_test.c" \
        --set workload.timesteps=2000 >"$TMP/ts2.log" 2>&1; rc=$?
    check "workload.timesteps beyond an SDK stimulus exits 2" test $rc -eq 2
    check "workload.timesteps beyond an SDK stimulus names its steps" contains "$TMP/ts2.log" "exceeds the stimulus' 1000 time steps (.*edgedrnn_test.c)"
    "$VP" -q --network "$DATA/sdk-export/edgedrnn_params.c" --stimulus "$DATA/sdk-export/edgedrnn_test.c" \
        --set workload.timesteps=2 --set synthetic.hidden_size=128 >"$TMP/syn.log" 2>&1; rc=$?
    check "synthetic.* with --network still runs" test $rc -eq 0
    check "synthetic.* with --network is warned about" \
        contains "$TMP/syn.log" "warning: vp: workload.network is set: synthetic.hidden_size (--set .*) is ignored"
fi

echo "vp_cli: $pass passed, $fail failed"
test $fail -eq 0
