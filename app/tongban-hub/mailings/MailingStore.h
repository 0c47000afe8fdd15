#pragma once

#include <core/Result.h>

#include <QJsonArray>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

class Secrets;

/// What a mailing needs to know of its case.
struct MailingCase
{
    QString id;
    QString windowId;
    QString homeJurisdiction;
    QString caseNumber;
    QSet<QString> materialIds; ///< the materials the case declared
};

/// A mailing of paper originals (contract §8) as stored.
struct MailingRecord
{
    QString id;
    QString clientMailingId;
    QString caseId;
    QString carrier;
    QString waybill;
    QString sentAt; ///< RFC 3339, as sent
    QJsonArray materials; ///< materialIds
    std::optional<qint64> receivedAtMs;
    QString receivedBy; ///< the home window that confirmed receipt
};

/*!
 * The SQL of mailings: hub_mailings, and the case (hub_cases, its sealed body for the
 * declared materials) a mailing belongs to.
 *
 * Threading: the thread that owns the Database.
 */
class MailingStore
{
public:
    explicit MailingStore(Storage::Database &database);

    /// The key that opens case bodies (issue 13); not owned.
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }
    /// The database, for what other resources write in the same transaction.
    Storage::Database &database() { return m_database; }

    std::optional<MailingCase> caseOf(const QString &caseId) const;
    struct ClientMailingMatch
    {
        QString id;
        QString bodySha256;
    };
    Core::Result<std::optional<ClientMailingMatch>> findByClientMailingId(
        const QString &caseId, const QString &clientMailingId) const;
    Core::Status insert(const MailingRecord &mailing, const QString &account,
        const QString &bodySha256, qint64 createdAtMs);
    Core::Result<std::optional<MailingRecord>> find(const QString &mailingId) const;
    /// The mailings of \a caseId in the order they were registered.
    Core::Result<QList<MailingRecord>> ofCase(const QString &caseId) const;
    /// Marks \a mailingId received (if it is not yet), then runs \a alsoInTransaction.
    Core::Status markReceived(const QString &mailingId, qint64 nowMs, const QString &byWindow,
        const std::function<Core::Status()> &alsoInTransaction);

private:
    Storage::Database &m_database;
    const Secrets *m_secrets = nullptr;
};

} // namespace Tongban::Hub
