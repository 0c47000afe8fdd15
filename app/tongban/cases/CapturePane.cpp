#include "CapturePane.h"

#include "CaseController.h"
#include "shell/EmptyState.h"

#include <imaging/CaptureSession.h>
#include <widgets/CameraView.h>
#include <widgets/PageStrip.h>

#include <QBitArray>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTransform>
#include <QVBoxLayout>

#include <common/Workstation.h>
#include <drivers/api/DeviceFactory.h>
#include <drivers/api/DocumentSource.h>

namespace Tongban::Gui {

CapturePane::CapturePane(App::Workstation &station, CaseController &cases, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
    , m_cases(cases)
{
    setObjectName(QStringLiteral("capturePane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->setSpacing(8);

    auto *deviceRow = new QHBoxLayout;
    m_devices = new QComboBox(this);
    m_devices->setObjectName(QStringLiteral("devices"));
    m_devices->setMinimumWidth(200);
    deviceRow->addWidget(m_devices, 1);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("secondary"));
    deviceRow->addWidget(m_refresh);
    layout->addLayout(deviceRow);

    m_view = new Widgets::CameraView(this);
    m_view->setObjectName(QStringLiteral("cameraView"));
    layout->addWidget(m_view, 1);

    auto *captureRow = new QHBoxLayout;
    m_auto = new QCheckBox(tr("Capture by itself when the page is still"), this);
    m_auto->setObjectName(QStringLiteral("autoCapture"));
    m_auto->setChecked(true);
    captureRow->addWidget(m_auto);
    captureRow->addStretch();
    m_capture = new QPushButton(tr("Capture (F2)"), this);
    m_capture->setToolTip(tr("Capture a page now: F2 anywhere on this screen, or Space in the "
                             "camera picture"));
    m_capture->setObjectName(QStringLiteral("captureNow"));
    captureRow->addWidget(m_capture);
    layout->addLayout(captureRow);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("fieldName"));
    layout->addWidget(m_status);

    m_strip = new Widgets::PageStrip(this);
    m_strip->setObjectName(QStringLiteral("pageStrip"));
    m_strip->setFixedHeight(150);
    setEmptyText(m_strip, tr("No page of this material yet: lay it under the camera."));
    layout->addWidget(m_strip);

    m_session = new Imaging::CaptureSession(this);
    m_view->setSession(m_session);

    connect(m_capture, &QPushButton::clicked, this, &CapturePane::captureNow);
    connect(m_view, &Widgets::CameraView::captureRequested, this, [this] {
        if (!m_session->source())
            return;
        // The view already asked the session (Space): a capture the clerk asked for.
        m_manualCapture = true;
    });
    connect(
        m_auto, &QCheckBox::toggled, m_session, &Imaging::CaptureSession::setAutoCaptureEnabled);
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        m_registry.reset();
        openDevices();
    });
    connect(m_devices, &QComboBox::activated, this,
        [this] { openSource(m_devices->currentData().toString()); });
    // The still's early thumbnail shows as a card at once; the processed page takes its place
    // (PageStrip::showPendingPage), a page not kept or a rejection drops it.
    connect(m_session, &Imaging::CaptureSession::stillThumbnail, this, [this](const QImage &t) {
        if (!m_material.isEmpty() && m_cases.hasCase() && m_cases.isMaterialEditable(m_material))
            m_strip->showPendingPage(t);
    });
    connect(m_session, &Imaging::CaptureSession::pageCaptured, this, &CapturePane::onPageCaptured);
    connect(m_session, &Imaging::CaptureSession::pageCaptured, m_strip,
        &Widgets::PageStrip::clearPendingPage);
    connect(
        m_session, &Imaging::CaptureSession::captureRejected, this, [this](const QString &message) {
            m_strip->clearPendingPage();
            showStatus(message, true);
        });
    connect(m_session, &Imaging::CaptureSession::sourceLost, this, [this](const QString &message) {
        showStatus(message, true);
        m_retakePageId.clear();
    });

    connect(m_strip, &Widgets::PageStrip::pageOrderChanged, this, [this](const QStringList &ids) {
        m_cases.edit([&](Intake::CaseDraft &d) {
            Intake::MaterialState &m = d.materialState(m_material);
            QList<Intake::CapturedPage> ordered;
            for (const QString &id : ids)
                ordered.append(Intake::CapturedPage { id });
            m.pages = ordered;
        });
    });
    connect(m_strip, &Widgets::PageStrip::pageDeleted, this, [this](const QString &pageId) {
        if (!m_cases.removePage(m_material, pageId))
            refreshPages();
        // The deleted page still lies there: it is not taken again until a page is placed.
        m_session->holdAutoCapture(0);
    });
    connect(m_strip, &Widgets::PageStrip::retakeRequested, this, [this](const QString &pageId) {
        m_retakePageId = pageId;
        showStatus(tr("Lay the page again under the camera: the next capture replaces page %1.")
                       .arg(m_strip->indexOf(pageId) + 1),
            false);
        m_session->resetAutoCapture();
    });
    connect(m_strip, &Widgets::PageStrip::rotateRequested, this, &CapturePane::rotatePage);
    m_strip->setDeleteConfirmation([this](const QString &, int pageNumber) {
        return QMessageBox::question(this, tr("Delete page"),
                   tr("Delete page %1 of this material? It cannot be undone.").arg(pageNumber))
            == QMessageBox::Yes;
    });
}

CapturePane::~CapturePane()
{
    m_session->stop();
    m_session->setSource(nullptr);
}

void CapturePane::openDevices()
{
    if (m_station.fakeDevices())
        qputenv("TONGBAN_FAKE_DEVICES", "1");
    if (!m_registry)
        m_registry = Drivers::createDeviceRegistry();
    m_devices->clear();
    const QList<Drivers::SourceIdentity> sources = m_registry->documentSources();
    for (const Drivers::SourceIdentity &source : sources)
        m_devices->addItem(source.name, source.id);
    if (sources.isEmpty()) {
        m_view->showNoDevice(tr("Connect the document camera or the scanner, then choose "
                                "Refresh."));
        m_session->setSource(nullptr);
        m_source.reset();
        return;
    }
    openSource(sources.first().id);
}

void CapturePane::openSource(const QString &id)
{
    if (m_source && m_source->identity().id == id && m_source->isOpen()) {
        if (m_active) {
            if (auto started = m_session->start(); !started)
                showStatus(started.error().message, true);
        }
        return;
    }
    m_session->stop();
    m_session->setSource(nullptr);
    m_source.reset();
    auto created = m_registry->create(id);
    if (!created) {
        m_view->showNoDevice(created.error().message);
        showStatus(created.error().message, true);
        return;
    }
    m_source = std::move(created).value();
    m_session->setSource(m_source.get());
    m_view->showConnecting(); // not "no camera" while its first frame is on its way
    if (m_active) {
        if (auto started = m_session->start(); !started)
            showStatus(started.error().message, true);
    }
}

void CapturePane::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (!m_active) {
        m_session->stop();
        return;
    }
    // Never a capture by itself in the first seconds after the screen opens (a resumed case
    // captured the page left on the pad with nobody there).
    m_session->holdAutoCapture(kQuietAfterOpenMs);
    if (!m_registry || !m_source) {
        openDevices();
        return;
    }
    // The last frame is minutes old: the picture comes back as the device does.
    m_view->showConnecting();
    if (auto started = m_session->start(); !started)
        showStatus(started.error().message, true);
}

void CapturePane::setMaterial(const QString &materialId)
{
    if (materialId != m_material) {
        m_retakePageId.clear();
        // The page lying there belongs to the material just left: only a page placed now
        // is this material's (issue 14: revisiting added a page each time).
        m_session->holdAutoCapture(kQuietAfterOpenMs);
        showStatus(QString(), false); // "page 2 captured" was about the previous material
    }
    m_material = materialId;
    m_capture->setEnabled(!materialId.isEmpty() && m_cases.isMaterialEditable(materialId));
    refreshPages();
}

void CapturePane::refreshPages()
{
    const Intake::MaterialState *state = m_cases.hasCase() && !m_material.isEmpty()
        ? m_cases.draft().material(m_material)
        : nullptr;
    QStringList wanted;
    if (state) {
        for (const Intake::CapturedPage &p : state->pages)
            wanted << p.pageId;
    }
    if (wanted == m_strip->pageIds())
        return;
    // Keep the thumbnails already made; load only new pages.
    for (const QString &id : m_strip->pageIds()) {
        if (!wanted.contains(id))
            m_strip->removePage(id);
    }
    for (int i = 0; i < wanted.size(); ++i) {
        if (m_strip->indexOf(wanted[i]) == i)
            continue;
        QImage image = m_strip->pageImage(wanted[i]);
        if (image.isNull() && m_strip->indexOf(wanted[i]) < 0 && !m_capturedImage.isNull()) {
            image = m_capturedImage; // the page just captured
            m_capturedImage = QImage();
        }
        if (image.isNull()) {
            auto bytes = m_cases.pageBytes(wanted[i]);
            if (bytes)
                image.loadFromData(bytes.value());
        }
        m_strip->removePage(wanted[i]);
        m_strip->insertPage(i, wanted[i], image);
    }
}

bool CapturePane::captureNow()
{
    if (m_material.isEmpty())
        return false;
    if (!m_source) {
        showStatus(tr("No capture device: connect the document camera or the scanner, then "
                      "choose Refresh."),
            true);
        return false;
    }
    m_manualCapture = m_session->captureNow();
    return m_manualCapture;
}

bool CapturePane::isAlreadyAPage(const QImage &page) const
{
    // A 16x16 average hash: the same sheet captured again differs in a few bits, another
    // sheet in dozens.
    const auto hash = [](const QImage &image) {
        const QImage small = image.convertToFormat(QImage::Format_Grayscale8)
                                 .scaled(16, 16, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        int sum = 0;
        for (int y = 0; y < 16; ++y) {
            for (int x = 0; x < 16; ++x)
                sum += small.constScanLine(y)[x];
        }
        QBitArray bits(256);
        for (int y = 0; y < 16; ++y) {
            for (int x = 0; x < 16; ++x)
                bits.setBit(y * 16 + x, small.constScanLine(y)[x] * 256 > sum);
        }
        return bits;
    };
    if (page.isNull())
        return false;
    const QBitArray candidate = hash(page);
    for (const QString &id : m_strip->pageIds()) {
        const QImage existing = m_strip->pageImage(id);
        if (existing.isNull())
            continue;
        if ((hash(existing) ^ candidate).count(true) <= kSamePageBits)
            return true;
    }
    return false;
}

void CapturePane::onPageCaptured(const Imaging::ProcessedPage &page)
{
    if (m_material.isEmpty() || !m_cases.hasCase())
        return;
    if (!m_cases.isMaterialEditable(m_material)) {
        showStatus(tr("This material was accepted at the first visit: nothing is captured "
                      "for it now."),
            true);
        return;
    }
    const bool manual = m_manualCapture;
    m_manualCapture = false;
    if (!manual && m_retakePageId.isEmpty() && isAlreadyAPage(page.page)) {
        // Auto-capture never adds a page the material already has; F2 still does.
        showStatus(tr("This page is already captured for this material: lay the next page, "
                      "or press F2 to capture it again."),
            false);
        return;
    }
    const QString material = m_material;
    // Storing updates the case, which refreshes the strip: it shows this image without
    // reading the page back from disk.
    m_capturedImage = page.page;
    const QStringList before = m_strip->pageIds();
    bool stored = false;
    if (!m_retakePageId.isEmpty() && m_strip->pageIds().contains(m_retakePageId)) {
        stored = m_cases.replacePage(material, m_retakePageId, page.encoded);
        m_retakePageId.clear();
    } else {
        stored = m_cases.addPage(material, page.encoded);
    }
    m_capturedImage = QImage();
    if (!stored)
        return; // CaseController said why; nothing changed in the case
    refreshPages();
    const Intake::MaterialState *state = m_cases.draft().material(material);
    for (const QString &id : m_strip->pageIds()) {
        if (!before.contains(id)) {
            m_strip->setCurrentPage(id);
            emit pageStored(material, id);
        }
    }
    showStatus(
        tr("Page %1 of this material captured.").arg(state ? state->pages.size() : 0), false);
}

void CapturePane::rotatePage(const QString &pageId, int degrees)
{
    auto bytes = m_cases.pageBytes(pageId);
    QImage image;
    if (!bytes || !image.loadFromData(bytes.value())) {
        showStatus(tr("The page could not be read to turn it."), true);
        return;
    }
    const QImage turned = image.transformed(QTransform().rotate(degrees));
    QByteArray encoded;
    QBuffer buffer(&encoded);
    buffer.open(QIODevice::WriteOnly);
    turned.save(&buffer, "JPEG", 90);
    const QStringList before = m_strip->pageIds();
    if (!m_cases.replacePage(m_material, pageId, encoded))
        return;
    const Intake::MaterialState *state = m_cases.draft().material(m_material);
    for (const Intake::CapturedPage &p : state->pages) {
        if (!before.contains(p.pageId))
            m_strip->replacePage(pageId, p.pageId, turned);
    }
    m_cases.audit(QStringLiteral("page.rotate"), QStringLiteral("%1 %2").arg(pageId).arg(degrees));
}

void CapturePane::showStatus(const QString &text, bool error)
{
    m_status->setObjectName(error ? QStringLiteral("warning") : QStringLiteral("fieldName"));
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);
    m_status->setText(text);
}

} // namespace Tongban::Gui
