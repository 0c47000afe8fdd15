#pragma once

#include <QString>

namespace Tongban {

/*!
 * Installs the workstation's translations and Qt's own for \a language
 * ("zh_CN" or "en"; empty means zh_CN, the language of the window). Returns
 * the language actually installed. Call once, after the QCoreApplication
 * exists, on the GUI thread.
 */
QString installTranslations(QString language);

} // namespace Tongban
