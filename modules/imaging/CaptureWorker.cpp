#include "CaptureWorker.h"

#include "ImagingErrors.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Tongban::Imaging {

CaptureWorker::CaptureWorker(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ProcessedPage>();
    qRegisterMetaType<Core::Error>();
}

CaptureWorker::~CaptureWorker()
{
    if (m_watcher) {
        m_cancel->store(true);
        m_watcher->waitForFinished();
    }
}

bool CaptureWorker::isBusy() const
{
    return m_watcher != nullptr;
}

void CaptureWorker::process(const StillInput &input, const ProcessOptions &options)
{
    cancel();
    auto flag = std::make_shared<std::atomic_bool>(false);
    m_cancel = flag;
    m_watcher = new QFutureWatcher<Core::Result<ProcessedPage>>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &CaptureWorker::onFinished);
    m_watcher->setFuture(QtConcurrent::run(
        [input, options, flag] { return processStill(input, options, flag.get()); }));
}

void CaptureWorker::cancel()
{
    if (!m_watcher)
        return;
    m_cancel->store(true);
    // The old run reports cancelled() when it stops; a newer run has its own watcher.
    QFutureWatcher<Core::Result<ProcessedPage>> *old = m_watcher;
    m_watcher = nullptr;
    disconnect(old, nullptr, this, nullptr);
    connect(old, &QFutureWatcherBase::finished, this, [this, old] {
        old->deleteLater();
        emit cancelled();
    });
}

void CaptureWorker::onFinished()
{
    auto *watcher = m_watcher;
    m_watcher = nullptr;
    if (!watcher)
        return;
    watcher->deleteLater();
    const Core::Result<ProcessedPage> result = watcher->result();
    if (result.ok())
        emit finished(*result);
    else if (result.error().code == Cancelled)
        emit cancelled();
    else
        emit failed(result.error());
}

} // namespace Tongban::Imaging
