#pragma once

// libsane's entry points, resolved at run time (QLibrary), so that a workstation without
// libsane starts and simply offers no scanners. Only the sane/ .cpp files include this.
#include <QString>

#include <sane/sane.h>

namespace Tongban::Drivers::Sane::Internal {

struct SaneApi
{
    decltype(&::sane_init) init = nullptr;
    decltype(&::sane_exit) exit = nullptr;
    decltype(&::sane_get_devices) getDevices = nullptr;
    decltype(&::sane_open) open = nullptr;
    decltype(&::sane_close) close = nullptr;
    decltype(&::sane_get_option_descriptor) getOptionDescriptor = nullptr;
    decltype(&::sane_control_option) controlOption = nullptr;
    decltype(&::sane_start) start = nullptr;
    decltype(&::sane_get_parameters) getParameters = nullptr;
    decltype(&::sane_read) read = nullptr;
    decltype(&::sane_cancel) cancel = nullptr;
    decltype(&::sane_strstatus) strstatus = nullptr;
};

/*!
 * The entry points of libsane.so.1 (or of $TONGBAN_SANE_LIBRARY), loaded once;
 * nullptr when the library or one of its functions is missing, \a why then
 * says which (untranslated, for the log). Thread-safe.
 */
const SaneApi *saneApi(QString *why = nullptr);

} // namespace Tongban::Drivers::Sane::Internal
