#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace Tongban::Security {

/*!
 * Lock policy: reports idle() once the application has had no keyboard,
 * mouse, wheel or touch input for the timeout (10 minutes by default at
 * the window, configurable). The shell then locks the window; only the same
 * clerk, or a sign-out, opens it again.
 *
 * Watches every object of the application through an event filter on
 * QCoreApplication while started. GUI thread.
 */
class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    explicit IdleWatcher(std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~IdleWatcher() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }

signals:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::chrono::milliseconds m_timeout;
    QTimer m_timer;
    bool m_filtering = false;
};

} // namespace Tongban::Security
