#!/usr/bin/env bash
# Simulation speed benchmark (`cmake --build build --target benchmark`): the paper-sized
# workload (scenarios/paper.cfg) on the calibration platform and on the MiniZed SoC, best
# of three runs each, reported as simulated seconds per wall second (the architecture's
# goal: 10) and wall time per time step. Not a test: it prints figures.
# Usage: sim_speed.sh VP_BINARY SOURCE_DIR
set -eu
VP=$1; SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
run() {  # run NAME ARGS...: best of three
    local name=$1; shift
    for i in 1 2 3; do
        "$VP" -q "$@" --stats-json "$TMP/$name.$i.json" >/dev/null 2>&1
    done
    python3 - "$name" "$TMP"/"$name".*.json <<'PY'
import json, sys
name, files = sys.argv[1], sys.argv[2:]
best = max((json.load(open(f)) for f in files), key=lambda s: s["sim.speed"])
steps = best["edgedrnn.timesteps"]
print(f"{name:34s} {steps:6.0f} {best['sim.simulated_s']*1e3:10.3f} {best['sim.wall_s']:8.3f} "
      f"{best['sim.speed']:8.2f} {best['sim.wall_s']/steps*1e6:10.1f}")
PY
}
echo "simulation speed, paper-sized workload (2 x 768, 40 inputs, ~90 % sparse), best of 3"
printf "%-34s %6s %10s %8s %8s %10s\n" "run" "steps" "sim ms" "wall s" "sim/wall" "us/step"
run "edgedrnn-ideal (accelerator only)" --platform "$SRC/platforms/edgedrnn-ideal.cfg" --scenario "$SRC/scenarios/paper.cfg"
run "minized, native CPU" --scenario "$SRC/scenarios/paper.cfg"
run "minized, native, poll_skip=false" --scenario "$SRC/scenarios/paper.cfg" --set cpu.poll_skip=false
run "minized, ARM ISS" --scenario "$SRC/scenarios/paper.cfg" --set cpu.model=arm --set synthetic.timesteps=30
