#pragma once

#include <core/Result.h>

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Tongban::Assist {

/*!
 * The marks of a call's shared pages on this window's disk until the platform keeps them
 * (issue 15): the call window keeps a marked-up page on the platform 1.5 s after its last
 * change, so a window killed in that time would lose the last marks. Each change is written
 * here first, durably (a new file fsynced, then renamed over the page's entry, the folder
 * fsynced); the entry goes once the platform kept the page. What a killed window left is
 * pending() at the next start, to be kept then.
 *
 * One file per call and page: <folder>/<call>/<page SHA-256>.json holding the call, the
 * page's hash and PageShare::markup(). Files are this account's only (0600).
 *
 * GUI thread (a write is one small file and two fsyncs: a few ms, at the pace of strokes).
 */
class MarkupJournal
{
public:
    struct Entry
    {
        QString callId;
        QString pageSha256;
        QJsonObject markup; ///< PageShare::markup()
    };

    explicit MarkupJournal(const QString &folder);

    QString folder() const { return m_folder; }
    /// Writes the marks of page \a pageSha256 of \a callId durably, replacing the last ones.
    /// Errors: the disk (full, refused).
    Core::Status record(
        const QString &callId, const QString &pageSha256, const QJsonObject &markup);
    /*!
     * The platform kept this page's marks \a kept: the entry goes (and the call's folder when
     * empty) unless it holds other marks than \a kept (a stroke came meanwhile: still to
     * keep). An empty \a kept removes it whatever it holds.
     */
    void remove(const QString &callId, const QString &pageSha256, const QJsonObject &kept = {});
    /// The entries on disk, oldest call first; files that cannot be read (a torn or changed
    /// one) are skipped, logged.
    QList<Entry> pending() const;

private:
    QString pathOf(const QString &callId, const QString &pageSha256) const;

    QString m_folder;
};

} // namespace Tongban::Assist
