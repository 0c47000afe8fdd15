#pragma once

#include <core/Result.h>

#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>

class QThreadPool;

namespace Tongban::Drivers::Sane::Internal {

/// One scanner as sane_get_devices() lists it.
struct DeviceInfo
{
    QString name; ///< SANE device name, e.g. "test:0", "fujitsu:fi-7160:1234"
    QString vendor;
    QString model;
    QString type;
};

/*!
 * The process-wide SANE library state.
 *
 * Every SANE call of the process runs on one dedicated thread (the pool
 * returned by pool(), one thread that never expires), so that libsane and its
 * backends see a single caller. Scans never make the caller wait; the calls
 * that need an answer (enumeration, open) wait for it with a bound.
 * acquire()/release() count users: sane_init() on the first, sane_exit() on
 * the last, so no SANE backend stays loaded while no scanner is in use.
 * acquire(), release() and listDevices() must be called on that thread.
 */
class SaneRuntime
{
public:
    static QThreadPool *pool();
    /// Queues \a job on the SANE thread (first in, first out).
    static void post(std::function<void()> job);
    /*!
     * Runs \a job on the SANE thread and waits for its result, at most
     * \a timeoutMs; std::nullopt on timeout (the job still runs later).
     * Never runs the job on the calling thread (unlike QFuture::waitForFinished,
     * which may steal a queued task).
     */
    template<typename T>
    static std::optional<T> call(std::function<T()> job, int timeoutMs)
    {
        auto promise = std::make_shared<std::promise<T>>();
        std::future<T> result = promise->get_future();
        post([promise, job = std::move(job)] { promise->set_value(job()); });
        if (result.wait_for(std::chrono::milliseconds(timeoutMs)) != std::future_status::ready)
            return std::nullopt;
        return result.get();
    }
    static Core::Status acquire();
    static void release();
    /// sane_get_devices(), copied; acquires and releases around the call.
    static Core::Result<QList<DeviceInfo>> listDevices();
    /// SANE's own text for a status (untranslated, for details and logs).
    static QString statusText(int status);
};

} // namespace Tongban::Drivers::Sane::Internal
