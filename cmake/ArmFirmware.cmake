# Bare-metal ELFs for the MiniZed's Cortex-A9, built with Debian's arm-none-eabi-gcc
# alongside the host build (add_custom_command: the host toolchain stays the project's).
#
#   vp_add_arm_elf(NAME SOURCES a.c b.c ...)
#
# builds ${VP_ARM_FIRMWARE_DIR}/NAME.elf (and NAME.map) from the sources plus the board
# support (software/bsp: start code, vectors, newlib system calls, GIC), the board HAL and
# the drivers. The program's entry is `int main(void)`; bsp_boot_argument() returns r0 at
# entry (under vp: the job descriptor's address). Every ELF is part of `arm_firmware`.

find_program(VP_ARM_GCC arm-none-eabi-gcc)
if(NOT VP_ARM_GCC)
  message(FATAL_ERROR "arm-none-eabi-gcc not found: the ARM firmware needs Debian's gcc-arm-none-eabi and "
                      "libnewlib-arm-none-eabi. Run .ci/install-deps.sh (as root) and configure again.")
endif()

# Hard float with NEON (STACK.md): links against newlib's thumb/v7-a+simd/hard multilib;
# software/bsp/start.S enables the FPU before any float instruction.
set(VP_ARM_FLAGS -mcpu=cortex-a9 -marm -mfpu=neon -mfloat-abi=hard)
set(VP_ARM_CFLAGS ${VP_ARM_FLAGS} -O2 -g -std=c99 -Wall -Wextra -ffunction-sections -fdata-sections)

execute_process(COMMAND ${VP_ARM_GCC} ${VP_ARM_FLAGS} -print-file-name=libc.a
                OUTPUT_VARIABLE VP_ARM_LIBC OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT IS_ABSOLUTE "${VP_ARM_LIBC}" OR NOT EXISTS "${VP_ARM_LIBC}")
  message(FATAL_ERROR "newlib for arm-none-eabi (hard float) not found: install libnewlib-arm-none-eabi "
                      "(run .ci/install-deps.sh as root) and configure again.")
endif()

set(VP_ARM_FIRMWARE_DIR ${CMAKE_BINARY_DIR}/arm-firmware)
file(MAKE_DIRECTORY ${VP_ARM_FIRMWARE_DIR})
set(VP_ARM_LINKER_SCRIPT ${CMAKE_SOURCE_DIR}/software/bsp/zynq_ddr.ld)
file(GLOB VP_ARM_BSP_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/software/bsp/*.S
  ${CMAKE_SOURCE_DIR}/software/bsp/*.c
  ${CMAKE_SOURCE_DIR}/software/hal/*.c
  ${CMAKE_SOURCE_DIR}/software/drivers/*/*.c
  ${CMAKE_SOURCE_DIR}/software/nn/*.c)
file(GLOB_RECURSE VP_ARM_HEADERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/software/*.h)

if(NOT TARGET arm_firmware)
  add_custom_target(arm_firmware ALL)
endif()

function(vp_add_arm_elf name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  set(sources)
  foreach(s IN LISTS ARG_SOURCES)
    get_filename_component(abs ${s} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND sources ${abs})
  endforeach()
  set(elf ${VP_ARM_FIRMWARE_DIR}/${name}.elf)
  add_custom_command(
    OUTPUT ${elf}
    COMMAND ${VP_ARM_GCC} ${VP_ARM_CFLAGS} -I${CMAKE_SOURCE_DIR} -nostartfiles -T ${VP_ARM_LINKER_SCRIPT}
            -Wl,--gc-sections -Wl,-Map=${VP_ARM_FIRMWARE_DIR}/${name}.map
            ${VP_ARM_BSP_SOURCES} ${sources} -lm -o ${elf}
    DEPENDS ${VP_ARM_BSP_SOURCES} ${sources} ${VP_ARM_HEADERS} ${VP_ARM_LINKER_SCRIPT}
    COMMENT "arm-none-eabi-gcc: ${name}.elf"
    COMMAND_EXPAND_LISTS VERBATIM)
  add_custom_target(${name}_elf ALL DEPENDS ${elf})
  add_dependencies(arm_firmware ${name}_elf)
endfunction()
