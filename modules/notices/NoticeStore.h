#pragma once

#include "Notice.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <security/AuditLog.h>
#include <storage/Database.h>
#include <storage/Migration.h>

#include <QSqlQuery>

namespace Tongban::Notices {

/// A notice as issued: never changed afterwards.
struct IssuedNotice
{
    qint64 id = 0;
    QString serial;
    NoticeKind kind = NoticeKind::Unknown;
    QString caseId;
    QString windowId;
    QString clerk;
    QDateTime issuedAt;
    QString sha256; ///< of the issued PDF
    int reprints = 0;
};

/*!
 * Issues notices and keeps them.
 *
 * issue() numbers the notice per window, kind and year
 * (<window code>-<GZ|HZ|JS>-<year>-<6 digits>), renders it, and stores the PDF,
 * its SHA-256 and the content it was rendered from, in one transaction with
 * an audit record. The stored notice never changes (database triggers refuse
 * any update); a later correction is a new submission with a new notice.
 * reprint() renders the same content marked 补打 and records who reprinted it.
 *
 * Same thread as the Database; rendering needs a QGuiApplication.
 */
class NoticeStore
{
public:
    NoticeStore(Storage::Database &db, Security::AuditLog &audit, const Core::Clock &clock);

    static Storage::MigrationSet schema();

    struct Issuer
    {
        QString caseId;
        QString windowId;
        QString windowCode; ///< short code printed in serials, e.g. TB03
        QString clerk; ///< clerk account, for the audit trail
    };

    Core::Result<IssuedNotice> issue(NoticeContent content, const Issuer &issuer);

    /// The issued PDF, byte for byte, after checking its hash.
    Core::Result<QByteArray> pdf(qint64 noticeId) const;
    /// The content the notice was rendered from.
    Core::Result<NoticeContent> content(qint64 noticeId) const;
    /// A copy marked 补打, recorded in the audit trail.
    Core::Result<QByteArray> reprint(qint64 noticeId, const QString &clerk);

    Core::Result<IssuedNotice> notice(qint64 noticeId) const;
    QList<IssuedNotice> noticesOfCase(const QString &caseId) const;

    static QByteArray toJson(const NoticeContent &content);
    static NoticeContent fromJson(const QByteArray &json);

private:
    /// The row of \a noticeId positioned on \a columns, or NoticeNotFound.
    Core::Result<QSqlQuery> row(const QString &columns, qint64 noticeId) const;

    Storage::Database &m_db;
    Security::AuditLog &m_audit;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Notices
