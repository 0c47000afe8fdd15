// tongban-cli imaging detect|process and devices list: what IT staff use to check a
// document camera or scanner and the capture pipeline on real pictures.
#include "Commands.h"

#include <imaging/CapturePipeline.h>
#include <imaging/Codec.h>
#include <imaging/ImagingErrors.h>
#include <imaging/PageDetector.h>
#include <imaging/QualityGate.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <cmath>
#include <drivers/api/DeviceFactory.h>

namespace Tongban::Cli {

namespace {

struct LoadedFile
{
    QByteArray bytes;
    QImage image;
    double decodeMs = 0;
};

/// Reads and decodes \a path; prints the reason and returns false when it cannot.
bool loadImage(const QString &path, LoadedFile *loaded, QJsonObject *report, const CliOutput &out)
{
    QElapsedTimer t;
    t.start();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString message = Tr::tr("Cannot read %1: %2").arg(path, file.errorString());
        out.error(message);
        report->insert(QStringLiteral("error"), message);
        return false;
    }
    loaded->bytes = file.readAll();
    auto decoded = Imaging::decodeImage(loaded->bytes);
    if (!decoded || decoded->isNull()) {
        const QString message
            = Tr::tr("%1 is not a picture this program can read (JPEG, PNG, TIFF or BMP).")
                  .arg(path);
        out.error(message);
        report->insert(QStringLiteral("error"), message);
        return false;
    }
    loaded->image = std::move(decoded).value();
    loaded->decodeMs = t.nsecsElapsed() / 1e6;
    report->insert(QStringLiteral("width"), loaded->image.width());
    report->insert(QStringLiteral("height"), loaded->image.height());
    return true;
}

double roundMs(double ms)
{
    return std::round(ms * 10) / 10;
}

QString cornersText(const Imaging::PageQuad &quad)
{
    QStringList points;
    for (const QPointF &p : quad.corners)
        points << QStringLiteral("(%1, %2)").arg(p.x(), 0, 'f', 1).arg(p.y(), 0, 'f', 1);
    return points.join(QLatin1Char(' '));
}

void printQuad(int index, const Imaging::PageQuad &quad, const CliOutput &out)
{
    out.human(Tr::tr("  page %1: %2 %3, confidence %4, corners %5")
                  .arg(index)
                  .arg(Imaging::sizeClassName(quad.sizeClass),
                      quad.landscape ? Tr::tr("landscape") : Tr::tr("portrait"))
                  .arg(quad.confidence, 0, 'f', 2)
                  .arg(cornersText(quad)));
}

void printVerdict(const Imaging::QualityVerdict &verdict, const CliOutput &out)
{
    if (verdict.passed()) {
        out.human(Tr::tr("    quality: good (blur %1 mm, %2 dpi)")
                      .arg(verdict.blurMm, 0, 'f', 2)
                      .arg(std::lround(verdict.effectiveDpi)));
        return;
    }
    for (Imaging::QualityIssue issue : verdict.issues)
        out.human(QStringLiteral("    %1: %2")
                      .arg(Imaging::qualityIssueName(issue), Imaging::qualityIssueMessage(issue)));
}

bool parseMode(const QString &name, Imaging::EnhanceMode *mode)
{
    if (name == QLatin1String("colour") || name == QLatin1String("color"))
        *mode = Imaging::EnhanceMode::Colour;
    else if (name == QLatin1String("grey") || name == QLatin1String("gray"))
        *mode = Imaging::EnhanceMode::Grey;
    else if (name == QLatin1String("bw"))
        *mode = Imaging::EnhanceMode::BlackWhite;
    else if (name == QLatin1String("auto"))
        *mode = Imaging::EnhanceMode::Auto;
    else
        return false;
    return true;
}

bool checkOptions(const QStringList &files, const ImagingOptions &options, const CliOutput &out,
    const QString &usage)
{
    Imaging::EnhanceMode mode;
    if (files.isEmpty() || options.dpi < 50 || options.dpi > 1200
        || !parseMode(options.mode, &mode)) {
        out.error(usage);
        return false;
    }
    return true;
}

struct Detection
{
    QImage small; ///< the copy detection ran on
    QList<Imaging::PageQuad> quads; ///< in small's pixels
};

/// Pages on a copy about 1024 pixels wide, as the pipeline detects them.
Detection detectOnSmall(const QImage &image)
{
    Detection d;
    d.small = image.width() > 1024 ? image.scaledToWidth(1024, Qt::SmoothTransformation) : image;
    d.quads = Imaging::PageDetector().detect(d.small);
    return d;
}

int exitCodeFor(bool ioError, bool failed)
{
    return ioError ? Usage : (failed ? Invalid : Ok);
}

} // namespace

int imagingDetect(const QStringList &files, const ImagingOptions &options, const CliOutput &out)
{
    if (!checkOptions(files, options, out,
            Tr::tr("Usage: tongban-cli imaging detect FILE... [--dpi N] [--json]")))
        return Usage;
    bool ioError = false;
    bool failed = false;
    QJsonArray reports;
    for (const QString &path : files) {
        QJsonObject report { { QStringLiteral("file"), path } };
        LoadedFile loaded;
        if (!loadImage(path, &loaded, &report, out)) {
            ioError = true;
            report.insert(QStringLiteral("ok"), false);
            reports.append(report);
            continue;
        }
        out.human(QStringLiteral("%1: %2x%3")
                      .arg(path)
                      .arg(loaded.image.width())
                      .arg(loaded.image.height()));
        QElapsedTimer t;
        t.start();
        // Detect on a copy about 1024 pixels wide, as the pipeline does, then refine
        // each page on the full picture.
        const Detection found = detectOnSmall(loaded.image);
        const double factor = double(loaded.image.width()) / found.small.width();
        const double radius = std::max(4.0, 2.0 * loaded.image.width() / 1024.0);
        QList<Imaging::PageQuad> quads;
        for (const Imaging::PageQuad &q : found.quads)
            quads << Imaging::PageDetector::refine(loaded.image, q.scaled(factor), radius);
        const double detectMs = t.nsecsElapsed() / 1e6;
        t.restart();
        QJsonArray pages;
        int index = 0;
        bool filePassed = !quads.isEmpty();
        for (const Imaging::PageQuad &quad : quads) {
            const QImage page = Imaging::rectifyPage(loaded.image, quad, options.dpi);
            const Imaging::QualityVerdict verdict
                = Imaging::QualityGate().assessPage(page, options.dpi, quad, loaded.image.size());
            filePassed = filePassed && verdict.passed();
            printQuad(++index, quad, out);
            printVerdict(verdict, out);
            QJsonObject p = quad.toJson();
            p.insert(QStringLiteral("verdict"), verdict.toJson());
            pages.append(p);
        }
        const double gateMs = t.nsecsElapsed() / 1e6;
        if (quads.isEmpty())
            out.human(QString(QStringLiteral("  ")
                + Tr::tr("No page was found. Lay the page on the pad, inside the camera's view, "
                         "then capture again.")));
        out.human(Tr::tr("  timings: decode %1 ms, detect %2 ms, gate %3 ms")
                      .arg(roundMs(loaded.decodeMs))
                      .arg(roundMs(detectMs))
                      .arg(roundMs(gateMs)));
        failed = failed || !filePassed;
        report.insert(QStringLiteral("ok"), filePassed);
        report.insert(QStringLiteral("pages"), pages);
        report.insert(QStringLiteral("timings"),
            QJsonObject { { QStringLiteral("decodeMs"), roundMs(loaded.decodeMs) },
                { QStringLiteral("detectMs"), roundMs(detectMs) },
                { QStringLiteral("gateMs"), roundMs(gateMs) } });
        reports.append(report);
    }
    out.emitJson({ { QStringLiteral("command"), QStringLiteral("imaging detect") },
        { QStringLiteral("dpi"), options.dpi }, { QStringLiteral("files"), reports },
        { QStringLiteral("ok"), !ioError && !failed } });
    return exitCodeFor(ioError, failed);
}

int imagingProcess(const QStringList &files, const ImagingOptions &options, const CliOutput &out)
{
    const QString usage = Tr::tr("Usage: tongban-cli imaging process FILE... [--out DIR] "
                                 "[--pdf FILE] [--dpi N] [--mode colour|grey|bw|auto] [--json]");
    if (!checkOptions(files, options, out, usage))
        return Usage;
    Imaging::ProcessOptions process;
    process.dpi = options.dpi;
    parseMode(options.mode, &process.mode);
    const QString outDir = options.outDir.isEmpty() ? QDir::currentPath() : options.outDir;
    if (!QDir().mkpath(outDir)) {
        out.error(Tr::tr("Cannot create the folder %1.").arg(outDir));
        return Usage;
    }
    bool ioError = false;
    bool failed = false;
    QJsonArray reports;
    QList<QImage> pdfPages;
    for (const QString &path : files) {
        QJsonObject report { { QStringLiteral("file"), path } };
        LoadedFile loaded;
        if (!loadImage(path, &loaded, &report, out)) {
            ioError = true;
            report.insert(QStringLiteral("ok"), false);
            reports.append(report);
            continue;
        }
        out.human(QStringLiteral("%1: %2x%3")
                      .arg(path)
                      .arg(loaded.image.width())
                      .arg(loaded.image.height()));
        Imaging::StillInput input;
        // A JPEG goes in as bytes: the pipeline decodes it with libjpeg-turbo (and reduced
        // for detection), as it does for a camera's still.
        if (loaded.bytes.startsWith("\xFF\xD8"))
            input.jpeg = loaded.bytes;
        else
            input.image = loaded.image;
        // One page: the pipeline finds it itself. Several (two cards side by side): each
        // goes through the pipeline with its quad, as the preview's quad would.
        QElapsedTimer detectTimer;
        detectTimer.start();
        const Detection found = detectOnSmall(loaded.image);
        const double detectMs = detectTimer.nsecsElapsed() / 1e6;
        QList<Imaging::StillInput> inputs;
        if (found.quads.size() <= 1) {
            inputs << input;
        } else {
            for (const Imaging::PageQuad &quad : found.quads) {
                Imaging::StillInput one = input;
                one.previewQuad = quad;
                one.previewSize = found.small.size();
                inputs << one;
            }
        }
        bool filePassed = true;
        QJsonArray pagesJson;
        for (int k = 0; k < inputs.size(); ++k) {
            const auto result = Imaging::processStill(inputs.at(k), process);
            if (!result) {
                filePassed = false;
                out.human(QString(QStringLiteral("  ") + result.error().message));
                report.insert(QStringLiteral("error"), result.error().message);
                continue;
            }
            Imaging::ProcessedPage page = *result;
            if (input.jpeg.isEmpty()) // decoded here, not in the pipeline: count it as its decode
                page.timings.decodeMs = loaded.decodeMs;
            if (inputs.size() > 1)
                page.timings.detectMs += detectMs;
            const QString suffix = page.mediaType == QLatin1String("image/png")
                ? QStringLiteral("png")
                : QStringLiteral("jpg");
            const QString name = inputs.size() > 1
                ? QStringLiteral("%1-page%2.%3")
                      .arg(QFileInfo(path).completeBaseName())
                      .arg(k + 1)
                      .arg(suffix)
                : QStringLiteral("%1-page.%2").arg(QFileInfo(path).completeBaseName(), suffix);
            const QString target = QDir(outDir).filePath(name);
            QFile file(target);
            if (!file.open(QIODevice::WriteOnly) || file.write(page.encoded) != page.encoded.size()
                || !file.flush()) {
                out.error(Tr::tr("Cannot write %1: %2").arg(target, file.errorString()));
                ioError = true;
                filePassed = false;
                continue;
            }
            file.close();
            pdfPages << page.page;
            printQuad(k + 1, page.quad, out);
            printVerdict(page.verdict, out);
            out.human(Tr::tr("  written: %1 (%2, %3 KB, %4, %5x%6)")
                          .arg(target, page.mediaType)
                          .arg((page.encoded.size() + 1023) / 1024)
                          .arg(Imaging::enhanceModeName(page.mode))
                          .arg(page.page.width())
                          .arg(page.page.height()));
            const Imaging::StageTimings &ms = page.timings;
            out.human(Tr::tr("  timings: decode %1 ms, detect %2 ms, refine %3 ms, warp %4 ms, "
                             "gate %5 ms, enhance %6 ms, encode %7 ms, total %8 ms")
                          .arg(roundMs(ms.decodeMs))
                          .arg(roundMs(ms.detectMs))
                          .arg(roundMs(ms.refineMs))
                          .arg(roundMs(ms.warpMs))
                          .arg(roundMs(ms.gateMs))
                          .arg(roundMs(ms.enhanceMs))
                          .arg(roundMs(ms.encodeMs))
                          .arg(roundMs(ms.totalMs())));
            filePassed = filePassed && page.verdict.passed();
            QJsonObject p = page.toJson();
            p.insert(QStringLiteral("output"), target);
            pagesJson.append(p);
        }
        failed = failed || !filePassed;
        report.insert(QStringLiteral("ok"), filePassed);
        report.insert(QStringLiteral("pages"), pagesJson);
        reports.append(report);
    }
    QJsonObject summary { { QStringLiteral("command"), QStringLiteral("imaging process") },
        { QStringLiteral("dpi"), options.dpi }, { QStringLiteral("mode"), options.mode },
        { QStringLiteral("outDir"), outDir }, { QStringLiteral("files"), reports } };
    if (!options.pdfPath.isEmpty() && !pdfPages.isEmpty()) {
        const Core::Status pdf = Imaging::writePdf(options.pdfPath, pdfPages, options.dpi);
        if (!pdf) {
            out.error(pdf.error().toString());
            ioError = true;
        } else {
            out.human(
                Tr::tr("PDF: %1 (%n page(s))", nullptr, int(pdfPages.size())).arg(options.pdfPath));
            summary.insert(QStringLiteral("pdf"), options.pdfPath);
            summary.insert(QStringLiteral("pdfPages"), int(pdfPages.size()));
        }
    }
    summary.insert(QStringLiteral("ok"), !ioError && !failed);
    out.emitJson(summary);
    return exitCodeFor(ioError, failed);
}

int devicesList(const CliOutput &out)
{
    auto registry = Drivers::createDeviceRegistry();
    const QJsonObject dump = registry->toJson();
    for (const QJsonValue &value : dump.value(QStringLiteral("backends")).toArray()) {
        const QJsonObject b = value.toObject();
        const QString name = b.value(QStringLiteral("name")).toString();
        if (b.value(QStringLiteral("skippedForFakeDevices")).toBool()) {
            out.human(Tr::tr("%1: skipped (TONGBAN_FAKE_DEVICES=1)").arg(name));
            continue;
        }
        const QString reason = b.value(QStringLiteral("unavailableReason")).toString();
        if (!reason.isEmpty()) {
            out.human(Tr::tr("%1: not available (%2)").arg(name, reason));
            continue;
        }
        const QJsonArray sources = b.value(QStringLiteral("sources")).toArray();
        if (sources.isEmpty()) {
            out.human(
                QStringLiteral("%1: %2").arg(name, b.value(QStringLiteral("message")).toString()));
            continue;
        }
        for (const QJsonValue &s : sources) {
            const QJsonObject source = s.toObject();
            out.human(QStringLiteral("%1: %2  %3")
                          .arg(name, source.value(QStringLiteral("id")).toString(),
                              source.value(QStringLiteral("name")).toString()));
        }
    }
    out.emitJson(dump);
    return Ok;
}

} // namespace Tongban::Cli
