#include "VideoView.h"

#include <QPainter>

namespace Tongban::Widgets {

VideoView::VideoView(const QString &placeholder, QWidget *parent)
    : QWidget(parent)
    , m_placeholder(placeholder)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void VideoView::setImage(const QImage &image)
{
    m_image = image;
    update();
}

void VideoView::clear()
{
    m_image = {};
    update();
}

void VideoView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x20, 0x24, 0x2a));
    if (m_image.isNull()) {
        painter.setPen(QColor(0xc8, 0xcc, 0xd2));
        painter.drawText(
            rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const QSize size = m_image.size().scaled(this->size(), Qt::KeepAspectRatio);
    const QRect target(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_image);
}

} // namespace Tongban::Widgets
