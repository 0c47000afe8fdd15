#pragma once

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Database.h>

#include <QDateTime>
#include <QList>
#include <QString>

namespace Tongban::Platform {

/// A result kept on this workstation (table platform_results).
struct StoredResult
{
    QString resultId;
    QString caseId;
    QString caseNumber;
    QString decision; ///< "accepted" or "rejected"
    QString reasons;
    QDateTime issuedAt;
    QString documentSha256; ///< lowercase hex, verified against the stored PDF
    qint64 eventId = 0;
    QDateTime storedAt;
    QDateTime printedAt; ///< invalid while awaiting printing
};

/*!
 * The results this workstation has received (table platform_results, written by
 * ResultFeed), for the screen that prints them for the applicant. Same thread as the
 * Database; nothing is owned.
 */
class ResultStore
{
public:
    ResultStore(Storage::Database &db, const Core::Clock &clock);

    /// Results whose printed_at is NULL, oldest first (without the PDF bytes).
    QList<StoredResult> awaitingPrint() const;
    /// Every stored result, oldest first (without the PDF bytes).
    QList<StoredResult> results() const;
    /// The stored PDF of \a resultId; NotFound when there is none.
    Core::Result<QByteArray> document(const QString &resultId) const;
    /// Records that the notice was printed for the applicant (the first time only);
    /// NotFound for an unknown id.
    Core::Status markPrinted(const QString &resultId);

private:
    QList<StoredResult> query(const QString &where) const;

    Storage::Database &m_db;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Platform
