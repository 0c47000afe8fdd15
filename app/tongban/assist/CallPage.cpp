#include "CallPage.h"

#include "CallDeviceCheck.h"
#include "CallQualityPanel.h"
#include "IncomingCallsBox.h"
#include "SharedPagePanel.h"
#include "cases/CaseController.h"

#include <assist/CallMedia.h>
#include <assist/CallPages.h>
#include <assist/CallRecordings.h>
#include <assist/IceServers.h>
#include <assist/MarkupKeeper.h>
#include <catalog/CatalogStore.h>
#include <platform/ApiClient.h>
#include <security/AuditLog.h>
#include <widgets/VideoView.h>

#include <QApplication>
#include <QCameraDevice>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaDevices>
#include <QMetaEnum>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <common/PlatformLink.h>
#include <common/Workstation.h>
#include <drivers/api/DeviceFactory.h>
#include <drivers/api/DeviceRegistry.h>

namespace Tongban::Gui {

using Assist::CallSignalling;
using Assist::MediaOptions;
using Assist::MediaSession;

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

    m_incoming = new IncomingCallsBox(m_station, this);
    layout->addWidget(m_incoming);

    auto *videos = new QHBoxLayout;
    if (m_platform && m_platform->session())
        m_callPages = new Assist::CallPages(*m_platform->session(), this);
    m_markups = new Assist::MarkupKeeper(
        QDir(m_station.dataDirectory()).filePath(QStringLiteral("call-marks")), m_callPages, this);
    connect(m_markups, &Assist::MarkupKeeper::kept, this, &CallPage::onMarkupKept);
    connect(m_markups, &Assist::MarkupKeeper::failed, this,
        [this](const QString &callId, const QString &, const QString &detail) {
            audit(QStringLiteral("call.markup"), callId, QStringLiteral("failed"), detail);
        });
    m_share = new SharedPagePanel(m_station, m_cases, m_callPages, *m_markups, this);
    connect(m_share, &SharedPagePanel::pageShared, this,
        [this](const QString &callId, const QString &sha256) {
            audit(QStringLiteral("call.page"), callId, QStringLiteral("shared"),
                QStringLiteral("page=%1").arg(sha256));
        });
    videos->addWidget(m_share, 3);

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
    m_quality = new CallQualityPanel(this);
    layout->addWidget(m_quality);

    m_recordingNote = new QLabel(tr("Every call is recorded by the window that makes it and kept "
                                    "six months on the platform."),
        this);
    m_recordingNote->setObjectName(QStringLiteral("recordingNote"));
    m_recordingNote->setWordWrap(true);
    layout->addWidget(m_recordingNote);

    m_recordings = new Assist::CallRecordings(
        QDir(m_station.dataDirectory()).filePath(QStringLiteral("recordings")),
        [this](const QString &action, const QString &callId, const QString &result,
            const QString &detail) { audit(action, callId, result, detail); },
        this);
    connect(m_recordings, &Assist::CallRecordings::readyToSend, this, &CallPage::sendRecordings);
    connect(m_call, &QPushButton::clicked, this, &CallPage::call);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_platform && m_platform->calls())
            (void)m_platform->calls()->cancel(); // ends here either way
    });
    connect(m_hangUp, &QPushButton::clicked, this, &CallPage::hangUp);
    connect(m_checkDevices, &QPushButton::clicked, this, &CallPage::checkDevices);
    connect(m_incoming, &IncomingCallsBox::answerRequested, this, &CallPage::answer);
    connect(m_incoming, &IncomingCallsBox::declineRequested, this, &CallPage::decline);
    connect(m_incoming, &IncomingCallsBox::choiceChanged, this, &CallPage::updateButtons);

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
        connect(calls, &CallSignalling::shareReceived, m_share, &SharedPagePanel::handleMessage);
    }
    // The platform back within the session (the events socket reconnected, the hub
    // restarted): the marks whose keep failed meanwhile are kept now, not at the next start.
    if (Platform::ResultFeed *feed = m_platform ? m_platform->results() : nullptr)
        connect(feed, &Platform::ResultFeed::connected, this, &CallPage::keepJournaledMarkups);
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

Assist::PageShare *CallPage::pageShare() const
{
    return m_share->pageShare();
}

Widgets::MarkupView *CallPage::markupView() const
{
    return m_share->markupView();
}

void CallPage::refresh()
{
    sendRecordings();
    keepJournaledMarkups();
    const bool home = m_role == QLatin1String("home");
    m_incoming->setVisible(home);
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
    m_incoming->updateButtons(idle && !m_fetchingIceServers);
    // The devices are the call's while it lasts.
    m_checkDevices->setEnabled(idle);
}

void CallPage::checkDevices()
{
    audit(QStringLiteral("call.devices"), QString(), QStringLiteral("checked"));
    checkCallDevices(this, m_station, !m_useDevices);
}

void CallPage::showVideoLevel(Assist::VideoLevel level)
{
    // The size the call started at: back there, there is nothing to say.
    m_quality->showLevel(level,
        m_media && m_media->session()->options().videoSize.height() >= 720
            ? Assist::VideoLevel::High720
            : Assist::VideoLevel::Standard360);
}

void CallPage::updateIncoming()
{
    const QList<CallSignalling::Incoming> calls = m_platform && m_platform->calls()
        ? m_platform->calls()->incomingCalls()
        : QList<CallSignalling::Incoming>();
    m_incoming->setCalls(calls);
    // In a call the list makes room for the shared page, unless another call rings.
    m_incoming->setVisible(m_role == QLatin1String("home") && (!isInCall() || !calls.isEmpty()));
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
    const QString callId = m_incoming->currentCallId();
    if (callId.isEmpty())
        return;
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
    const QString callId = m_incoming->currentCallId();
    if (!calls || callId.isEmpty())
        return;
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
    connect(m_media->session(), &MediaSession::channelMessage, m_share,
        &SharedPagePanel::handleMessage);
    // The data channel open: what went through the platform before is sent again on it (a
    // message the platform lost arrives; the other side ignores what it has).
    connect(m_media->session(), &MediaSession::channelOpen, this, [this] {
        if (Assist::PageShare *share = m_share->pageShare())
            (void)share->resend();
    });
    connect(
        m_media.get(), &Assist::CallMedia::qualityReport, m_quality, &CallQualityPanel::showReport);
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
    m_quality->reset();
}

void CallPage::onEnded(CallSignalling::End why, const Core::Error &error)
{
    const bool wasActive = m_share->pageShare() != nullptr;
    m_share->stop(); // the caller's last marks kept first
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
    m_share->start(
        m_callId, m_role != QLatin1String("home"),
        [this, calls](const QString &message) -> Core::Status {
            // The data channel when open (peer to peer); the platform while it is not.
            if (m_media && m_media->session()->isChannelOpen())
                return m_media->session()->sendChannelMessage(message);
            return calls->sendShare(message);
        },
        m_pendingPage);
    m_pendingPage.clear();
}

bool CallPage::sharePage(const QString &pageId)
{
    return m_share->sharePage(pageId);
}

void CallPage::onMarkupKept(
    const QString &callId, const QString &caseId, const QString &pageSha256, const QString &detail)
{
    // The case's trail names the marked-up page (the case it was about).
    if (!caseId.isEmpty() && m_cases.hasCase() && m_cases.draft().caseId == caseId)
        m_cases.audit(QStringLiteral("call.markup"), detail);
    else
        audit(QStringLiteral("call.markup"), callId, QStringLiteral("kept"), detail);
    emit markupKept(callId, pageSha256);
}

void CallPage::keepJournaledMarkups()
{
    if (!m_platform || !m_platform->session() || !m_platform->session()->isSignedIn())
        return; // not signed in
    m_markups->keepPending([this](const QString &sha256) {
        auto content = m_station.pages().readContent(sha256);
        return content ? *content : QByteArray();
    });
}

} // namespace Tongban::Gui
