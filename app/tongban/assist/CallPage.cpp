#include "CallPage.h"

#include "cases/CaseController.h"

#include <catalog/CatalogStore.h>
#include <platform/ApiClient.h>
#include <security/AuditLog.h>
#include <storage/FileSystem.h>

#include <QApplication>
#include <QCamera>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMediaDevices>
#include <QMetaEnum>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>

#include <common/PlatformLink.h>
#include <common/Workstation.h>

namespace Tongban::Gui {

using Assist::CallSignalling;
using Assist::MediaOptions;
using Assist::MediaSession;

/// A picture of a call, scaled to fit on a dark ground, or a line saying what it waits for.
class VideoView : public QWidget
{
public:
    VideoView(const QString &placeholder, QWidget *parent)
        : QWidget(parent)
        , m_placeholder(placeholder)
    {
        setAttribute(Qt::WA_OpaquePaintEvent);
    }
    void setImage(const QImage &image)
    {
        m_image = image;
        update();
    }
    void clear()
    {
        m_image = {};
        update();
    }
    const QImage &image() const { return m_image; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), QColor(0x20, 0x24, 0x2a));
        if (m_image.isNull()) {
            painter.setPen(QColor(0xc8, 0xcc, 0xd2));
            painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                m_placeholder);
            return;
        }
        const QSize size = m_image.size().scaled(this->size(), Qt::KeepAspectRatio);
        const QRect target(
            QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(target, m_image);
    }

private:
    QString m_placeholder;
    QImage m_image;
};

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
    m_remote = new VideoView(tr("The other window's picture appears here during a call."), this);
    m_remote->setObjectName(QStringLiteral("remoteVideo"));
    m_remote->setMinimumSize(480, 270);
    m_self = new VideoView(tr("Your camera"), this);
    m_self->setObjectName(QStringLiteral("selfVideo"));
    m_self->setFixedSize(240, 135);
    videos->addWidget(m_remote, 1);
    auto *selfColumn = new QVBoxLayout;
    selfColumn->addWidget(m_self);
    selfColumn->addStretch();
    videos->addLayout(selfColumn);
    layout->addLayout(videos, 1);

    auto *notBuilt = new QLabel(tr("Calls you make are recorded and kept six months on the "
                                   "platform. Not built yet: showing a captured page for the "
                                   "home clerk to mark."),
        this);
    notBuilt->setObjectName(QStringLiteral("notBuiltBanner"));
    notBuilt->setWordWrap(true);
    layout->addWidget(notBuilt);

    connect(m_call, &QPushButton::clicked, this, &CallPage::call);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_platform && m_platform->calls())
            (void)m_platform->calls()->cancel(); // ends here either way
    });
    connect(m_hangUp, &QPushButton::clicked, this, &CallPage::hangUp);
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
            updateIncoming();
            QApplication::alert(window());
        });
        connect(calls, &CallSignalling::incomingEnded, this, &CallPage::updateIncoming);
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

void CallPage::setRole(const QString &role)
{
    m_role = role;
    refresh();
}

void CallPage::prepareCall(const QString &materialId)
{
    m_materialId = materialId;
    refresh();
}

QImage CallPage::remotePicture() const
{
    return m_remote->image();
}

void CallPage::refresh()
{
    sendRecordings();
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
    m_call->setEnabled(calls && idle && m_cases.hasCase() && m_cases.item());
    m_cancel->setEnabled(
        state == CallSignalling::State::Inviting || state == CallSignalling::State::Ringing);
    m_hangUp->setEnabled(state == CallSignalling::State::Active);
    m_answer->setEnabled(idle && m_incoming->currentRow() >= 0);
    m_decline->setEnabled(m_incoming->currentRow() >= 0);
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
    updateButtons();
    emit incomingCountChanged(int(calls.size()));
}

void CallPage::call()
{
    CallSignalling *calls = m_platform ? m_platform->calls() : nullptr;
    const Catalog::ServiceItem *item = m_cases.hasCase() ? m_cases.item() : nullptr;
    if (!calls || !item)
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
    CallSignalling *calls = m_platform ? m_platform->calls() : nullptr;
    QListWidgetItem *row = m_incoming->currentItem();
    if (!calls || !row)
        return;
    const QString callId = row->data(Qt::UserRole).toString();
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
}

void CallPage::startMedia()
{
    CallSignalling *calls = m_platform->calls();
    MediaOptions options;
    // A platform on this machine: both windows are here too (the demo, the tests).
    options.loopbackOnly = Platform::isLoopbackHost(m_platform->url().host());
    options.playRemoteAudio = m_useDevices;
    options.audio = m_useDevices ? MediaOptions::Audio::Microphone : MediaOptions::Audio::TestTone;
    const bool camera = m_useDevices && !QMediaDevices::videoInputs().isEmpty();
    options.video = camera ? MediaOptions::Video::Frames : MediaOptions::Video::TestPattern;
    const MediaSession::Role role = m_role == QLatin1String("home") ? MediaSession::Role::Answerer
                                                                    : MediaSession::Role::Offerer;
    if (role == MediaSession::Role::Offerer) {
        // The caller records the call (000 §15), both directions as sent.
        QString folderName = m_callId;
        folderName.replace(
            QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
        options.recordingDirectory = QDir(recordingsFolder()).filePath(folderName);
        // Recordings show applicants: this account's only, like the page store (0700/0600).
        for (const QString &folder : { recordingsFolder(), options.recordingDirectory }) {
            if (const Core::Status made = Storage::FileSystem::system().ensureDirectory(folder);
                !made)
                qWarning("recording folder: %s", qPrintable(made.error().toString()));
        }
        const Catalog::ServiceItem *item = m_cases.hasCase() ? m_cases.item() : nullptr;
        options.recordingInfo = { m_callId, m_cases.hasCase() ? m_cases.draft().caseId : QString(),
            item ? item->itemCode : QString(), m_station.windowId(), m_cases.clerk().account,
            calls->peerWindow(), calls->peerClerk() };
    }
    m_media = std::make_unique<MediaSession>(role, options);
    connect(m_media.get(), &MediaSession::recordingFinished, this, [this](const QString &folder) {
        // GStreamer writes its chunks with the process umask: made private before they go on.
        if (const Core::Status kept = Storage::FileSystem::system().makePrivate(folder); !kept)
            qWarning("recording not made private: %s", qPrintable(kept.error().toString()));
        audit(QStringLiteral("call.recording"), m_callId, QStringLiteral("recorded"), folder);
        // After the session has stopped: the outbox reads the finished manifest.
        QTimer::singleShot(0, this, &CallPage::sendRecordings);
    });
    connect(m_media.get(), &MediaSession::remoteFrame, m_remote, &VideoView::setImage);
    connect(m_media.get(), &MediaSession::localFrame, m_self, &VideoView::setImage);
    connect(m_media.get(), &MediaSession::stateChanged, this, [this](MediaSession::State state) {
        if (state == MediaSession::State::Connected)
            showStatus(tr("In a call with %1.").arg(peerLabel()));
    });
    connect(m_media.get(), &MediaSession::failed, this, [this](const Core::Error &error) {
        showStatus(error.message, true);
        audit(QStringLiteral("call.media"), m_callId, QStringLiteral("failed"), error.detail);
    });
    Assist::bindToCall(m_media.get(), calls);
    if (const Core::Status started = m_media->start(); !started) {
        showStatus(started.error().message, true);
        return;
    }
    if (camera) {
        m_camera = new QCamera(QMediaDevices::defaultVideoInput(), this);
        m_cameraSink = new QVideoSink(this);
        m_cameraSession.setCamera(m_camera);
        m_cameraSession.setVideoSink(m_cameraSink);
        connect(m_cameraSink, &QVideoSink::videoFrameChanged, this,
            [this, interval = 1000 / options.framesPerSecond](const QVideoFrame &frame) {
                // At the call's frame rate, not the camera's: toImage() is a copy of the frame.
                if (!m_media || (m_cameraClock.isValid() && m_cameraClock.elapsed() < interval))
                    return;
                m_cameraClock.start();
                m_media->pushVideoFrame(frame.toImage());
            });
        connect(
            m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error, const QString &text) {
                showStatus(
                    tr("The camera for the call stopped: %1. The other window no longer sees "
                       "you; check the camera's cable.")
                        .arg(text),
                    true);
            });
        m_camera->start();
    }
}

QString CallPage::recordingsFolder() const
{
    return QDir(m_station.dataDirectory()).filePath(QStringLiteral("recordings"));
}

void CallPage::sendRecordings()
{
    if (!m_platform || !m_platform->session() || !m_platform->session()->isSignedIn()
        || (m_media && m_media->recording()))
        return; // not signed in, or a call being recorded now: after it
    if (!m_recordings) {
        if (!Storage::FileSystem::system().ensureDirectory(recordingsFolder()))
            return;
        m_recordings
            = new Assist::RecordingOutbox(*m_platform->session(), recordingsFolder(), m_platform);
        // No call is under way: a recording without an end was cut by a killed window.
        m_recordings->recoverInterrupted();
        connect(m_recordings, &Assist::RecordingOutbox::acknowledged, this,
            [this](const QString &callId) {
                audit(QStringLiteral("call.recording"), callId, QStringLiteral("uploaded"));
            });
        connect(m_recordings, &Assist::RecordingOutbox::failed, this,
            [this](const QString &callId, const Core::Error &error) {
                audit(QStringLiteral("call.recording"), callId, QStringLiteral("failed"),
                    error.detail);
            });
    }
    m_recordings->start();
}

void CallPage::stopMedia()
{
    if (m_camera) {
        m_camera->stop();
        m_cameraSession.setCamera(nullptr);
        m_cameraSession.setVideoSink(nullptr);
        delete m_camera;
        m_camera = nullptr;
        delete m_cameraSink;
        m_cameraSink = nullptr;
        m_cameraClock.invalidate();
    }
    if (m_media) {
        m_media->stop();
        m_media.reset();
    }
    m_remote->clear();
    m_self->clear();
}

void CallPage::onEnded(CallSignalling::End why, const Core::Error &error)
{
    stopMedia();
    QString text;
    bool problem = false;
    switch (why) {
    case CallSignalling::End::Cancelled:
        text = tr("The call was cancelled.");
        break;
    case CallSignalling::End::Missed:
        text = tr("No home window answered within 30 seconds. The platform has sent the home "
                  "windows an SMS reminder and counted the missed call. You can call again.");
        problem = true;
        break;
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

} // namespace Tongban::Gui
