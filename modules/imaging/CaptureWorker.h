#pragma once

#include "CapturePipeline.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace Tongban::Imaging {

/*!
 * Runs processStill() on the thread pool, one still at a time, and reports
 * in the owner's thread. cancel() stops the run at the next stage boundary
 * and reports cancelled(); starting a new still cancels the previous one.
 */
class CaptureWorker : public QObject
{
    Q_OBJECT
public:
    explicit CaptureWorker(QObject *parent = nullptr);
    ~CaptureWorker() override;

    void process(const StillInput &input, const ProcessOptions &options);
    void cancel();
    bool isBusy() const;

signals:
    void finished(const Tongban::Imaging::ProcessedPage &page);
    void failed(const Tongban::Core::Error &error);
    void cancelled();

private:
    void onFinished();

    QFutureWatcher<Core::Result<ProcessedPage>> *m_watcher = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace Tongban::Imaging

Q_DECLARE_METATYPE(Tongban::Imaging::ProcessedPage)
