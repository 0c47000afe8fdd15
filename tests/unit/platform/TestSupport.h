#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTest>

#include <functional>
#include <optional>

namespace Tongban::Platform::Testing {

/// Starts an asynchronous call and spins the event loop until its callback ran.
template<typename T>
std::optional<T> await(
    const std::function<void(std::function<void(T)>)> &start, int timeoutMs = 15000)
{
    auto out = std::make_shared<std::optional<T>>();
    start([out](T value) { out->emplace(std::move(value)); });
    QElapsedTimer timer;
    timer.start();
    while (!out->has_value() && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    return *out;
}

inline bool spinUntil(const std::function<bool()> &condition, int timeoutMs = 15000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(5);
    }
    return true;
}

} // namespace Tongban::Platform::Testing
