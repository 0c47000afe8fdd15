#include "MarkupView.h"

#include "Tr.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace Tongban::Widgets {

namespace {
constexpr double MinScale = 0.02;
constexpr double MaxScale = 8.0;
constexpr double Step = 1.25;
} // namespace

void Mark::paint(QPainter &painter, const QList<Mark> &marks)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Mark &mark : marks) {
        if (mark.points.isEmpty())
            continue;
        painter.setPen(QPen(mark.color, mark.width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        switch (mark.kind) {
        case Kind::Pen: {
            if (mark.points.size() == 1) {
                painter.drawPoint(mark.points.first());
                break;
            }
            QPainterPath path(mark.points.first());
            for (qsizetype i = 1; i < mark.points.size(); ++i)
                path.lineTo(mark.points.at(i));
            painter.drawPath(path);
            break;
        }
        case Kind::Arrow: {
            if (mark.points.size() < 2)
                break;
            const QLineF line(mark.points.at(0), mark.points.at(1));
            painter.drawLine(line);
            const qreal head = qMax(12.0, mark.width * 4);
            for (const qreal turn : { 150.0, -150.0 }) {
                QLineF wing = QLineF::fromPolar(head, line.angle() + turn);
                wing.translate(line.p2());
                painter.drawLine(wing);
            }
            break;
        }
        case Kind::Box:
            if (mark.points.size() >= 2)
                painter.drawRect(QRectF(mark.points.at(0), mark.points.at(1)).normalized());
            break;
        case Kind::Text: {
            QFont font = painter.font();
            font.setPixelSize(int(qMax(16.0, mark.width * 8)));
            painter.setFont(font);
            painter.drawText(mark.points.first(), mark.text);
            break;
        }
        }
    }
    painter.restore();
}

MarkupView::MarkupView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_tools = new QWidget(this);
    auto *tools = new QHBoxLayout(m_tools);
    tools->setContentsMargins(0, 0, 0, 0);
    tools->setSpacing(4);
    m_toolGroup = new QButtonGroup(this);
    m_toolGroup->setExclusive(true);
    tools->addWidget(toolButton(Tool::Move, Tr::tr("Move"), QStringLiteral("toolMove")));
    tools->addWidget(toolButton(Tool::Pen, Tr::tr("Pen"), QStringLiteral("toolPen")));
    tools->addWidget(toolButton(Tool::Arrow, Tr::tr("Arrow"), QStringLiteral("toolArrow")));
    tools->addWidget(toolButton(Tool::Box, Tr::tr("Box"), QStringLiteral("toolBox")));
    tools->addWidget(toolButton(Tool::Text, Tr::tr("Note"), QStringLiteral("toolText")));
    m_note = new QLineEdit(m_tools);
    m_note->setObjectName(QStringLiteral("markupNote"));
    m_note->setPlaceholderText(Tr::tr("Note text, then click the page"));
    m_note->setMaxLength(500);
    m_note->setMaximumWidth(170);
    tools->addWidget(m_note);
    auto *undo = new QToolButton(m_tools);
    undo->setObjectName(QStringLiteral("markupUndo"));
    undo->setText(Tr::tr("Undo"));
    auto *clear = new QToolButton(m_tools);
    clear->setObjectName(QStringLiteral("markupClear"));
    clear->setText(Tr::tr("Clear"));
    tools->addWidget(undo);
    tools->addWidget(clear);
    tools->addStretch();
    connect(undo, &QToolButton::clicked, this, &MarkupView::undoRequested);
    connect(clear, &QToolButton::clicked, this, &MarkupView::clearRequested);
    connect(m_toolGroup, &QButtonGroup::idClicked, this, [this](int id) { setTool(Tool(id)); });

    m_title = new QLabel(this); // painted on the canvas; kept for the accessible name
    m_title->setObjectName(QStringLiteral("markupTitle"));
    m_title->setVisible(false);
    m_zoomBox = new QWidget(this);
    auto *zoomRow = new QHBoxLayout(m_zoomBox);
    zoomRow->setContentsMargins(0, 0, 0, 0);
    zoomRow->setSpacing(4);
    const auto zoomButton = [this, zoomRow](const QString &text, const QString &name) {
        auto *button = new QToolButton(m_zoomBox);
        button->setText(text);
        button->setObjectName(name);
        zoomRow->addWidget(button);
        return button;
    };
    QToolButton *zoomOut = zoomButton(QStringLiteral("−"), QStringLiteral("zoomOut"));
    zoomOut->setToolTip(Tr::tr("Zoom out (-)"));
    m_zoom = new QLabel(m_zoomBox);
    m_zoom->setObjectName(QStringLiteral("zoomLevel"));
    m_zoom->setMinimumWidth(44);
    m_zoom->setAlignment(Qt::AlignCenter);
    zoomRow->addWidget(m_zoom);
    QToolButton *zoomIn = zoomButton(QStringLiteral("+"), QStringLiteral("zoomIn"));
    zoomIn->setToolTip(Tr::tr("Zoom in (+)"));
    QToolButton *fitButton = zoomButton(Tr::tr("Fit"), QStringLiteral("zoomFit"));
    fitButton->setToolTip(Tr::tr("The whole page (0)"));
    connect(zoomOut, &QToolButton::clicked, this, [this] { zoomBy(1 / Step); });
    connect(zoomIn, &QToolButton::clicked, this, [this] { zoomBy(Step); });
    connect(fitButton, &QToolButton::clicked, this, &MarkupView::fit);

    m_canvas = new QWidget(this);
    m_canvas->setObjectName(QStringLiteral("markupCanvas"));
    m_canvas->setAttribute(Qt::WA_OpaquePaintEvent);
    m_canvas->setMouseTracking(false);
    m_canvas->installEventFilter(this);
    m_canvas->setMinimumSize(240, 180);

    auto *top = new QHBoxLayout;
    top->setSpacing(4);
    top->addWidget(m_tools, 1);
    top->addWidget(m_zoomBox);
    layout->addLayout(top);
    layout->addWidget(m_canvas, 1);
    setTool(Tool::Pen);
    updateZoomLabel();
}

QToolButton *MarkupView::toolButton(Tool tool, const QString &text, const QString &name)
{
    auto *button = new QToolButton(m_tools);
    button->setText(text);
    button->setObjectName(name);
    button->setCheckable(true);
    m_toolGroup->addButton(button, int(tool));
    return button;
}

void MarkupView::setTool(Tool tool)
{
    m_tool = tool;
    if (QAbstractButton *button = m_toolGroup->button(int(tool)))
        button->setChecked(true);
    m_canvas->setCursor(tool == Tool::Move ? Qt::OpenHandCursor : Qt::CrossCursor);
}

void MarkupView::setPage(const QImage &page, const QString &title)
{
    m_page = page;
    m_pixmap = QPixmap::fromImage(page);
    m_marks.clear();
    m_drawing.reset();
    m_title->setText(title);
    m_fit = true;
    fit();
}

void MarkupView::clearPage(const QString &placeholder)
{
    m_page = {};
    m_pixmap = {};
    m_marks.clear();
    m_drawing.reset();
    m_placeholder = placeholder;
    m_title->clear();
    updateZoomLabel();
    m_canvas->update();
}

void MarkupView::setMarks(const QList<Mark> &marks)
{
    m_marks = marks;
    m_canvas->update();
}

void MarkupView::setDrawingEnabled(bool enabled)
{
    m_tools->setVisible(enabled);
    if (!enabled)
        setTool(Tool::Move);
}

void MarkupView::fit()
{
    m_fit = true;
    if (m_page.isNull()) {
        updateZoomLabel();
        return;
    }
    const QSizeF area = m_canvas->size();
    m_scale = qBound(
        MinScale, qMin(area.width() / m_page.width(), area.height() / m_page.height()), MaxScale);
    m_offset = QPointF((area.width() - m_page.width() * m_scale) / 2,
        (area.height() - m_page.height() * m_scale) / 2);
    updateZoomLabel();
    m_canvas->update();
}

void MarkupView::zoomBy(double factor, QPointF anchor)
{
    if (m_page.isNull())
        return;
    if (anchor.x() < 0)
        anchor = QPointF(m_canvas->width() / 2.0, m_canvas->height() / 2.0);
    const QPointF onPage = toPage(anchor);
    m_scale = qBound(MinScale, m_scale * factor, MaxScale);
    m_offset = anchor - onPage * m_scale; // the point under the anchor stays there
    m_fit = false;
    clampOffset();
    updateZoomLabel();
    m_canvas->update();
}

void MarkupView::clampOffset()
{
    // Some of the page always stays in sight.
    const QSizeF shown(m_page.width() * m_scale, m_page.height() * m_scale);
    const double margin = 40;
    m_offset.setX(qBound(margin - shown.width(), m_offset.x(), m_canvas->width() - margin));
    m_offset.setY(qBound(margin - shown.height(), m_offset.y(), m_canvas->height() - margin));
}

void MarkupView::updateZoomLabel()
{
    m_zoom->setText(
        m_page.isNull() ? QString() : QStringLiteral("%1 %").arg(qRound(m_scale * 100)));
}

QPointF MarkupView::toCanvas(QPointF point) const
{
    return m_offset + point * m_scale;
}

QPointF MarkupView::toPage(QPointF canvasPoint) const
{
    return (canvasPoint - m_offset) / m_scale;
}

void MarkupView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(Step);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / Step);
        return;
    case Qt::Key_0:
        fit();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool MarkupView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_canvas)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Paint:
        paintCanvas();
        return true;
    case QEvent::Resize:
        if (m_fit)
            fit();
        return false;
    case QEvent::Wheel: {
        auto *wheel = static_cast<QWheelEvent *>(event);
        const int steps = wheel->angleDelta().y();
        if (steps != 0)
            zoomBy(steps > 0 ? Step : 1 / Step, wheel->position());
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        setFocus(Qt::MouseFocusReason);
        if (m_page.isNull())
            return true;
        const QPointF at = mouse->position();
        if (mouse->button() != Qt::LeftButton || m_tool == Tool::Move) {
            m_panning = true;
            m_panFrom = at;
            m_canvas->setCursor(Qt::ClosedHandCursor);
            return true;
        }
        const QPointF onPage = toPage(at);
        if (onPage.x() < 0 || onPage.y() < 0 || onPage.x() > m_page.width()
            || onPage.y() > m_page.height())
            return true; // marks stay on the page
        Mark mark;
        mark.width = qMax(2.0, qMin(m_page.width(), m_page.height()) / 300.0);
        switch (m_tool) {
        case Tool::Pen:
            mark.kind = Mark::Kind::Pen;
            mark.points = { onPage };
            break;
        case Tool::Arrow:
        case Tool::Box:
            mark.kind = m_tool == Tool::Arrow ? Mark::Kind::Arrow : Mark::Kind::Box;
            mark.points = { onPage, onPage };
            break;
        case Tool::Text: {
            const QString text = m_note->text().trimmed();
            if (text.isEmpty()) {
                m_note->setFocus(Qt::OtherFocusReason);
                return true; // nothing to write yet: the field says what to do
            }
            mark.kind = Mark::Kind::Text;
            mark.text = text;
            mark.points = { onPage };
            emit markDrawn(mark);
            return true;
        }
        case Tool::Move:
            break;
        }
        m_drawing = mark;
        m_canvas->update();
        return true;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (m_panning) {
            m_offset += mouse->position() - m_panFrom;
            m_panFrom = mouse->position();
            m_fit = false;
            clampOffset();
            m_canvas->update();
            return true;
        }
        if (!m_drawing)
            return true;
        QPointF onPage = toPage(mouse->position());
        onPage.setX(qBound(0.0, onPage.x(), double(m_page.width())));
        onPage.setY(qBound(0.0, onPage.y(), double(m_page.height())));
        if (m_drawing->kind == Mark::Kind::Pen) {
            if (m_drawing->points.size() < 4000)
                m_drawing->points.append(onPage);
        } else {
            m_drawing->points[1] = onPage;
        }
        m_canvas->update();
        return true;
    }
    case QEvent::MouseButtonRelease: {
        if (m_panning) {
            m_panning = false;
            setTool(m_tool);
            return true;
        }
        if (!m_drawing)
            return true;
        const Mark mark = *m_drawing;
        m_drawing.reset();
        m_canvas->update();
        const bool tooSmall = mark.kind != Mark::Kind::Pen
            && QLineF(mark.points.at(0), mark.points.at(1)).length() * m_scale < 3;
        if (!tooSmall)
            emit markDrawn(mark);
        return true;
    }
    default:
        return QWidget::eventFilter(watched, event);
    }
}

void MarkupView::paintCanvas()
{
    QPainter painter(m_canvas);
    painter.fillRect(m_canvas->rect(), QColor(0x3a, 0x3f, 0x47));
    if (m_page.isNull()) {
        painter.setPen(QColor(0xd8, 0xdc, 0xe2));
        painter.drawText(m_canvas->rect().adjusted(16, 16, -16, -16),
            Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    painter.translate(m_offset);
    painter.scale(m_scale, m_scale);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_scale < 1);
    painter.drawPixmap(0, 0, m_pixmap);
    Mark::paint(painter, m_marks);
    if (m_drawing)
        Mark::paint(painter, { *m_drawing });
    painter.resetTransform();
    if (!m_title->text().isEmpty()) {
        // Which page this is, in a corner.
        const QRect box = painter.fontMetrics()
                              .boundingRect(m_title->text())
                              .adjusted(-6, -3, 6, 3)
                              .translated(12, 8 + painter.fontMetrics().ascent());
        painter.fillRect(box, QColor(0, 0, 0, 150));
        painter.setPen(Qt::white);
        painter.drawText(box, Qt::AlignCenter, m_title->text());
    }
}

} // namespace Tongban::Widgets
