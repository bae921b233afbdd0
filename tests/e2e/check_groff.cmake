# The man page formats without a warning.
#   cmake -DGROFF=groff -DMANPAGE=docs/evgraph.1 -P check_groff.cmake
cmake_minimum_required(VERSION 3.20)
execute_process(COMMAND ${GROFF} -man -Tutf8 -ww -z ${MANPAGE}
  RESULT_VARIABLE rc ERROR_VARIABLE warnings)
if(NOT rc EQUAL 0 OR NOT warnings STREQUAL "")
  message(FATAL_ERROR "groff on ${MANPAGE} (exit ${rc}):\n${warnings}")
endif()
