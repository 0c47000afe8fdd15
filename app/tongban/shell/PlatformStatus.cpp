#include "PlatformStatus.h"

#include <platform/Outbox.h>
#include <platform/ResultFeed.h>
#include <platform/Session.h>

#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTimer>

#include <common/PlatformLink.h>
#include <common/Workstation.h>

namespace Tongban::Gui {

PlatformStatus::PlatformStatus(
    App::Workstation &station, App::PlatformLink *platform, QObject *parent)
    : QObject(parent)
    , m_station(station)
    , m_platform(platform)
{
    m_timer = new QTimer(this);
    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, &PlatformStatus::update);
    m_timer->start();
    if (platform && platform->results()) {
        connect(platform->results(), &Platform::ResultFeed::stateChanged, this,
            &PlatformStatus::update);
    }
    if (platform && platform->outbox()) {
        Platform::Outbox *outbox = platform->outbox();
        connect(outbox, &Platform::Outbox::caseStateChanged, this, &PlatformStatus::update);
        connect(outbox, &Platform::Outbox::caseAcknowledged, this, &PlatformStatus::update);
        connect(outbox, &Platform::Outbox::caseError, this, &PlatformStatus::update);
        connect(outbox, &Platform::Outbox::idle, this, &PlatformStatus::update);
    }
    if (platform && platform->session()) {
        connect(platform->session(), &Platform::Session::signedIn, this, &PlatformStatus::update);
        connect(platform->session(), &Platform::Session::signedOut, this, &PlatformStatus::update);
    }
    update();
}

void PlatformStatus::update()
{
    State state = State::NotConfigured;
    if (m_platform && m_platform->isConfigured()) {
        const bool signedIn = m_platform->session() && m_platform->session()->isSignedIn();
        const auto feed = m_platform->results() ? m_platform->results()->state()
                                                : Platform::ResultFeed::State::Stopped;
        if (!signedIn || feed == Platform::ResultFeed::State::Stopped) {
            state = signedIn && m_wasLive ? State::Reconnecting : State::SignedOut;
            if (!signedIn)
                m_wasLive = false;
        } else if (feed == Platform::ResultFeed::State::Live) {
            state = State::Connected;
            m_wasLive = true;
        } else {
            state = m_wasLive ? State::Reconnecting : State::Connecting;
        }
    }
    if (state == State::Reconnecting && !m_lostSince.isValid())
        m_lostSince = m_station.clock().now();
    else if (state != State::Reconnecting)
        m_lostSince = {};
    int waiting = 0;
    int failed = 0;
    if (auto status = Platform::Outbox::status(m_station.database())) {
        const QJsonObject counts = status->value(QStringLiteral("counts")).toObject();
        waiting = counts.value(QStringLiteral("pending")).toInt()
            + counts.value(QStringLiteral("uploading")).toInt()
            + counts.value(QStringLiteral("submitting")).toInt();
        failed = counts.value(QStringLiteral("failed")).toInt();
    }
    if (state == m_state && waiting == m_waiting && failed == m_failed)
        return;
    m_state = state;
    m_waiting = waiting;
    m_failed = failed;
    emit changed();
}

QString PlatformStatus::stateText() const
{
    switch (m_state) {
    case State::NotConfigured:
        return tr("Platform not configured");
    case State::SignedOut:
        return tr("Not signed in to the platform");
    case State::Connecting:
        return tr("Connecting to the platform…");
    case State::Connected:
        return tr("Platform connected");
    case State::Reconnecting:
        return tr("Platform unreachable since %1, reconnecting")
            .arg(m_lostSince.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
                     .toString(QStringLiteral("HH:mm")));
    case State::Invalid:
        break;
    }
    return QString();
}

QString PlatformStatus::text() const
{
    QString text = stateText();
    if (m_waiting > 0)
        text += tr(" · %n case(s) waiting", nullptr, m_waiting);
    if (m_failed > 0)
        text += tr(" · %n case(s) not sent", nullptr, m_failed);
    return text;
}

QString PlatformStatus::clerkMessage(const QString &storedError)
{
    static const QRegularExpression code(QStringLiteral("\\s*\\(\\d+(:.*)?\\)\\s*$"),
        QRegularExpression::DotMatchesEverythingOption);
    QString text = storedError;
    text.remove(code);
    return text.trimmed();
}

} // namespace Tongban::Gui
