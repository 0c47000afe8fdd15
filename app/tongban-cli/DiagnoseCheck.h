#pragma once

// What tongban-cli diagnose's checks share (DiagnoseCommands.cpp, LineCheck.cpp): a check's
// verdict and finding, and waiting for an asynchronous answer with a bound.

#include <QEventLoop>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QJsonObject;

namespace Tongban::App {
class Workstation;
}

namespace Tongban::Cli::Diagnose {

enum class Verdict { Ok, Warning, Failed, Skipped, NotBuilt };

struct Check
{
    QString id;
    QString title;
    Verdict verdict = Verdict::Ok;
    QString finding;
    QString advice; ///< what to do; required unless Ok or Skipped
};

/// Waits for an asynchronous answer, at most \a timeoutMs. An answer that comes later (the
/// check gave up) lands in state the callback shares, never on this stack frame.
template<typename T>
std::optional<T> await(const std::function<void(std::function<void(T)>)> &start, int timeoutMs)
{
    QEventLoop loop;
    const QPointer<QEventLoop> running(&loop);
    const auto result = std::make_shared<std::optional<T>>();
    start([result, running](T value) {
        *result = std::move(value);
        if (running)
            running->quit();
    });
    if (!*result) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return *result;
}

/// Upload and download throughput to the platform and the round trip, against the dedicated
/// 100 Mbit/s line of 000 第十六条 (issue 16), through /api/v1/diag as \a account
/// (LineCheck.cpp). \a measured gets the figures.
Check checkBandwidth(
    App::Workstation *station, bool platformOk, const QString &account, QJsonObject *measured);

} // namespace Tongban::Cli::Diagnose
