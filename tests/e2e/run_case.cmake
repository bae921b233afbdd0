# Run one golden case of the evgraph tool and compare what it printed, byte
# for byte, with what the case expects.
#
#   cmake -DEVGRAPH=path/to/evgraph -DCASE=cases/NAME -DWORK=scratch/NAME -P run_case.cmake
#
# A case folder holds:
#   args           the arguments, one per line (paths are relative to the case)
#   stdin          optional: fed to standard input (else /dev/null)
#   expected.out   standard output (absent: empty)
#   expected.err   standard error (absent: empty)
#   expected.rc    the exit status (absent: 0)
#   expected/      optional: files the run must leave in its folder, same relative paths
#   anything else  inputs; the case runs in a copy of its folder, so outputs never land
#                  in the source tree
#
# With EVG_UPDATE_GOLDEN=1 in the environment the expected files are rewritten
# from this run instead (review the diff before committing; never in CI).
cmake_minimum_required(VERSION 3.20)
foreach(var EVGRAPH CASE WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_case.cmake: -D${var}=... is required")
  endif()
endforeach()
get_filename_component(name ${CASE} NAME)
set(ENV{LC_ALL} C)

file(REMOVE_RECURSE ${WORK} ${WORK}.out ${WORK}.err)
file(MAKE_DIRECTORY ${WORK})
file(COPY ${CASE}/ DESTINATION ${WORK}
     PATTERN "args" EXCLUDE PATTERN "stdin" EXCLUDE
     PATTERN "expected*" EXCLUDE)

file(STRINGS ${CASE}/args args ENCODING UTF-8)
set(stdin /dev/null)
if(EXISTS ${CASE}/stdin)
  set(stdin ${CASE}/stdin)
endif()
execute_process(COMMAND ${EVGRAPH} ${args}
  WORKING_DIRECTORY ${WORK}
  INPUT_FILE ${stdin} OUTPUT_FILE ${WORK}.out ERROR_FILE ${WORK}.err
  RESULT_VARIABLE rc)
if(NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "e2e ${name}: evgraph did not exit normally: ${rc}")
endif()

# The expected files that exist for this case.
file(GLOB_RECURSE produced RELATIVE ${CASE}/expected ${CASE}/expected/*)

if("$ENV{EVG_UPDATE_GOLDEN}" STREQUAL "1")
  foreach(stream out err)
    file(SIZE ${WORK}.${stream} size)
    if(size GREATER 0 OR stream STREQUAL "out")
      configure_file(${WORK}.${stream} ${CASE}/expected.${stream} COPYONLY)
    else()
      file(REMOVE ${CASE}/expected.${stream})
    endif()
  endforeach()
  if(rc EQUAL 0)
    file(REMOVE ${CASE}/expected.rc)
  else()
    file(WRITE ${CASE}/expected.rc "${rc}\n")
  endif()
  foreach(f IN LISTS produced)
    configure_file(${WORK}/${f} ${CASE}/expected/${f} COPYONLY)
  endforeach()
  message(STATUS "e2e ${name}: expected files rewritten (exit status ${rc})")
  return()
endif()

set(failures "")
set(expected_rc 0)
if(EXISTS ${CASE}/expected.rc)
  file(STRINGS ${CASE}/expected.rc expected_rc LIMIT_COUNT 1)
endif()
if(NOT rc EQUAL expected_rc)
  list(APPEND failures "exit status ${rc}, expected ${expected_rc}")
endif()

# Compare `actual` with `expected` (a missing expected file means empty).
function(compare what expected actual)
  if(NOT EXISTS ${expected})
    file(WRITE ${WORK}.empty "")
    set(expected ${WORK}.empty)
  endif()
  if(NOT EXISTS ${actual})
    list(APPEND failures "${what}: not written")
    set(failures "${failures}" PARENT_SCOPE)
    return()
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${expected} ${actual}
                  RESULT_VARIABLE differ OUTPUT_QUIET ERROR_QUIET)
  if(differ)
    execute_process(COMMAND diff -u ${expected} ${actual})
    list(APPEND failures "${what} differs (diff above: - expected, + actual)")
    set(failures "${failures}" PARENT_SCOPE)
  endif()
endfunction()

compare("standard output" ${CASE}/expected.out ${WORK}.out)
compare("standard error" ${CASE}/expected.err ${WORK}.err)
foreach(f IN LISTS produced)
  compare("file ${f}" ${CASE}/expected/${f} ${WORK}/${f})
endforeach()

if(failures)
  list(JOIN failures "\n  " text)
  message(FATAL_ERROR "e2e ${name} failed:\n  ${text}\n"
    "If the change is intended, regenerate with "
    "'EVG_UPDATE_GOLDEN=1 ctest -R e2e.${name}' and review the diff.")
endif()
