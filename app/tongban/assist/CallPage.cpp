#include "CallPage.h"

#include "cases/CaseController.h"
#include "setup/DeviceCheckPage.h"

#include <assist/CallMedia.h>
#include <assist/CallPages.h>
#include <assist/CallRecordings.h>
#include <assist/IceServers.h>
#include <assist/MarkupJournal.h>
#include <catalog/CatalogStore.h>
#include <platform/ApiClient.h>
#include <security/AuditLog.h>
#include <widgets/MarkupView.h>
#include <widgets/VideoView.h>

#include <QApplication>
#include <QCameraDevice>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMediaDevices>
#include <QMetaEnum>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

#include <common/PlatformLink.h>
#include <common/WindowSettings.h>
#include <common/Workstation.h>
#include <drivers/api/DeviceFactory.h>
#include <drivers/api/DeviceRegistry.h>

namespace Tongban::Gui {

using Assist::CallSignalling;
using Assist::MediaOptions;
using Assist::MediaSession;

namespace {

Widgets::Mark toMark(const Assist::Stroke &stroke)
{
    Widgets::Mark mark;
    mark.kind = Widgets::Mark::Kind(int(stroke.kind));
    mark.points = stroke.points;
    mark.text = stroke.text;
    mark.color = stroke.color;
    mark.width = stroke.width;
    return mark;
}

Assist::Stroke toStroke(const Widgets::Mark &mark)
{
    Assist::Stroke stroke;
    stroke.kind = Assist::Stroke::Kind(int(mark.kind));
    stroke.points = mark.points;
    stroke.text = mark.text;
    stroke.color = mark.color;
    stroke.width = mark.width;
    return stroke;
}

} // namespace

CallPage::CallPage(
    App::Workstation &station, CaseController &cases, App::PlatformLink *platform, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
    , m_cases(cases)
    , m_platform(platform)
    , m_useDevices(
          !station.fakeDevices() && qEnvironmentVariableIntValue("TONGBAN_FAKE_DEVICES") != 1)
{
    setObjectName(QStringLiteral("callPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);

    auto *heading = new QLabel(tr("Video assistance"), this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(heading);

    m_context = new QLabel(this);
    m_context->setObjectName(QStringLiteral("callContext"));
    m_context->setWordWrap(true);
    m_context->setTextFormat(Qt::PlainText);
    layout->addWidget(m_context);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("callStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    m_call = new QPushButton(tr("Call the home window"), this);
    m_call->setObjectName(QStringLiteral("callButton"));
    m_cancel = new QPushButton(tr("Cancel the call"), this);
    m_cancel->setObjectName(QStringLiteral("cancelCallButton"));
    m_hangUp = new QPushButton(tr("Hang up"), this);
    m_hangUp->setObjectName(QStringLiteral("hangUpButton"));
    buttons->addWidget(m_call);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_hangUp);
    buttons->addStretch();
    // The headset and camera checked before a call (issue 15), as the first-run assistant does.
    m_checkDevices = new QPushButton(tr("Check devices…"), this);
    m_checkDevices->setObjectName(QStringLiteral("checkDevicesButton"));
    m_checkDevices->setProperty("secondary", true);
    buttons->addWidget(m_checkDevices);
    layout->addLayout(buttons);

    m_incomingBox = new QWidget(this);
    auto *incomingLayout = new QVBoxLayout(m_incomingBox);
    incomingLayout->setContentsMargins(0, 0, 0, 0);
    auto *incomingTitle = new QLabel(tr("Calls ringing at this window"), m_incomingBox);
    incomingTitle->setObjectName(QStringLiteral("fieldName"));
    incomingLayout->addWidget(incomingTitle);
    m_incoming = new QListWidget(m_incomingBox);
    m_incoming->setObjectName(QStringLiteral("incomingCalls"));
    m_incoming->setMaximumHeight(110);
    incomingLayout->addWidget(m_incoming);
    auto *answerRow = new QHBoxLayout;
    m_answer = new QPushButton(tr("Answer"), m_incomingBox);
    m_answer->setObjectName(QStringLiteral("answerButton"));
    m_decline = new QPushButton(tr("Decline"), m_incomingBox);
    m_decline->setObjectName(QStringLiteral("declineButton"));
    m_decline->setProperty("secondary", true);
    answerRow->addWidget(m_answer);
    answerRow->addWidget(m_decline);
    answerRow->addStretch();
    incomingLayout->addLayout(answerRow);
    layout->addWidget(m_incomingBox);

    auto *videos = new QHBoxLayout;
    m_sharePanel = new QWidget(this);
    m_sharePanel->setObjectName(QStringLiteral("sharePanel"));
    auto *shareLayout = new QVBoxLayout(m_sharePanel);
    shareLayout->setContentsMargins(0, 0, 0, 0);
    shareLayout->setSpacing(6);
    auto *shareRow = new QHBoxLayout;
    m_pageChoice = new QComboBox(m_sharePanel);
    m_pageChoice->setObjectName(QStringLiteral("sharedPageChoice"));
    m_pageChoice->setMinimumWidth(220);
    m_shareButton = new QPushButton(tr("Show this page"), m_sharePanel);
    m_shareButton->setObjectName(QStringLiteral("sharePageButton"));
    m_shareStatus = new QLabel(m_sharePanel);
    m_shareStatus->setObjectName(QStringLiteral("shareStatus"));
    m_shareStatus->setWordWrap(true);
    m_shareStatus->setTextFormat(Qt::PlainText);
    shareRow->addWidget(m_pageChoice);
    shareRow->addWidget(m_shareButton);
    shareRow->addWidget(m_shareStatus, 1);
    shareLayout->addLayout(shareRow);
    m_viewer = new Widgets::MarkupView(m_sharePanel);
    m_viewer->setObjectName(QStringLiteral("sharedPageView"));
    shareLayout->addWidget(m_viewer, 1);
    m_sharePanel->setVisible(false);
    videos->addWidget(m_sharePanel, 3);

    auto *videoColumn = new QVBoxLayout;
    m_remote = new Widgets::VideoView(
        tr("The other window's picture appears here during a call."), this);
    m_remote->setObjectName(QStringLiteral("remoteVideo"));
    m_remote->setMinimumSize(320, 180);
    m_self = new Widgets::VideoView(tr("Your camera"), this);
    m_self->setObjectName(QStringLiteral("selfVideo"));
    m_self->setFixedSize(240, 135);
    videoColumn->addWidget(m_remote, 1);
    videoColumn->addWidget(m_self, 0, Qt::AlignRight);
    videos->addLayout(videoColumn, 2);
    layout->addLayout(videos, 1);

    // The quality panel (issue 15): the call's figures once a second, and what the network
    // made of the picture.
    m_qualityNotice = new QLabel(this);
    m_qualityNotice->setObjectName(QStringLiteral("qualityNotice"));
    m_qualityNotice->setWordWrap(true);
    m_qualityNotice->setTextFormat(Qt::PlainText);
    m_qualityNotice->setProperty("problem", true);
    m_qualityNotice->setVisible(false);
    layout->addWidget(m_qualityNotice);
    m_quality = new QLabel(this);
    m_quality->setObjectName(QStringLiteral("callQuality"));
    m_quality->setTextFormat(Qt::PlainText);
    m_quality->setVisible(false);
    layout->addWidget(m_quality);

    m_recordingNote
        = new QLabel(tr("Calls you make are recorded and kept six months on the platform."), this);
    m_recordingNote->setObjectName(QStringLiteral("recordingNote"));
    m_recordingNote->setWordWrap(true);
    layout->addWidget(m_recordingNote);

    m_keepTimer = new QTimer(this);
    m_keepTimer->setSingleShot(true);
    m_keepTimer->setInterval(1500);
    connect(m_keepTimer, &QTimer::timeout, this, &CallPage::keepMarkups);
    connect(m_shareButton, &QPushButton::clicked, this, [this] {
        if (m_pageChoice->currentIndex() < 0)
            return;
        const QString key = m_pageChoice->currentData().toString();
        if (m_role == QLatin1String("home")) {
            if (m_pageShare && m_pageImages.contains(key))
                (void)m_pageShare->showPage(
                    key, m_pageImages.value(key).size(), m_pageNumbers.value(key));
        } else {
            sharePage(key);
        }
    });
    connect(m_viewer, &Widgets::MarkupView::markDrawn, this, &CallPage::onMarkDrawn);
    connect(m_viewer, &Widgets::MarkupView::undoRequested, this, [this] {
        if (m_pageShare)
            (void)m_pageShare->undo();
    });
    connect(m_viewer, &Widgets::MarkupView::clearRequested, this, [this] {
        if (m_pageShare)
            (void)m_pageShare->clear();
    });
    if (m_platform && m_platform->session())
        m_callPages = new Assist::CallPages(*m_platform->session(), this);
    m_recordings = new Assist::CallRecordings(
        QDir(m_station.dataDirectory()).filePath(QStringLiteral("recordings")),
        [this](const QString &action, const QString &callId, const QString &result,
            const QString &detail) { audit(action, callId, result, detail); },
        this);
    connect(m_recordings, &Assist::CallRecordings::readyToSend, this, &CallPage::sendRecordings);
    m_markupJournal = std::make_unique<Assist::MarkupJournal>(
        QDir(m_station.dataDirectory()).filePath(QStringLiteral("call-marks")));

    connect(m_call, &QPushButton::clicked, this, &CallPage::call);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_platform && m_platform->calls())
            (void)m_platform->calls()->cancel(); // ends here either way
    });
    connect(m_hangUp, &QPushButton::clicked, this, &CallPage::hangUp);
    connect(m_checkDevices, &QPushButton::clicked, this, &CallPage::checkDevices);
    connect(m_answer, &QPushButton::clicked, this, &CallPage::answer);
    connect(m_decline, &QPushButton::clicked, this, &CallPage::decline);
    connect(m_incoming, &QListWidget::currentRowChanged, this, &CallPage::updateButtons);

    if (CallSignalling *calls = m_platform ? m_platform->calls() : nullptr) {
        connect(calls, &CallSignalling::stateChanged, this, &CallPage::onCallState);
        connect(calls, &CallSignalling::ringing, this, [this](const QStringList &windows) {
            showStatus(tr("Ringing at %n home window(s)…", nullptr, int(windows.size())));
        });
        connect(calls, &CallSignalling::connected, this, &CallPage::onConnected);
        connect(calls, &CallSignalling::ended, this, &CallPage::onEnded);
        connect(calls, &CallSignalling::incoming, this, [this] {
            Assist::MediaSession::prewarmInBackground(); // before the clerk answers
            updateIncoming();
            QApplication::alert(window());
        });
        connect(calls, &CallSignalling::incomingEnded, this, &CallPage::updateIncoming);
        // Marks that came through the platform: the data channel was not open.
        connect(calls, &CallSignalling::shareReceived, this, [this](const QString &message) {
            if (m_pageShare)
                m_pageShare->handleMessage(message);
        });
    }
    showStatus(m_platform && m_platform->calls()
            ? QString()
            : tr("No platform is configured: calls are not possible."));
    refresh();
}

CallPage::~CallPage()
{
    stopMedia();
}

void CallPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The first call's picture as fast as the next ones' (issue 15): GStreamer, its plugins
    // and the DTLS certificate ready before the call, on the thread pool.
    if (m_platform && m_platform->calls())
        Assist::MediaSession::prewarmInBackground();
}

void CallPage::setRole(const QString &role)
{
    m_role = role;
    refresh();
}

void CallPage::prepareCall(const QString &materialId, const QString &pageId)
{
    m_materialId = materialId;
    if (!isInCall())
        m_pendingPage = pageId;
    refresh();
}

bool CallPage::isInCall() const
{
    return m_platform && m_platform->calls()
        && m_platform->calls()->state() == CallSignalling::State::Active;
}

Assist::MediaSession *CallPage::media() const
{
    return m_media ? m_media->session() : nullptr;
}

QImage CallPage::remotePicture() const
{
    return m_remote->image();
}

void CallPage::refresh()
{
    sendRecordings();
    keepJournaledMarkups();
    const bool home = m_role == QLatin1String("home");
    m_incomingBox->setVisible(home);
    m_call->setVisible(!home);
    m_cancel->setVisible(!home);
    if (home) {
        m_context->setText(tr("Calls from application windows about items of your "
                              "jurisdiction ring here. Answer one to see and hear the clerk."));
    } else if (const Catalog::ServiceItem *item = m_cases.hasCase() ? m_cases.item() : nullptr) {
        QString material;
        for (const Catalog::MaterialRequirement &requirement : item->materials) {
            if (requirement.id == m_materialId)
                material = requirement.name;
        }
        m_context->setText(material.isEmpty()
                ? tr("Item: %1 (home jurisdiction %2)").arg(item->name, item->homeJurisdiction.name)
                : tr("Item: %1 (home jurisdiction %2)\nMaterial: %3")
                      .arg(item->name, item->homeJurisdiction.name, material));
    } else {
        m_context->setText(tr("Open a case first: a call is about a material of the case's "
                              "item, and rings that item's home windows."));
    }
    updateIncoming();
}

void CallPage::updateButtons()
{
    CallSignalling *calls = m_platform ? m_platform->calls() : nullptr;
    const CallSignalling::State state = calls ? calls->state() : CallSignalling::State::Idle;
    const bool idle = state == CallSignalling::State::Idle;
    m_call->setEnabled(
        calls && idle && !m_fetchingIceServers && m_cases.hasCase() && m_cases.item());
    m_cancel->setEnabled(
        state == CallSignalling::State::Inviting || state == CallSignalling::State::Ringing);
    m_hangUp->setEnabled(state == CallSignalling::State::Active);
    m_answer->setEnabled(idle && !m_fetchingIceServers && m_incoming->currentRow() >= 0);
    m_decline->setEnabled(m_incoming->currentRow() >= 0);
    // The devices are the call's while it lasts.
    m_checkDevices->setEnabled(idle);
}

void CallPage::checkDevices()
{
    QWizard dialog(this);
    dialog.setWindowTitle(tr("Check devices"));
    dialog.setOption(QWizard::NoBackButtonOnStartPage);
    dialog.setOption(QWizard::NoCancelButton);
    dialog.setButtonText(QWizard::FinishButton, tr("Close"));
    dialog.addPage(new DeviceCheckPage(
        App::WindowSettings::load(m_station.dataDirectory()), !m_useDevices, &dialog));
    dialog.resize(900, 640);
    audit(QStringLiteral("call.devices"), QString(), QStringLiteral("checked"));
    dialog.exec();
}

void CallPage::showQuality(const Assist::QualityReport &report)
{
    const QString unknown = QStringLiteral("—");
    m_quality->setText(
        tr("Round trip %1 ms · loss %2 % · sending %3 kbit/s · receiving %4 "
           "kbit/s · %5 frames/s")
            .arg(report.roundTripMs >= 0 ? QString::number(report.roundTripMs, 'f', 0) : unknown,
                report.lossPercent >= 0 ? QString::number(report.lossPercent, 'f', 1) : unknown,
                QString::number(report.sendKbps, 'f', 0),
                QString::number(report.receiveKbps, 'f', 0),
                QString::number(report.framesPerSecond, 'f', 0)));
    m_quality->setVisible(true);
}

void CallPage::showVideoLevel(Assist::VideoLevel level)
{
    // The size the call started at: back there, there is nothing to say.
    const Assist::VideoLevel ceiling
        = m_media && m_media->session()->options().videoSize.height() >= 720
        ? Assist::VideoLevel::High720
        : Assist::VideoLevel::Standard360;
    if (level == Assist::VideoLevel::AudioOnly)
        m_qualityNotice->setText(tr("The network is very poor: your picture is paused and only "
                                    "the sound goes through. It comes back by itself."));
    else if (level < ceiling)
        m_qualityNotice->setText(tr("The network is poor: your picture is sent at a lower "
                                    "quality."));
    m_qualityNotice->setVisible(level < ceiling);
}

void CallPage::updateIncoming()
{
    const QList<CallSignalling::Incoming> calls = m_platform && m_platform->calls()
        ? m_platform->calls()->incomingCalls()
        : QList<CallSignalling::Incoming>();
    const QString current = m_incoming->currentItem()
        ? m_incoming->currentItem()->data(Qt::UserRole).toString()
        : QString();
    m_incoming->clear();
    // Names from the catalogue in force (a home window may never have opened a case).
    std::optional<Catalog::Catalog> catalog;
    if (!calls.isEmpty()) {
        if (auto active = m_station.catalogs().active())
            catalog = std::move(active).value();
    }
    for (const CallSignalling::Incoming &call : calls) {
        QString itemName = call.itemCode;
        QString materialName = call.materialId;
        if (const Catalog::ServiceItem *item = catalog ? catalog->item(call.itemCode) : nullptr) {
            itemName = item->name;
            for (const Catalog::MaterialRequirement &requirement : item->materials) {
                if (requirement.id == call.materialId)
                    materialName = requirement.name;
            }
        }
        const QString from = call.fromName.isEmpty() ? call.fromWindow : call.fromName;
        auto *row = new QListWidgetItem(materialName.isEmpty()
                ? tr("%1 · %2").arg(from, itemName)
                : tr("%1 · %2 · material: %3").arg(from, itemName, materialName),
            m_incoming);
        row->setData(Qt::UserRole, call.callId);
        if (call.callId == current || (current.isEmpty() && m_incoming->count() == 1))
            m_incoming->setCurrentItem(row);
    }
    // In a call the list makes room for the shared page, unless another call rings.
    m_incomingBox->setVisible(m_role == QLatin1String("home") && (!isInCall() || !calls.isEmpty()));
    updateButtons();
    emit incomingCountChanged(int(calls.size()));
}

void CallPage::withIceServers(std::function<void()> next)
{
    // The relay's credentials are short-lived: asked for before each call (contract §16). A
    // platform that cannot give them leaves none: a call on one network still connects.
    m_iceServers = {};
    if (!m_platform || !m_platform->session()) {
        next();
        return;
    }
    m_fetchingIceServers = true;
    updateButtons();
    Assist::fetchIceServers(
        *m_platform->session(), this, [this, next = std::move(next)](const QJsonArray &servers) {
            m_fetchingIceServers = false;
            m_iceServers = servers;
            next();
            updateButtons();
        });
}

void CallPage::call()
{
    Assist::MediaSession::prewarmInBackground(); // while the home windows ring
    // Said at once: the status of the last call must not stand while the servers are fetched.
    if (const Catalog::ServiceItem *item = m_cases.hasCase() ? m_cases.item() : nullptr)
        showStatus(tr("Calling the home windows of %1…").arg(item->homeJurisdiction.name));
    withIceServers([this] { invite(); });
}

void CallPage::invite()
{
    CallSignalling *calls = m_platform ? m_platform->calls() : nullptr;
    const Catalog::ServiceItem *item = m_cases.hasCase() ? m_cases.item() : nullptr;
    if (!calls || !item || calls->state() != CallSignalling::State::Idle)
        return;
    const auto callId = calls->invite(item->itemCode, {}, m_materialId);
    if (!callId) {
        showStatus(callId.error().message, true);
        return;
    }
    m_callId = *callId;
    audit(QStringLiteral("call.invite"), m_callId, QStringLiteral("ok"),
        QStringLiteral("item=%1 material=%2").arg(item->itemCode, m_materialId));
    showStatus(tr("Calling the home windows of %1…").arg(item->homeJurisdiction.name));
}

void CallPage::answer()
{
    QListWidgetItem *row = m_incoming->currentItem();
    if (!row)
        return;
    const QString callId = row->data(Qt::UserRole).toString();
    showStatus(tr("Answering…"));
    withIceServers([this, callId] { accept(callId); });
}

void CallPage::accept(const QString &callId)
{
    CallSignalling *calls = m_platform ? m_platform->calls() : nullptr;
    if (!calls)
        return;
    if (const Core::Status accepted = calls->accept(callId); !accepted) {
        showStatus(accepted.error().message, true);
        return;
    }
    m_callId = callId;
    audit(QStringLiteral("call.accept"), callId, QStringLiteral("ok"));
    showStatus(tr("Answering…"));
}

void CallPage::decline()
{
    CallSignalling *calls = m_platform ? m_platform->calls() : nullptr;
    QListWidgetItem *row = m_incoming->currentItem();
    if (!calls || !row)
        return;
    const QString callId = row->data(Qt::UserRole).toString();
    if (const Core::Status declined = calls->decline(callId); !declined)
        showStatus(declined.error().message, true);
    audit(QStringLiteral("call.decline"), callId, QStringLiteral("ok"));
}

void CallPage::hangUp()
{
    if (CallSignalling *calls = m_platform ? m_platform->calls() : nullptr)
        (void)calls->hangup(); // ends here either way; ended() follows
}

void CallPage::onCallState(CallSignalling::State)
{
    // An answered call leaves the ringing list without an incomingEnded (it was won here).
    updateIncoming();
}

QString CallPage::peerLabel() const
{
    const CallSignalling *calls = m_platform->calls();
    return calls->peerName().isEmpty() ? calls->peerWindow() : calls->peerName();
}

void CallPage::onConnected()
{
    showStatus(tr("In a call with %1. Connecting picture and sound…").arg(peerLabel()));
    startMedia();
    startSharing();
    emit callActiveChanged(true);
}

void CallPage::startMedia()
{
    CallSignalling *calls = m_platform->calls();
    MediaOptions options;
    // A platform on this machine: both windows are here too (the demo, the tests).
    options.loopbackOnly = Platform::isLoopbackHost(m_platform->url().host());
    options.playRemoteAudio = m_useDevices;
    options.audio = m_useDevices ? MediaOptions::Audio::Microphone : MediaOptions::Audio::TestTone;
    options.dataChannel = m_dataChannelAllowed;
    options.iceServers = m_iceServers; // asked for before the call (withIceServers)
    const MediaSession::Role role = m_role == QLatin1String("home") ? MediaSession::Role::Answerer
                                                                    : MediaSession::Role::Offerer;
    if (role == MediaSession::Role::Offerer) {
        // The caller records the call (000 §15), both directions as sent.
        options.recordingDirectory = m_recordings->recordingDirectory(m_callId);
        const Catalog::ServiceItem *item = m_cases.hasCase() ? m_cases.item() : nullptr;
        options.recordingInfo = { m_callId, m_cases.hasCase() ? m_cases.draft().caseId : QString(),
            item ? item->itemCode : QString(), m_station.windowId(), m_cases.clerk().account,
            calls->peerWindow(), calls->peerClerk() };
    }
    // The window's HD camera through drivers/api (its frames converted off the GUI thread by
    // the driver); none with simulated devices: the test pattern stands in.
    std::shared_ptr<Drivers::DocumentSource> camera;
    if (m_useDevices && !QMediaDevices::videoInputs().isEmpty()) {
        if (!m_devices)
            m_devices = Drivers::createDeviceRegistry();
        auto created = m_devices->create(
            QStringLiteral("uvc:") + QString::fromUtf8(QMediaDevices::defaultVideoInput().id()));
        if (created)
            camera = std::move(created).value();
        else
            qWarning("call camera: %s", qPrintable(created.error().toString()));
    }
    const QString callId = m_callId;
    m_media = std::make_unique<Assist::CallMedia>(role, options, std::move(camera),
        [this, callId](const QString &action, const QString &result, const QString &detail) {
            audit(action, callId, result, detail);
        });
    connect(m_media.get(), &Assist::CallMedia::recordingFinished, m_recordings,
        &Assist::CallRecordings::recordingFinished);
    connect(
        m_media.get(), &Assist::CallMedia::remoteFrame, m_remote, &Widgets::VideoView::setImage);
    connect(m_media.get(), &Assist::CallMedia::localFrame, m_self, &Widgets::VideoView::setImage);
    connect(m_media->session(), &MediaSession::channelMessage, this, [this](const QString &text) {
        if (m_pageShare)
            m_pageShare->handleMessage(text);
    });
    connect(m_media.get(), &Assist::CallMedia::qualityReport, this, &CallPage::showQuality);
    connect(m_media.get(), &Assist::CallMedia::videoLevelChanged, this, &CallPage::showVideoLevel);
    connect(m_media.get(), &Assist::CallMedia::connected, this,
        [this] { showStatus(tr("In a call with %1.").arg(peerLabel())); });
    connect(m_media.get(), &Assist::CallMedia::failed, this,
        [this](const Core::Error &error) { showStatus(error.message, true); });
    connect(m_media.get(), &Assist::CallMedia::cameraFailed, this,
        [this](const Core::Error &error) { showStatus(error.message, true); });
    if (const Core::Status started = m_media->start(calls); !started)
        showStatus(started.error().message, true);
}

void CallPage::sendRecordings()
{
    if (m_platform && m_platform->session() && m_platform->session()->isSignedIn())
        m_recordings->send(*m_platform->session(), m_platform);
}

void CallPage::stopMedia()
{
    if (m_media) {
        m_media->stop();
        m_media.reset();
    }
    m_recordings->callEnded();
    m_remote->clear();
    m_self->clear();
    m_quality->setVisible(false);
    m_qualityNotice->setVisible(false);
}

void CallPage::onEnded(CallSignalling::End why, const Core::Error &error)
{
    const bool wasActive = m_pageShare != nullptr;
    keepMarkups(); // the last marks, before the call's page is put away
    stopSharing();
    stopMedia();
    if (wasActive)
        emit callActiveChanged(false);
    QString text;
    bool problem = false;
    switch (why) {
    case CallSignalling::End::Cancelled:
        text = tr("The call was cancelled.");
        break;
    case CallSignalling::End::Missed: {
        CallSignalling *calls = m_platform->calls();
        if (calls->lastMissRangNobody()) {
            // Nobody could ring: no home window of the item was online (000 §18).
            text = tr("No home window of this item is online now, so nobody could be called. "
                      "The platform texts the home windows that they should be online, and "
                      "records it for each of them. Try again in a few minutes.");
        } else {
            text = tr("No home window answered within %n second(s). The platform has sent the "
                      "home windows an SMS reminder and counted the missed call. You can call "
                      "again.",
                nullptr, calls->missAfterSeconds());
        }
        problem = true;
        break;
    }
    case CallSignalling::End::Taken:
        text = tr("Another home window answered this call.");
        break;
    case CallSignalling::End::Declined:
        text = tr("You declined the call.");
        break;
    case CallSignalling::End::HungUp:
        text = tr("You hung up.");
        break;
    case CallSignalling::End::RemoteHungUp:
        text = tr("The other window hung up.");
        break;
    case CallSignalling::End::Refused:
        text = error.message;
        problem = true;
        break;
    case CallSignalling::End::ConnectionLost:
        text = tr("The connection to the platform was lost, so the call ended. Call again once "
                  "Today shows the platform connected.");
        problem = true;
        break;
    }
    audit(QStringLiteral("call.end"), m_callId,
        QString::fromLatin1(QMetaEnum::fromType<CallSignalling::End>().valueToKey(int(why))),
        error.detail);
    m_callId.clear();
    showStatus(text, problem);
    updateButtons();
}

void CallPage::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setProperty("problem", problem);
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);
}

void CallPage::audit(
    const QString &action, const QString &object, const QString &result, const QString &detail)
{
    const QString clerk = m_cases.clerk().account;
    if (auto recorded
        = m_station.audit().append({ clerk, m_station.windowId(), action, object, result, detail });
        !recorded)
        qWarning("audit record not written: %s", qPrintable(recorded.error().toString()));
}

void CallPage::startSharing()
{
    CallSignalling *calls = m_platform->calls();
    const bool caller = m_role != QLatin1String("home");
    m_pageShare = std::make_unique<Assist::PageShare>(
        m_station.windowId(), [this, calls](const QString &message) -> Core::Status {
            // The data channel when open (peer to peer); the platform while it is not.
            if (m_media && m_media->session()->isChannelOpen())
                return m_media->session()->sendChannelMessage(message);
            return calls->sendShare(message);
        });
    connect(m_pageShare.get(), &Assist::PageShare::pageChanged, this, &CallPage::onSharedPage);
    connect(m_pageShare.get(), &Assist::PageShare::strokesChanged, this,
        [this, caller](const QString &sha256) {
            if (sha256 == m_pageShare->currentPage())
                showMarks();
            if (caller) {
                // On disk at once: a window killed before the platform keeps them keeps them
                // at its next start (keepJournaledMarkups).
                if (const Core::Status journaled
                    = m_markupJournal->record(m_callId, sha256, m_pageShare->markup(sha256));
                    !journaled)
                    qWarning("marks not journaled: %s", qPrintable(journaled.error().toString()));
                m_dirtyMarkups.insert(sha256);
                m_keepTimer->start();
            }
        });
    m_pageImages.clear();
    m_pageNumbers.clear();
    m_uploaded.clear();
    m_dirtyMarkups.clear();
    m_pageChoice->clear();
    m_viewer->clearPage(caller
            ? tr("Choose a page of the case and press “Show this page”: the home window sees "
                 "it at full resolution and can mark it.")
            : tr("The page the application window shows appears here at full resolution. Mark "
                 "it with the pen, arrow, box or note; the other window sees your marks."));
    m_shareButton->setText(caller ? tr("Show this page") : tr("Show this page again"));
    fillPageChoice();
    showShareStatus({});
    m_sharePanel->setVisible(true);
    if (caller)
        m_callsHere.insert(m_callId);
    if (caller && !m_pendingPage.isEmpty())
        sharePage(m_pendingPage);
    m_pendingPage.clear();
}

void CallPage::stopSharing()
{
    m_keepTimer->stop();
    m_pageShare.reset();
    m_sharePanel->setVisible(false);
    m_viewer->clearPage({});
    m_pageImages.clear();
    m_pageNumbers.clear();
    m_uploaded.clear();
    m_dirtyMarkups.clear();
}

void CallPage::fillPageChoice()
{
    if (m_role == QLatin1String("home"))
        return; // the pages shown so far are added as they come
    m_pageChoice->clear();
    if (!m_cases.hasCase())
        return;
    const Intake::CaseDraft &draft = m_cases.draft();
    const Catalog::ServiceItem *item = m_cases.item();
    int number = 0;
    for (const Intake::MaterialState &material : draft.materials) {
        QString name = material.materialId;
        if (item) {
            for (const Catalog::MaterialRequirement &requirement : item->materials) {
                if (requirement.id == material.materialId)
                    name = requirement.name;
            }
        }
        for (qsizetype i = 0; i < material.pages.size(); ++i) {
            ++number;
            m_pageChoice->addItem(tr("Page %1: %2, page %3 of %4")
                                      .arg(number)
                                      .arg(name)
                                      .arg(i + 1)
                                      .arg(material.pages.size()),
                material.pages.at(i).pageId);
        }
    }
    if (m_pageChoice->count() == 0)
        showShareStatus(tr("The case has no captured page yet: capture one on the checklist."));
}

bool CallPage::sharePage(const QString &pageId)
{
    if (!m_pageShare || !m_callPages || m_role == QLatin1String("home"))
        return false;
    const int index = m_pageChoice->findData(pageId);
    if (index >= 0)
        m_pageChoice->setCurrentIndex(index);
    const auto bytes = m_station.pages().read(pageId);
    if (!bytes) {
        showShareStatus(bytes.error().message, true);
        return false;
    }
    const QImage image = QImage::fromData(*bytes);
    if (image.isNull()) {
        showShareStatus(tr("This page cannot be read. Capture it again."), true);
        return false;
    }
    const QString sha = Assist::CallPages::sha256Hex(*bytes);
    const int number = index + 1;
    m_pageImages.insert(sha, image);
    m_pageNumbers.insert(sha, number);
    if (m_uploaded.contains(sha)) {
        (void)m_pageShare->showPage(sha, image.size(), number);
        return true;
    }
    showShareStatus(tr("Sending the page to the platform…"));
    const QString callId = m_callId;
    m_callPages->upload(callId, *bytes,
        [this, callId, sha, size = image.size(), number](Core::Result<QString> stored) {
            if (!m_pageShare || callId != m_callId)
                return; // the call ended meanwhile
            if (!stored) {
                showShareStatus(stored.error().message, true);
                return;
            }
            m_uploaded.insert(sha);
            showShareStatus({});
            audit(QStringLiteral("call.page"), m_callId, QStringLiteral("shared"),
                QStringLiteral("page=%1").arg(sha));
            if (const Core::Status shown = m_pageShare->showPage(sha, size, number); !shown)
                showShareStatus(shown.error().message, true);
        });
    return true;
}

void CallPage::onSharedPage(const QString &sha256, int pageNumber)
{
    m_pageNumbers.insert(sha256, pageNumber);
    const QString title = tr("Page %1").arg(pageNumber);
    if (m_role == QLatin1String("home")) {
        if (m_pageChoice->findData(sha256) < 0)
            m_pageChoice->addItem(title, sha256);
        m_pageChoice->setCurrentIndex(m_pageChoice->findData(sha256));
    } else {
        for (int i = 0; i < m_pageChoice->count(); ++i) {
            const auto page = m_station.pages().page(m_pageChoice->itemData(i).toString());
            if (page && page->sha256 == sha256)
                m_pageChoice->setCurrentIndex(i);
        }
    }
    if (m_pageImages.contains(sha256)) {
        m_viewer->setPage(m_pageImages.value(sha256), title);
        showMarks();
        return;
    }
    if (!m_callPages)
        return;
    showShareStatus(tr("Fetching the page at full resolution…"));
    const QString callId = m_callId;
    m_callPages->fetch(
        callId, sha256, [this, callId, sha256, title](Core::Result<QByteArray> bytes) {
            if (!m_pageShare || callId != m_callId)
                return;
            if (!bytes) {
                showShareStatus(bytes.error().message, true);
                return;
            }
            const QImage image = QImage::fromData(*bytes);
            if (image.isNull()) {
                showShareStatus(tr("The shared page cannot be shown: it is not a picture."), true);
                return;
            }
            m_pageImages.insert(sha256, image);
            showShareStatus({});
            if (m_pageShare->currentPage() == sha256) {
                m_viewer->setPage(image, title);
                showMarks();
            }
        });
}

void CallPage::showMarks()
{
    if (!m_pageShare)
        return;
    QList<Widgets::Mark> marks;
    for (const Assist::Stroke &stroke : m_pageShare->strokes(m_pageShare->currentPage()))
        marks.append(toMark(stroke));
    m_viewer->setMarks(marks);
}

void CallPage::onMarkDrawn(const Widgets::Mark &mark)
{
    if (!m_pageShare || m_pageShare->currentPage().isEmpty())
        return;
    if (const auto added = m_pageShare->addStroke(toStroke(mark)); !added)
        showShareStatus(added.error().message, true);
}

void CallPage::keepMarkups()
{
    m_keepTimer->stop();
    if (!m_pageShare || !m_callPages || m_dirtyMarkups.isEmpty())
        return;
    const QString callId = m_callId;
    const QString caseId = m_cases.hasCase() ? m_cases.draft().caseId : QString();
    for (const QString &sha : std::as_const(m_dirtyMarkups)) {
        const QImage page = m_pageImages.value(sha);
        if (page.isNull() || !m_uploaded.contains(sha))
            continue;
        const QList<Assist::Stroke> strokes = m_pageShare->strokes(sha);
        const QJsonObject markup = m_pageShare->markup(sha);
        m_callPages->keepMarkup(callId, markup, page, strokes,
            [this, callId, caseId, sha, markup, count = strokes.size()](
                Core::Result<QString> kept) {
                if (!kept) {
                    qWarning("markup of %s not kept: %s", qPrintable(sha),
                        qPrintable(kept.error().toString()));
                    audit(QStringLiteral("call.markup"), callId, QStringLiteral("failed"),
                        kept.error().detail);
                    return;
                }
                const QString detail = QStringLiteral("call=%1 page=%2 strokes=%3 rendering=%4")
                                           .arg(callId, sha)
                                           .arg(count)
                                           .arg(*kept);
                m_markupJournal->remove(callId, sha, markup);
                // The case's trail names the marked-up page (the case it was about).
                if (m_cases.hasCase() && m_cases.draft().caseId == caseId)
                    m_cases.audit(QStringLiteral("call.markup"), detail);
                else
                    audit(QStringLiteral("call.markup"), callId, QStringLiteral("kept"), detail);
                emit markupKept(callId, sha);
            });
    }
    m_dirtyMarkups.clear();
}

void CallPage::keepJournaledMarkups()
{
    if (!m_callPages || !m_platform || !m_platform->session()
        || !m_platform->session()->isSignedIn() || m_pageShare)
        return; // not signed in, or a call under way: its marks are its own
    for (const Assist::MarkupJournal::Entry &entry : m_markupJournal->pending()) {
        const QString key = entry.callId + u'/' + entry.pageSha256;
        // A call of this run keeps its own marks (keepMarkups): only a killed run's are here.
        if (m_keepingJournaled.contains(key) || m_callsHere.contains(entry.callId))
            continue;
        // The caller's page: in this window's page store.
        auto content = m_station.pages().readContent(entry.pageSha256);
        const QImage page = content ? QImage::fromData(*content) : QImage();
        if (page.isNull()) {
            qWarning(
                "journaled marks of a page not here any more: %s", qPrintable(entry.pageSha256));
            m_markupJournal->remove(entry.callId, entry.pageSha256);
            continue;
        }
        QList<Assist::Stroke> strokes;
        for (const QJsonValue stroke : entry.markup.value(QStringLiteral("strokes")).toArray()) {
            if (auto read = Assist::Stroke::fromJson(stroke.toObject(), page.size()))
                strokes.append(*read);
        }
        m_keepingJournaled.insert(key);
        m_callPages->keepMarkup(entry.callId, entry.markup, page, strokes,
            [this, entry, key, count = strokes.size()](Core::Result<QString> kept) {
                m_keepingJournaled.remove(key);
                if (!kept) {
                    qWarning("journaled marks not kept: %s", qPrintable(kept.error().toString()));
                    return; // at the next refresh
                }
                m_markupJournal->remove(entry.callId, entry.pageSha256, entry.markup);
                audit(QStringLiteral("call.markup"), entry.callId, QStringLiteral("kept"),
                    QStringLiteral("call=%1 page=%2 strokes=%3 rendering=%4 after=restart")
                        .arg(entry.callId, entry.pageSha256)
                        .arg(count)
                        .arg(*kept));
                emit markupKept(entry.callId, entry.pageSha256);
            });
    }
}

void CallPage::showShareStatus(const QString &text, bool problem)
{
    m_shareStatus->setText(text);
    m_shareStatus->setProperty("problem", problem);
    m_shareStatus->style()->unpolish(m_shareStatus);
    m_shareStatus->style()->polish(m_shareStatus);
}

} // namespace Tongban::Gui
