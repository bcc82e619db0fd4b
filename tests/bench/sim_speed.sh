#!/usr/bin/env bash
# Simulation speed benchmark (`cmake --build build --target benchmark`): the paper-sized
# workload (scenarios/paper.cfg, 400 steps) on the calibration platform and on the MiniZed
# SoC (DDR and interconnect timing on), with the native CPU and the ARM ISS, pinned to one
# core where taskset exists; best of three runs each. Reported: simulated seconds per wall
# second of the simulation (the architecture's goal: 10), wall time per time step, the
# simulated seconds per CPU second (the same figure without the time other programs held
# the core: on a busy machine it is the steadier one), and the set-up before it (workload generation and the reference model's gold). Not a test: it
# prints figures.
# Usage: sim_speed.sh VP_BINARY SOURCE_DIR
set -eu
VP=$1; SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c 0); fi
run() {  # run NAME ARGS...: best of three
    local name=$1; shift
    for i in 1 2 3; do
        "${PIN[@]}" "$VP" -q "$@" --stats-json "$TMP/$name.$i.json" >/dev/null 2>&1
    done
    python3 - "$name" "$TMP"/"$name".*.json <<'PY'
import json, sys
name, files = sys.argv[1], sys.argv[2:]
best = max((json.load(open(f)) for f in files), key=lambda s: s["sim.speed"])
steps = best["edgedrnn.timesteps"]
print(f"{name:34s} {steps:6.0f} {best['sim.simulated_s']*1e3:9.2f} {best['sim.wall_s']:8.3f} "
      f"{best['sim.speed']:8.2f} {best['sim.wall_s']/steps*1e6:9.1f} "
      f"{best['sim.simulated_s']/best['sim.cpu_s']:8.2f} {best['run.setup_wall_s']:8.3f}")
PY
}
echo "simulation speed, paper-sized workload (2 x 768, 40 inputs, ~90 % sparse), best of 3$([ ${#PIN[@]} -gt 0 ] && echo ", one core")"
printf "%-34s %6s %9s %8s %8s %9s %8s %8s\n" "run" "steps" "sim ms" "wall s" "sim/wall" "us/step" "sim/cpu" "setup s"
PAPER=(--scenario "$SRC/scenarios/paper.cfg" --set synthetic.timesteps=400 --set run.compare_paper=false)
run "edgedrnn-ideal (accelerator only)" --platform "$SRC/platforms/edgedrnn-ideal.cfg" "${PAPER[@]}"
run "minized, native CPU" "${PAPER[@]}"
run "minized, native, poll_skip=false" "${PAPER[@]}" --set cpu.poll_skip=false
run "minized, ARM ISS" "${PAPER[@]}" --set cpu.model=arm
