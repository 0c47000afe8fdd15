#include <imaging/PageDetector.h>

#include <QLineF>
#include <QTest>

#include <algorithm>
#include <drivers/sim/SimScene.h>
#include <map>
#include <numeric>

using namespace Tongban;
using namespace Tongban::Drivers;
using namespace Tongban::Imaging;

namespace {
double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}
// Preview pixels to 13 MP pixels.
constexpr double kTo13Mp = double(Sim::kStillWidth) / Sim::kPreviewWidth;
} // namespace

class TestPageDetector : public QObject
{
    Q_OBJECT
private slots:
    void simulatedSetAccuracy();
    void emptyPadGivesNoPages();
    void fullResolutionRefinement();
    void broadenedSplits();
    void tintedPageOnLightGreyPad();
    void cornerNextToGlareStaysOnThePage();
    void sizeClassAgreesWithTheMeasuredShape();
    void yellowPaperIsNotAHand();
};

namespace {
struct SplitScore
{
    std::vector<double> ious;
    int missed = 0;
    std::map<std::string, std::vector<double>> byCondition;
};

// The conditions a broadened scene has, for the per-condition figures.
std::vector<std::string> conditions(const Sim::SceneSpec &spec)
{
    std::vector<std::string> out;
    if (spec.paperTint.isValid())
        out.push_back("tinted/coloured paper");
    if (spec.padColour.isValid())
        out.push_back(spec.padColour.lightness() > 180 ? "light pad colour" : "other pad colour");
    if (spec.glare && spec.glareAt != Sim::SceneSpec::Glare::OnPage)
        out.push_back("glare over corner/edge");
    if (spec.shadow > 0)
        out.push_back("shadow");
    if (spec.lightLevel < 1)
        out.push_back("low light");
    if (spec.hand)
        out.push_back("hand");
    if (spec.documentCount == 2)
        out.push_back("two documents");
    if (out.empty())
        out.push_back("plain");
    return out;
}

SplitScore scoreSplit(quint32 firstSeed, int frames)
{
    PageDetector detector;
    SplitScore score;
    for (quint32 seed = firstSeed; seed < firstSeed + quint32(frames); ++seed) {
        const Sim::SceneSpec spec = Sim::broadScene(seed);
        const auto frame = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        const QList<PageQuad> found = detector.detect(frame.image);
        for (const Sim::DocumentTruth &truth : frame.documents) {
            double best = 0;
            for (const PageQuad &q : found)
                best = std::max(best, quadIoU(q.corners, truth.corners));
            score.ious.push_back(best);
            if (best < 0.5) {
                ++score.missed;
                std::string what;
                for (const std::string &c : conditions(spec))
                    what += c + "; ";
                qInfo("  missed seed %u %s (%s paper %s pad %s, %d found)", seed,
                    qPrintable(Sim::documentKindName(truth.kind)), what.c_str(),
                    qPrintable(spec.paperTint.name()), qPrintable(spec.padColour.name()),
                    int(found.size()));
            }
            for (const std::string &c : conditions(spec))
                score.byCondition[c].push_back(best);
        }
    }
    return score;
}

double meanOf(const std::vector<double> &v)
{
    return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}
} // namespace

void TestPageDetector::broadenedSplits()
{
    // GIVEN the broadened simulator (tinted and coloured paper, pads of many colours, glare
    // over corners and edges, shadows, low light, the camera's JPEG) in two seed ranges: a
    // tuning split and a held-out split nobody tunes on. A long run (about a minute of
    // debug CPU): only with TONGBAN_BROADENED_SPLITS set, i.e. the soak preset's
    // tst_pagedetector_broadened; the dev suite stays fast.
    if (!qEnvironmentVariableIsSet("TONGBAN_BROADENED_SPLITS"))
        QSKIP("long run: ctest --preset soak -R tst_pagedetector_broadened");
    const int frames = 40;
    for (const auto &[name, first] : std::vector<std::pair<const char *, quint32>> {
             { "tuning", 50000 }, { "held-out", 90000 } }) {
        // WHEN the detector runs on each
        const SplitScore score = scoreSplit(first, frames);
        qInfo("%s split: %d documents, missed %d, mean IoU %.4f", name, int(score.ious.size()),
            score.missed, meanOf(score.ious));
        for (const auto &[condition, ious] : score.byCondition)
            qInfo("  %-24s %3d documents, mean IoU %.4f", condition.c_str(), int(ious.size()),
                meanOf(ious));
        // THEN neither falls below where issue 18's branch left them (40 frames each:
        // tuning 0.876, held-out 0.761). A floor against regressions, not the target: the
        // issue asks for a detector that holds (>= 0.99) on both; the misses are listed
        // above (shadows, pale paper on light pads, orange paper taken for skin).
        QVERIFY2(meanOf(score.ious) >= (first == 50000 ? 0.85 : 0.74), name);
    }
}

void TestPageDetector::tintedPageOnLightGreyPad()
{
    // GIVEN a lavender A4 page on a light grey pad: the page is no brighter than the pad,
    // it differs by colour (the re-measurement's photo that was not found at all)
    PageDetector detector;
    std::vector<double> ious;
    for (quint32 seed = 4100; seed < 4105; ++seed) {
        Sim::SceneSpec spec;
        spec.seed = seed;
        spec.frameSeed = seed;
        spec.kind = Sim::DocumentKind::A4Form;
        spec.paperTint = QColor(232, 222, 250);
        spec.padColour = QColor(200, 200, 202);
        spec.whiteOnWhite = true;
        spec.jpegQuality = 85;
        const auto frame = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        // WHEN detecting
        const QList<PageQuad> found = detector.detect(frame.image);
        double best = 0;
        for (const PageQuad &q : found)
            best = std::max(best, quadIoU(q.corners, frame.documents.first().corners));
        ious.push_back(best);
    }
    // THEN the page is found every time
    qInfo("lavender on light grey: min IoU %.4f, mean %.4f",
        *std::min_element(ious.begin(), ious.end()), meanOf(ious));
    QVERIFY(*std::min_element(ious.begin(), ious.end()) >= 0.95);
}

void TestPageDetector::cornerNextToGlareStaysOnThePage()
{
    // GIVEN pages with a glare spot over one corner (A4 on the dark pad, and on a light
    // grey one)
    PageDetector detector;
    std::vector<double> errors;
    for (quint32 seed = 4200; seed < 4206; ++seed) {
        Sim::SceneSpec spec;
        spec.seed = seed;
        spec.frameSeed = seed;
        spec.kind = seed % 3 ? Sim::DocumentKind::A4Form : Sim::DocumentKind::Licence;
        spec.glare = true;
        spec.glareAt = Sim::SceneSpec::Glare::OverCorner;
        if (seed % 2) {
            spec.padColour = QColor(200, 200, 202);
            spec.whiteOnWhite = true;
        }
        const auto frame = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        // WHEN detecting
        const QList<PageQuad> found = detector.detect(frame.image);
        double best = 0, error = 1e6;
        for (const PageQuad &q : found) {
            const double iou = quadIoU(q.corners, frame.documents.first().corners);
            if (iou > best) {
                best = iou;
                error = maxCornerError(q.corners, frame.documents.first().corners) * kTo13Mp;
            }
        }
        errors.push_back(error);
    }
    // THEN no corner is pulled onto the glare
    qInfo("glare over a corner: corner error max %.1f px, p50 %.1f px at 13 MP",
        *std::max_element(errors.begin(), errors.end()), percentile(errors, 0.5));
    QVERIFY(*std::max_element(errors.begin(), errors.end()) <= 10);
}

void TestPageDetector::sizeClassAgreesWithTheMeasuredShape()
{
    // GIVEN broadened scenes
    PageDetector detector;
    int checked = 0, disagree = 0;
    for (quint32 seed = 4300; seed < 4324; ++seed) {
        const Sim::SceneSpec spec = Sim::broadScene(seed);
        const auto frame = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        // WHEN a page is detected with a size class
        for (const PageQuad &q : detector.detect(frame.image)) {
            if (q.sizeClass == SizeClass::Unknown)
                continue;
            // THEN the class's aspect ratio is the measured one (mean of opposite sides)
            const QPolygonF &c = q.corners;
            const auto len = [](QPointF a, QPointF b) {
                return QLineF(a, b).length();
            };
            const double w = (len(c[0], c[1]) + len(c[3], c[2])) / 2;
            const double h = (len(c[0], c[3]) + len(c[1], c[2])) / 2;
            const double measured = std::max(w, h) / std::min(w, h);
            const QSizeF mm = sizeClassMm(q.sizeClass);
            const double expected = mm.height() / mm.width();
            ++checked;
            if (std::abs(measured / expected - 1) > 0.08) {
                ++disagree;
                qInfo("  seed %u: class %s (%.3f) but measured %.3f", seed,
                    qPrintable(sizeClassName(q.sizeClass)), expected, measured);
            }
        }
    }
    qInfo("size class vs measured aspect: %d of %d disagree by more than 8 %%", disagree, checked);
    QVERIFY(checked >= 12);
    QCOMPARE(disagree, 0);
}

void TestPageDetector::simulatedSetAccuracy()
{
    // GIVEN 320 simulated preview frames across every case (A4, A5, ID card both sides,
    // licence; glare, hand over the edge, white on white, two documents, mild blur, JPEG; plus
    // cut corners, whose truth is the physical page with corners outside the frame)
    PageDetector detector;
    enum Case { Ordinary, WhiteOnWhite, Hand, CutCorner, CaseCount };
    const char *caseNames[CaseCount]
        = { "ordinary", "white on white", "hand over the edge", "cut corner" };
    std::vector<double> ious, cornerErrors, caseIous[CaseCount], caseErrors[CaseCount];
    int missed = 0, classicHits = 0;
    std::vector<double> classicIous;
    for (quint32 seed = 1000; seed < 1320; ++seed) {
        Sim::SceneSpec spec = Sim::randomScene(seed);
        if (seed % 16 == 7)
            spec.cutCorner = true;
        const Case kase = spec.whiteOnWhite ? WhiteOnWhite
            : spec.hand                     ? Hand
            : spec.cutCorner                ? CutCorner
                                            : Ordinary;
        const Sim::SimFrame frame
            = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        // WHEN the detector runs on the frame
        const QList<PageQuad> found = detector.detect(frame.image);
        const QList<PageQuad> classic = PageDetector::classicDetect(frame.image);
        // THEN every document is found with its true corners
        for (const Sim::DocumentTruth &truth : frame.documents) {
            double bestIoU = 0, bestError = 1e9;
            for (const PageQuad &q : found) {
                const double iou = quadIoU(q.corners, truth.corners);
                if (iou > bestIoU) {
                    bestIoU = iou;
                    bestError = maxCornerError(q.corners, truth.corners);
                }
            }
            if (bestIoU < 0.5) {
                ++missed;
                qInfo("missed seed %u kind %s (%s)", seed,
                    qPrintable(Sim::documentKindName(truth.kind)), caseNames[kase]);
            }
            // A missed document counts with its (huge) corner error in the percentile.
            const double error13Mp = bestIoU >= 0.5 ? bestError * kTo13Mp : 1e6;
            ious.push_back(bestIoU);
            cornerErrors.push_back(error13Mp);
            caseIous[kase].push_back(bestIoU);
            caseErrors[kase].push_back(error13Mp);
            double classicIoU = 0;
            for (const PageQuad &q : classic)
                classicIoU = std::max(classicIoU, quadIoU(q.corners, truth.corners));
            classicIous.push_back(classicIoU);
            classicHits += classicIoU >= 0.9;
        }
    }
    auto mean = [](const std::vector<double> &v) {
        return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    };
    for (int k = 0; k < CaseCount; ++k) {
        qInfo("%-18s %3d documents, mean IoU %.4f, corner error p95 %.1f px, median %.1f px at "
              "13 MP",
            caseNames[k], int(caseIous[k].size()), mean(caseIous[k]),
            percentile(caseErrors[k], 0.95), percentile(caseErrors[k], 0.5));
        QVERIFY(!caseIous[k].empty()); // every case is in the set
    }
    const double meanIoU = mean(ious);
    const double p95 = percentile(cornerErrors, 0.95);
    qInfo("ALL CASES: %d documents on 320 frames, missed %d, mean IoU %.4f (target >= 0.99), "
          "corner error p95 %.1f px at 13 MP (target <= 10), median %.1f px",
        int(ious.size()), missed, meanIoU, p95, percentile(cornerErrors, 0.5));
    qInfo("classic Canny+approxPolyDP peer: mean IoU %.4f, IoU>=0.9 on %d of %d", mean(classicIous),
        classicHits, int(classicIous.size()));
    QVERIFY(ious.size() >= 300);
    QVERIFY(meanIoU >= 0.99);
    QVERIFY(p95 <= 10);
}

void TestPageDetector::emptyPadGivesNoPages()
{
    // GIVEN 1,000 frames of the empty pad (dark, mid-grey and white pads, some with a hand)
    PageDetector detector;
    int falseDetections = 0;
    const int frames = 1000;
    for (int i = 0; i < frames; ++i) {
        Sim::SceneSpec spec;
        spec.seed = quint32(5000 + i);
        spec.frameSeed = quint32(i);
        spec.documentCount = 0;
        spec.whiteOnWhite = i % 5 == 0;
        spec.hand = i % 4 == 1;
        const auto frame = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        // WHEN detecting
        falseDetections += int(detector.detect(frame.image).size());
    }
    // THEN (almost) nothing is found
    qInfo("empty pad: %d false detections on %d frames (target <= 1 per 1000)", falseDetections,
        frames);
    QVERIFY(falseDetections * 1000 <= frames);
}

void TestPageDetector::fullResolutionRefinement()
{
    // GIVEN a few 13 MP stills and the page found on the matching preview frame
    PageDetector detector;
    std::vector<double> errors;
    for (quint32 seed = 2000; seed < 2008; ++seed) {
        Sim::SceneSpec spec = Sim::randomScene(seed);
        spec.documentCount = 1;
        spec.hand = false;
        spec.whiteOnWhite = false;
        const auto preview = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        spec.jpegQuality = 90;
        const auto still = Sim::renderScene(spec, QSize(Sim::kStillWidth, Sim::kStillHeight));
        const auto found = detector.detect(preview.image);
        QVERIFY(!found.isEmpty());
        // WHEN the edges are refined on the still
        const PageQuad refined
            = PageDetector::refine(still.image, found.first().scaled(kTo13Mp), 8);
        errors.push_back(maxCornerError(refined.corners, still.documents.first().corners));
    }
    // THEN the corners are within a millimetre (about 9 px)
    qInfo("13 MP refined corner error: max %.2f px, p50 %.2f px (target p95 <= 10)",
        *std::max_element(errors.begin(), errors.end()), percentile(errors, 0.5));
    QVERIFY(percentile(errors, 0.95) <= 10);
}

void TestPageDetector::yellowPaperIsNotAHand()
{
    // GIVEN a yellow form (as red over blue as skin, but of a yellow hue) on the dark pad
    // and on a wood-coloured one: the skin mask used to remove the whole page
    PageDetector detector;
    std::vector<double> ious;
    for (quint32 seed = 4400; seed < 4406; ++seed) {
        Sim::SceneSpec spec;
        spec.seed = seed;
        spec.frameSeed = seed;
        spec.kind = seed % 2 ? Sim::DocumentKind::A4Form : Sim::DocumentKind::A5Note;
        spec.paperTint = QColor(250, 240, 160);
        if (seed % 3 == 0)
            spec.padColour = QColor(150, 105, 70);
        const auto frame = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        // WHEN detecting
        double best = 0;
        for (const PageQuad &q : detector.detect(frame.image))
            best = std::max(best, quadIoU(q.corners, frame.documents.first().corners));
        ious.push_back(best);
    }
    // THEN the page is found every time
    qInfo("yellow paper: min IoU %.4f", *std::min_element(ious.begin(), ious.end()));
    QVERIFY(*std::min_element(ious.begin(), ious.end()) >= 0.95);
}

QTEST_MAIN(TestPageDetector)
#include "tst_pagedetector.moc"
