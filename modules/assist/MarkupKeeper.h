#pragma once

#include <core/Result.h>

#include <QHash>
#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace Tongban::Assist {

class CallPages;
class PageShare;
struct Stroke;

/*!
 * The marked-up pages of the caller's calls kept with the call on the platform (issue 15:
 * "the marked-up page is kept with the call"), taken out of the call screen (issue 15,
 * Design).
 *
 * - During a call (startCall() … endCall()) every change of a page's marks is journaled on
 *   disk at once (MarkupJournal) and the page is kept on the platform (CallPages::keepMarkup)
 *   1.5 s after its last change, and when the call ends. A page is kept once it is on the
 *   platform (pageOnPlatform()).
 * - The journal is written on a worker thread of its own, in the order of the changes (the
 *   latest marks of a page when several wait), never on the GUI thread: two fsyncs per change
 *   on a loaded disk took tens to hundreds of milliseconds, and the marks arriving from the
 *   other window were drawn only after them. The window between a change and its entry on
 *   disk is the worker's turn (a few ms on a quiet disk).
 * - keepPending() keeps every page whose marks are journaled but not on the platform: what a
 *   killed run left (at sign-in), and the pages of this run's calls whose keep failed while
 *   the platform could not be reached (the events socket dropped, the hub restarted: the
 *   call ended, its last keep failed). The call screen calls it at sign-in and each time the
 *   events channel is live again, so such marks reach the platform in the same session, not
 *   at the next start. keepPending() sends no page while a keep of it is under way or just
 *   succeeded, and the platform's markup of a page is replaced by each keep (PUT), so a keep
 *   sent again never doubles a mark.
 *
 * What was kept or not is said by kept() and failed(); the call screen writes the trails.
 * GUI thread (the journal's writes excepted).
 */
class MarkupKeeper : public QObject
{
    Q_OBJECT
public:
    /// Reads the bytes of a page of this window by their SHA-256; empty when not here.
    using ReadPage = std::function<QByteArray(const QString &sha256)>;

    /// \a journalFolder: the journal (MarkupJournal); \a pages: the platform, null without one.
    MarkupKeeper(const QString &journalFolder, CallPages *pages, QObject *parent = nullptr);
    /// Waits for the journal's writes.
    ~MarkupKeeper() override;

    QString journalFolder() const;
    /// Call \a callId begins here, by this window as its caller, about case \a caseId (empty
    /// when none); \a share holds its marks until endCall().
    void startCall(const QString &callId, const QString &caseId, const PageShare *share);
    /// Page \a sha256 of the call is on the platform; \a image is its picture.
    void pageOnPlatform(const QString &sha256, const QImage &image);
    /// The marks of page \a sha256 changed (here or on the other side).
    void marksChanged(const QString &sha256);
    /// Keeps the changed pages now (also 1.5 s after the last change).
    void keepChanged();
    /// The call ended: its changed pages are kept now, and the call forgotten.
    void endCall();
    /*!
     * Keeps the journaled marks not on the platform (pages read with \a readPage): a killed
     * run's ("after=restart") and those of this run's ended calls whose keep failed
     * ("after=reconnect"); the current call's changed pages are kept now too (its entries are
     * its own: keepChanged). Those that fail stay for the next time.
     */
    void keepPending(const ReadPage &readPage);

signals:
    /// The marks of \a pageSha256 of \a callId (about \a caseId, empty when unknown) are kept
    /// on the platform; \a detail: "call=… page=… strokes=… rendering=…" (and " after=restart"
    /// for a killed run's).
    void kept(const QString &callId, const QString &caseId, const QString &pageSha256,
        const QString &detail);
    /// The platform did not keep them; \a detail says why.
    void failed(const QString &callId, const QString &pageSha256, const QString &detail);

private:
    class Writer;

    /// Keeps \a markup of page \a page of \a callId; the journal entry goes once kept.
    void keep(const QString &callId, const QString &caseId, const QJsonObject &markup,
        const QImage &page, const QList<Stroke> &strokes, const QString &after);

    QPointer<CallPages> m_pages;
    std::unique_ptr<Writer> m_writer;
    QTimer m_keepTimer;
    QString m_callId;
    QString m_caseId;
    const PageShare *m_share = nullptr;
    QHash<QString, QImage> m_onPlatform; ///< by SHA-256: pages of this call on the platform
    QSet<QString> m_changed; ///< pages whose marks changed since last kept
    QHash<QString, QString> m_callsHere; ///< calls of this run: their case (may be empty)
    QHash<QString, int> m_keeping; ///< "call/page": keeps under way
    QHash<QString, QJsonObject> m_kept; ///< "call/page": the marks last kept (their entry goes)
    bool m_retryWanted = false; ///< keepPending() skipped a page being kept: again if it fails
    ReadPage m_readPage; ///< of the last keepPending()
};

} // namespace Tongban::Assist
