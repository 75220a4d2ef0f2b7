# Sources of common/extract (owned by the extraction work).
set(HEMEROTECA_EXTRACT_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/authors.cc
  ${CMAKE_CURRENT_LIST_DIR}/blocks.cc
  ${CMAKE_CURRENT_LIST_DIR}/body.cc
  ${CMAKE_CURRENT_LIST_DIR}/boilerplate.cc
  ${CMAKE_CURRENT_LIST_DIR}/charset.cc
  ${CMAKE_CURRENT_LIST_DIR}/classify.cc
  ${CMAKE_CURRENT_LIST_DIR}/dates.cc
  ${CMAKE_CURRENT_LIST_DIR}/dom.cc
  ${CMAKE_CURRENT_LIST_DIR}/extraction_json.cc
  ${CMAKE_CURRENT_LIST_DIR}/extractor.cc
  ${CMAKE_CURRENT_LIST_DIR}/jsonld.cc
  ${CMAKE_CURRENT_LIST_DIR}/language.cc
  ${CMAKE_CURRENT_LIST_DIR}/metadata.cc
  ${CMAKE_CURRENT_LIST_DIR}/prescan.cc
  ${CMAKE_CURRENT_LIST_DIR}/text.cc
)
