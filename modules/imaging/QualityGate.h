#pragma once

#include "PageQuad.h"

#include <QImage>
#include <QList>
#include <QSize>
#include <QStringList>

namespace Tongban::Imaging {

/// A reason to retake a page; zero means none.
enum class QualityIssue { None = 0, Blurred, Glare, CutOff, TooSmall, Blank };

QString qualityIssueName(QualityIssue issue);
/// What the clerk reads: what is wrong and what to do.
QString qualityIssueMessage(QualityIssue issue);

struct QualityVerdict
{
    QList<QualityIssue> issues;
    double blurMm = 0; ///< estimated optical blur (Gaussian sigma) on the paper
    double glareShare = 0; ///< share of the page that is blown out
    double effectiveDpi = 0;

    bool passed() const { return issues.isEmpty(); }
    QStringList messages() const;
    QJsonObject toJson() const;
};

/*!
 * Quality gates. Blur is measured as a Gaussian sigma in millimetres on the
 * paper (so the verdict does not depend on resolution): the strongest edges
 * are compared before and after a known extra blur.
 */
class QualityGate
{
public:
    struct Thresholds
    {
        double maxBlurMm = 0.2;
        double maxGlareShare = 0.003;
        double minDpiShare = 0.75; ///< of the requested dpi
    };

    QualityGate();
    explicit QualityGate(const Thresholds &thresholds);

    /*!
     * Gates for a rectified (not yet enhanced) page at \a dpi: blur, glare,
     * blank. \a quad and \a frameSize (the still's) add cut-off and too small.
     */
    QualityVerdict assessPage(
        const QImage &page, int dpi, const PageQuad &quad = {}, QSize frameSize = {}) const;

    /// Blur sigma in millimetres of \a image at \a pixelsPerMm (inside \a quad if given).
    static double estimateBlurMm(
        const QImage &image, double pixelsPerMm, const PageQuad &quad = {});

private:
    Thresholds m_thresholds;
};

} // namespace Tongban::Imaging
