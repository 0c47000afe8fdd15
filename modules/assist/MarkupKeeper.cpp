#include "MarkupKeeper.h"

#include "CallPages.h"
#include "MarkupJournal.h"
#include "PageShare.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QThreadPool>

Q_DECLARE_LOGGING_CATEGORY(lcJournal) // MarkupJournal.cpp

namespace Tongban::Assist {

/// The journal's writes, one at a time in order, on a thread of their own.
class MarkupKeeper::Writer
{
public:
    explicit Writer(const QString &folder)
        : m_journal(folder)
    {
        m_pool.setMaxThreadCount(1); // one writer: the changes land in their order
    }
    ~Writer() { m_pool.waitForDone(); }

    MarkupJournal &journal() { return m_journal; }

    /// Journals \a markup; when an earlier change of the page waits still, it is written
    /// instead of it (the latest marks hold all there is to keep).
    void record(const QString &callId, const QString &pageSha256, const QJsonObject &markup)
    {
        const QString key = callId + u'/' + pageSha256;
        {
            QMutexLocker lock(&m_mutex);
            const bool waiting = m_latest.contains(key);
            m_latest.insert(key, { callId, pageSha256, markup });
            if (waiting)
                return;
        }
        m_pool.start([this, key] {
            MarkupJournal::Entry entry;
            {
                QMutexLocker lock(&m_mutex);
                entry = m_latest.take(key);
            }
            if (const Core::Status written
                = m_journal.record(entry.callId, entry.pageSha256, entry.markup);
                !written)
                qCWarning(lcJournal) << "marks not journaled:" << written.error().toString();
        });
    }

    /// After the changes journaled so far: the entry goes unless it holds newer marks.
    void remove(const QString &callId, const QString &pageSha256, const QJsonObject &kept)
    {
        m_pool.start(
            [this, callId, pageSha256, kept] { m_journal.remove(callId, pageSha256, kept); });
    }

private:
    MarkupJournal m_journal; ///< its files only touched on m_pool's thread, but leftovers'
    QThreadPool m_pool;
    QMutex m_mutex;
    QHash<QString, MarkupJournal::Entry> m_latest; ///< by "call/page": waiting to be written
};

MarkupKeeper::MarkupKeeper(const QString &journalFolder, CallPages *pages, QObject *parent)
    : QObject(parent)
    , m_pages(pages)
    , m_writer(std::make_unique<Writer>(journalFolder))
{
    m_keepTimer.setSingleShot(true);
    m_keepTimer.setInterval(1500);
    connect(&m_keepTimer, &QTimer::timeout, this, &MarkupKeeper::keepChanged);
}

MarkupKeeper::~MarkupKeeper() = default;

QString MarkupKeeper::journalFolder() const
{
    return m_writer->journal().folder();
}

void MarkupKeeper::startCall(const QString &callId, const QString &caseId, const PageShare *share)
{
    m_keepTimer.stop();
    m_callId = callId;
    m_caseId = caseId;
    m_share = share;
    m_onPlatform.clear();
    m_changed.clear();
    m_callsHere.insert(callId, caseId);
}

void MarkupKeeper::pageOnPlatform(const QString &sha256, const QImage &image)
{
    if (m_share)
        m_onPlatform.insert(sha256, image);
}

void MarkupKeeper::marksChanged(const QString &sha256)
{
    if (!m_share)
        return;
    // On disk at once (off this thread): a window killed before the platform keeps them
    // keeps them at its next start (keepPending).
    m_writer->record(m_callId, sha256, m_share->markup(sha256));
    m_changed.insert(sha256);
    m_keepTimer.start();
}

void MarkupKeeper::keepChanged()
{
    m_keepTimer.stop();
    if (!m_share || !m_pages || m_changed.isEmpty())
        return;
    const QSet<QString> changed = std::exchange(m_changed, {});
    for (const QString &sha : changed) {
        const QImage page = m_onPlatform.value(sha);
        if (page.isNull()) {
            m_changed.insert(sha); // not on the platform yet: kept once it is changed again
            continue;
        }
        keep(m_callId, m_caseId, m_share->markup(sha), page, m_share->strokes(sha), {});
    }
}

void MarkupKeeper::keep(const QString &callId, const QString &caseId, const QJsonObject &markup,
    const QImage &page, const QList<Stroke> &strokes, const QString &after)
{
    const QString sha = markup.value(QStringLiteral("pageSha256")).toString();
    const QString key = callId + u'/' + sha;
    ++m_keeping[key];
    m_pages->keepMarkup(callId, markup, page, strokes,
        [this, callId, caseId, sha, key, markup, after, count = strokes.size()](
            Core::Result<QString> done) {
            if (--m_keeping[key] <= 0)
                m_keeping.remove(key);
            if (!done) {
                qWarning("markup of %s not kept: %s", qPrintable(sha),
                    qPrintable(done.error().toString()));
                // Still journaled: kept again by the next keep of the call, or by keepPending()
                // once the platform is back (the events channel live again).
                if (m_share && callId == m_callId)
                    m_changed.insert(sha);
                emit failed(callId, sha, done.error().detail);
                if (m_retryWanted && !m_keeping.contains(key) && m_readPage) {
                    // The platform came back while this keep was failing: once more now.
                    m_retryWanted = false;
                    QTimer::singleShot(0, this, [this] { keepPending(m_readPage); });
                }
                return;
            }
            // After the journal's writes so far; the entry stays if it holds newer marks.
            m_writer->remove(callId, sha, markup);
            m_kept.insert(key, markup); // until its entry is gone: not kept twice

            QString detail = QStringLiteral("call=%1 page=%2 strokes=%3 rendering=%4")
                                 .arg(callId, sha)
                                 .arg(count)
                                 .arg(*done);
            if (!after.isEmpty())
                detail += QStringLiteral(" after=") + after;
            emit kept(callId, caseId, sha, detail);
        });
}

void MarkupKeeper::endCall()
{
    keepChanged(); // the last marks, before the call's page is put away
    m_share = nullptr;
    m_callId.clear();
    m_caseId.clear();
    m_onPlatform.clear();
    m_changed.clear();
}

void MarkupKeeper::keepPending(const ReadPage &readPage)
{
    if (!m_pages)
        return; // no platform
    m_readPage = readPage;
    keepChanged(); // the current call's own, from its PageShare
    MarkupJournal &journal = m_writer->journal();
    for (const MarkupJournal::Entry &entry : journal.pending()) {
        const QString key = entry.callId + u'/' + entry.pageSha256;
        if (m_share && entry.callId == m_callId)
            continue; // the current call keeps its own marks (keepChanged)
        if (m_keeping.contains(key)) {
            m_retryWanted = true; // a keep under way: once more if it fails
            continue;
        }
        if (const auto kept = m_kept.constFind(key); kept != m_kept.cend() && *kept == entry.markup)
            continue; // kept: its entry is being removed (on the writer's thread)
        // The caller's page: in this window's page store.
        const QByteArray content = readPage(entry.pageSha256);
        const QImage page = content.isEmpty() ? QImage() : QImage::fromData(content);
        if (page.isNull()) {
            qWarning(
                "journaled marks of a page not here any more: %s", qPrintable(entry.pageSha256));
            m_writer->remove(entry.callId, entry.pageSha256, {});
            continue;
        }
        QList<Stroke> strokes;
        for (const QJsonValue stroke : entry.markup.value(QStringLiteral("strokes")).toArray()) {
            if (auto read = Stroke::fromJson(stroke.toObject(), page.size()))
                strokes.append(*read);
        }
        // A call of this run whose keep failed (the platform was gone), or a killed run's.
        const auto here = m_callsHere.constFind(entry.callId);
        const bool ofThisRun = here != m_callsHere.cend();
        keep(entry.callId, ofThisRun ? *here : QString(), entry.markup, page, strokes,
            ofThisRun ? QStringLiteral("reconnect") : QStringLiteral("restart"));
    }
}

} // namespace Tongban::Assist
