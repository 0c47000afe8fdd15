# Compiler flags shared by every Tongban target, applied through the
# tongban_compile_options interface library so that third-party code is never
# compiled with them.
add_library(tongban_compile_options INTERFACE)
target_compile_options(tongban_compile_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
    -Wformat=2)
target_compile_definitions(tongban_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    TONGBAN_VERSION="${PROJECT_VERSION}")
if(TONGBAN_WERROR)
    target_compile_options(tongban_compile_options INTERFACE -Werror)
endif()
if(TONGBAN_SANITIZE)
    target_compile_options(tongban_compile_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(tongban_compile_options INTERFACE -fsanitize=address,undefined)
endif()

# Fuzzing build (preset "fuzz", clang only): every Tongban target gets
# coverage instrumentation plus ASan/UBSan, so that libFuzzer is guided by the
# module code itself; fuzz targets add -fsanitize=fuzzer at link time.
option(TONGBAN_FUZZ "Build the libFuzzer targets in tests/fuzz (clang)" OFF)
if(TONGBAN_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "TONGBAN_FUZZ needs clang (use the fuzz preset)")
    endif()
    target_compile_options(tongban_compile_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    target_link_options(tongban_compile_options INTERFACE -fsanitize=address,undefined)
endif()
