# The install test, in three steps (MODE):
#   prefix        cmake --install into WORK/prefix; check the files are there and
#                 that the installed tool runs without help from the environment
#   pkg-config    build consumer.c with `pkg-config --cflags --libs evgraph`, run it
#   find-package  build the consumer project with find_package(evgraph), run it
# See CMakeLists.txt beside this file for the variables passed in.
cmake_minimum_required(VERSION 3.20)
set(prefix ${WORK}/prefix)
set(ENV{LC_ALL} C)
if(SANITIZE)
  set(san_flags -fsanitize=${SANITIZE})
else()
  set(san_flags "")
endif()

# Run a command; stop with its output when it fails. Its stdout lands in run_out.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}${err}")
  endif()
  set(run_out "${out}" PARENT_SCOPE)
endfunction()

function(check_consumer exe)
  run(${exe})
  if(NOT run_out MATCHES "^{\"doc\":{\"id\":\"consumer\"[^\n]*}\nevgraph ${VERSION}\n$")
    message(FATAL_ERROR "${exe} printed something unexpected:\n${run_out}")
  endif()
  message(STATUS "${exe}: ok")
endfunction()

if(MODE STREQUAL "prefix")
  file(REMOVE_RECURSE ${WORK})
  set(config "")
  if(CONFIG)
    set(config --config ${CONFIG})
  endif()
  run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} ${config})
  # Every public header of the source tree, the generated version.h, the package files.
  file(GLOB_RECURSE headers RELATIVE ${SOURCE_DIR}/include ${SOURCE_DIR}/include/*.h)
  list(TRANSFORM headers PREPEND ${INCLUDEDIR}/)
  set(expected ${headers} ${LIBDIR}/libevgraph.so ${LIBDIR}/pkgconfig/evgraph.pc
      ${LIBDIR}/cmake/evgraph/evgraph-config.cmake
      ${LIBDIR}/cmake/evgraph/evgraph-config-version.cmake
      ${LIBDIR}/cmake/evgraph/evgraph-targets.cmake
      ${INCLUDEDIR}/evgraph/version.h
      ${BINDIR}/evgraph ${MANDIR}/man1/evgraph.1)
  set(missing "")
  foreach(f IN LISTS expected)
    if(NOT EXISTS ${prefix}/${f})
      list(APPEND missing ${f})
    endif()
  endforeach()
  if(missing)
    message(FATAL_ERROR "not installed under ${prefix}: ${missing}")
  endif()
  # The installed tool finds the installed library by itself (RPATH $ORIGIN/../lib).
  unset(ENV{LD_LIBRARY_PATH})
  run(${prefix}/${BINDIR}/evgraph --version)
  if(NOT run_out STREQUAL "evgraph ${VERSION}\n")
    message(FATAL_ERROR "installed evgraph --version printed: ${run_out}")
  endif()
elseif(MODE STREQUAL "pkg-config")
  set(ENV{PKG_CONFIG_PATH} ${prefix}/${LIBDIR}/pkgconfig)
  run(${PKG_CONFIG} --modversion evgraph)
  if(NOT run_out STREQUAL "${VERSION}\n")
    message(FATAL_ERROR "pkg-config --modversion evgraph: ${run_out}")
  endif()
  run(${PKG_CONFIG} --cflags --libs evgraph)
  separate_arguments(flags UNIX_COMMAND "${run_out}")
  run(${CC} -std=c99 -Wall -Wextra -pedantic -Werror ${san_flags}
      ${CONSUMER}/consumer.c ${flags} -o ${WORK}/consumer-pc)
  set(ENV{LD_LIBRARY_PATH} ${prefix}/${LIBDIR})
  check_consumer(${WORK}/consumer-pc)
elseif(MODE STREQUAL "find-package")
  file(REMOVE_RECURSE ${WORK}/consumer-build)
  run(${CMAKE_COMMAND} -S ${CONSUMER} -B ${WORK}/consumer-build
      -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_C_COMPILER=${CC}
      "-DCMAKE_C_FLAGS=${san_flags}" "-DCMAKE_EXE_LINKER_FLAGS=${san_flags}")
  run(${CMAKE_COMMAND} --build ${WORK}/consumer-build)
  # No LD_LIBRARY_PATH: CMake gives the consumer an RPATH to the imported library.
  check_consumer(${WORK}/consumer-build/consumer)
else()
  message(FATAL_ERROR "install_test.cmake: unknown MODE '${MODE}'")
endif()
