#pragma once

#include <core/Result.h>

#include <QColor>
#include <QHash>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QSize>

#include <functional>
#include <optional>

namespace Tongban::Assist {

/// One mark on a shared page, in the page's own pixel coordinates (full resolution).
struct Stroke
{
    enum class Kind {
        Pen = 0, ///< a free line through points
        Arrow, ///< from points[0] to points[1], head at points[1]
        Box, ///< the rectangle with corners points[0] and points[1]
        Text, ///< text written at points[0]
    };
    QString id; ///< unique across both sides (a UUID)
    Kind kind = Kind::Pen;
    QList<QPointF> points;
    QString text;
    QColor color = QColor(220, 30, 30);
    qreal width = 6; ///< page pixels
    QString by; ///< the window that drew it

    QJsonObject toJson() const;
    /// Null when \a object is not a stroke within \a pageSize (or exceeds the limits).
    static std::optional<Stroke> fromJson(const QJsonObject &object, QSize pageSize);
    bool operator==(const Stroke &other) const;
};

/*!
 * The page both sides of a call look at, and the marks on it (issue 15, "Looking at the same
 * page"). Each side holds one PageShare; what one does goes to the other as a small JSON
 * message through \a send (the call's data channel, MediaSession::sendChannelMessage, or the
 * events socket as a fallback) and arrives through handleMessage().
 *
 * Both sides converge whatever the order of their actions:
 * - the page shown is decided by a Lamport clock: each switch carries (sequence, window), and
 *   the larger pair wins on both sides, so two switches at the same moment end on one page;
 * - a stroke has an id; undo removes that stroke by id (this side's last one), clear removes
 *   the strokes it names (those shown when it was pressed), so a stroke drawn meanwhile on
 *   the other side stays on both;
 * - a stroke whose id is here already, or was removed here, is ignored: a stroke that comes
 *   twice (resend()) or after its undo (the two took different transports, the platform and
 *   the data channel) changes nothing.
 *
 * Messages (limits: 4000 points, 500 characters of text, 256 KiB per message; anything else
 * is ignored and logged):
 *   {"t":"page","sha256","w","h","n","seq","by"}  {"t":"stroke","page","stroke":{...}}
 *   {"t":"undo","page","id"}  {"t":"clear","page","ids":[...]}
 *
 * GUI thread.
 */
class PageShare : public QObject
{
    Q_OBJECT
public:
    using Send = std::function<Core::Status(const QString &message)>;

    static constexpr int MaxPoints = 4000;
    static constexpr int MaxText = 500;
    static constexpr int MaxMessageBytes = 256 * 1024;

    PageShare(QString windowId, Send send, QObject *parent = nullptr);

    /// Shows page \a pageNumber (its content's SHA-256 and size) on both sides.
    Core::Status showPage(const QString &sha256, QSize size, int pageNumber);
    /// Draws \a stroke (its id and author are set here) on the page shown; returns its id.
    Core::Result<QString> addStroke(Stroke stroke);
    /// Removes this side's last stroke on the page shown.
    Core::Status undo();
    /// Removes every stroke shown on the page now.
    Core::Status clear();
    /*!
     * Sends again, for a transport that may have lost some of it (the data channel has
     * opened; the messages before went through the platform): this side's page switch, the
     * strokes removed, and this side's strokes on every page. The other side ignores what it
     * has already, so nothing appears twice and nothing removed comes back.
     */
    Core::Status resend();

    void handleMessage(const QString &message);

    QString currentPage() const { return m_page; }
    QSize currentSize() const { return m_size; }
    int currentNumber() const { return m_number; }
    QList<Stroke> strokes(const QString &sha256) const { return m_strokes.value(sha256); }
    /// What is kept with the call: {"pageSha256", "width", "height", "strokes": [...]}.
    QJsonObject markup(const QString &sha256) const;
    /// \a page with \a strokes drawn on it (the marked-up page as a PNG keeps it).
    static QImage render(const QImage &page, const QList<Stroke> &strokes);

signals:
    void pageChanged(const QString &sha256, int pageNumber);
    /// The strokes of \a sha256 changed (a stroke added or removed, here or there).
    void strokesChanged(const QString &sha256);
    /// A stroke of the other side arrived.
    void remoteStroke(const Tongban::Assist::Stroke &stroke);

private:
    void applyPage(const QString &sha256, QSize size, int number, qint64 seq, const QString &by);
    Core::Status sendJson(const QJsonObject &message);

    QString m_window;
    Send m_send;
    QString m_page;
    QSize m_size;
    int m_number = 0;
    qint64 m_seq = 0; ///< of the page shown
    QString m_seqBy;
    qint64 m_clock = 0; ///< Lamport clock: the largest sequence seen
    QHash<QString, QSize> m_sizes;
    QHash<QString, QList<Stroke>> m_strokes;
    QHash<QString, QSet<QString>> m_removed; ///< by page: ids of strokes removed (here or there)
};

} // namespace Tongban::Assist
