#pragma once

#include <QString>
#include <QStringView>

namespace Tongban::Security {

/*!
 * Returns \a text with the personal data that windows handle every day masked,
 * so that it can go into a log, an audit record or a support ticket:
 *
 * - 18-character resident identity numbers (GB 11643: 17 digits and a digit or
 *   X/x): first 6 and last 4 kept, `110105********002X`;
 * - 15-digit identity numbers of the first generation: first 6 and last 3
 *   kept, `110105******123`;
 * - mainland mobile numbers (1[3-9] and 9 more digits, also after "+86"):
 *   first 3 and last 4 kept, `138****5678`.
 *
 * A number counts only when it is not part of a longer run of digits, so that
 * case numbers, waybill numbers and timestamps stay readable; unified social
 * credit codes (GB 32100) contain letters and are left alone. The masked text
 * has the same length as the original. Numbers written with spaces or dashes
 * inside ("110105 1949...") are not recognised.
 *
 * Threading: reentrant and thread-safe (the patterns are compiled once).
 */
QString maskPersonalData(QStringView text);

/*!
 * Installs a Qt message handler that masks every message with
 * maskPersonalData() and then hands it to the handler that was installed
 * before (Qt's default one if there was none), so that qDebug() to
 * qCritical() never write personal data to a log file.
 *
 * Idempotent: only the first call installs; later calls do nothing, so the
 * handler never ends up chained to itself. Call it early in main(), after any
 * handler that writes log files has been installed. Thread-safe.
 */
void installMaskingMessageHandler();

} // namespace Tongban::Security
