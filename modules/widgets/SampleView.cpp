#include "SampleView.h"

#include <QPainter>
#include <QSvgRenderer>

namespace Tongban::Widgets {

SampleView::SampleView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sampleView"));
    setMinimumSize(240, 320);
}

void SampleView::setSample(
    const QString &imagePath, const QSize &size, const Catalog::MaterialRequirement &material)
{
    m_path = imagePath;
    m_sampleSize = size;
    m_regions = material.regions;
    m_pointOrder.clear();
    for (const Catalog::ReviewPoint &point : material.reviewPoints)
        m_pointOrder << point.id;
    m_highlight.clear();
    render();
    update();
}

void SampleView::clear()
{
    m_path.clear();
    m_image = QImage();
    m_regions.clear();
    update();
}

void SampleView::highlightReviewPoint(const QString &reviewPointId)
{
    m_highlight = reviewPointId;
    update();
}

void SampleView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    render();
}

QRectF SampleView::imageRect() const
{
    if (m_sampleSize.isEmpty())
        return {};
    const QSizeF scaled
        = QSizeF(m_sampleSize).scaled(QSizeF(size()) - QSizeF(16, 16), Qt::KeepAspectRatio);
    return QRectF(
        QPointF((width() - scaled.width()) / 2, (height() - scaled.height()) / 2), scaled);
}

void SampleView::render()
{
    m_image = QImage();
    const QRectF target = imageRect();
    if (m_path.isEmpty() || target.isEmpty())
        return;
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (target.size() * dpr).toSize();
    if (m_path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgRenderer renderer(m_path);
        if (!renderer.isValid())
            return;
        m_image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_image.fill(Qt::white);
        QPainter painter(&m_image);
        renderer.render(&painter);
    } else {
        m_image = QImage(m_path).scaled(pixels, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    m_image.setDevicePixelRatio(dpr);
}

QRectF SampleView::regionRect(const QString &reviewPointId) const
{
    const QRectF image = imageRect();
    for (const Catalog::SampleRegion &region : m_regions) {
        if (region.reviewPoint == reviewPointId) {
            return QRectF(image.x() + region.rect.x() * image.width(),
                image.y() + region.rect.y() * image.height(), region.rect.width() * image.width(),
                region.rect.height() * image.height());
        }
    }
    return {};
}

void SampleView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), QColor(0xe9, 0xed, 0xf2));
    if (m_image.isNull()) {
        painter.setPen(QColor(0x52, 0x60, 0x6d));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
            m_path.isEmpty() ? tr("No sample for this material.")
                             : tr("The sample image could not be shown."));
        return;
    }
    const QRectF image = imageRect();
    painter.drawImage(image.topLeft(), m_image);
    painter.setPen(QPen(QColor(0xc0, 0xc8, 0xd2), 1));
    painter.drawRect(image);

    QFont badgeFont = font();
    badgeFont.setBold(true);
    badgeFont.setPixelSize(13);
    painter.setFont(badgeFont);
    for (const Catalog::SampleRegion &region : std::as_const(m_regions)) {
        const QRectF box = regionRect(region.reviewPoint);
        const bool highlighted = region.reviewPoint == m_highlight;
        const QColor colour = highlighted ? QColor(0xd4, 0x38, 0x0d) : QColor(0x1d, 0x4e, 0x89);
        QColor fill = colour;
        fill.setAlpha(highlighted ? 60 : 28);
        painter.setPen(QPen(colour, highlighted ? 3 : 2));
        painter.setBrush(fill);
        painter.drawRoundedRect(box, 3, 3);
        const int number = int(m_pointOrder.indexOf(region.reviewPoint)) + 1;
        const QRectF badge(box.left() - 2, box.top() - 20, 22, 20);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawRoundedRect(badge, 4, 4);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, QString::number(number));
    }
}

} // namespace Tongban::Widgets
