# Every long option of the tool is documented in docs/evgraph.1, in the
# section of its command: options of `evgraph CMD` under `.SS evgraph CMD`,
# global options under `.SH OPTIONS`; and the page is of the tool's version.
#   cmake -DEVGRAPH=path/to/evgraph -DMANPAGE=docs/evgraph.1 -P check_manpage.cmake
cmake_minimum_required(VERSION 3.20)
execute_process(COMMAND ${EVGRAPH} --list-options OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR listing STREQUAL "")
  message(FATAL_ERROR "evgraph --list-options failed (${rc})")
endif()
file(READ ${MANPAGE} man)
string(REPLACE "\\-" "-" man "${man}")   # roff writes a hyphen-minus as \-
string(REPLACE ";" "," man "${man}")     # keep CMake's list separator out of the lines
string(REPLACE "\n" ";" manlines "${man}")

# Gather the text of each command's section (sec_CMD) and of OPTIONS (sec_global).
set(key "")
foreach(l IN LISTS manlines)
  if(l MATCHES "^\\.SS \"?evgraph ([a-z]+)")
    set(key ${CMAKE_MATCH_1})
  elseif(l MATCHES "^\\.SH \"?OPTIONS")
    set(key global)
  elseif(l MATCHES "^\\.S[HS] ")
    set(key "")
  elseif(key)
    string(APPEND sec_${key} "${l}\n")
  endif()
endforeach()

string(REPLACE "\n" ";" lines "${listing}")
set(missing "")
set(count 0)
foreach(line IN LISTS lines)
  if(line MATCHES "^evgraph ([a-z]+) (--[a-z-]+)$")
    set(text "${sec_${CMAKE_MATCH_1}}")
    set(where "under '.SS evgraph ${CMAKE_MATCH_1}'")
    set(opt ${CMAKE_MATCH_2})
  elseif(line MATCHES "^evgraph (--[a-z-]+)$")
    set(text "${sec_global}")
    set(where "under '.SH OPTIONS'")
    set(opt ${CMAKE_MATCH_1})
  else()
    continue()
  endif()
  math(EXPR count "${count} + 1")
  string(FIND "${text}" "${opt}" at)
  if(at EQUAL -1)
    list(APPEND missing "${line} (expected ${where})")
  endif()
endforeach()
# The page names the version the tool reports.
execute_process(COMMAND ${EVGRAPH} --version OUTPUT_VARIABLE version
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT man MATCHES "(^|\n)\\.TH [^\n]*\"${version}\"")
  list(APPEND missing "the .TH line does not say \"${version}\"")
endif()

if(count EQUAL 0)
  message(FATAL_ERROR "evgraph --list-options listed no option")
endif()
if(missing)
  list(JOIN missing "\n  " text)
  message(FATAL_ERROR "${MANPAGE} is out of date:\n  ${text}")
endif()
message(STATUS "${count} options found in ${MANPAGE}")
