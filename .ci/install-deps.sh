#!/usr/bin/env bash
# Installs every Debian 12 package the project needs (as root). Idempotent: packages
# already installed are not fetched again, and apt's lists are refreshed only when
# something is missing.
set -euo pipefail
packages=(
  build-essential cmake pkg-config python3
  libsystemc-dev                  # SystemC 2.3.4 + TLM 2.0.6 (built as C++17)
  libboost-program-options-dev    # the vp command line
  libgtest-dev                    # unit and integration tests
  nlohmann-json3-dev              # statistics as JSON
  libunicorn-dev                  # the ARM Cortex-A9 ISS (cpu.model = arm), Unicorn 2
  gcc-arm-none-eabi               # the board ELFs (software/bsp, cmake/ArmFirmware.cmake)
  libnewlib-arm-none-eabi         # their C library (hard-float multilib)
  parallel                        # vp-sweep job lists (GNU parallel; tested)
  gnuplot-nox                     # vp-sweep plots
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
