# ASan + UBSan as an INTERFACE target, switched on by -DHEMEROTECA_SANITIZE=ON.
add_library(hemeroteca_sanitizers INTERFACE)
add_library(hemeroteca::sanitizers ALIAS hemeroteca_sanitizers)
if(HEMEROTECA_FUZZ) # the libraries as the fuzz targets need them: sanitizers + coverage for libFuzzer
  set(_san -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(hemeroteca_sanitizers INTERFACE ${_san})
  target_link_options(hemeroteca_sanitizers INTERFACE ${_san})
elseif(HEMEROTECA_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(hemeroteca_sanitizers INTERFACE ${_san})
  target_link_options(hemeroteca_sanitizers INTERFACE ${_san})
endif()
