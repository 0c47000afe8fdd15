#pragma once

#include <catalog/Catalog.h>

#include <QImage>
#include <QWidget>

namespace Tongban::Widgets {

/*!
 * Shows a material's sample document (示范文本) with each review point's
 * region drawn on it as a numbered box, the number matching the review point's
 * position in the material (审查要点可视化). One region can be highlighted.
 *
 * The sample image (SVG or PNG) is read from \a imagePath; a missing or
 * unreadable image shows a plain message instead. Scales to fit, keeping the
 * aspect ratio. GUI thread only.
 */
class SampleView : public QWidget
{
    Q_OBJECT

public:
    explicit SampleView(QWidget *parent = nullptr);

    void setSample(
        const QString &imagePath, const QSize &size, const Catalog::MaterialRequirement &material);
    void clear();
    void highlightReviewPoint(const QString &reviewPointId);

    bool hasImage() const { return !m_image.isNull(); }
    /// The rectangle (widget coordinates) of the first region of \a reviewPointId.
    QRectF regionRect(const QString &reviewPointId) const;

    QSize sizeHint() const override { return { 420, 560 }; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QRectF imageRect() const;
    void render();

    QString m_path;
    QSize m_sampleSize;
    QImage m_image;
    QList<Catalog::SampleRegion> m_regions;
    QStringList m_pointOrder;
    QString m_highlight;
};

} // namespace Tongban::Widgets
