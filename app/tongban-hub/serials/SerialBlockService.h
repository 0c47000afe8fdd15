#pragma once

#include "HubErrors.h"
#include "serials/SerialBlockStore.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Migration.h>

#include <QJsonObject>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

struct AuthContext;

/// What the public page of a serial tells: never anything about the applicant.
struct PublicSerial
{
    QString serial;
    QString kind; ///< the document's name (一次性告知书, 收件回执, 纸质材料寄送单)
    QString year;
    QString windowName; ///< the window the platform handed the number to
};

/*!
 * Serial blocks (contract §3.1): the numbers a window prints on its notices,
 * receipts and mailing slips, reserved by the platform so that they are unique
 * city-wide. Each window has one high-water mark (SerialBlockStore);
 * a block is the next `count` numbers above it, and the mark only rises, so
 * no number is handed out twice, whichever installation of the window asks.
 * Only a session signed in at that window may take its blocks.
 *
 * lookup() serves GET /n/{serial}, where the QR code of a notice points:
 * whether the platform handed that number to that window, with the kind and
 * the window's name (SerialBlockRoutes::publicPage).
 *
 * Threading: the thread that owns the Database.
 */
class SerialBlockService
{
public:
    static constexpr int kDefaultCount = 100;
    static constexpr int kMaxCount = 1000;

    enum ErrorCode {
        Forbidden = HubError::Serials, ///< not a session at that window
        ValidationFailed, ///< the count is not an integer from 1 to kMaxCount
        StorageFailed,
    };

    SerialBlockService(Storage::Database &database, const Core::Clock &clock);

    /// The tables of this service (module "hub_serials", its own versions).
    static Storage::MigrationSet schema() { return SerialBlockStore::schema(); }
    /// The prefix printed in the window's serials: its id in upper case (410402-TB-03).
    static QString prefixOf(const QString &windowId);

    /// The next block of \a windowId (\a body: {"count"}, 100 when absent).
    Core::Result<SerialBlock> reserve(
        const QString &windowId, const QJsonObject &body, const AuthContext &context);
    /// What the platform knows of \a serial; nullopt when it never handed it out.
    std::optional<PublicSerial> lookup(const QString &serial) const;

private:
    SerialBlockStore m_store;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Hub
