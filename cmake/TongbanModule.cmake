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
    tongban_scale_test_timeouts()
endfunction()

# TONGBAN_TEST_TIME_FACTOR (cache variable, default 1; the environment variable of the same
# name gives its first value): how many times slower than this machine the tests run, for a
# build whose tests run under emulation (installer/cross-build-arm64.sh sets it for qemu-user,
# see docs/arm64.md). At 1 nothing changes. Above 1, at the end of each test folder every
# test's CTest TIMEOUT and Qt Test's per-function limit (QTEST_FUNCTION_TIMEOUT, Qt's default
# 300 s when the test sets none) are multiplied by it, and the tests get
# TONGBAN_TEST_TIME_FACTOR in their environment for their own waits (tests/support/TestTime.h).
# Each folder that registers tests with tongban_add_test is scaled; a folder with only add_test
# calls can call tongban_scale_test_timeouts() itself.
if(DEFINED ENV{TONGBAN_TEST_TIME_FACTOR})
    set(_tongban_time_factor_default "$ENV{TONGBAN_TEST_TIME_FACTOR}")
else()
    set(_tongban_time_factor_default 1)
endif()
set(TONGBAN_TEST_TIME_FACTOR "${_tongban_time_factor_default}" CACHE STRING
    "Multiplier of test time limits for emulated runs (qemu-user); 1 on the machine itself")
if(NOT TONGBAN_TEST_TIME_FACTOR MATCHES "^[1-9][0-9]*$")
    message(FATAL_ERROR "TONGBAN_TEST_TIME_FACTOR must be a whole number >= 1, not "
        "'${TONGBAN_TEST_TIME_FACTOR}'")
endif()

function(tongban_scale_test_timeouts)
    if(TONGBAN_TEST_TIME_FACTOR EQUAL 1)
        return()
    endif()
    get_property(deferred DIRECTORY PROPERTY TONGBAN_TIMEOUTS_SCALED_AT_END)
    if(NOT deferred)
        set_property(DIRECTORY PROPERTY TONGBAN_TIMEOUTS_SCALED_AT_END TRUE)
        cmake_language(DEFER CALL _tongban_scale_directory_timeouts)
    endif()
endfunction()

function(_tongban_scale_directory_timeouts)
    set(factor ${TONGBAN_TEST_TIME_FACTOR})
    get_property(tests DIRECTORY PROPERTY TESTS)
    foreach(test IN LISTS tests)
        get_test_property(${test} TIMEOUT timeout)
        if(timeout)
            math(EXPR timeout "${timeout} * ${factor}")
            set_tests_properties(${test} PROPERTIES TIMEOUT ${timeout})
        endif()
        get_test_property(${test} ENVIRONMENT environment)
        if(NOT environment)
            set(environment "")
        endif()
        set(scaled "")
        set(function_timeout 300000)
        foreach(entry IN LISTS environment)
            if(entry STREQUAL "")
                continue()
            elseif(entry MATCHES "^QTEST_FUNCTION_TIMEOUT=([0-9]+)$")
                set(function_timeout ${CMAKE_MATCH_1})
            elseif(NOT entry MATCHES "^TONGBAN_TEST_TIME_FACTOR=")
                list(APPEND scaled "${entry}")
            endif()
        endforeach()
        math(EXPR function_timeout "${function_timeout} * ${factor}")
        list(APPEND scaled "QTEST_FUNCTION_TIMEOUT=${function_timeout}"
            "TONGBAN_TEST_TIME_FACTOR=${factor}")
        set_tests_properties(${test} PROPERTIES ENVIRONMENT "${scaled}")
    endforeach()
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
