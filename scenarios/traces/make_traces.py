#!/usr/bin/env python3
"""Writes the shipped memory traces (DRAMSys STL, see vp/traffic/stl_trace.h) into this
folder. Deterministic: the random choices come from a fixed-seed xorshift64* generator
defined here, so every Python version writes the same bytes.

  sequential.stl        16384 reads of 64 bytes, one after the other over 1 MiB, all at
                        cycle 0 (as fast as the path accepts them)
  random-64b.stl        16384 reads of 64 bytes at random 64-byte-aligned addresses in
                        256 MiB, all at cycle 0
  edgedrnn-columns.stl  EdgeDRNN's weight fetch for a 2 x 768 network with 40 inputs:
                        4 time steps, each fetching a random 10 % of every layer's input
                        and hidden columns (SPEC 3.1: column = 3H = 2304 bytes at
                        index x 3H), each column as 18 reads of 128 bytes (16 beats of
                        8 bytes), stamped at the 125 MHz cycle in which the accelerator
                        wants the burst's first beat (SPEC 5.4, MAC-bound: one beat per
                        cycle, so one burst every 16 cycles)

Usage: python3 scenarios/traces/make_traces.py [OUTPUT_DIR]   (default: beside this file)
"""

import os
import sys

MASK64 = (1 << 64) - 1


class XorShift64Star:
    """Marsaglia's xorshift64* (a fixed, documented generator: no dependence on Python's)."""

    def __init__(self, seed):
        self.state = seed & MASK64 or 1

    def next(self):
        x = self.state
        x ^= x >> 12
        x ^= (x << 25) & MASK64
        x ^= x >> 27
        self.state = x
        return (x * 0x2545F4914F6CDD1D) & MASK64

    def below(self, n):
        """An integer in [0, n) (the top bits; the bias is below 2^-40 for these n)."""
        return (self.next() >> 11) * n >> 53


def write(path, header, lines):
    with open(path, "w", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n" if h else "#\n")
        f.writelines(lines)
    print(f"{path}: {len(lines)} transactions")


def sequential(out):
    count, size = 16384, 64
    lines = [f"0: read 0x{i * size:08x}\n" for i in range(count)]
    write(os.path.join(out, "sequential.stl"), [
        "A sequential stream: 16384 reads of 64 bytes over 1 MiB, all at cycle 0",
        "(each is issued as soon as the player may: as fast as the path accepts them).",
        "Written by make_traces.py; format: vp/traffic/stl_trace.h (DRAMSys STL).",
    ], lines)


def random_64b(out):
    count, size, span = 16384, 64, 256 << 20
    rng = XorShift64Star(0x5EED_0001)
    lines = [f"0: read 0x{rng.below(span // size) * size:08x}\n" for _ in range(count)]
    write(os.path.join(out, "random-64b.stl"), [
        "Random 64-byte reads: 16384 reads at 64-byte-aligned addresses drawn uniformly",
        "from 256 MiB (xorshift64*, seed 0x5EED0001), all at cycle 0.",
        "Written by make_traces.py; format: vp/traffic/stl_trace.h (DRAMSys STL).",
    ], lines)


def edgedrnn_columns(out):
    hidden, inputs, steps, fraction = 768, 40, 4, 0.10
    column_bytes = 3 * hidden               # SPEC 3.1: one byte per gate row
    burst_bytes = 128                       # 16 beats of 8 bytes on the 64-bit HP port
    bursts = column_bytes // burst_bytes    # 18
    groups = hidden // 8                    # G: 8-neuron batches
    activation_cycles = 5 * (groups + 1) + 1  # SPEC 5.4: ACT rounds of a layer
    rng = XorShift64Star(0x5EED_0003)
    # Layer l's columns (SPEC 3.1): bias, I_l inputs, H hidden; global numbering.
    layers = []
    first = 0
    for layer_inputs in (inputs, hidden):
        layers.append((first, layer_inputs))
        first += 1 + layer_inputs + hidden
    lines = []
    cycle = 0
    for _ in range(steps):
        for first, layer_inputs in layers:
            bias = cycle                                     # the layer's BIAS cycle
            items = layer_inputs + hidden                    # scan positions 1.. (bias: 0)
            count = round(items * fraction)
            chosen = set()
            while len(chosen) < count:
                chosen.add(rng.below(items))
            # Input items sit at scan position 1 + j, hidden items two cycles later (DX's idle cycles).
            positions = sorted(chosen)
            start = bias + 4 + (1 + positions[0] if positions[0] < layer_inputs else 3 + positions[0]) + 1
            for n, item in enumerate(positions):
                index = first + 1 + item                     # bias first, then inputs, then hidden
                address = index * column_bytes
                column_start = start + n * bursts * 16       # MAC-bound: one beat per cycle
                for b in range(bursts):
                    lines.append(f"{column_start + 16 * b}: ({burst_bytes}) read "
                                 f"0x{address + b * burst_bytes:08x}\n")
            last_beat = start + count * bursts * 16
            cycle = last_beat + 3 + activation_cycles + 1   # next layer's BIAS (SPEC 5.4)
    write(os.path.join(out, "edgedrnn-columns.stl"), [
        "EdgeDRNN's weight-column fetch (../shared/edgedrnn/SPEC.md 3.1, 5.4): a 2 x 768",
        "network with 40 inputs, 4 time steps, a random 10 % of each layer's input and hidden",
        "columns per step (xorshift64*, seed 0x5EED0003). A column is 3H = 2304 bytes at",
        "index x 2304 (trace address 0 = W_BASEADDR); each is fetched as 18 reads of 128",
        "bytes, stamped at the 125 MHz cycle in which the accelerator wants the burst's",
        "first beat (one 8-byte beat per cycle while MAC-bound), with the activation phase",
        f"({activation_cycles} cycles) between layers. Written by make_traces.py; format:",
        "vp/traffic/stl_trace.h (DRAMSys STL). Play it with trace.clock_hz = 125 MHz.",
    ], lines)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    sequential(out)
    random_64b(out)
    edgedrnn_columns(out)


if __name__ == "__main__":
    main()
