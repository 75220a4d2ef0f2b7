# Every dependency comes from a Debian 12 package (see .ci/setup); nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(Xapian 1.4 REQUIRED)
find_package(CLI11 2 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CURL REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
# hunspell-es: the Spanish dictionary whose lemmas are the index's stems (common/analysis/spanish_lexicon.h).
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)

if(NOT TARGET Xapian::xapian)
  add_library(Xapian::xapian INTERFACE IMPORTED)
  target_include_directories(Xapian::xapian INTERFACE ${XAPIAN_INCLUDE_DIR})
  target_link_libraries(Xapian::xapian INTERFACE ${XAPIAN_LIBRARIES})
endif()

# jemalloc for both programs (libjemalloc-dev), when present: gumbo's trees and
# Xapian's in-memory postings are millions of small allocations, and it cut the
# indexer's CPU time by ~7% against glibc malloc; the server's threads allocate
# per request (results, snippets, JSON) and answered ~8% more fresh searches a
# second. Never with the sanitizers, which bring their own allocator.
option(HEMEROTECA_JEMALLOC "Link hemeroteca-index and hemeroteca-search with jemalloc when it is installed" ON)
if(HEMEROTECA_JEMALLOC AND NOT HEMEROTECA_SANITIZE AND NOT HEMEROTECA_FUZZ)
  pkg_check_modules(JEMALLOC IMPORTED_TARGET jemalloc)
endif()
