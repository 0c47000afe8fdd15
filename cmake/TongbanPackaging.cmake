# Installation rules and the Debian packages (issue 16), built with CPack:
#
#   cmake --preset release && cmake --build --preset release
#   (cd build/release && cpack -G DEB)        # or installer/make-packages.sh
#
# gives two packages:
#   tongban      the workstation and tongban-cli, desktop entry, icon, AppStream
#                metadata, hall settings /etc/xdg/tongban/tongban.conf (a conffile)
#   tongban-hub  the platform server, its systemd unit (own system user, hardened),
#                data in /var/lib/tongban-hub, TLS files in /etc/tongban-hub/tls
# Translations are compiled into the binaries (Qt resources), so no .qm files ship.
# The Debian files (maintainer scripts, unit, desktop entry...) are in installer/debian.

include(GNUInstallDirs)
# `install` and CPack take the binaries as built: the suite packages its own build tree
# without building every other target first (make-packages.sh builds before packaging).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(_deb ${PROJECT_SOURCE_DIR}/installer/debian)
set(_appid org.tongban.Workstation)

# --- tongban ----------------------------------------------------------------
install(TARGETS tongban tongban-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    COMPONENT workstation)
install(FILES ${_deb}/tongban/${_appid}.desktop DESTINATION share/applications
    COMPONENT workstation)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/tongban.svg
    DESTINATION share/icons/hicolor/scalable/apps RENAME ${_appid}.svg COMPONENT workstation)
configure_file(${_deb}/tongban/${_appid}.metainfo.xml
    ${CMAKE_CURRENT_BINARY_DIR}/packaging/${_appid}.metainfo.xml @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/${_appid}.metainfo.xml
    DESTINATION share/metainfo COMPONENT workstation)
# Absolute: the hall file lives in /etc/xdg whatever the prefix (Workstation reads
# the XDG configuration folders).
install(FILES ${_deb}/tongban/tongban.conf DESTINATION /etc/xdg/tongban COMPONENT workstation)

# --- tongban-hub --------------------------------------------------------------
if(TARGET tongban-hub)
    install(TARGETS tongban-hub RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT hub)
    install(FILES ${_deb}/tongban-hub/tongban-hub.service DESTINATION /lib/systemd/system
        COMPONENT hub)
    install(FILES ${_deb}/tongban-hub/tongban-hub.env DESTINATION /etc/tongban-hub
        COMPONENT hub)
    install(FILES ${PROJECT_SOURCE_DIR}/app/tongban-hub/README.md
        DESTINATION share/doc/tongban-hub COMPONENT hub)
endif()

# --- Debian documentation files (copyright, changelog) -----------------------------
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Tongban Workstation team <tongban@example.gov.cn>")
configure_file(${_deb}/changelog.in ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog @ONLY)
execute_process(COMMAND gzip -9nf ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog)
foreach(pair "workstation;tongban" "hub;tongban-hub")
    list(GET pair 0 component)
    list(GET pair 1 package)
    install(FILES ${_deb}/copyright ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz
        DESTINATION share/doc/${package} COMPONENT ${component})
endforeach()

# --- Man pages (installer/debian/man, plain roff; lintian wants one per binary) ----------
# The version is substituted and each page gzipped (gzip -9n, as Debian policy asks) when
# CMake configures, like the changelog above.
foreach(page "tongban.1;workstation" "tongban-cli.1;workstation" "tongban-hub.8;hub")
    list(GET page 0 file)
    list(GET page 1 component)
    if(component STREQUAL "hub" AND NOT TARGET tongban-hub)
        continue()
    endif()
    string(REGEX REPLACE "^.*\\.([0-9])$" "\\1" section ${file})
    configure_file(${_deb}/man/${file} ${CMAKE_CURRENT_BINARY_DIR}/packaging/man/${file} @ONLY)
    execute_process(COMMAND gzip -9nf ${CMAKE_CURRENT_BINARY_DIR}/packaging/man/${file})
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/man/${file}.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section} COMPONENT ${component})
endforeach()

# --- CPack ----------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tongban)
set(CPACK_PACKAGE_VENDOR "Tongban Workstation team")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's description starts with its own summary line (not the project's).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_COMPONENTS_ALL workstation)
if(TARGET tongban-hub)
    list(APPEND CPACK_COMPONENTS_ALL hub)
endif()
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://tongban.example.gov.cn")
# Cross builds (installer/cross-build-arm64.sh) set CPACK_DEBIAN_PACKAGE_ARCHITECTURE.

set(CPACK_DEBIAN_WORKSTATION_PACKAGE_NAME tongban)
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_SECTION misc)
# Beyond the libraries dpkg-shlibdeps finds: Qt's plugins (SQLite driver), the
# Secret Service for the clerk's token, CUPS's lpstat, GStreamer for cameras and
# video calls, Chinese fonts for the screens and the printed notices.
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, gnome-keyring, dbus-user-session | dbus-x11, cups-client, \
gstreamer1.0-plugins-base, gstreamer1.0-plugins-good, gstreamer1.0-plugins-bad, \
gstreamer1.0-nice, fonts-noto-cjk | fonts-wqy-microhei")
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_RECOMMENDS "qt6-translations-l10n, sane-utils")
set(CPACK_DEBIAN_WORKSTATION_DESCRIPTION
    "workstation for the 通办 service windows
Tongban Workstation is used at the service windows of unified acceptance
(统一受理、全市通办): the clerk checks the applicant's materials against the
unified guide, captures them, prints the one-time notice or the receipt and
transmits the case to the unified acceptance platform.

This package holds the window application (tongban), the console tool for
hall IT staff (tongban-cli: diagnose, setup, storage and audit checks) and
the hall-wide settings file /etc/xdg/tongban/tongban.conf.")
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_CONTROL_EXTRA
    ${_deb}/tongban/conffiles ${_deb}/tongban/postrm)

set(CPACK_DEBIAN_HUB_PACKAGE_NAME tongban-hub)
set(CPACK_DEBIAN_HUB_PACKAGE_SECTION net)
set(CPACK_DEBIAN_HUB_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_HUB_DESCRIPTION
    "reference server of the unified acceptance platform
tongban-hub implements the platform API used by Tongban Workstation:
accounts, catalogue, cases and tus uploads, official numbers, decisions
pushed over WebSocket, mailings, serial blocks and call signalling.

The package runs it as the systemd service tongban-hub under its own system
user, with its data in /var/lib/tongban-hub and its TLS files in
/etc/tongban-hub/tls.")
set(CPACK_DEBIAN_HUB_PACKAGE_CONTROL_EXTRA
    ${_deb}/tongban-hub/conffiles ${_deb}/tongban-hub/postinst ${_deb}/tongban-hub/prerm
    ${_deb}/tongban-hub/postrm)

include(CPack)
