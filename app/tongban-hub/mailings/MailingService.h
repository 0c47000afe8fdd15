#pragma once

#include "HubConfig.h"
#include "http/HttpTypes.h"

#include <core/Result.h>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

class Secrets;

struct AuthContext;

/*!
 * Mailing of paper originals (contract §8).
 *
 * Only the case's application window posts a mailing; a mailing is
 * idempotent by (caseId, clientMailingId): the same body again answers 200
 * with the same mailingId, another body 409 idempotency_conflict. The waybill
 * is 8 to 30 ASCII letters or digits; the materials are materialIds the case
 * declared. A home window of the case's home jurisdiction (an account with
 * role "home") confirms receipt, which stores a mailing.received event for
 * the application window. Confirming twice answers the first confirmation.
 *
 * Threading: the thread that owns the Database.
 */
class MailingService
{
public:
    MailingService(Storage::Database &database, const Core::Clock &clock);

    HttpResponse create(const QString &caseId, const QJsonObject &body, const AuthContext &context);
    HttpResponse list(const QString &caseId, const AuthContext &context);
    HttpResponse received(const QString &mailingId, const AuthContext &context);

    /// The key that seals case bodies at rest (issue 13); not owned.
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }

private:
    const Secrets *m_secrets = nullptr;
    QJsonObject mailingJson(const QString &mailingId) const;

    Storage::Database &m_database;
    const Core::Clock &m_clock;
};

/// True when \a waybill is 8 to 30 ASCII letters or digits (pure; fuzzed).
bool isValidWaybill(const QString &waybill);
/// True when \a text is an RFC 3339 date-time with an explicit offset or Z (pure; fuzzed).
bool isRfc3339(const QString &text);

} // namespace Tongban::Hub
