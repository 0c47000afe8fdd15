# tongban_add_module(<name>
#     SOURCES <file>...                 # .cpp/.h of the module, interfaces at the root,
#                                       # implementation under internal/
#     [PUBLIC_DEPS <target>...]         # modules or Qt targets the interface exposes
#     [PRIVATE_DEPS <target>...]        # libraries used only inside the .cpp files
#     [RESOURCES <file>...]             # files embedded under :/tongban/<name>/
# )
#
# Creates the static library tongban_<name> with the alias Tongban::<Name>
# (first letter upper-cased), includes the module folder's parent so that code
# writes #include <core/Result.h>, applies the project's compiler options and
# records the sources for lupdate. Unknown or misspelt arguments are a
# configuration error, so that a typo never silently drops a dependency.
# cmake_parse_arguments folds a misspelt keyword into the list before it
# ("SOURCES a.cpp PUBLIK_DEPS x" gives SOURCES = a.cpp;PUBLIK_DEPS;x), so any
# all-capitals word that is not a known keyword is reported as unknown.
function(_tongban_reject_unknown_keywords function_name known)
    set(unknown "")
    foreach(word IN LISTS ARGN)
        if(word MATCHES "^[A-Z][A-Z0-9_]+$" AND NOT word IN_LIST known)
            list(APPEND unknown ${word})
        endif()
    endforeach()
    if(unknown)
        message(FATAL_ERROR "${function_name}: unknown arguments: ${unknown}")
    endif()
endfunction()

function(tongban_add_module name)
    set(keywords SOURCES PUBLIC_DEPS PRIVATE_DEPS RESOURCES)
    _tongban_reject_unknown_keywords("tongban_add_module(${name})" "${keywords}" ${ARGN})
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "${keywords}")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR
            "tongban_add_module(${name}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_SOURCES)
        message(FATAL_ERROR "tongban_add_module(${name}): SOURCES is required")
    endif()

    set(target tongban_${name})
    string(SUBSTRING ${name} 0 1 first)
    string(TOUPPER ${first} first)
    string(SUBSTRING ${name} 1 -1 rest)
    set(alias Tongban::${first}${rest})

    add_library(${target} STATIC ${arg_SOURCES})
    add_library(${alias} ALIAS ${target})
    target_include_directories(${target} PUBLIC
        $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/..>)
    target_link_libraries(${target}
        PUBLIC ${arg_PUBLIC_DEPS}
        PRIVATE tongban_compile_options ${arg_PRIVATE_DEPS})
    set_target_properties(${target} PROPERTIES AUTOMOC ON POSITION_INDEPENDENT_CODE ON)

    if(arg_RESOURCES)
        qt_add_resources(${target} ${target}_resources
            PREFIX /tongban/${name}
            FILES ${arg_RESOURCES})
    endif()

    set(abs_sources "")
    foreach(source IN LISTS arg_SOURCES)
        get_filename_component(abs ${source} ABSOLUTE)
        list(APPEND abs_sources ${abs})
    endforeach()
    set_property(GLOBAL APPEND PROPERTY TONGBAN_TRANSLATABLE_SOURCES ${abs_sources})
endfunction()

# tongban_add_test(<name> SOURCES <file>... [LIBRARIES <target>...]
#                  [LABELS <label>...] [TIMEOUT <seconds>] [ENVIRONMENT <VAR=value>...])
#
# A Qt Test executable registered with CTest. Tests link module libraries;
# they never compile a module's sources again.
function(tongban_add_test name)
    _tongban_reject_unknown_keywords("tongban_add_test(${name})"
        "SOURCES;LIBRARIES;LABELS;ENVIRONMENT;TIMEOUT" ${ARGN})
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "TIMEOUT" "SOURCES;LIBRARIES;LABELS;ENVIRONMENT")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR
            "tongban_add_test(${name}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    add_executable(${name} ${arg_SOURCES})
    target_link_libraries(${name} PRIVATE tongban_compile_options Qt6::Test ${arg_LIBRARIES})
    set_target_properties(${name} PROPERTIES AUTOMOC ON
        RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${arg_TIMEOUT}
        LABELS "${arg_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${arg_ENVIRONMENT}")
endfunction()

# tongban_register_translatable(<file>...)
#
# Adds sources outside modules (app code) to the set lupdate scans.
function(tongban_register_translatable)
    set(abs_sources "")
    foreach(source IN LISTS ARGN)
        get_filename_component(abs ${source} ABSOLUTE)
        list(APPEND abs_sources ${abs})
    endforeach()
    set_property(GLOBAL APPEND PROPERTY TONGBAN_TRANSLATABLE_SOURCES ${abs_sources})
endfunction()
