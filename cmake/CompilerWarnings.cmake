# Warnings as an INTERFACE target: link hemeroteca::warnings to opt in.
add_library(hemeroteca_warnings INTERFACE)
add_library(hemeroteca::warnings ALIAS hemeroteca_warnings)
target_compile_options(hemeroteca_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
if(HEMEROTECA_WARNINGS_AS_ERRORS)
  target_compile_options(hemeroteca_warnings INTERFACE -Werror)
endif()
