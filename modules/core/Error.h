#pragma once

#include <QMetaType>
#include <QString>

namespace Tongban::Core {

/*!
 * Error codes are plain integers in one range per module, so that a code seen
 * in a log or a support ticket names its module at a glance. Code 0 means
 * "no error" and is never carried by an Error.
 */
namespace ErrorRange {
inline constexpr int Core = 1000;
inline constexpr int Storage = 2000;
inline constexpr int Security = 3000;
inline constexpr int Catalog = 4000;
inline constexpr int Imaging = 5000;
inline constexpr int Platform = 6000;
inline constexpr int Intake = 7000;
inline constexpr int Notices = 8000;
inline constexpr int Assist = 9000;
inline constexpr int Drivers = 10000;
inline constexpr int App = 11000;
} // namespace ErrorRange

/*!
 * A failure as every module reports it.
 *
 * - code: machine code from the module's range (see ErrorRange).
 * - message: translated, for the clerk: what happened and what to do.
 * - detail: untranslated technical detail for logs and support; never shown
 *   alone and never containing unmasked personal data.
 */
struct Error
{
    int code = 0;
    QString message;
    QString detail;

    /// "message (code N: detail)", for logs and command-line output.
    QString toString() const;
};

} // namespace Tongban::Core

Q_DECLARE_METATYPE(Tongban::Core::Error)
