# Warnings and sanitizers for the project's own targets (not for third-party code).
add_library(kc_project_options INTERFACE)
target_compile_options(kc_project_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wconversion -Wno-sign-conversion)
# GCC 12 at -O2/-O3 reports -Wrestrict on plain `"text" + std::string` inside libstdc++
# (GCC bug 105329, fixed in GCC 13); it is a false positive, so it is not fatal there.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(kc_project_options INTERFACE -Wno-restrict)
endif()
if(KC_WERROR)
  target_compile_options(kc_project_options INTERFACE -Werror)
endif()
if(KC_SANITIZE)
  target_compile_options(kc_project_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(kc_project_options INTERFACE -fsanitize=address,undefined)
endif()
