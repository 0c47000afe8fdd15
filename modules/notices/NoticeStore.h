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
    int reprints = 0; ///< 补打 copies that reached a printer
};

/// A 补打 copy as rendered and stored: never changed afterwards.
struct ReprintCopy
{
    qint64 id = 0;
    qint64 noticeId = 0;
    QString serial; ///< of the notice
    QString clerk; ///< who asked for it
    QDateTime renderedAt;
    QString sha256; ///< of pdf
    QByteArray pdf;
    bool printed = false; ///< a printer accepted it (recordPrinted())
};

/*!
 * Issues notices and keeps them.
 *
 * issue() numbers the notice per window, kind and year
 * (<window code>-<GZ|HZ|JS>-<year>-<6 digits>), renders it, and stores the PDF,
 * its SHA-256 and the content it was rendered from, in one transaction with
 * an audit record. The stored notice never changes (database triggers refuse
 * any update); a later correction is a new submission with a new notice.
 * makeReprint() renders the same content marked 补打 once and stores that
 * copy (bytes and hash, linked to the notice, never changed); it counts as a
 * reprint only when recordPrinted() says a printer accepted it
 * (NoticePrinter::printReprint() does both).
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
    /*!
     * Renders a copy of the stored notice marked 补打 and stores its bytes and
     * SHA-256 (audit: notice.reprint.copy). \a caseNumber, when given and the
     * notice had none, is the official number printed on the copy. Not yet
     * counted as a reprint: see recordPrinted().
     */
    Core::Result<ReprintCopy> makeReprint(
        qint64 noticeId, const QString &clerk, const QString &caseNumber = QString());
    /// The stored 补打 copy \a copyId, its bytes checked against its hash.
    Core::Result<ReprintCopy> reprintCopy(qint64 copyId) const;
    /// The 补打 copies of \a noticeId, oldest first, without their bytes.
    QList<ReprintCopy> reprintCopies(qint64 noticeId) const;

    /*!
     * Records that a printer accepted the notice (\a copyId 0) or its 补打
     * copy \a copyId, as job \a jobId on \a printer: audit notice.print or
     * notice.reprint; a copy then counts in IssuedNotice::reprints.
     */
    Core::Status recordPrinted(
        qint64 noticeId, qint64 copyId, const QString &clerk, const QString &printer, int jobId);
    /// Records a print that did not reach a printer (audit result "failed"); nothing counted.
    Core::Status recordNotPrinted(qint64 noticeId, qint64 copyId, const QString &clerk,
        const QString &printer, const QString &why);

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
