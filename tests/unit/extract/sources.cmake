# Unit tests of common/extract (owned by the extraction work).
set(HEMEROTECA_EXTRACT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/measure.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_authors.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_authors_pages.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_body_pages.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_boilerplate.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_charset.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_corpus_charsets.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_dates.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_extract.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_headline_date_pages.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_language.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_page_verdicts.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_prescan.cc
  ${CMAKE_CURRENT_LIST_DIR}/test_shared_pages.cc
)
