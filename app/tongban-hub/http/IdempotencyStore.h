#pragma once

#include "HubConfig.h"
#include "http/HttpTypes.h"

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/*!
 * The Idempotency-Key header of contract §1 for authenticated POSTs.
 *
 * Keys are per account and window (the window of the session; empty for department and
 * admin sessions): a clerk at another window, even the same clerk, never replays an answer
 * given to a window, so a window cannot read another's case through a key. The first 2xx
 * answer to (account, window, key) is stored
 * with the SHA-256 of method, path and body. The same key with the same
 * request replays the stored answer (201 becomes 200, with
 * Idempotent-Replayed: true); with another request it is 409
 * idempotency_conflict. Non-2xx answers are not stored, so a failed request
 * may be retried with the same key. Keys older than idempotencyKeySecs are
 * forgotten (pruned when a new answer is stored).
 *
 * Threading: the thread that owns the Database.
 */
class IdempotencyStore
{
public:
    IdempotencyStore(
        Storage::Database &database, const HubConfig &config, const Core::Clock &clock);

    /// The stored answer (replay or 409) for \a key, or nullopt when the request must run.
    std::optional<HttpResponse> lookup(const QString &account, const QString &windowId,
        const QByteArray &key, const HttpRequest &request);
    /// Remembers \a response (only 2xx) as the answer to \a key.
    void store(const QString &account, const QString &windowId, const QByteArray &key,
        const HttpRequest &request, const HttpResponse &response);

private:
    Storage::Database &m_database;
    const HubConfig &m_config;
    const Core::Clock &m_clock;
};

/// 1 to 255 visible ASCII characters (0x21..0x7e); pure, fuzzed.
bool isValidIdempotencyKey(const QByteArray &key);

} // namespace Tongban::Hub
