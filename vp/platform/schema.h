// Every configuration key the vp command knows, with its default, unit and meaning.
// Platform files (platforms/*.cfg), scenario files (scenarios/*.cfg) and --set all write
// into this one schema; `vp --help` prints it.
#pragma once

#include "vp/config/config.h"

namespace vp {

const ConfigSchema& platform_schema();

}  // namespace vp
