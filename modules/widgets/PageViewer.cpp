#include "PageViewer.h"

#include "Tr.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTransform>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace Tongban::Widgets {

namespace {
constexpr double kMinZoom = 0.05, kMaxZoom = 4.0, kStep = 1.25;
}

PageViewer::PageViewer(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(Tr::tr("Page"));
    resize(900, 1000);
    m_scroll = new QScrollArea(this);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_canvas = new QLabel;
    m_canvas->setAlignment(Qt::AlignCenter);
    m_scroll->setWidget(m_canvas);
    m_scroll->viewport()->installEventFilter(this);

    auto *zoomOut = new QPushButton(Tr::tr("Zoom out"), this);
    auto *zoomIn = new QPushButton(Tr::tr("Zoom in"), this);
    auto *fit = new QPushButton(Tr::tr("Fit to window"), this);
    auto *actual = new QPushButton(Tr::tr("Actual size"), this);
    auto *close = new QPushButton(Tr::tr("Close"), this);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLevel"));
    // Centred between 缩小 and 放大 in a width that holds the widest level (400 %), so the
    // gaps on both sides stay even and the buttons do not move as the level changes.
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_zoomLabel->setFixedWidth(
        m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("400 %")) + 12);
    zoomOut->setObjectName(QStringLiteral("zoomOut"));
    zoomIn->setObjectName(QStringLiteral("zoomIn"));
    fit->setObjectName(QStringLiteral("fitToWindow"));
    actual->setObjectName(QStringLiteral("actualSize"));
    close->setObjectName(QStringLiteral("closeViewer"));
    // The zoom buttons are tools, outlined by the application's style sheet; 关闭 stays the one
    // filled action. Set before the buttons are first shown (polished).
    for (QPushButton *tool : { zoomOut, zoomIn, fit, actual })
        tool->setProperty("secondary", true);
    connect(zoomOut, &QPushButton::clicked, this, [this] { setZoom(effectiveZoom() / kStep); });
    connect(zoomIn, &QPushButton::clicked, this, [this] { setZoom(effectiveZoom() * kStep); });
    connect(fit, &QPushButton::clicked, this, [this] { setZoom(0); });
    connect(actual, &QPushButton::clicked, this, [this] { setZoom(1); });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(zoomOut);
    buttons->addWidget(m_zoomLabel);
    buttons->addWidget(zoomIn);
    buttons->addSpacing(12);
    buttons->addWidget(fit);
    buttons->addWidget(actual);
    buttons->addStretch();
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(buttons);
}

void PageViewer::setPage(const QImage &image, int rotationDegrees, const QString &title)
{
    m_image = rotationDegrees % 360 == 0
        ? image
        : image.transformed(QTransform().rotate(rotationDegrees), Qt::SmoothTransformation);
    setWindowTitle(title);
    render();
}

double PageViewer::effectiveZoom() const
{
    if (m_zoom > 0 || m_image.isNull())
        return m_zoom > 0 ? m_zoom : 1.0;
    const QSize room = m_scroll->viewport()->size() - QSize(8, 8);
    return std::min(
        double(room.width()) / m_image.width(), double(room.height()) / m_image.height());
}

void PageViewer::setZoom(double factor)
{
    m_zoom = factor <= 0 ? 0 : std::clamp(factor, kMinZoom, kMaxZoom);
    render();
}

void PageViewer::render()
{
    if (m_image.isNull()) {
        m_canvas->setText(Tr::tr("This page has no picture."));
        return;
    }
    const double z = effectiveZoom();
    const QSize size(std::max(1, int(std::lround(m_image.width() * z))),
        std::max(1, int(std::lround(m_image.height() * z))));
    m_canvas->setPixmap(
        QPixmap::fromImage(m_image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_canvas->resize(size);
    m_zoomLabel->setText(QStringLiteral("%1 %").arg(std::lround(z * 100)));
}

void PageViewer::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        setZoom(effectiveZoom() * kStep);
        return;
    case Qt::Key_Minus:
        setZoom(effectiveZoom() / kStep);
        return;
    case Qt::Key_0:
        setZoom(0);
        return;
    default:
        QDialog::keyPressEvent(event);
    }
}

void PageViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (m_zoom <= 0)
        render();
}

bool PageViewer::eventFilter(QObject *watched, QEvent *event)
{
    // Fit to the window once the viewport has its size: the dialog's own resize comes before
    // its layout sizes the viewport, and the page opened at 3 % of a 900 x 1000 viewer.
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize && m_zoom <= 0)
        render();
    if (watched == m_scroll->viewport() && event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            setZoom(effectiveZoom() * (wheel->angleDelta().y() > 0 ? kStep : 1 / kStep));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Tongban::Widgets
