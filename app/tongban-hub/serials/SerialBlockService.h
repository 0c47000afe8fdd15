#pragma once

#include "http/HttpTypes.h"

#include <core/Clock.h>
#include <storage/Migration.h>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;

/*!
 * Serial blocks (contract §3.1): the numbers a window prints on its notices,
 * receipts and mailing slips, reserved by the platform so that they are unique
 * city-wide. Each window has one high-water mark (hub_serial_windows.last);
 * a block is the next `count` numbers above it, and the mark only rises, so
 * no number is handed out twice, whichever installation of the window asks.
 * Only a session signed in at that window may take its blocks.
 *
 * publicPage() answers GET /n/{serial}, where the QR code of a notice points:
 * whether the platform handed that number to that window, with the kind and
 * the window's name, never anything about the applicant.
 *
 * Threading: the thread that owns the Database.
 */
class SerialBlockService
{
public:
    static constexpr int kDefaultCount = 100;
    static constexpr int kMaxCount = 1000;

    SerialBlockService(Storage::Database &database, const Core::Clock &clock);

    /// The tables of this service (module "hub_serials", its own versions).
    static Storage::MigrationSet schema();
    /// The prefix printed in the window's serials: its id in upper case (410402-TB-03).
    static QString prefixOf(const QString &windowId);

    HttpResponse reserve(
        const QString &windowId, const QJsonObject &body, const AuthContext &context);
    HttpResponse publicPage(const QString &serial) const;

private:
    Storage::Database &m_database;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Hub
