#include "PageShare.h"

#include "CallSignalling.h"
#include "Tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLineF>
#include <QLoggingCategory>
#include <QPainter>
#include <QPainterPath>
#include <QUuid>

#include <cmath>

Q_LOGGING_CATEGORY(lcShare, "tongban.assist.share")

namespace Tongban::Assist {

namespace {

const char *const KindNames[] = { "pen", "arrow", "box", "text" };

bool isSha256(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

QJsonObject Stroke::toJson() const
{
    QJsonArray flat;
    for (const QPointF &point : points) {
        flat.append(std::round(point.x() * 10) / 10);
        flat.append(std::round(point.y() * 10) / 10);
    }
    QJsonObject object { { QStringLiteral("id"), id },
        { QStringLiteral("kind"), QLatin1String(KindNames[int(kind)]) },
        { QStringLiteral("points"), flat }, { QStringLiteral("color"), color.name() },
        { QStringLiteral("width"), width }, { QStringLiteral("by"), by } };
    if (kind == Kind::Text)
        object.insert(QStringLiteral("text"), text);
    return object;
}

std::optional<Stroke> Stroke::fromJson(const QJsonObject &object, QSize pageSize)
{
    Stroke stroke;
    stroke.id = object.value(u"id").toString();
    if (stroke.id.isEmpty() || stroke.id.size() > 64)
        return std::nullopt;
    const QString kind = object.value(u"kind").toString();
    int index = -1;
    for (int i = 0; i < 4; ++i) {
        if (kind == QLatin1String(KindNames[i]))
            index = i;
    }
    if (index < 0)
        return std::nullopt;
    stroke.kind = Kind(index);
    const QJsonArray flat = object.value(u"points").toArray();
    if (flat.isEmpty() || flat.size() % 2 != 0 || flat.size() > 2 * PageShare::MaxPoints)
        return std::nullopt;
    for (int i = 0; i < flat.size(); i += 2) {
        const QPointF point(flat.at(i).toDouble(-1), flat.at(i + 1).toDouble(-1));
        if (point.x() < 0 || point.y() < 0 || point.x() > pageSize.width()
            || point.y() > pageSize.height())
            return std::nullopt;
        stroke.points.append(point);
    }
    const int needed = stroke.kind == Kind::Arrow || stroke.kind == Kind::Box ? 2 : 1;
    if (stroke.points.size() < needed)
        return std::nullopt;
    stroke.text = object.value(u"text").toString();
    if (stroke.text.size() > PageShare::MaxText
        || (stroke.kind == Kind::Text && stroke.text.isEmpty()))
        return std::nullopt;
    stroke.color = QColor(object.value(u"color").toString());
    if (!stroke.color.isValid())
        stroke.color = QColor(220, 30, 30);
    stroke.width = qBound(1.0, object.value(u"width").toDouble(6), 200.0);
    stroke.by = object.value(u"by").toString().left(100);
    return stroke;
}

bool Stroke::operator==(const Stroke &other) const
{
    return toJson() == other.toJson();
}

PageShare::PageShare(QString windowId, Send send, QObject *parent)
    : QObject(parent)
    , m_window(std::move(windowId))
    , m_send(std::move(send))
{ }

Core::Status PageShare::sendJson(const QJsonObject &message)
{
    return m_send(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

Core::Status PageShare::showPage(const QString &sha256, QSize size, int pageNumber)
{
    if (!isSha256(sha256) || size.isEmpty())
        return Core::Error { CallRefused, Tr::tr("This page cannot be shown."), sha256 };
    const qint64 seq = ++m_clock;
    applyPage(sha256, size, pageNumber, seq, m_window);
    return sendJson({ { QStringLiteral("t"), QStringLiteral("page") },
        { QStringLiteral("sha256"), sha256 }, { QStringLiteral("w"), size.width() },
        { QStringLiteral("h"), size.height() }, { QStringLiteral("n"), pageNumber },
        { QStringLiteral("seq"), double(seq) }, { QStringLiteral("by"), m_window } });
}

void PageShare::applyPage(
    const QString &sha256, QSize size, int number, qint64 seq, const QString &by)
{
    m_sizes.insert(sha256, size);
    // The larger (sequence, window) wins, on both sides alike.
    if (seq < m_seq || (seq == m_seq && by < m_seqBy))
        return;
    m_seq = seq;
    m_seqBy = by;
    if (m_page == sha256 && m_number == number)
        return;
    m_page = sha256;
    m_size = size;
    m_number = number;
    emit pageChanged(sha256, number);
}

Core::Result<QString> PageShare::addStroke(Stroke stroke)
{
    if (m_page.isEmpty())
        return Core::Error { CallRefused, Tr::tr("Show a page before marking it."), {} };
    stroke.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    stroke.by = m_window;
    const auto checked = Stroke::fromJson(stroke.toJson(), m_size);
    if (!checked)
        return Core::Error { CallRefused, Tr::tr("This mark is outside the page."), {} };
    m_strokes[m_page].append(*checked);
    emit strokesChanged(m_page);
    if (const Core::Status sent = sendJson({ { QStringLiteral("t"), QStringLiteral("stroke") },
            { QStringLiteral("page"), m_page }, { QStringLiteral("stroke"), checked->toJson() } });
        !sent)
        return sent.error();
    return checked->id;
}

Core::Status PageShare::undo()
{
    QList<Stroke> &list = m_strokes[m_page];
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        if (list.at(i).by == m_window) {
            const QString id = list.at(i).id;
            list.removeAt(i);
            m_removed[m_page].insert(id);
            emit strokesChanged(m_page);
            return sendJson({ { QStringLiteral("t"), QStringLiteral("undo") },
                { QStringLiteral("page"), m_page }, { QStringLiteral("id"), id } });
        }
    }
    return {};
}

Core::Status PageShare::clear()
{
    QJsonArray ids;
    for (const Stroke &stroke : m_strokes.value(m_page)) {
        ids.append(stroke.id);
        m_removed[m_page].insert(stroke.id);
    }
    if (ids.isEmpty())
        return {};
    m_strokes.remove(m_page);
    emit strokesChanged(m_page);
    return sendJson({ { QStringLiteral("t"), QStringLiteral("clear") },
        { QStringLiteral("page"), m_page }, { QStringLiteral("ids"), ids } });
}

void PageShare::handleMessage(const QString &message)
{
    if (message.size() > MaxMessageBytes) {
        qCWarning(lcShare) << "shared-page message too large:" << message.size();
        return;
    }
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = object.value(u"t").toString();
    const QString page = type == QLatin1String("page") ? object.value(u"sha256").toString()
                                                       : object.value(u"page").toString();
    if (!isSha256(page)) {
        qCWarning(lcShare) << "shared-page message ignored:" << type;
        return;
    }
    if (type == QLatin1String("page")) {
        const QSize size(object.value(u"w").toInt(), object.value(u"h").toInt());
        const qint64 seq = qint64(object.value(u"seq").toDouble());
        if (size.isEmpty() || size.width() > 40000 || size.height() > 40000 || seq <= 0)
            return;
        m_clock = qMax(m_clock, seq);
        applyPage(page, size, object.value(u"n").toInt(), seq, object.value(u"by").toString());
        return;
    }
    if (!m_sizes.contains(page))
        return; // a page never shown here
    if (type == QLatin1String("stroke")) {
        const auto stroke
            = Stroke::fromJson(object.value(u"stroke").toObject(), m_sizes.value(page));
        if (!stroke)
            return;
        if (m_removed.value(page).contains(stroke->id))
            return; // removed here already (a late or repeated copy)
        QList<Stroke> &list = m_strokes[page];
        for (const Stroke &existing : std::as_const(list)) {
            if (existing.id == stroke->id)
                return;
        }
        list.append(*stroke);
        emit strokesChanged(page);
        emit remoteStroke(*stroke);
    } else if (type == QLatin1String("undo") || type == QLatin1String("clear")) {
        QStringList ids;
        if (type == QLatin1String("undo"))
            ids.append(object.value(u"id").toString());
        for (const QJsonValue &id : object.value(u"ids").toArray())
            ids.append(id.toString());
        // Remembered even when the stroke is not here yet: it may come after its removal.
        QSet<QString> &removed = m_removed[page];
        for (const QString &id : std::as_const(ids)) {
            if (!id.isEmpty() && id.size() <= 64)
                removed.insert(id);
        }
        QList<Stroke> &list = m_strokes[page];
        const qsizetype before = list.size();
        list.removeIf([&](const Stroke &stroke) { return ids.contains(stroke.id); });
        if (list.size() != before)
            emit strokesChanged(page);
    }
}

Core::Status PageShare::resend()
{
    Core::Status first;
    const auto send = [&](const QJsonObject &message) {
        if (const Core::Status sent = sendJson(message); !sent && first.ok())
            first = sent;
    };
    // The page shown, when this side switched to it (the same sequence: no new switch).
    if (!m_page.isEmpty() && m_seqBy == m_window) {
        send({ { QStringLiteral("t"), QStringLiteral("page") },
            { QStringLiteral("sha256"), m_page }, { QStringLiteral("w"), m_size.width() },
            { QStringLiteral("h"), m_size.height() }, { QStringLiteral("n"), m_number },
            { QStringLiteral("seq"), double(m_seq) }, { QStringLiteral("by"), m_window } });
    }
    for (auto page = m_removed.cbegin(); page != m_removed.cend(); ++page) {
        if (page->isEmpty())
            continue;
        QJsonArray ids;
        for (const QString &id : *page)
            ids.append(id);
        send({ { QStringLiteral("t"), QStringLiteral("clear") },
            { QStringLiteral("page"), page.key() }, { QStringLiteral("ids"), ids } });
    }
    for (auto page = m_strokes.cbegin(); page != m_strokes.cend(); ++page) {
        for (const Stroke &stroke : *page) {
            if (stroke.by == m_window) {
                send({ { QStringLiteral("t"), QStringLiteral("stroke") },
                    { QStringLiteral("page"), page.key() },
                    { QStringLiteral("stroke"), stroke.toJson() } });
            }
        }
    }
    return first;
}

QJsonObject PageShare::markup(const QString &sha256) const
{
    QJsonArray strokes;
    for (const Stroke &stroke : m_strokes.value(sha256))
        strokes.append(stroke.toJson());
    const QSize size = m_sizes.value(sha256);
    return { { QStringLiteral("pageSha256"), sha256 }, { QStringLiteral("width"), size.width() },
        { QStringLiteral("height"), size.height() }, { QStringLiteral("strokes"), strokes } };
}

QImage PageShare::render(const QImage &page, const QList<Stroke> &strokes)
{
    QImage image = page.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Stroke &stroke : strokes) {
        QPen pen(stroke.color, stroke.width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        switch (stroke.kind) {
        case Stroke::Kind::Pen: {
            QPainterPath path(stroke.points.first());
            for (qsizetype i = 1; i < stroke.points.size(); ++i)
                path.lineTo(stroke.points.at(i));
            if (stroke.points.size() == 1)
                painter.drawPoint(stroke.points.first());
            else
                painter.drawPath(path);
            break;
        }
        case Stroke::Kind::Arrow: {
            const QLineF line(stroke.points.at(0), stroke.points.at(1));
            painter.drawLine(line);
            const qreal head = qMax(12.0, stroke.width * 4);
            for (const qreal turn : { 150.0, -150.0 }) {
                QLineF wing = QLineF::fromPolar(head, line.angle() + turn);
                wing.translate(line.p2());
                painter.drawLine(wing);
            }
            break;
        }
        case Stroke::Kind::Box:
            painter.drawRect(QRectF(stroke.points.at(0), stroke.points.at(1)).normalized());
            break;
        case Stroke::Kind::Text: {
            QFont font = painter.font();
            font.setPixelSize(int(qMax(16.0, stroke.width * 8)));
            painter.setFont(font);
            painter.drawText(stroke.points.first(), stroke.text);
            break;
        }
        }
    }
    return image;
}

} // namespace Tongban::Assist
