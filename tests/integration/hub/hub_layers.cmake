# The hub is layered like a server (issue 13): in each resource directory of
# app/tongban-hub, SQL and files live in a store (*Store.*, migrations in *Schema.*), the
# rules in a service (*Service.*) that returns Core::Result and knows nothing of HTTP, and
# the HTTP mapping in its routes (*Routes.*), which run no SQL.
#
#   cmake -DHUB_DIR=<source>/app/tongban-hub -P hub_layers.cmake
#
# NOT_YET_LAYERED names the directories still to be split; the test fails as soon as one of
# the others breaks a rule, and lists what it found.
cmake_minimum_required(VERSION 3.25)

set(NOT_YET_LAYERED) # every resource directory is layered now

if(NOT HUB_DIR OR NOT IS_DIRECTORY "${HUB_DIR}")
    message(FATAL_ERROR "HUB_DIR is not the hub's source directory: '${HUB_DIR}'")
endif()

file(GLOB resourceDirs LIST_DIRECTORIES true RELATIVE "${HUB_DIR}" "${HUB_DIR}/*")
set(found "")
set(checked 0)
foreach(dir IN LISTS resourceDirs)
    if(NOT IS_DIRECTORY "${HUB_DIR}/${dir}" OR dir STREQUAL "http" OR dir STREQUAL "security")
        continue()
    endif()
    if(dir IN_LIST NOT_YET_LAYERED)
        continue()
    endif()
    math(EXPR checked "${checked} + 1")
    file(GLOB files "${HUB_DIR}/${dir}/*.h" "${HUB_DIR}/${dir}/*.cpp")
    foreach(file IN LISTS files)
        get_filename_component(name "${file}" NAME_WE)
        file(READ "${file}" text)
        string(FIND "${text}" "QSqlQuery" sql)
        string(FIND "${text}" "HttpResponse" response)
        string(FIND "${text}" "HttpRequest" request)
        if(NOT sql EQUAL -1 AND NOT name MATCHES "(Store|Schema)$")
            list(APPEND found "${dir}/${name}: SQL outside a store")
        endif()
        if(name MATCHES "(Store|Service|Schema)$" AND (NOT response EQUAL -1 OR NOT request EQUAL -1))
            list(APPEND found "${dir}/${name}: HTTP outside the routes")
        endif()
    endforeach()
    file(GLOB stores "${HUB_DIR}/${dir}/*Store.cpp")
    file(GLOB services "${HUB_DIR}/${dir}/*Service.cpp")
    if(NOT stores OR NOT services)
        list(APPEND found "${dir}: no store or no service")
    endif()
endforeach()

list(REMOVE_DUPLICATES found)
if(found)
    list(JOIN found "\n  " lines)
    message(FATAL_ERROR "the hub's layers are mixed:\n  ${lines}")
endif()
list(LENGTH NOT_YET_LAYERED left)
message(STATUS "${checked} resource directories layered, ${left} still to split")
