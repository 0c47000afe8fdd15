#include "DeviceCheckPage.h"

#include <imaging/CaptureSession.h>
#include <notices/NoticePrinter.h>
#include <widgets/CameraView.h>

#include <QAudioDevice>
#include <QAudioSink>
#include <QAudioSource>
#include <QBoxLayout>
#include <QBuffer>
#include <QCamera>
#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoSink>
#include <QtMath>

#include <common/WindowSettings.h>
#include <drivers/api/DeviceFactory.h>
#include <drivers/api/DeviceRegistry.h>
#include <drivers/api/DocumentSource.h>

namespace Tongban::Gui {

namespace {
constexpr int kToneHz = 440;
constexpr int kToneMs = 1000;
constexpr int kSampleRate = 48000;

QLabel *statusLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    return label;
}

QAudioFormat monoInt16()
{
    QAudioFormat format;
    format.setSampleRate(kSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

} // namespace

DeviceCheckPage::DeviceCheckPage(
    const App::WindowSettings &settings, bool fakeDevices, QWidget *parent)
    : QWizardPage(parent)
    , m_fake(fakeDevices || Drivers::DeviceRegistry::fakeDevicesForced())
{
    setObjectName(QStringLiteral("devicesPage"));
    setTitle(tr("Devices"));
    setSubTitle(tr("Lay a page under the document camera, speak into the microphone, listen to "
                   "the test tone and print a test page."));
    auto *grid = new QGridLayout(this);
    m_view = new Widgets::CameraView(this);
    m_view->setObjectName(QStringLiteral("setupCameraView"));
    m_view->setFocusPolicy(Qt::NoFocus); // Space here is for the buttons, not a capture
    m_view->setPreviewOnly(true); // the picture is checked here, never captured
    m_view->setMinimumSize(280, 170);
    grid->addWidget(m_view, 0, 0);
    m_hdPicture = new QLabel(this);
    m_hdPicture->setObjectName(QStringLiteral("hdCameraPicture"));
    m_hdPicture->setMinimumSize(280, 170);
    m_hdPicture->setAlignment(Qt::AlignCenter);
    m_hdPicture->setStyleSheet(QStringLiteral("background: #1b1e23; color: #d8dee6;"));
    grid->addWidget(m_hdPicture, 0, 1);
    m_documentStatus = statusLabel(this, QStringLiteral("documentCameraStatus"));
    m_documentStatus->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_documentStatus->setMinimumHeight(m_documentStatus->fontMetrics().lineSpacing() * 2 + 8);
    grid->addWidget(m_documentStatus, 1, 0);
    m_hdStatus = statusLabel(this, QStringLiteral("hdCameraStatus"));
    m_hdStatus->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_hdStatus->setMinimumHeight(m_hdStatus->fontMetrics().lineSpacing() * 2 + 8);
    grid->addWidget(m_hdStatus, 1, 1);
    grid->setRowStretch(0, 1);

    auto *form = new QFormLayout;
    m_level = new QProgressBar(this);
    m_level->setObjectName(QStringLiteral("microphoneLevel"));
    m_level->setRange(0, 100);
    m_level->setTextVisible(false);
    m_microphoneStatus = statusLabel(this, QStringLiteral("microphoneStatus"));
    auto *micColumn = new QVBoxLayout;
    micColumn->addWidget(m_level);
    micColumn->addWidget(m_microphoneStatus);
    form->addRow(tr("Microphone"), micColumn);
    m_toneButton = new QPushButton(tr("Play a test tone"), this);
    m_toneButton->setObjectName(QStringLiteral("playTone"));
    m_toneButton->setAutoDefault(false);
    m_toneButton->setProperty("secondary", true);
    m_speakerStatus = statusLabel(this, QStringLiteral("speakerStatus"));
    auto *speakerRow = new QHBoxLayout;
    speakerRow->addWidget(m_toneButton);
    speakerRow->addWidget(m_speakerStatus, 1);
    form->addRow(tr("Speaker"), speakerRow);
    m_printer = new QLineEdit(settings.value(QStringLiteral("printer/name")).toString(), this);
    m_printer->setObjectName(QStringLiteral("printerName"));
    m_printer->setPlaceholderText(tr("Empty: the default printer"));
    auto *printButton = new QPushButton(tr("Print a test page"), this);
    printButton->setObjectName(QStringLiteral("printTestPage"));
    printButton->setAutoDefault(false);
    printButton->setProperty("secondary", true);
    auto *printerRow = new QHBoxLayout;
    printerRow->addWidget(m_printer, 1);
    printerRow->addWidget(printButton);
    form->addRow(tr("Printer"), printerRow);
    m_printerStatus = statusLabel(this, QStringLiteral("printerStatus"));
    form->addRow(QString(), m_printerStatus);
    grid->addLayout(form, 2, 0, 1, 2);
    registerField(QStringLiteral("printerName"), m_printer);

    connect(m_toneButton, &QPushButton::clicked, this, &DeviceCheckPage::playTone);
    connect(printButton, &QPushButton::clicked, this, &DeviceCheckPage::printTestPage);
}

DeviceCheckPage::~DeviceCheckPage()
{
    stopDevices();
}

void DeviceCheckPage::initializePage()
{
    startDevices();
    QTimer::singleShot(0, m_toneButton, [this] { m_toneButton->setFocus(); });
}

void DeviceCheckPage::cleanupPage()
{
    stopDevices();
    QWizardPage::cleanupPage();
}

bool DeviceCheckPage::validatePage()
{
    stopDevices();
    return true;
}

int DeviceCheckPage::microphoneLevel() const
{
    return m_level->value();
}

void DeviceCheckPage::startDevices()
{
    // The document camera, as the checklist opens it.
    if (m_fake)
        qputenv("TONGBAN_FAKE_DEVICES", "1");
    if (!m_registry)
        m_registry = Drivers::createDeviceRegistry();
    if (!m_session) {
        m_session = new Imaging::CaptureSession(this);
        m_session->setAutoCaptureEnabled(false);
        m_view->setSession(m_session);
        connect(m_session, &Imaging::CaptureSession::previewUpdated, this, [this] {
            if (m_source && !m_documentStatus->text().startsWith(QChar(0x2713)))
                m_documentStatus->setText(QStringLiteral("\u2713 ")
                    + tr("Document camera: %1, picture live.").arg(m_source->identity().name));
        });
    }
    const auto sources = m_registry->documentSources();
    if (sources.isEmpty()) {
        m_view->showNoDevice();
        m_documentStatus->setText(tr("Document camera: none found. Connect it with its USB cable, "
                                     "then go back and forward to look again."));
    } else if (!m_source) {
        auto created = m_registry->create(sources.first().id);
        if (!created) {
            m_view->showNoDevice(created.error().message);
            m_documentStatus->setText(created.error().message);
        } else {
            m_source = *created;
            m_session->setSource(m_source.get());
        }
    }
    if (m_source) {
        m_documentStatus->setText(tr("Document camera: %1, connecting…").arg(sources.first().name));
        m_view->showConnecting();
        if (const Core::Status started = m_session->start(); !started)
            m_documentStatus->setText(started.error().message);
    }
    startHdCamera();
    startMicrophone();
}

void DeviceCheckPage::stopDevices()
{
    if (m_session)
        m_session->stop();
    if (m_camera)
        m_camera->stop();
    if (m_audioIn)
        m_audioIn->stop();
    if (m_audioOut)
        m_audioOut->stop();
    if (m_simulatedLevel)
        m_simulatedLevel->stop();
}

void DeviceCheckPage::startHdCamera()
{
    if (m_fake) {
        m_hdPicture->setText(tr("Simulated HD camera"));
        m_hdStatus->setText(QStringLiteral("\u2713 ")
            + tr("HD camera: simulated (this window has no camera for video calls)."));
        return;
    }
    const QCameraDevice device = QMediaDevices::defaultVideoInput();
    if (device.isNull()) {
        m_hdPicture->setText(tr("No HD camera"));
        m_hdStatus->setText(tr("HD camera: none found. Video assistance needs one: connect it, "
                               "then go back and forward to look again."));
        return;
    }
    if (!m_camera) {
        m_camera = new QCamera(device, this);
        m_cameraSession = new QMediaCaptureSession(this);
        m_videoSink = new QVideoSink(this);
        m_cameraSession->setCamera(m_camera);
        m_cameraSession->setVideoSink(m_videoSink);
        connect(m_videoSink, &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame &f) {
            const QImage image = f.toImage();
            if (!image.isNull())
                m_hdPicture->setPixmap(QPixmap::fromImage(image.scaled(
                    m_hdPicture->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        });
        connect(
            m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error, const QString &text) {
                m_hdStatus->setText(tr("HD camera: %1").arg(text));
            });
    }
    m_hdStatus->setText(QStringLiteral("\u2713 ") + tr("HD camera: %1.").arg(device.description()));
    m_camera->start();
}

void DeviceCheckPage::startMicrophone()
{
    if (m_fake) {
        // A level that moves, said to be simulated: nothing is heard on a window without one.
        if (!m_simulatedLevel) {
            m_simulatedLevel = new QTimer(this);
            m_simulatedLevel->setInterval(100);
            connect(m_simulatedLevel, &QTimer::timeout, this, [this] {
                ++m_simulatedTick;
                m_level->setValue(30 + int(25 * std::sin(m_simulatedTick / 3.0)));
            });
        }
        m_simulatedLevel->start();
        m_microphoneStatus->setText(QStringLiteral("\u2713 ") + tr("Microphone: simulated."));
        return;
    }
    const QAudioDevice device = QMediaDevices::defaultAudioInput();
    if (device.isNull() || !device.isFormatSupported(monoInt16())) {
        m_microphoneStatus->setText(device.isNull()
                ? tr("Microphone: none found. Connect the headset, then go back and "
                     "forward to look again.")
                : tr("Microphone %1: cannot record 48 kHz mono.").arg(device.description()));
        return;
    }
    if (!m_audioIn)
        m_audioIn = new QAudioSource(device, monoInt16(), this);
    m_audioInDevice = m_audioIn->start();
    m_microphoneStatus->setText(
        tr("Microphone: %1. Speak: the bar follows your voice.").arg(device.description()));
    connect(m_audioInDevice, &QIODevice::readyRead, this, [this] {
        const QByteArray chunk = m_audioInDevice->readAll();
        const auto *samples = reinterpret_cast<const qint16 *>(chunk.constData());
        int peak = 0;
        for (qsizetype i = 0; i < chunk.size() / 2; ++i)
            peak = std::max(peak, std::abs(int(samples[i])));
        m_level->setValue(peak * 100 / 32768);
    });
}

void DeviceCheckPage::playTone()
{
    if (m_fake) {
        m_speakerStatus->setText(tr("Speaker: simulated, no tone is played on this window."));
        return;
    }
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull() || !device.isFormatSupported(monoInt16())) {
        m_speakerStatus->setText(device.isNull()
                ? tr("Speaker: none found. Connect the headset or the speakers.")
                : tr("Speaker %1: cannot play 48 kHz mono.").arg(device.description()));
        return;
    }
    QByteArray pcm(kSampleRate * kToneMs / 1000 * 2, Qt::Uninitialized);
    auto *samples = reinterpret_cast<qint16 *>(pcm.data());
    for (int i = 0; i < pcm.size() / 2; ++i)
        samples[i] = qint16(8000 * std::sin(2 * M_PI * kToneHz * i / kSampleRate));
    if (m_audioOut)
        m_audioOut->stop();
    delete m_tone;
    m_tone = new QBuffer(this);
    m_tone->setData(pcm);
    m_tone->open(QIODevice::ReadOnly);
    if (!m_audioOut)
        m_audioOut = new QAudioSink(device, monoInt16(), this);
    m_audioOut->start(m_tone);
    m_speakerStatus->setText(tr("Speaker: %1, a one-second tone is playing. Did you hear it?")
                                 .arg(device.description()));
}

QByteArray DeviceCheckPage::testPagePdf() const
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(tr("Tongban test page"));
    QPainter p(&writer);
    QFont title = p.font();
    title.setPointSize(20);
    p.setFont(title);
    const QRect page(0, 0, writer.width(), writer.height());
    p.drawText(page.adjusted(200, 300, -200, 0), Qt::AlignTop | Qt::AlignHCenter,
        tr("Tongban Workstation: test page"));
    QFont body = p.font();
    body.setPointSize(12);
    p.setFont(body);
    p.drawText(page.adjusted(200, 700, -200, 0), Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap,
        tr("Window %1 (%2)\nPrinter %3\nPrinted %4\n\nIf you can read this page, notices and "
           "receipts print on this printer.")
            .arg(field(QStringLiteral("windowId")).toString(),
                field(QStringLiteral("windowName")).toString(),
                m_printer->text().trimmed().isEmpty() ? tr("the default printer")
                                                      : m_printer->text().trimmed(),
                QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    p.drawRect(page.adjusted(100, 100, -100, -100));
    p.end();
    return pdf;
}

void DeviceCheckPage::printTestPage()
{
    const Notices::NoticePrinter printer(m_printer->text().trimmed());
    m_printerStatus->setText(tr("Printing…"));
    const auto printed = printer.print(testPagePdf(), tr("Tongban test page"));
    if (!printed) {
        m_printerStatus->setText(printed.error().message);
        return;
    }
    m_printerStatus->setText(QStringLiteral("\u2713 ")
        + tr("Test page sent to %1 (job %2). Check that it came out.")
              .arg(printed->printer)
              .arg(printed->jobId));
}

} // namespace Tongban::Gui
