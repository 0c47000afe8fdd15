#include "CameraView.h"

#include "Tr.h"

#include <imaging/CapturePipeline.h>
#include <imaging/CaptureSession.h>

#include <QKeyEvent>
#include <QLineF>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace Tongban::Widgets {

namespace {
const QColor kBackground(0x1b, 0x1e, 0x23);
const QColor kGreen(0x2e, 0xb8, 0x6e);
const QColor kAmber(0xf2, 0xa6, 0x1d);
const QColor kRed(0xe5, 0x48, 0x4d);
const QColor kBlue(0x2f, 0x80, 0xed);
const QColor kTentative(0xb3, 0x7d, 0xf2); // violet: no state colour, reads on every pad
constexpr double kGrabRadius = 16; // px on screen around a corner mark
constexpr int kNoticeMs = 4000;
constexpr int kCapturedMs = 1500;

QFont scaledFont(const QFont &base, double factor, bool bold = false)
{
    QFont f = base;
    // A style sheet's font-size in px leaves no point size (-1): scale the pixels then, or
    // every paint warns (issue 14: thousands of QFont::setPointSizeF warnings a session).
    if (base.pointSizeF() > 0)
        f.setPointSizeF(base.pointSizeF() * factor);
    else if (base.pixelSize() > 0)
        f.setPixelSize(std::max(1, qRound(base.pixelSize() * factor)));
    f.setBold(bold);
    return f;
}
} // namespace

CameraView::CameraView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(Tr::tr("Document camera picture"));
    setToolTip(Tr::tr("Press Space to capture the page now."));
    m_noticeTimer.setSingleShot(true);
    connect(&m_noticeTimer, &QTimer::timeout, this, [this] { setNotice({}, NoticeKind::None, 0); });
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_status == Status::Connecting)
            showNoDevice(Tr::tr("The document camera sent no picture. Check its USB cable and "
                                "that it is switched on, then choose Refresh."));
    });
}

CameraView::~CameraView() = default;

QString CameraView::tentativeHint()
{
    return Tr::tr("The page's outline is uncertain: drag a corner onto the page's corner "
                  "(or press 1-4 and the arrow keys), then press Space.");
}

void CameraView::setSession(Imaging::CaptureSession *session)
{
    if (Imaging::CaptureSession *previous = m_session.data())
        previous->disconnect(this);
    m_session = session;
    if (!session) {
        showNoDevice();
        return;
    }
    connect(session, &Imaging::CaptureSession::previewUpdated, this, &CameraView::showPreview);
    connect(session, &Imaging::CaptureSession::captureStarted, this, qOverload<>(&QWidget::update));
    connect(session, &Imaging::CaptureSession::pageCaptured, this, &CameraView::showCaptured);
    connect(session, &Imaging::CaptureSession::captureRejected, this, &CameraView::showRejected);
    connect(session, &Imaging::CaptureSession::sourceLost, this, &CameraView::showSourceLost);
    if (!session->source())
        showNoDevice();
}

void CameraView::showPreview(const QImage &frame, const QList<Imaging::PageQuad> &quads,
    Imaging::AutoCaptureState state, const QString &qualityHint)
{
    m_connectTimer.stop();
    m_status = Status::Live;
    if (m_dragging >= 0 && !m_quads.isEmpty() && frame.size() == m_frame.size()) {
        // The corner in the clerk's hand stays where it is held.
        QList<Imaging::PageQuad> kept = quads;
        if (kept.isEmpty())
            kept.append(m_quads.first());
        else
            kept.first() = m_quads.first();
        m_frame = frame;
        m_quads = kept;
    } else {
        m_frame = frame;
        m_quads = quads;
    }
    m_state = state;
    m_hint = qualityHint;
    update();
}

void CameraView::showConnecting(int timeoutMs)
{
    m_status = Status::Connecting;
    m_frame = {};
    m_quads.clear();
    m_connectTimer.start(std::max(0, timeoutMs));
    update();
}

void CameraView::showNoDevice(const QString &detail)
{
    m_connectTimer.stop();
    m_status = Status::NoDevice;
    m_noDeviceDetail = detail;
    m_frame = {};
    m_quads.clear();
    update();
}

void CameraView::showSourceLost(const QString &message)
{
    m_connectTimer.stop();
    m_status = Status::Lost;
    m_lostMessage = message;
    m_quads.clear();
    update();
}

void CameraView::showRejected(const QString &message)
{
    setNotice(message, NoticeKind::Error, kNoticeMs);
}

void CameraView::showCaptured()
{
    setNotice(Tr::tr("Page captured"), NoticeKind::Success, kCapturedMs);
}

void CameraView::setNotice(const QString &text, NoticeKind kind, int durationMs)
{
    m_notice = text;
    m_noticeKind = kind;
    if (durationMs > 0)
        m_noticeTimer.start(durationMs);
    update();
}

QRectF CameraView::frameRect() const
{
    if (m_frame.isNull())
        return {};
    QSizeF size = m_frame.size();
    size.scale(QSizeF(rect().size()), Qt::KeepAspectRatio);
    return { QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size };
}

QColor CameraView::quadColour() const
{
    if (!m_hint.isEmpty())
        return kRed;
    switch (m_state) {
    case Imaging::AutoCaptureState::Settling:
        return kAmber;
    case Imaging::AutoCaptureState::Disabled:
        return kBlue;
    default:
        return kGreen;
    }
}

QPointF CameraView::toWidget(const QPointF &framePoint) const
{
    const QRectF target = frameRect();
    if (target.isEmpty())
        return {};
    return target.topLeft() + (framePoint + QPointF(0.5, 0.5)) * (target.width() / m_frame.width());
}

QPointF CameraView::toFrame(const QPointF &widgetPoint) const
{
    const QRectF target = frameRect();
    if (target.isEmpty())
        return {};
    return (widgetPoint - target.topLeft()) * (m_frame.width() / target.width())
        - QPointF(0.5, 0.5);
}

int CameraView::cornerAt(const QPointF &widgetPoint) const
{
    if (m_status != Status::Live || m_quads.isEmpty() || !m_quads.first().isValid())
        return -1;
    int best = -1;
    double bestDistance = kGrabRadius;
    for (int i = 0; i < 4; ++i) {
        const double d = QLineF(toWidget(m_quads.first().corners[i]), widgetPoint).length();
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

void CameraView::moveCorner(int corner, const QPointF &framePoint)
{
    if (corner < 0 || corner > 3 || m_quads.isEmpty() || !m_quads.first().isValid())
        return;
    Imaging::PageQuad &quad = m_quads.first();
    QPolygonF moved = quad.corners;
    // A little beyond the frame is allowed (a cut-off corner), not across the page.
    moved[corner]
        = QPointF(std::clamp(framePoint.x(), -0.25 * m_frame.width(), 1.25 * m_frame.width()),
            std::clamp(framePoint.y(), -0.25 * m_frame.height(), 1.25 * m_frame.height()));
    const QPointF a = moved[(corner + 3) % 4] - moved[corner],
                  b = moved[(corner + 1) % 4] - moved[corner];
    if (a.x() * b.y() - a.y() * b.x() >= 0)
        return; // the outline would fold over itself (corners are clockwise on screen)
    quad.corners = moved;
    quad.clerkCorrected = true;
    quad.confidence = 1;
    update();
}

void CameraView::commitCorrection()
{
    if (m_quads.isEmpty() || !m_quads.first().clerkCorrected)
        return;
    if (Imaging::CaptureSession *session = m_session.data())
        session->setCorrectedQuad(m_quads.first(), m_frame.size());
    emit quadCorrected(m_quads.first());
}

void CameraView::mousePressEvent(QMouseEvent *event)
{
    const int corner
        = event->button() == Qt::LeftButton && !m_previewOnly ? cornerAt(event->position()) : -1;
    if (corner < 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragging = corner;
    m_selected = corner;
    setFocus(Qt::MouseFocusReason);
    setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void CameraView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging >= 0) {
        moveCorner(m_dragging, toFrame(event->position()));
        event->accept();
        return;
    }
    // The hand shows where a corner can be taken.
    if (cornerAt(event->position()) >= 0)
        setCursor(Qt::OpenHandCursor);
    else
        unsetCursor();
    QWidget::mouseMoveEvent(event);
}

void CameraView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging < 0 || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    moveCorner(m_dragging, toFrame(event->position()));
    m_dragging = -1;
    unsetCursor();
    commitCorrection();
    event->accept();
}

void CameraView::keyPressEvent(QKeyEvent *event)
{
    if (m_previewOnly) {
        QWidget::keyPressEvent(event);
        return;
    }
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        emit captureRequested();
        if (Imaging::CaptureSession *session = m_session.data())
            session->captureNow();
        event->accept();
        return;
    }
    const bool haveQuad
        = m_status == Status::Live && !m_quads.isEmpty() && m_quads.first().isValid();
    if (haveQuad && event->key() >= Qt::Key_1 && event->key() <= Qt::Key_4) {
        m_selected = event->key() - Qt::Key_1;
        update();
        event->accept();
        return;
    }
    if (haveQuad && event->key() == Qt::Key_Escape && m_quads.first().clerkCorrected) {
        if (Imaging::CaptureSession *session = m_session.data())
            session->clearCorrectedQuad();
        m_selected = -1;
        update();
        event->accept();
        return;
    }
    if (haveQuad && m_selected >= 0) {
        const double step = event->modifiers() & Qt::ShiftModifier ? 10 : 1;
        QPointF d;
        switch (event->key()) {
        case Qt::Key_Left:
            d = { -step, 0 };
            break;
        case Qt::Key_Right:
            d = { step, 0 };
            break;
        case Qt::Key_Up:
            d = { 0, -step };
            break;
        case Qt::Key_Down:
            d = { 0, step };
            break;
        default:
            break;
        }
        if (!d.isNull()) {
            moveCorner(m_selected, m_quads.first().corners[m_selected] + d);
            commitCorrection();
            event->accept();
            return;
        }
    }
    QWidget::keyPressEvent(event);
}

void CameraView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), kBackground);

    if (m_status == Status::Connecting && m_frame.isNull()) {
        paintMessage(p, Tr::tr("Connecting to the document camera…"),
            Tr::tr("The picture appears here in a moment."));
        return;
    }
    if (m_status == Status::NoDevice || m_frame.isNull()) {
        paintMessage(p, Tr::tr("No document camera detected"),
            m_noDeviceDetail.isEmpty()
                ? Tr::tr("Connect the document camera with its USB cable and check that it is "
                         "switched on. The picture appears here by itself.")
                : m_noDeviceDetail);
        return;
    }
    const QRectF target = frameRect();
    paintFrame(p, target);
    if (m_status == Status::Lost) {
        p.fillRect(rect(), QColor(10, 12, 15, 200));
        paintMessage(p, Tr::tr("No picture from the document camera"), m_lostMessage);
        return;
    }
    paintBadge(p, target);
    // The hint is not repeated while the same words show as a rejection.
    if (!m_hint.isEmpty() && !m_notice.contains(m_hint))
        paintBanner(p, target, m_hint, kRed, false);
    else if (!m_quads.isEmpty() && m_quads.first().isTentative())
        paintBanner(p, target, tentativeHint(), kTentative, false);
    if (!m_notice.isEmpty())
        paintBanner(p, target, m_notice, m_noticeKind == NoticeKind::Error ? kRed : kGreen, true);
}

void CameraView::paintFrame(QPainter &p, const QRectF &target) const
{
    p.save();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(target, m_frame);
    p.setClipRect(target); // a cut-off page's corners lie outside the picture
    const double scale = target.width() / m_frame.width();
    for (int q = 0; q < m_quads.size(); ++q) {
        const Imaging::PageQuad &quad = m_quads[q];
        if (!quad.isValid())
            continue;
        // An unsure outline is dashed and violet: the clerk should check it, and may drag a
        // corner to where the page's corner is.
        const bool tentative = quad.isTentative();
        const QColor colour = tentative ? kTentative : quadColour();
        QPolygonF poly;
        for (const QPointF &c : quad.corners)
            poly << target.topLeft() + (c + QPointF(0.5, 0.5)) * scale;
        QPainterPath path;
        path.addPolygon(poly);
        path.closeSubpath();
        QColor fill = colour;
        fill.setAlpha(tentative ? 20 : 40);
        p.fillPath(path, fill);
        p.setPen(
            QPen(colour, 3, tentative ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(path);
        // Corner marks make the outline readable over busy pages; the first page's corners
        // are handles (larger; the keyboard's corner filled).
        for (int i = 0; i < poly.size(); ++i) {
            const bool chosen = q == 0 && i == m_selected;
            p.setBrush(chosen ? colour : QColor(Qt::white));
            p.setPen(QPen(colour, 2.5));
            p.drawEllipse(poly[i], q == 0 ? 7 : 5, q == 0 ? 7 : 5);
        }
        p.setBrush(Qt::NoBrush);
    }
    p.restore();
}

void CameraView::setPreviewOnly(bool previewOnly)
{
    m_previewOnly = previewOnly;
    setToolTip(previewOnly ? Tr::tr("The document camera's picture, to check it: nothing is "
                                    "captured here.")
                           : Tr::tr("Press Space to capture the page now."));
    update();
}

QString CameraView::badgeText() const
{
    if (m_state == Imaging::AutoCaptureState::Invalid)
        return {};
    if (m_previewOnly)
        return Tr::tr("Picture check only: nothing is captured");
    // The guard read once (a QPointer's -> reads it again: -Wnull-dereference, issue 16).
    if (const Imaging::CaptureSession *session = m_session.data();
        session && session->isCapturing())
        return Tr::tr("Capturing…");
    switch (m_state) {
    case Imaging::AutoCaptureState::Searching:
        return Tr::tr("Looking for a page");
    case Imaging::AutoCaptureState::Settling:
        return Tr::tr("Hold still");
    case Imaging::AutoCaptureState::Captured:
        return Tr::tr("Captured");
    case Imaging::AutoCaptureState::Disabled:
        return Tr::tr("Manual capture: press Space");
    case Imaging::AutoCaptureState::Invalid:
        break;
    }
    return {};
}

void CameraView::paintBadge(QPainter &p, const QRectF &target) const
{
    const QString text = badgeText();
    if (text.isEmpty())
        return;
    QColor dot = kGreen;
    switch (m_state) {
    case Imaging::AutoCaptureState::Searching:
        dot = QColor(0xb0, 0xb6, 0xbe);
        break;
    case Imaging::AutoCaptureState::Settling:
        dot = kAmber;
        break;
    case Imaging::AutoCaptureState::Captured:
        dot = kGreen;
        break;
    case Imaging::AutoCaptureState::Disabled:
    case Imaging::AutoCaptureState::Invalid:
        dot = kBlue;
        break;
    }
    if (m_previewOnly)
        dot = QColor(0xb0, 0xb6, 0xbe);
    else if (const Imaging::CaptureSession *session = m_session.data();
             session && session->isCapturing())
        dot = kBlue;
    p.save();
    const QFont font = scaledFont(this->font(), 1.0, true);
    p.setFont(font);
    const QFontMetricsF fm(font);
    const double h = fm.height() + 12, w = fm.horizontalAdvance(text) + h + 8;
    const QRectF pill(target.left() + 12, target.top() + 12, w, h);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(20, 22, 26, 210));
    p.drawRoundedRect(pill, h / 2, h / 2);
    p.setBrush(dot);
    p.drawEllipse(QPointF(pill.left() + h / 2, pill.center().y()), 5, 5);
    p.setPen(Qt::white);
    p.drawText(pill.adjusted(h - 2, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    p.restore();
}

void CameraView::paintBanner(
    QPainter &p, const QRectF &target, const QString &text, const QColor &colour, bool top) const
{
    p.save();
    const QFont font = scaledFont(this->font(), 1.05);
    p.setFont(font);
    const double margin = 12;
    const double maxWidth = std::min(target.width() - 2 * margin, 560.0);
    const QRectF textBox = QFontMetricsF(font).boundingRect(
        QRectF(0, 0, maxWidth - 32, 400), Qt::TextWordWrap | Qt::AlignLeft, text);
    const double w = textBox.width() + 32, h = textBox.height() + 18;
    const double x = target.center().x() - w / 2;
    const double y = top ? target.top() + margin + 44 : target.bottom() - margin - h;
    const QRectF box(x, y, w, h);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(20, 22, 26, 225));
    p.drawRoundedRect(box, 8, 8);
    p.setBrush(colour);
    p.drawRoundedRect(QRectF(box.left(), box.top(), 5, box.height()), 2.5, 2.5);
    p.setPen(Qt::white);
    p.drawText(
        box.adjusted(18, 9, -14, -9), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter, text);
    p.restore();
}

void CameraView::paintMessage(QPainter &p, const QString &title, const QString &detail) const
{
    p.save();
    const QPointF c = rect().center();
    // A document camera, drawn: arm, head and base.
    const double s = std::clamp(std::min(width(), height()) / 6.0, 36.0, 72.0);
    const QColor line(0x8a, 0x93, 0x9e);
    p.setPen(QPen(line, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    const QPointF base(c.x(), c.y() - s * 0.4);
    p.drawRoundedRect(QRectF(base.x() - s, base.y(), 2 * s, s * 0.18), 4, 4);
    p.drawLine(QPointF(base.x() - s * 0.6, base.y()), QPointF(base.x() - s * 0.6, base.y() - s));
    p.drawLine(
        QPointF(base.x() - s * 0.6, base.y() - s), QPointF(base.x() + s * 0.1, base.y() - s));
    p.drawRoundedRect(QRectF(base.x() + s * 0.1, base.y() - s * 1.12, s * 0.5, s * 0.24), 4, 4);
    if (m_status == Status::Lost || m_status == Status::NoDevice) {
        p.setPen(QPen(kRed, 3, Qt::SolidLine, Qt::RoundCap));
        const QPointF x(base.x() + s * 0.85, base.y() - s * 0.45);
        p.drawLine(x + QPointF(-s * 0.14, -s * 0.14), x + QPointF(s * 0.14, s * 0.14));
        p.drawLine(x + QPointF(-s * 0.14, s * 0.14), x + QPointF(s * 0.14, -s * 0.14));
    }
    const double textWidth = std::min(width() - 48.0, 520.0);
    const QFont titleFont = scaledFont(font(), 1.45, true);
    p.setFont(titleFont);
    p.setPen(QColor(0xf2, 0xf4, 0xf7));
    const QRectF titleRect(c.x() - textWidth / 2, base.y() + s * 0.45, textWidth,
        QFontMetricsF(titleFont).height() * 2.2);
    p.drawText(titleRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, title);
    const QRectF titleUsed = QFontMetricsF(titleFont).boundingRect(
        titleRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, title);
    p.setFont(scaledFont(font(), 1.05));
    p.setPen(QColor(0xb4, 0xbb, 0xc4));
    p.drawText(QRectF(c.x() - textWidth / 2, titleUsed.bottom() + 10, textWidth, height()),
        Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, detail);
    p.restore();
}

} // namespace Tongban::Widgets
