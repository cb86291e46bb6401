# Warnings and sanitizers for the project's own targets (not for third-party code).
add_library(kc_project_options INTERFACE)
target_compile_options(kc_project_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wconversion -Wno-sign-conversion)
if(KC_WERROR)
  target_compile_options(kc_project_options INTERFACE -Werror)
endif()
if(KC_SANITIZE)
  target_compile_options(kc_project_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(kc_project_options INTERFACE -fsanitize=address,undefined)
endif()
