#pragma once

#include "Notice.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <security/AuditLog.h>
#include <storage/Database.h>
#include <storage/Migration.h>

#include <QSqlQuery>

#include <functional>

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
 * A block of serial numbers the platform reserved for one window
 * (POST /windows/{windowId}/serial-blocks, docs/platform-api.md §3.1): no
 * other window and no other installation of this window ever gets them.
 */
struct SerialBlock
{
    QString windowId;
    QString prefix; ///< printed before the kind, e.g. 410402-TB-03 (from the platform)
    qint64 first = 0;
    qint64 last = 0;
};

/*!
 * Issues notices and keeps them.
 *
 * issue() takes the next number from the serial blocks the platform reserved
 * for the window (addSerialBlock()), so serials are unique city-wide and a
 * reinstalled window never repeats one: <prefix>-<GZ|HZ|JS>-<year>-<number>,
 * e.g. 410402-TB-03-GZ-2026-000123, where the number (6 digits or more) is
 * the window's and never restarts; kind and year are there to be read.
 * Without a number left, issue() refuses with SerialsExhausted before
 * anything is rendered. It renders the notice and stores the PDF, its
 * SHA-256 and the content it was rendered from, in one transaction with the
 * number taken and an audit record. The stored notice never changes
 * (database triggers refuse any update); a later correction is a new
 * submission with a new notice. Notices numbered locally before version 2
 * (<window code>-<kind>-<year>-<6 digits>, per kind and year) stay readable
 * and reprintable. makeReprint() renders the same content marked 补打 once and
 * stores that copy (bytes and hash, linked to the notice, never changed); a
 * copy that adds the official case number says so. It counts as a reprint
 * only when recordPrinted() says a printer accepted it
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
        QString windowCode; ///< short code (TB03); serials take the platform's prefix instead
        QString clerk; ///< clerk account, for the audit trail
    };

    /*!
     * Numbers, renders and stores the notice. When content.lookupBaseUrl is set, the QR code
     * is that URL followed by the serial. SerialsExhausted when no number is left for
     * issuer.windowId (nothing is rendered or stored).
     */
    Core::Result<IssuedNotice> issue(NoticeContent content, const Issuer &issuer);

    /*!
     * Keeps a block the platform reserved. Receiving the same block again is a no-op; a
     * block overlapping another one of the window is refused (StoreFailed).
     */
    Core::Status addSerialBlock(const SerialBlock &block);
    /// Numbers still unused in the blocks held for \a windowId.
    qint64 serialsLeft(const QString &windowId) const;
    /*!
     * SerialsExhausted (saying what to do) unless \a count notices can be issued for
     * \a windowId: check before a step that issues several (a receipt and its mailing
     * slip), so that none of them prints when the last would be refused.
     */
    Core::Status checkSerialsLeft(const QString &windowId, int count) const;
    /// Called (same thread) after each notice is issued, e.g. to ask for the next block in time.
    void setIssuedCallback(std::function<void()> callback) { m_issued = std::move(callback); }

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
    std::function<void()> m_issued;
};

} // namespace Tongban::Notices
