#pragma once

#include "HubConfig.h"
#include "HubErrors.h"
#include "mailings/MailingStore.h"

#include <core/Result.h>

#include <QJsonObject>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

class Secrets;

struct AuthContext;

/*!
 * Mailing of paper originals (contract §8): the rules; MailingStore keeps them,
 * MailingRoutes puts them on the wire.
 *
 * Only the case's application window posts a mailing; a mailing is
 * idempotent by (caseId, clientMailingId): the same body again gives the same mailing
 * (created false), another body IdempotencyConflict. The waybill
 * is 8 to 30 ASCII letters or digits; the materials are materialIds the case
 * declared. A home window of the case's home jurisdiction (an account with
 * role "home") confirms receipt, which stores a mailing.received event for
 * the application window. Confirming twice answers the first confirmation.
 *
 * Every error's message is the zh_CN text for the clerk, its detail technical.
 * Threading: the thread that owns the Database.
 */
class MailingService
{
public:
    MailingService(Storage::Database &database, const Core::Clock &clock);

    enum ErrorCode {
        CaseNotFound = HubError::Mailings,
        MailingNotFound,
        Forbidden,
        ValidationFailed,
        IdempotencyConflict,
        StorageFailed,
    };

    struct Created
    {
        QString mailingId;
        bool created = false; ///< false: the same mailing had been registered before
    };
    Core::Result<Created> create(
        const QString &caseId, const QJsonObject &body, const AuthContext &context);
    Core::Result<QList<MailingRecord>> list(const QString &caseId, const AuthContext &context);
    /// The home window's confirmation of receipt; the mailing as it now stands.
    Core::Result<MailingRecord> received(const QString &mailingId, const AuthContext &context);

    /// The key that seals case bodies at rest (issue 13); not owned.
    void setSecrets(const Secrets *secrets) { m_store.setSecrets(secrets); }

private:
    MailingStore m_store;
    const Core::Clock &m_clock;
};

/// True when \a waybill is 8 to 30 ASCII letters or digits (pure; fuzzed).
bool isValidWaybill(const QString &waybill);
/// True when \a text is an RFC 3339 date-time with an explicit offset or Z (pure; fuzzed).
bool isRfc3339(const QString &text);

} // namespace Tongban::Hub
