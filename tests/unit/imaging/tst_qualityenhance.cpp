// Quality gate, enhancement and encoding targets of the capture issue, measured on
// simulated 13 MP stills (figures printed with qInfo):
// - blur gate: rejects >= 95% of frames blurred with sigma >= 3 px (13 MP pixels) and
//   accepts >= 95% with sigma <= 1 px;
// - whitened paper: mean >= 245, standard deviation <= 5;
// - seal colour: CIE76 Delta E < 10 against the simulator's seal red;
// - A4 at 200 dpi: colour JPEG <= 200 KB, black-and-white <= 50 KB;
// - processStill() turns a 13 MP JPEG into a page; CaptureWorker cancels.
#include "TestTime.h"

#include <imaging/CapturePipeline.h>
#include <imaging/CaptureWorker.h>
#include <imaging/Codec.h>
#include <imaging/Enhancer.h>
#include <imaging/ImagingErrors.h>
#include <imaging/QualityGate.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <drivers/sim/SimScene.h>
#include <numeric>

using namespace Tongban;
using namespace Tongban::Drivers;
using namespace Tongban::Imaging;
using Tongban::Testing::scaledTimeout;

namespace {

constexpr double kStillPxPerMm = Sim::kStillWidth / Sim::kPadWidthMm;
const QSize kStillSize(Sim::kStillWidth, Sim::kStillHeight);
constexpr int kDpi = 200;
// The simulator's seal ink (drivers/sim/internal/DocumentArt.cpp) and paper.
constexpr double kSealRgb[3] = { 205, 30, 35 };

PageQuad truthQuad(const Sim::DocumentTruth &truth)
{
    PageQuad q;
    q.corners = truth.corners;
    q.confidence = 1;
    switch (truth.kind) {
    case Sim::DocumentKind::A4Form:
    case Sim::DocumentKind::Licence:
        q.sizeClass = SizeClass::A4;
        break;
    case Sim::DocumentKind::A5Note:
        q.sizeClass = SizeClass::A5;
        break;
    case Sim::DocumentKind::IdCardFront:
    case Sim::DocumentKind::IdCardBack:
        q.sizeClass = SizeClass::IdCard;
        break;
    case Sim::DocumentKind::Invalid:
        break;
    }
    q.landscape = truth.sizeMm.width() > truth.sizeMm.height();
    return q;
}

// sRGB (0-255) to CIE L*a*b* (D65).
std::array<double, 3> toLab(const double rgb[3])
{
    double lin[3];
    for (int i = 0; i < 3; ++i) {
        const double c = rgb[i] / 255.0;
        lin[i] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    }
    const double x = (0.4124564 * lin[0] + 0.3575761 * lin[1] + 0.1804375 * lin[2]) / 0.95047;
    const double y = 0.2126729 * lin[0] + 0.7151522 * lin[1] + 0.0721750 * lin[2];
    const double z = (0.0193339 * lin[0] + 0.1191920 * lin[1] + 0.9503041 * lin[2]) / 1.08883;
    auto f = [](double t) {
        return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    };
    return { 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)) };
}

double deltaE76(const double a[3], const double b[3])
{
    const auto la = toLab(a), lb = toLab(b);
    return std::sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1])
        + (la[2] - lb[2]) * (la[2] - lb[2]));
}

// Mean and standard deviation of the grey level over \a rectMm of a page at kDpi.
void paperStats(const QImage &page, const QRectF &rectMm, double *mean, double *sd)
{
    const QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
    const double s = kDpi / 25.4;
    const int x0 = int(rectMm.left() * s), x1 = int(rectMm.right() * s);
    const int y0 = int(rectMm.top() * s), y1 = int(rectMm.bottom() * s);
    double sum = 0, sum2 = 0;
    qint64 n = 0;
    for (int y = std::max(0, y0); y < std::min(grey.height(), y1); ++y) {
        const uchar *row = grey.constScanLine(y);
        for (int x = std::max(0, x0); x < std::min(grey.width(), x1); ++x) {
            sum += row[x];
            sum2 += double(row[x]) * row[x];
            ++n;
        }
    }
    *mean = n ? sum / double(n) : 0;
    *sd = n ? std::sqrt(std::max(0.0, sum2 / double(n) - *mean * *mean)) : 0;
}

// Median colour of a disc of \a radiusMm around \a centreMm (the seal's filled star).
void discMedian(const QImage &page, QPointF centreMm, double radiusMm, double out[3])
{
    const QImage rgb = page.convertToFormat(QImage::Format_RGB888);
    const double s = kDpi / 25.4;
    const QPointF c = centreMm * s;
    const double r = radiusMm * s;
    std::vector<int> ch[3];
    for (int y = int(c.y() - r); y <= int(c.y() + r); ++y) {
        if (y < 0 || y >= rgb.height())
            continue;
        const uchar *row = rgb.constScanLine(y);
        for (int x = int(c.x() - r); x <= int(c.x() + r); ++x) {
            if (x < 0 || x >= rgb.width() || std::hypot(x - c.x(), y - c.y()) > r)
                continue;
            for (int i = 0; i < 3; ++i)
                ch[i].push_back(row[3 * x + i]);
        }
    }
    for (int i = 0; i < 3; ++i) {
        auto &v = ch[i];
        if (v.empty()) {
            out[i] = 0;
            continue;
        }
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        out[i] = v[v.size() / 2];
    }
}

struct BlurCase
{
    quint32 seed;
    double sigmaPx; // at 13 MP
};

struct BlurResult
{
    double sigmaPx = 0;
    double blurMm = 0;
    bool rejected = false;
};

BlurResult runBlurCase(const BlurCase &c)
{
    const Sim::DocumentKind kinds[] = { Sim::DocumentKind::A4Form, Sim::DocumentKind::A5Note,
        Sim::DocumentKind::Licence, Sim::DocumentKind::IdCardFront, Sim::DocumentKind::A4Form };
    Sim::SceneSpec spec;
    spec.seed = c.seed;
    spec.frameSeed = c.seed;
    spec.kind = kinds[c.seed % 5];
    spec.blurSigmaMm = c.sigmaPx / kStillPxPerMm;
    spec.jpegQuality = 90;
    spec.noiseSigma = 1.5 + (c.seed % 4) * 0.8;
    const Sim::SimFrame frame = Sim::renderScene(spec, kStillSize);
    const QImage page = rectifyPage(frame.image, truthQuad(frame.documents.first()), kDpi);
    const QualityVerdict v = QualityGate().assessPage(page, kDpi);
    return { c.sigmaPx, v.blurMm, v.issues.contains(QualityIssue::Blurred) };
}

} // namespace

class TestQualityEnhance : public QObject
{
    Q_OBJECT
private slots:
    void blurGateSeparatesSharpFromBlurred();
    void whiteningSealsAndSizes();
    void captureWorkerCancels();
    void jpegWithinFindsTheBestQualityThatFits();
    void stillDecodesOnlyThePagesPart();
    void earlyThumbnailIsTheRectifiedPage();
};

void TestQualityEnhance::blurGateSeparatesSharpFromBlurred()
{
    // GIVEN 13 MP stills of varied documents, sharp (sigma <= 1 px) and blurred (>= 3 px)
    QList<BlurCase> cases;
    const double sharp[] = { 0, 0.5, 0.8, 1.0 };
    const double blurred[] = { 3.0, 3.5, 4.5, 6.0 };
    for (quint32 i = 0; i < 20; ++i) {
        cases.append({ 300 + i, sharp[i % 4] });
        cases.append({ 400 + i, blurred[i % 4] });
    }
    // WHEN each is rectified at 200 dpi and gated
    const QList<BlurResult> results = QtConcurrent::blockingMapped(cases, runBlurCase);
    // THEN the gate rejects the blurred and accepts the sharp
    int sharpN = 0, sharpOk = 0, blurN = 0, blurOk = 0;
    double sharpMax = 0, blurMin = 1e9;
    for (const BlurResult &r : results) {
        if (r.sigmaPx <= 1) {
            ++sharpN;
            sharpOk += !r.rejected;
            sharpMax = std::max(sharpMax, r.blurMm);
        } else {
            ++blurN;
            blurOk += r.rejected;
            blurMin = std::min(blurMin, r.blurMm);
        }
    }
    const double sharpShare = double(sharpOk) / sharpN, blurShare = double(blurOk) / blurN;
    qInfo("blur gate: accepts %d/%d sharp (sigma <= 1 px, %.1f%%, target >= 95%%; max estimate "
          "%.3f mm), rejects %d/%d blurred (sigma >= 3 px, %.1f%%, target >= 95%%; min estimate "
          "%.3f mm); threshold %.3f mm",
        sharpOk, sharpN, 100 * sharpShare, sharpMax, blurOk, blurN, 100 * blurShare, blurMin,
        QualityGate::Thresholds().maxBlurMm);
    QVERIFY(sharpShare >= 0.95);
    QVERIFY(blurShare >= 0.95);
}

void TestQualityEnhance::whiteningSealsAndSizes()
{
    // GIVEN 13 MP JPEG stills of sealed A4 forms (the three templates) and an A5 note
    struct Doc
    {
        Sim::DocumentKind kind;
        quint32 seed;
        QPointF sealMm;
        QList<QRectF> paperMm; // blank margins of the template
    };
    const QList<QRectF> a4Margins = { QRectF(5, 50, 10, 180), QRectF(195, 50, 10, 180) };
    const QList<Doc> docs = { { Sim::DocumentKind::A4Form, 30, { 150, 250 }, a4Margins },
        { Sim::DocumentKind::A4Form, 31, { 150, 250 }, a4Margins },
        { Sim::DocumentKind::A4Form, 32, { 150, 250 }, a4Margins },
        { Sim::DocumentKind::A5Note, 33, { 105, 175 },
            { QRectF(5, 140, 40, 60), QRectF(130, 40, 12, 100) } } };
    double worstMean = 255, worstSd = 0, worstDeltaE = 0;
    qint64 worstColour = 0, worstBw = 0;
    for (const Doc &d : docs) {
        Sim::SceneSpec spec;
        spec.seed = d.seed;
        spec.frameSeed = d.seed;
        spec.kind = d.kind;
        spec.jpegQuality = 92;
        const Sim::SimFrame frame = Sim::renderScene(spec, kStillSize);
        StillInput input;
        input.jpeg = frame.jpeg;
        // WHEN processed in colour and in black and white (the page detected on the still)
        ProcessOptions colourOptions;
        colourOptions.mode = EnhanceMode::Colour;
        const auto colour = processStill(input, colourOptions);
        QVERIFY2(colour.ok(), qPrintable(colour.ok() ? QString() : colour.error().message));
        ProcessOptions bwOptions;
        bwOptions.mode = EnhanceMode::BlackWhite;
        input.previewQuad = colour->quad; // same page, skip detection
        input.previewSize = QSize(frame.image.width(), frame.image.height());
        const auto bw = processStill(input, bwOptions);
        QVERIFY(bw.ok());
        // THEN the page is found, the paper is white, the seal stays red, the files are small
        QVERIFY(!colour->page.isNull());
        const double iou = quadIoU(colour->quad.corners, frame.documents.first().corners);
        double mean = 255, sd = 0;
        for (const QRectF &r : d.paperMm) {
            double m = 0, s = 0;
            paperStats(colour->page, r, &m, &s);
            mean = std::min(mean, m);
            worstMean = std::min(worstMean, m);
            worstSd = std::max(worstSd, s);
            sd = std::max(sd, s);
        }
        double seal[3];
        discMedian(colour->page, d.sealMm, 1.5, seal);
        const double de = deltaE76(seal, kSealRgb);
        worstDeltaE = std::max(worstDeltaE, de);
        worstColour = std::max(worstColour, qint64(colour->encoded.size()));
        worstBw = std::max(worstBw, qint64(bw->encoded.size()));
        qInfo("%s seed %u: IoU %.4f, page %dx%d, paper mean %.1f sd %.2f, seal rgb (%.0f,%.0f,"
              "%.0f) dE %.2f, colour %s %.1f KB, b/w %s %.1f KB, total %.0f ms (%s)",
            qPrintable(Sim::documentKindName(d.kind)), d.seed, iou, colour->page.width(),
            colour->page.height(), mean, sd, seal[0], seal[1], seal[2], de,
            qPrintable(colour->mediaType), colour->encoded.size() / 1024.0,
            qPrintable(bw->mediaType), bw->encoded.size() / 1024.0, colour->timings.totalMs(),
            QJsonDocument(colour->timings.toJson()).toJson(QJsonDocument::Compact).constData());
        QVERIFY(iou >= 0.98);
    }
    qInfo("whitening: worst paper mean %.1f (target >= 245), worst sd %.2f (target <= 5); worst "
          "seal dE76 %.2f (target < 10); worst colour A4 %.1f KB (target <= 200), worst b/w "
          "%.1f KB (target <= 50)",
        worstMean, worstSd, worstDeltaE, worstColour / 1024.0, worstBw / 1024.0);
    QVERIFY(worstMean >= 245);
    QVERIFY(worstSd <= 5);
    QVERIFY(worstDeltaE < 10);
    QVERIFY(worstColour <= 200 * 1024);
    QVERIFY(worstBw <= 50 * 1024);
}

void TestQualityEnhance::captureWorkerCancels()
{
    // GIVEN a worker and a 13 MP still
    Sim::SceneSpec spec;
    spec.seed = 77;
    spec.jpegQuality = 90;
    const Sim::SimFrame frame = Sim::renderScene(spec, kStillSize);
    StillInput input;
    input.jpeg = frame.jpeg;
    ProcessOptions options;
    CaptureWorker worker;
    QSignalSpy finished(&worker, &CaptureWorker::finished);
    QSignalSpy failed(&worker, &CaptureWorker::failed);
    QSignalSpy cancelled(&worker, &CaptureWorker::cancelled);

    // WHEN a run is cancelled straight away
    worker.process(input, options);
    QVERIFY(worker.isBusy());
    worker.cancel();
    QVERIFY(!worker.isBusy());
    // THEN it reports cancelled, not a page
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, scaledTimeout(10000));
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 0);

    // WHEN a run is superseded by a new still
    worker.process(input, options);
    worker.process(input, options);
    // THEN the first is cancelled and the second delivers its page
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, scaledTimeout(10000));
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 2, scaledTimeout(10000));
    QCOMPARE(failed.size(), 0);
    const auto page = finished.first().first().value<ProcessedPage>();
    QVERIFY(!page.page.isNull());
    QVERIFY(!page.encoded.isEmpty());
    QVERIFY(!worker.isBusy());
}

QTEST_MAIN(TestQualityEnhance)
void TestQualityEnhance::jpegWithinFindsTheBestQualityThatFits()
{
    // GIVEN simulated A4 and ID card pages rectified from previews (text, seals, photos), and
    // size limits from tight to loose
    for (quint32 seed : { 11u, 14u }) {
        Sim::SceneSpec spec = Sim::randomScene(seed);
        spec.documentCount = 1;
        spec.hand = false;
        const auto frame = Sim::renderScene(spec, QSize(Sim::kPreviewWidth, Sim::kPreviewHeight));
        PageQuad quad;
        quad.corners = frame.documents.first().corners;
        const QImage page = enhancePage(rectifyPage(frame.image, quad, 100), EnhanceMode::Colour);
        QVERIFY(!page.isNull());
        // The quality each limit allows, by trying every quality (sizes grow with quality).
        std::vector<qint64> sizes;
        for (int q = 30; q <= 90; ++q)
            sizes.push_back(encodeJpeg(page, q, 100)->size());
        for (const double share : { 0.9, 0.5, 0.2, 1.5 }) {
            const qint64 limit = qint64(share * double(sizes.back()));
            int expected = 30;
            for (int q = 30; q <= 90; ++q) {
                if (sizes[size_t(q - 30)] <= limit)
                    expected = q;
            }
            // WHEN the encoder searches for the best quality within the limit
            const auto within = encodeJpegWithin(page, limit, 100);
            QVERIFY(within.ok());
            // THEN it is exactly the best quality that fits (same bytes)
            QCOMPARE(within->size(), sizes[size_t(expected - 30)]);
            QCOMPARE(*within, *encodeJpeg(page, expected, 100));
        }
    }
}

void TestQualityEnhance::stillDecodesOnlyThePagesPart()
{
    // GIVEN the camera's 13 MP JPEG of an ID card and an A4 form, and the page's outline
    // found on the preview
    for (const auto kind : { Sim::DocumentKind::IdCardFront, Sim::DocumentKind::A4Form }) {
        Sim::SceneSpec spec;
        spec.seed = 8001;
        spec.frameSeed = spec.seed;
        spec.kind = kind;
        const QSize previewSize(Sim::kPreviewWidth, Sim::kPreviewHeight);
        const auto preview = Sim::renderScene(spec, previewSize);
        PageQuad previewQuad;
        previewQuad.corners = preview.documents.first().corners;
        previewQuad.sizeClass
            = kind == Sim::DocumentKind::A4Form ? SizeClass::A4 : SizeClass::IdCard;
        previewQuad.confidence = 1;
        spec.jpegQuality = 92;
        const auto still = Sim::renderScene(spec, QSize(Sim::kStillWidth, Sim::kStillHeight));
        QElapsedTimer clock;
        clock.start();
        const QImage full = *decodeJpeg(still.jpeg);
        const double fullMs = clock.nsecsElapsed() / 1e6;

        // WHEN a region is decoded alone THEN its pixels are the full decode's, where it is
        const QRect asked(1001, 517, 1203, 911);
        QPoint origin;
        QSize pictureSize;
        const auto part = decodeJpegRegion(still.jpeg, asked, &origin, &pictureSize);
        QVERIFY(part.ok());
        QCOMPARE(pictureSize, full.size());
        QCOMPARE(origin.y(), asked.y());
        QVERIFY(origin.x() <= asked.x() && origin.x() > asked.x() - 32);
        QVERIFY(QRect(origin, part->size()).contains(asked));
        QCOMPARE(part->height(), asked.height());
        // (but for the outer columns: the chroma upsampling sees the crop's edge as an edge)
        int differing = 0;
        for (int y = 0; y < part->height(); ++y) {
            differing += std::memcmp(part->constScanLine(y) + 3,
                             full.constScanLine(origin.y() + y) + (origin.x() + 1) * 3,
                             size_t(part->width() - 2) * 3)
                != 0;
        }
        QCOMPARE(differing, 0);

        // WHEN the still comes as the JPEG alone with the preview's outline (only the page's
        // part decoded) and as the decoded still with the same outline
        StillInput jpegOnly;
        jpegOnly.jpeg = still.jpeg;
        jpegOnly.previewQuad = previewQuad;
        jpegOnly.previewSize = previewSize;
        StillInput decoded = jpegOnly;
        decoded.image = full;
        const auto a = processStill(jpegOnly, ProcessOptions());
        const auto b = processStill(decoded, ProcessOptions());
        QVERIFY(a.ok() && b.ok());
        // THEN the page is the same: corners in the still's pixels, size, pixels, verdict
        const double corner = maxCornerError(a->quad.corners, b->quad.corners);
        QVERIFY2(corner < 0.01, qPrintable(QString::number(corner)));
        QCOMPARE(a->page.size(), b->page.size());
        QCOMPARE(a->page.format(), b->page.format());
        QCOMPARE(a->verdict.issues, b->verdict.issues);
        QCOMPARE(a->mode, b->mode);
        // (the warp's transform differs by the crop's offset: a level here and there)
        const int channels = a->page.format() == QImage::Format_Grayscale8 ? 1 : 3;
        double sum = 0;
        int worst = 0;
        for (int y = 0; y < a->page.height(); ++y) {
            const uchar *p = a->page.constScanLine(y), *q = b->page.constScanLine(y);
            for (int x = 0; x < a->page.width() * channels; ++x) {
                const int d = std::abs(int(p[x]) - int(q[x]));
                sum += d;
                worst = std::max(worst, d);
            }
        }
        const double meanDiff = sum / (double(a->page.width()) * a->page.height() * channels);
        qInfo("region decode %s: decode %.1f ms (whole still %.1f ms), page mean difference "
              "%.4f, max %d",
            kind == Sim::DocumentKind::A4Form ? "A4" : "ID card", a->timings.decodeMs, fullMs,
            meanDiff, worst);
        QVERIFY(meanDiff < 0.05);
        QVERIFY(worst <= 8);
    }
}

void TestQualityEnhance::earlyThumbnailIsTheRectifiedPage()
{
    // GIVEN the camera's JPEG of an A4 form and the preview's outline
    Sim::SceneSpec spec;
    spec.seed = 8003;
    spec.frameSeed = spec.seed;
    spec.kind = Sim::DocumentKind::A4Form;
    const QSize previewSize(Sim::kPreviewWidth, Sim::kPreviewHeight);
    const auto preview = Sim::renderScene(spec, previewSize);
    spec.jpegQuality = 92;
    const auto still = Sim::renderScene(spec, QSize(Sim::kStillWidth, Sim::kStillHeight));
    StillInput input;
    input.jpeg = still.jpeg;
    input.previewQuad.corners = preview.documents.first().corners;
    input.previewQuad.sizeClass = SizeClass::A4;
    input.previewSize = previewSize;
    // WHEN the early thumbnail is made
    const QImage thumb = earlyThumbnail(input, 200);
    // THEN it is the A4 page at 25 dpi (from the 1/8 decode), like the processed page scaled
    QCOMPARE(thumb.size(), QSize(207, 292));
    const auto page = processStill(input, ProcessOptions());
    QVERIFY(page.ok());
    const QImage reference = rectifyPage(*decodeJpeg(still.jpeg), page->quad, 25);
    QCOMPARE(reference.size(), thumb.size());
    const QImage a = thumb.convertToFormat(QImage::Format_Grayscale8);
    const QImage b = reference.convertToFormat(QImage::Format_Grayscale8);
    double diff = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            diff += std::abs(int(a.constScanLine(y)[x]) - int(b.constScanLine(y)[x]));
    }
    diff /= double(a.width()) * a.height();
    qInfo("early thumbnail %dx%d, mean difference to the page at 25 dpi %.1f levels", a.width(),
        a.height(), diff);
    QVERIFY(diff < 12);
    // ... and without an outline it is the whole frame at 1/8
    input.previewQuad = {};
    QCOMPARE(earlyThumbnail(input, 200).size(), QSize(Sim::kStillWidth / 8, Sim::kStillHeight / 8));
}

#include "tst_qualityenhance.moc"
