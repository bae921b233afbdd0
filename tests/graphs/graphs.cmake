# Regenerate the sample outputs in graphs/ from examples/articles.
#   MODE=check   run into WORK and compare with the committed graphs/
#   MODE=update  run into WORK, then copy the outputs over graphs/
#   MODE=pipeline  run into WORK, then extract and build stage by stage, and compare
# The run happens in the source folder with relative paths, so the document
# paths recorded in events.jsonl are the same on every machine.
cmake_minimum_required(VERSION 3.20)
set(ENV{LC_ALL} C)
set(outputs events.jsonl graph.graphml people.graphml report.html run.json summary.txt)
set(update_cmd "cmake --build <build dir> --target update-graphs")

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${EVGRAPH} run examples/articles -o ${WORK}/out
  WORKING_DIRECTORY ${SOURCE_DIR}
  OUTPUT_FILE ${WORK}/out.summary ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "evgraph run examples/articles failed (exit ${rc}):\n${err}")
endif()
file(RENAME ${WORK}/out.summary ${WORK}/out/summary.txt)

# The stages run one by one (extract, then build each view, the people graph laid out
# as the report draws it, and the report from its output) must give the very files
# that `run` wrote.
if(MODE STREQUAL "pipeline")
  set(steps
    "extract examples/articles -o ${WORK}/events.jsonl|events.jsonl|events.jsonl"
    "build ${WORK}/events.jsonl -o ${WORK}/graph.graphml|graph.graphml|graph.graphml"
    "build ${WORK}/events.jsonl --view people --layout -o ${WORK}/people.graphml|people.graphml|people.graphml"
    "report ${WORK}/events.jsonl -o ${WORK}/report.html|report.html|report.html")
  foreach(step IN LISTS steps)
    string(REPLACE "|" ";" parts "${step}")
    list(GET parts 0 cmd)
    list(GET parts 1 mine)
    list(GET parts 2 theirs)
    separate_arguments(cmd UNIX_COMMAND "${cmd}")
    execute_process(COMMAND ${EVGRAPH} ${cmd} WORKING_DIRECTORY ${SOURCE_DIR}
                    ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "evgraph ${cmd} failed (exit ${rc}):\n${err}")
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
                    ${WORK}/${mine} ${WORK}/out/${theirs} RESULT_VARIABLE differ)
    if(differ)
      execute_process(COMMAND diff -u ${WORK}/out/${theirs} ${WORK}/${mine})
      message(FATAL_ERROR "'evgraph ${step}' differs from what 'evgraph run' wrote")
    endif()
  endforeach()
  message(STATUS "extract + build give the same files as run")
  return()
endif()

if(MODE STREQUAL "update")
  foreach(f IN LISTS outputs)
    configure_file(${WORK}/out/${f} ${SOURCE_DIR}/graphs/${f} COPYONLY)
  endforeach()
  message(STATUS "graphs/ regenerated; review 'git diff graphs/' and commit it")
  return()
endif()

set(stale "")
foreach(f IN LISTS outputs)
  if(NOT EXISTS ${SOURCE_DIR}/graphs/${f})
    list(APPEND stale "${f} (not committed)")
    continue()
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
                  ${SOURCE_DIR}/graphs/${f} ${WORK}/out/${f} RESULT_VARIABLE differ)
  if(differ)
    execute_process(COMMAND diff -u ${SOURCE_DIR}/graphs/${f} ${WORK}/out/${f}
                    OUTPUT_VARIABLE d)
    string(LENGTH "${d}" n)
    if(n GREATER 6000)
      string(SUBSTRING "${d}" 0 6000 d)
      string(APPEND d "\n[diff cut at 6000 characters]\n")
    endif()
    message("${d}")
    list(APPEND stale ${f})
  endif()
endforeach()
if(stale)
  list(JOIN stale ", " text)
  message(FATAL_ERROR "graphs/ is stale, a fresh run differs in: ${text} "
    "(diff above: - committed, + fresh).\nRegenerate with: ${update_cmd}")
endif()
message(STATUS "graphs/ matches a fresh run of evgraph run examples/articles")
