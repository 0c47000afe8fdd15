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
    int reprints = 0;
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
 * and reprintable. reprint() renders the same content marked 补打 and records
 * who reprinted it.
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
     * A copy marked 补打, recorded in the audit trail. \a officialCaseNumber, when the
     * stored notice has none, is added to the copy, which then says so.
     */
    Core::Result<QByteArray> reprint(
        qint64 noticeId, const QString &clerk, const QString &officialCaseNumber = {});

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
