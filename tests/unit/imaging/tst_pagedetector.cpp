#include <imaging/PageDetector.h>

#include <QLineF>
#include <QTest>

#include <algorithm>
#include <drivers/sim/SimScene.h>
#include <map>
#include <numeric>
#include <time.h>

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
// Floors of the broadened splits' mean IoU (80 frames each), below the measured figures.
constexpr double kTuningFloor = 0.985;
constexpr double kHeldOutFloor = 0.985;
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
    void curledAndFoldedPagesAreFound();
    void pageUnderASoftShadowIsFound();
    void tintedPagesOnLightPadsAreFound();
    void dimOrangeAndShadowedPagesAreFound();
    void orangePageUnderAHandAndTwoDocumentsInShadow();
    void pageHalfInADeepShadowIsFoundWhole();
};

namespace {
struct SplitScore
{
    std::vector<double> ious;
    int missed = 0;
    std::map<std::string, std::vector<double>> byCondition;
    std::map<std::string, std::vector<double>> byKind;
    std::map<std::string, std::vector<double>> byPad;
    double cpuMs = 0; // detection CPU time, this thread, summed over the frames
    int frames = 0;
};

double threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// The pad a broadened scene lies on, by name.
std::string padName(const Sim::SceneSpec &spec)
{
    if (!spec.padColour.isValid())
        return spec.whiteOnWhite ? "white pad" : "dark pad";
    const QRgb c = spec.padColour.rgb();
    if (qRed(c) == qGreen(c) || std::abs(qRed(c) - qBlue(c)) <= 4)
        return spec.padColour.lightness() > 220 ? "near-white pad"
            : spec.padColour.lightness() > 180  ? "light grey pad"
                                                : "mid grey pad";
    if (qGreen(c) > qRed(c) && qGreen(c) > qBlue(c))
        return "green mat";
    if (qBlue(c) > qRed(c))
        return "blue pad";
    return "wood";
}

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
    if (spec.curlMm > 0)
        out.push_back("curled page");
    if (spec.foldDeg > 0)
        out.push_back("folded page");
    if (out.empty())
        out.push_back("plain");
    return out;
}

SplitScore scoreSplit(quint32 firstSeed, int frames)
{
    PageDetector detector;
    SplitScore score;
    // TONGBAN_SPLIT_FILTER=a,b: only the scenes with one of those conditions, kinds or pads
    // (to look at a weak category on a tuning range).
    const QStringList filter
        = qEnvironmentVariable("TONGBAN_SPLIT_FILTER").split(u',', Qt::SkipEmptyParts);
    for (quint32 seed = firstSeed; seed < firstSeed + quint32(frames); ++seed) {
        const Sim::SceneSpec spec = Sim::broadScene(seed);
        if (!filter.isEmpty()) {
            std::vector<std::string> names = conditions(spec);
            names.push_back(Sim::documentKindName(spec.kind).toStdString());
            names.push_back(padName(spec));
            if (std::none_of(names.begin(), names.end(), [&](const std::string &n) {
                    return filter.contains(QString::fromStdString(n));
                }))
                continue;
        }
        const auto frame = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        const double start = threadCpuMs();
        const QList<PageQuad> found = detector.detect(frame.image);
        score.cpuMs += threadCpuMs() - start;
        ++score.frames;
        for (const Sim::DocumentTruth &truth : frame.documents) {
            double best = 0;
            for (const PageQuad &q : found)
                best = std::max(best, quadIoU(q.corners, truth.corners));
            score.ious.push_back(best);
            if (best < 0.5) {
                ++score.missed;
                // TONGBAN_DUMP_DIR: the missed frames as PNG, to look at.
                if (qEnvironmentVariableIsSet("TONGBAN_DUMP_DIR"))
                    frame.image.save(QStringLiteral("%1/miss-%2.png")
                                         .arg(qEnvironmentVariable("TONGBAN_DUMP_DIR"))
                                         .arg(seed));
                std::string what;
                for (const std::string &c : conditions(spec))
                    what += c + "; ";
                qInfo("  missed seed %u %s (%s paper %s pad %s, %d found)", seed,
                    qPrintable(Sim::documentKindName(truth.kind)), what.c_str(),
                    qPrintable(spec.paperTint.name()), qPrintable(spec.padColour.name()),
                    int(found.size()));
            }
            if (best >= 0.5 && best < 0.95 && qEnvironmentVariableIsSet("TONGBAN_SPLIT_VERBOSE")) {
                qInfo("  poor seed %u %s IoU %.3f", seed,
                    qPrintable(Sim::documentKindName(truth.kind)), best);
                if (qEnvironmentVariableIsSet("TONGBAN_DUMP_DIR"))
                    frame.image.save(QStringLiteral("%1/poor-%2.png")
                                         .arg(qEnvironmentVariable("TONGBAN_DUMP_DIR"))
                                         .arg(seed));
            }
            for (const std::string &c : conditions(spec))
                score.byCondition[c].push_back(best);
            score.byKind[Sim::documentKindName(truth.kind).toStdString()].push_back(best);
            score.byPad[padName(spec)].push_back(best);
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
    // Tuning: seeds 50000+ and 90000+ (the earlier held-out range, read while tuning, so
    // tuning now). Held out: 130000+, never looked at while tuning (issue 18).
    // TONGBAN_SPLIT_FRAMES sets the frames per range (40), TONGBAN_SPLIT_ONLY one split.
    const int frames = qEnvironmentVariableIntValue("TONGBAN_SPLIT_FRAMES") > 0
        ? qEnvironmentVariableIntValue("TONGBAN_SPLIT_FRAMES")
        : 40;
    const QString only = qEnvironmentVariable("TONGBAN_SPLIT_ONLY");
    struct Split
    {
        const char *name;
        std::vector<quint32> firstSeeds;
        double floor;
    };
    std::vector<Split> splits { Split { "tuning", { 50000, 90000 }, kTuningFloor },
        Split { "held-out", { 130000, 170000 }, kHeldOutFloor } };
    // TONGBAN_SPLIT_SEEDS=a,b,...: one more split, "seeds", of those ranges (a fresh set to
    // measure once), no floor.
    std::vector<quint32> extraSeeds;
    for (const QString &seed :
        qEnvironmentVariable("TONGBAN_SPLIT_SEEDS").split(u',', Qt::SkipEmptyParts))
        extraSeeds.push_back(seed.trimmed().toUInt());
    if (!extraSeeds.empty())
        splits.push_back(Split { "seeds", extraSeeds, 0.0 });
    for (const Split &split : splits) {
        const char *name = split.name;
        if (!only.isEmpty() && only != QLatin1String(name))
            continue;
        // WHEN the detector runs on each
        SplitScore score;
        std::vector<quint32> firstSeeds = split.firstSeeds;
        if (qEnvironmentVariableIntValue("TONGBAN_SPLIT_FIRST") > 0) // one range, to look at
            firstSeeds = { quint32(qEnvironmentVariableIntValue("TONGBAN_SPLIT_FIRST")) };
        for (quint32 first : firstSeeds) {
            SplitScore part = scoreSplit(first, frames);
            score.ious.insert(score.ious.end(), part.ious.begin(), part.ious.end());
            score.missed += part.missed;
            score.cpuMs += part.cpuMs;
            score.frames += part.frames;
            for (auto [to, from] : { std::pair { &score.byCondition, &part.byCondition },
                     std::pair { &score.byKind, &part.byKind },
                     std::pair { &score.byPad, &part.byPad } })
                for (const auto &[k, v] : *from)
                    (*to)[k].insert((*to)[k].end(), v.begin(), v.end());
        }
        qInfo("%s split: %d documents, missed %d, mean IoU %.4f", name, int(score.ious.size()),
            score.missed, meanOf(score.ious));
        qInfo("  detection CPU time: mean %.2f ms per frame (this build)",
            score.cpuMs / std::max(1, score.frames));
        for (const auto *group : { &score.byCondition, &score.byKind, &score.byPad }) {
            for (const auto &[condition, ious] : *group)
                qInfo("  %-24s %3d documents, mean IoU %.4f, min %.3f", condition.c_str(),
                    int(ious.size()), meanOf(ious), *std::min_element(ious.begin(), ious.end()));
        }
        // THEN neither falls below its floor (80 frames each, curled and folded pages in:
        // before the colour distance and shadow fallback tuning 0.817, held-out 0.852;
        // after 0.926 and 0.877; after the third session's fallbacks 0.971 and 0.954; after
        // quads from the outline's straight stretches and the distinct-page count 0.994 and
        // 0.992, debug build, no document missed). A
        // floor against regressions, not the target: the issue asks for a detector that
        // holds (>= 0.99) on both; the misses are listed above.
        QVERIFY2(meanOf(score.ious) >= split.floor, name);
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
    int missed = 0, classicHits = 0, tentative = 0, sure = 0;
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
        for (const PageQuad &q : found)
            ++(q.isTentative() ? tentative : sure);
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
    qInfo("tentative (confidence < %.2f): %d of %d detections", PageQuad::kSureConfidence,
        tentative, tentative + sure);
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

namespace {
// Best IoU of each document of \a spec's frame among the detections.
std::vector<double> detectionIous(const PageDetector &detector, const Sim::SceneSpec &spec)
{
    const auto frame = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
    const QList<PageQuad> found = detector.detect(frame.image);
    std::vector<double> out;
    for (const Sim::DocumentTruth &truth : frame.documents) {
        double best = 0;
        for (const PageQuad &q : found)
            best = std::max(best, quadIoU(q.corners, truth.corners));
        out.push_back(best);
        // TONGBAN_DUMP_DIR: the frames with a missed document as PNG, to look at.
        if (best < 0.5 && qEnvironmentVariableIsSet("TONGBAN_DUMP_DIR"))
            frame.image.save(QStringLiteral("%1/missed-%2.png")
                                 .arg(qEnvironmentVariable("TONGBAN_DUMP_DIR"))
                                 .arg(spec.seed));
    }
    return out;
}
} // namespace

void TestPageDetector::curledAndFoldedPagesAreFound()
{
    // GIVEN A4 forms, A5 notes and licences curled along one side (the side bows out by up to
    // 5 mm, its corners stay) or folded (the part past a crease lifted 6-20 degrees towards
    // the camera: foreshortened, magnified, darker), on the dark and a wood pad
    PageDetector detector;
    std::vector<double> curled, folded;
    for (quint32 seed = 4500; seed < 4512; ++seed) {
        Sim::SceneSpec spec;
        spec.seed = seed;
        spec.frameSeed = seed;
        const Sim::DocumentKind kinds[]
            = { Sim::DocumentKind::A4Form, Sim::DocumentKind::A5Note, Sim::DocumentKind::Licence };
        spec.kind = kinds[seed % 3];
        if (seed % 4 == 1)
            spec.padColour = QColor(150, 105, 70);
        const bool curl = seed % 2 == 0;
        if (curl) {
            spec.curlMm = 2 + (seed % 5) * 0.7;
            spec.curlSide = int(seed / 2 % 4);
        } else {
            spec.foldDeg = 6 + (seed % 6) * 2.5;
            spec.foldAt = 0.4 + (seed % 3) * 0.1;
            spec.foldSide = int(seed / 2 % 4);
        }
        // WHEN detecting
        const double iou = detectionIous(detector, spec).front();
        (curl ? curled : folded).push_back(iou);
    }
    // THEN each is found, its corners where the page's corners are seen (the outline is not
    // a quad any more, so the IoU cannot reach 1)
    qInfo("curled: min IoU %.4f mean %.4f; folded: min IoU %.4f mean %.4f",
        *std::min_element(curled.begin(), curled.end()), meanOf(curled),
        *std::min_element(folded.begin(), folded.end()), meanOf(folded));
    QVERIFY(*std::min_element(curled.begin(), curled.end()) >= 0.95);
    QVERIFY(*std::min_element(folded.begin(), folded.end()) >= 0.90);
    QVERIFY(meanOf(folded) >= 0.95);
}

void TestPageDetector::pageUnderASoftShadowIsFound()
{
    // GIVEN white and tinted pages on mid grey, wood and light grey pads with a soft shadow
    // (a hand or the lamp's arm, 35-50 % deep) across part of the frame: the border's median
    // may be the shadowed pad, so a level threshold takes the lit pad for paper
    PageDetector detector;
    std::vector<double> ious;
    for (quint32 seed = 4600; seed < 4612; ++seed) {
        Sim::SceneSpec spec;
        spec.seed = seed;
        spec.frameSeed = seed;
        spec.kind = seed % 3 ? Sim::DocumentKind::A4Form : Sim::DocumentKind::Licence;
        const QColor pads[]
            = { QColor(150, 150, 152), QColor(150, 105, 70), QColor(200, 200, 202) };
        spec.padColour = pads[seed % 3];
        spec.whiteOnWhite = spec.padColour.lightness() > 180;
        if (seed % 2)
            spec.paperTint = QColor(250, 226, 232);
        spec.shadow = 0.35 + (seed % 4) * 0.05;
        // WHEN detecting
        ious.push_back(detectionIous(detector, spec).front());
        if (ious.back() < 0.9)
            qInfo("  seed %u: IoU %.3f", seed, ious.back());
    }
    // THEN the page is found in (nearly) every frame
    const double missed
        = double(std::count_if(ious.begin(), ious.end(), [](double v) { return v < 0.5; }));
    qInfo("soft shadow: mean IoU %.4f, min %.4f, missed %.0f of %d", meanOf(ious),
        *std::min_element(ious.begin(), ious.end()), missed, int(ious.size()));
    QVERIFY(missed <= 2);
    QVERIFY(meanOf(ious) >= 0.88);
}

void TestPageDetector::tintedPagesOnLightPadsAreFound()
{
    // GIVEN pale blue, pale green, pink and cream pages on light grey and near-white pads:
    // they differ from the pad by colour more than by brightness
    PageDetector detector;
    std::vector<double> ious;
    const QColor tints[] = { QColor(222, 235, 250), QColor(226, 246, 226), QColor(250, 226, 232),
        QColor(250, 243, 220) };
    for (quint32 seed = 4700; seed < 4716; ++seed) {
        Sim::SceneSpec spec;
        spec.seed = seed;
        spec.frameSeed = seed;
        spec.kind = seed % 4 == 3 ? Sim::DocumentKind::A5Note : Sim::DocumentKind::A4Form;
        spec.paperTint = tints[seed % 4];
        spec.padColour = seed % 2 ? QColor(236, 236, 232) : QColor(200, 200, 202);
        spec.whiteOnWhite = true;
        spec.jpegQuality = 85;
        // WHEN detecting
        ious.push_back(detectionIous(detector, spec).front());
    }
    // THEN every page is found
    qInfo("tinted on light pads: mean IoU %.4f, min %.4f", meanOf(ious),
        *std::min_element(ious.begin(), ious.end()));
    QVERIFY(*std::min_element(ious.begin(), ious.end()) >= 0.9);
    QVERIFY(meanOf(ious) >= 0.97);
}

QTEST_MAIN(TestPageDetector)
#include "tst_pagedetector.moc"

void TestPageDetector::dimOrangeAndShadowedPagesAreFound()
{
    // GIVEN three kinds of frame the broadened tuning split missed (issue 18): white pages on
    // near-white and light grey pads in low light (exposure 0.45-0.55, noise 2.5x: the pad
    // reads as a dark one); orange paper on light, mid grey and wood pads (as red over blue
    // as a hand); pink and lavender pages on a near-white pad half in a soft shadow
    PageDetector detector;
    struct Group
    {
        const char *name;
        std::vector<double> ious;
    };
    Group groups[3] = { { "low light", {} }, { "orange paper", {} }, { "tinted in shadow", {} } };
    const QColor nearWhite(236, 236, 232), lightGrey(200, 200, 202);
    for (quint32 seed = 4700; seed < 4706; ++seed) {
        Sim::SceneSpec dim;
        dim.seed = dim.frameSeed = seed;
        dim.kind = seed % 2 ? Sim::DocumentKind::A5Note : Sim::DocumentKind::A4Form;
        dim.padColour = seed % 3 ? nearWhite : lightGrey;
        dim.whiteOnWhite = true;
        dim.lightLevel = 0.45 + 0.02 * (seed % 6);
        dim.noiseSigma = 2.5 * 2.5;
        dim.jpegQuality = 85;
        Sim::SceneSpec orange;
        orange.seed = orange.frameSeed = seed + 10;
        orange.kind = seed % 2 ? Sim::DocumentKind::A4Form : Sim::DocumentKind::A5Note;
        orange.paperTint = QColor(250, 205, 150);
        const QColor pads[] = { nearWhite, lightGrey, QColor(150, 150, 152), QColor(150, 105, 70) };
        orange.padColour = pads[seed % 4];
        orange.whiteOnWhite = orange.padColour.lightness() > 180;
        Sim::SceneSpec shaded;
        shaded.seed = shaded.frameSeed = seed + 20;
        shaded.kind = Sim::DocumentKind::A4Form;
        shaded.paperTint = seed % 2 ? QColor(250, 226, 232) : QColor(232, 222, 250);
        shaded.padColour = nearWhite;
        shaded.whiteOnWhite = true;
        shaded.shadow = 0.35 + 0.03 * (seed % 4);
        // WHEN detecting
        int g = 0;
        for (const Sim::SceneSpec &spec : { dim, orange, shaded }) {
            groups[g].ious.push_back(detectionIous(detector, spec).front());
            if (groups[g].ious.back() < 0.9)
                qInfo("  %s seed %u: IoU %.3f", groups[g].name, spec.seed, groups[g].ious.back());
            ++g;
        }
    }
    // THEN every page is found in every group (before the low-light, orange-paper and
    // log-chromaticity fallbacks 3, 3 and 6 of the 6 frames were missed; after: min IoU
    // 0.957, 0.987, 0.996)
    for (const Group &group : groups) {
        qInfo("%s: mean IoU %.4f, min %.4f", group.name, meanOf(group.ious),
            *std::min_element(group.ious.begin(), group.ious.end()));
        QVERIFY2(*std::min_element(group.ious.begin(), group.ious.end()) >= 0.9, group.name);
    }
}

void TestPageDetector::orangePageUnderAHandAndTwoDocumentsInShadow()
{
    // GIVEN two kinds of frame the broadened tuning split missed (issue 18): an orange page
    // held by a hand of nearly its colour (the hand joins the page's region, whose outline
    // is then no quad) on near-white, light grey and mid grey pads; and a page with a
    // tinted document beside it, a soft shadow across the frame (the page is found first
    // and the second document only by a later pass)
    PageDetector detector;
    std::vector<double> hand, two;
    const QColor pads[] = { QColor(236, 236, 232), QColor(200, 200, 202), QColor(150, 150, 152) };
    const QColor tints[] = { QColor(250, 205, 150), QColor(250, 240, 160), QColor(226, 246, 226),
        QColor(250, 226, 232) };
    for (quint32 seed = 4800; seed < 4812; ++seed) {
        Sim::SceneSpec held;
        held.seed = held.frameSeed = seed;
        const Sim::DocumentKind kinds[] = { Sim::DocumentKind::A4Form, Sim::DocumentKind::A5Note,
            Sim::DocumentKind::IdCardBack };
        held.kind = kinds[seed % 3];
        held.paperTint = QColor(250, 205, 150);
        held.hand = true;
        held.padColour = pads[seed / 3 % 3];
        held.whiteOnWhite = held.padColour.lightness() > 180;
        held.jpegQuality = 85;
        Sim::SceneSpec side;
        side.seed = side.frameSeed = seed + 20;
        side.kind = seed % 2 ? Sim::DocumentKind::IdCardFront : Sim::DocumentKind::IdCardBack;
        side.documentCount = 2;
        side.paperTint = tints[seed % 4];
        side.padColour = pads[seed / 4 % 3];
        side.whiteOnWhite = side.padColour.lightness() > 180;
        side.shadow = 0.3 + 0.05 * (seed % 4);
        // WHEN detecting
        hand.push_back(detectionIous(detector, held).front());
        if (hand.back() < 0.9)
            qInfo("  orange under a hand, seed %u: IoU %.3f", seed, hand.back());
        for (double iou : detectionIous(detector, side)) {
            two.push_back(iou);
            if (iou < 0.9)
                qInfo("  two documents in shadow, seed %u: IoU %.3f", side.seed, iou);
        }
    }
    // THEN every page and document is found
    qInfo("orange under a hand: mean IoU %.4f, min %.4f; two documents in shadow: mean IoU "
          "%.4f, min %.4f",
        meanOf(hand), *std::min_element(hand.begin(), hand.end()), meanOf(two),
        *std::min_element(two.begin(), two.end()));
    QVERIFY(*std::min_element(hand.begin(), hand.end()) >= 0.9);
    QVERIFY(*std::min_element(two.begin(), two.end()) >= 0.9);
}

void TestPageDetector::pageHalfInADeepShadowIsFoundWhole()
{
    // GIVEN pages on a mid grey pad with a deep shadow (50-60 %) across part of the frame: in
    // the shadow the page is no brighter than the lit pad, and against the local light the
    // page falls apart into its lit and its shaded part, each of no size class (the tuning
    // split's frame 50063, found only in its lit part, with other sensor noise; and A4 and A5
    // pages on the same pad)
    PageDetector detector;
    std::vector<double> ious;
    for (quint32 seed = 4900; seed < 4912; ++seed) {
        Sim::SceneSpec spec;
        if (seed < 4904) {
            spec = Sim::broadScene(50063);
            spec.frameSeed = seed;
        } else {
            spec.seed = spec.frameSeed = seed;
            spec.kind = seed % 2 ? Sim::DocumentKind::A5Note : Sim::DocumentKind::A4Form;
            spec.padColour = QColor(150, 150, 152);
            if (seed % 3 == 0)
                spec.paperTint = QColor(250, 243, 220);
            spec.shadow = 0.5 + 0.025 * (seed % 5);
        }
        // WHEN detecting
        ious.push_back(detectionIous(detector, spec).front());
        if (ious.back() < 0.9)
            qInfo("  seed %u: IoU %.3f", seed, ious.back());
    }
    // THEN the whole page is found every time
    qInfo("half in a deep shadow: mean IoU %.4f, min %.4f", meanOf(ious),
        *std::min_element(ious.begin(), ious.end()));
    QVERIFY(*std::min_element(ious.begin(), ious.end()) >= 0.9);
}
