# -DVP_SANITIZE=ON: AddressSanitizer + UndefinedBehaviorSanitizer on every target.
# UBSan findings abort (no recover) so a test that trips one fails.
if(VP_SANITIZE)
  set(VP_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${VP_SANITIZER_FLAGS} -g)
  add_link_options(${VP_SANITIZER_FLAGS})
endif()
