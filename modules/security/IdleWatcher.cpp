#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace Tongban::Security {

IdleWatcher::IdleWatcher(std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_timeout(timeout)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        stop();
        emit idle();
    });
}

IdleWatcher::~IdleWatcher()
{
    stop();
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    if (m_timer.isActive())
        m_timer.start(m_timeout);
}

void IdleWatcher::start()
{
    if (!m_filtering && QCoreApplication::instance()) {
        QCoreApplication::instance()->installEventFilter(this);
        m_filtering = true;
    }
    m_timer.start(m_timeout);
}

void IdleWatcher::stop()
{
    m_timer.stop();
    if (m_filtering && QCoreApplication::instance()) {
        QCoreApplication::instance()->removeEventFilter(this);
        m_filtering = false;
    }
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        m_timer.start(m_timeout);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Tongban::Security
