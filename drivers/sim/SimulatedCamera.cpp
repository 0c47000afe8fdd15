#include "SimulatedCamera.h"

#include <QtConcurrent/QtConcurrentRun>

#include <drivers/api/DriverErrors.h>
#include <drivers/api/Tr.h>

namespace Tongban::Drivers::Sim {

namespace {
const QString kScenario = QStringLiteral("scenario");
const QString kDocument = QStringLiteral("document");
const QString kSeed = QStringLiteral("seed");
const QString kBlur = QStringLiteral("blurTenthMm");
const QString kGlare = QStringLiteral("glare");
const QString kCutCorner = QStringLiteral("cutCorner");
const QString kHand = QStringLiteral("hand");
const QString kWhiteOnWhite = QStringLiteral("whiteOnWhite");
const QString kTwoDocuments = QStringLiteral("twoDocuments");
const QString kResolution = QStringLiteral("resolution");

DocumentKind kindFromName(const QString &name)
{
    for (auto k : { DocumentKind::A4Form, DocumentKind::A5Note, DocumentKind::IdCardFront,
             DocumentKind::IdCardBack, DocumentKind::Licence }) {
        if (documentKindName(k) == name)
            return k;
    }
    return DocumentKind::A4Form;
}
} // namespace

SimulatedCamera::SimulatedCamera(int index, QObject *parent)
    : DocumentSource(parent)
    , m_index(index)
{
    m_options.add({ kScenario, Tr::tr("Scene"), OptionType::Enum,
        { QStringLiteral("static"), QStringLiteral("moveThenSettle"), QStringLiteral("empty") },
        { Tr::tr("Page at rest"), Tr::tr("Page moves, then settles"), Tr::tr("Empty pad") },
        QStringLiteral("static"), 0, 0 });
    QVariantList kinds;
    QStringList kindLabels;
    for (auto k : { DocumentKind::A4Form, DocumentKind::A5Note, DocumentKind::IdCardFront,
             DocumentKind::IdCardBack, DocumentKind::Licence }) {
        kinds << documentKindName(k);
        kindLabels << documentKindName(k);
    }
    m_options.add({ kDocument, Tr::tr("Document"), OptionType::Enum, kinds, kindLabels,
        QStringLiteral("a4Form"), 0, 0 });
    m_options.add({ kSeed, Tr::tr("Seed"), OptionType::Int, {}, {}, 1, 0, 1000000 });
    m_options.add({ kBlur, Tr::tr("Blur (0.1 mm)"), OptionType::Int, {}, {}, 0, 0, 50 });
    m_options.add({ kGlare, Tr::tr("Glare"), OptionType::Bool, {}, {}, false, 0, 0 });
    m_options.add({ kCutCorner, Tr::tr("Cut-off corner"), OptionType::Bool, {}, {}, false, 0, 0 });
    m_options.add({ kHand, Tr::tr("Hand in frame"), OptionType::Bool, {}, {}, false, 0, 0 });
    m_options.add(
        { kWhiteOnWhite, Tr::tr("White on white"), OptionType::Bool, {}, {}, false, 0, 0 });
    m_options.add(
        { kTwoDocuments, Tr::tr("Two documents"), OptionType::Bool, {}, {}, false, 0, 0 });
    m_options.add({ kResolution, Tr::tr("Still resolution"), OptionType::Enum,
        { QStringLiteral("4160x3120"), QStringLiteral("2080x1560") },
        { QStringLiteral("4160 x 3120"), QStringLiteral("2080 x 1560") },
        QStringLiteral("4160x3120"), 0, 0 });
    m_timer.setInterval(1000 / 15);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedCamera::emitNextPreviewFrame);
    m_clock.start();
    // One thread for previews, one for a still: the simulator's rendering stands in for
    // the camera's own hardware, so it neither blocks the owner's thread nor takes the
    // global pool that the capture pipeline uses.
    m_pool.setMaxThreadCount(2);
}

SimulatedCamera::~SimulatedCamera()
{
    // m_pool's destructor waits for the renders in flight; their watchers are children.
    if (m_still)
        m_still->disconnect(this);
    if (m_preview)
        m_preview->disconnect(this);
}

SourceIdentity SimulatedCamera::identity() const
{
    return { QStringLiteral("sim:%1").arg(m_index), Tr::tr("Simulated document camera"),
        QStringLiteral("sim"), QStringLiteral("Tongban"), QStringLiteral("SimCam 13MP") };
}

SourceCapabilities SimulatedCamera::capabilities() const
{
    return { { QSize(kStillWidth, kStillHeight), QSize(kStillWidth / 2, kStillHeight / 2) },
        QSize(kPreviewWidth, kPreviewHeight), 15 };
}

Core::Error SimulatedCamera::notOpenError() const
{
    if (m_unplugged)
        return { Unplugged,
            Tr::tr("The document camera was disconnected. Reconnect it; pages already "
                   "captured are kept."),
            QStringLiteral("sim device unplugged") };
    return { NotOpen, Tr::tr("The document camera is not ready. Choose it again."),
        QStringLiteral("source not open") };
}

Core::Status SimulatedCamera::open()
{
    if (m_unplugged)
        return notOpenError();
    m_open = true;
    return {};
}

void SimulatedCamera::close()
{
    stopPreview();
    m_open = false;
    discardPreview();
    if (m_still) {
        discardStill();
        emit captureFailed({ CaptureCancelled, Tr::tr("The capture was cancelled."),
            QStringLiteral("closed during capture") });
    }
}

void SimulatedCamera::discardPreview()
{
    // Like discardStill(): a frame rendered for a closed camera is never delivered, not
    // even after a quick open() again.
    if (!m_preview)
        return;
    m_preview->disconnect(this);
    m_preview->deleteLater();
    m_preview = nullptr;
}

void SimulatedCamera::discardStill()
{
    // The render goes on in the pool (it owns copies of everything it reads); its
    // result is dropped with the watcher instead of blocking the owner's thread.
    m_still->disconnect(this);
    m_still->deleteLater();
    m_still = nullptr;
}

QList<OptionDescriptor> SimulatedCamera::options() const
{
    return m_options.descriptors();
}

QVariant SimulatedCamera::option(const QString &id) const
{
    return m_options.value(id);
}

Core::Status SimulatedCamera::setOption(const QString &id, const QVariant &value)
{
    if (!m_options.find(id))
        return Core::Error { UnknownOption, Tr::tr("This device has no such setting."),
            QStringLiteral("unknown option %1").arg(id) };
    if (!m_options.setValue(id, value))
        return Core::Error { InvalidOptionValue,
            Tr::tr("This value is not allowed for the setting."),
            QStringLiteral("option %1 rejects %2").arg(id, value.toString()) };
    if (id == kScenario)
        m_frameIndex = 0;
    return {};
}

SceneSpec SimulatedCamera::currentScene() const
{
    const QString scenario = m_options.value(kScenario).toString();
    const auto seed = quint32(m_options.value(kSeed).toInt());
    SceneSpec spec;
    if (scenario == QLatin1String("moveThenSettle")) {
        spec = moveThenSettleScene(seed, m_frameIndex);
    } else {
        spec.seed = seed;
        spec.frameSeed = quint32(m_frameIndex);
        spec.kind = kindFromName(m_options.value(kDocument).toString());
        spec.documentCount = scenario == QLatin1String("empty")
            ? 0
            : (m_options.value(kTwoDocuments).toBool() ? 2 : 1);
    }
    spec.blurSigmaMm += m_options.value(kBlur).toInt() / 10.0;
    spec.glare = m_options.value(kGlare).toBool();
    spec.cutCorner = m_options.value(kCutCorner).toBool();
    spec.hand = m_options.value(kHand).toBool();
    spec.whiteOnWhite = m_options.value(kWhiteOnWhite).toBool();
    return spec;
}

Core::Status SimulatedCamera::startPreview()
{
    if (!m_open)
        return notOpenError();
    m_timer.start();
    return {};
}

void SimulatedCamera::stopPreview()
{
    m_timer.stop();
}

void SimulatedCamera::emitNextPreviewFrame()
{
    if (!m_open)
        return;
    if (m_preview) {
        ++m_droppedPreviews;
        return;
    }
    const SceneSpec spec = currentScene();
    ++m_frameIndex;
    m_previewTimestampMs = m_clock.elapsed(); // the moment of "exposure"
    m_preview = new QFutureWatcher<SimFrame>(this);
    connect(m_preview, &QFutureWatcher<SimFrame>::finished, this, &SimulatedCamera::finishPreview);
    m_preview->setFuture(QtConcurrent::run(
        &m_pool, [spec] { return renderScene(spec, QSize(kPreviewWidth, kPreviewHeight)); }));
}

void SimulatedCamera::finishPreview()
{
    QFutureWatcher<SimFrame> *watcher = m_preview;
    m_preview = nullptr;
    if (!watcher)
        return;
    watcher->deleteLater();
    if (!m_open)
        return; // closed or unplugged while rendering: no frame after that
    emit previewFrame(watcher->result().image, m_previewTimestampMs);
}

void SimulatedCamera::captureStill()
{
    if (!m_open) {
        emit captureFailed(notOpenError());
        return;
    }
    if (m_still) {
        emit captureFailed({ DeviceBusy, Tr::tr("A capture is already in progress."),
            QStringLiteral("still in flight") });
        return;
    }
    SceneSpec spec = currentScene();
    spec.jpegQuality = 92;
    const QSize size = m_options.value(kResolution).toString() == QLatin1String("2080x1560")
        ? QSize(kStillWidth / 2, kStillHeight / 2)
        : QSize(kStillWidth, kStillHeight);
    m_still = new QFutureWatcher<SimFrame>(this);
    connect(m_still, &QFutureWatcher<SimFrame>::finished, this, &SimulatedCamera::finishStill);
    m_still->setFuture(
        QtConcurrent::run(&m_pool, [spec, size] { return renderScene(spec, size); }));
}

void SimulatedCamera::finishStill()
{
    QFutureWatcher<SimFrame> *watcher = m_still;
    m_still = nullptr;
    if (!watcher)
        return;
    watcher->deleteLater();
    if (!m_open) {
        emit captureFailed(notOpenError());
        return;
    }
    const SimFrame frame = watcher->result();
    emit stillCaptured(frame.image, frame.jpeg);
}

void SimulatedCamera::simulateUnplug()
{
    m_unplugged = true;
    const bool wasCapturing = m_still != nullptr;
    m_timer.stop();
    m_open = false;
    discardPreview();
    if (wasCapturing) {
        discardStill();
        emit captureFailed(notOpenError());
    }
    emit unplugged();
}

QList<SourceIdentity> SimulatedBackend::enumerate()
{
    QList<SourceIdentity> list;
    const int count = qEnvironmentVariableIntValue("TONGBAN_FAKE_DEVICES") == 2 ? 2 : 1;
    for (int i = 0; i < count; ++i)
        list.append(SimulatedCamera(i).identity());
    return list;
}

std::unique_ptr<DocumentSource> SimulatedBackend::create(const QString &id)
{
    if (!id.startsWith(QLatin1String("sim:")))
        return nullptr;
    bool ok = false;
    const int index = id.mid(4).toInt(&ok);
    if (!ok || index < 0 || index > 1)
        return nullptr;
    return std::make_unique<SimulatedCamera>(index);
}

} // namespace Tongban::Drivers::Sim
