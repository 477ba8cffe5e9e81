# The dependency rules of the design, checked on the sources (ctest: `layering`). Run with
# cmake -DROOT=<source dir> -P check_layers.cmake; prints every include that breaks a rule and fails.
set(problems "")

# 1. ui/training (the controller, the worker and what they compute) includes no view: from ui/ only its own
#    headers, the colours of ui/style and the translations of ui/i18n.
file(GLOB training_files ${ROOT}/ui/training/*.h ${ROOT}/ui/training/*.cpp)
file(GLOB ui_dirs LIST_DIRECTORIES true ${ROOT}/ui/*)
set(view_dirs "")
foreach(d ${ui_dirs})
  if(IS_DIRECTORY ${d})
    get_filename_component(name ${d} NAME)
    if(NOT name MATCHES "^(training|style|i18n)$")
      list(APPEND view_dirs ${name})
    endif()
  endif()
endforeach()
foreach(f ${training_files})
  file(STRINGS ${f} lines REGEX "^#include \"")
  foreach(line ${lines})
    foreach(d ${view_dirs})
      if(line MATCHES "^#include \"${d}/" OR line MATCHES "^#include \"main_window")
        string(APPEND problems "${f}: ${line} (ui/training includes no view)\n")
      endif()
    endforeach()
  endforeach()
endforeach()

# 2. core/ has no Qt.
file(GLOB_RECURSE core_files ${ROOT}/core/*.h ${ROOT}/core/*.cpp)
foreach(f ${core_files})
  file(STRINGS ${f} lines REGEX "^#include <Q")
  foreach(line ${lines})
    string(APPEND problems "${f}: ${line} (core/ has no Qt)\n")
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "Layering rules broken:\n${problems}")
endif()
message(STATUS "layering: ${CMAKE_CURRENT_LIST_FILE} found no broken rule")
