#include "NoticePrinter.h"

#include "Notice.h"
#include "NoticeStore.h"
#include "Tr.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QThread>

#include <cups/cups.h>
#include <memory>

namespace Tongban::Notices {

using Core::Error;
using Core::Result;

namespace {

Q_LOGGING_CATEGORY(lcPrint, "tongban.notices.print")

constexpr int kConnectTimeoutMs = 5000;
constexpr int kPollIntervalMs = 100;

struct HttpClose
{
    void operator()(http_t *http) const { httpClose(http); }
};
using Http = std::unique_ptr<http_t, HttpClose>;

struct DestFree
{
    void operator()(cups_dest_t *dest) const { cupsFreeDests(1, dest); }
};
using Dest = std::unique_ptr<cups_dest_t, DestFree>;

struct IppFree
{
    void operator()(ipp_t *ipp) const { ippDelete(ipp); }
};
using Ipp = std::unique_ptr<ipp_t, IppFree>;

QString lastCupsError()
{
    return QString::fromUtf8(cupsLastErrorString());
}

Error serviceUnavailable(const QString &detail)
{
    return Error { PrintServiceUnavailable,
        Tr::tr("The print service (CUPS) of this workstation does not answer, so nothing was "
               "printed. The document is kept: ask IT support to start the print service, then "
               "print it again."),
        detail };
}

Error notFound(const QString &name, const QString &detail)
{
    if (name.isEmpty()) {
        return Error { PrinterNotFound,
            Tr::tr("No printer is set up for this window (none is named in tongban.conf and the "
                   "workstation has no default printer), so nothing was printed. The document "
                   "is kept: ask IT support to set up the printer, then print it again."),
            detail };
    }
    return Error { PrinterNotFound,
        Tr::tr("The printer \"%1\" is not set up on this workstation, so nothing was printed. "
               "The document is kept: ask IT support to add the printer or to correct "
               "[printer] name in tongban.conf, then print it again.")
            .arg(name),
        detail };
}

Error stopped(const QString &name, const QString &detail)
{
    return Error { PrinterStopped,
        Tr::tr("The printer \"%1\" is stopped, so nothing was printed. The document is kept: "
               "check the printer (power, paper, toner, a paper jam) and ask IT support to "
               "resume it, then print it again.")
            .arg(name),
        detail };
}

Error refusing(const QString &name, const QString &detail)
{
    return Error { PrinterStopped,
        Tr::tr("The printer \"%1\" does not accept print jobs at the moment, so nothing was "
               "printed. The document is kept: ask IT support to let it accept jobs again, "
               "then print it again.")
            .arg(name),
        detail };
}

Error sendFailed(const QString &name, const QString &detail)
{
    return Error { PrintFailed,
        Tr::tr("The document could not be sent to the printer \"%1\", so nothing was printed. "
               "The document is kept: print it again; if it fails again, call IT support.")
            .arg(name),
        detail };
}

Error jobStopped(const QString &name, const QString &detail)
{
    return Error { PrinterStopped,
        Tr::tr("The printer \"%1\" stopped the print job, so the document was not printed. The "
               "document is kept: check the printer (power, paper, toner, a paper jam), then "
               "print it again.")
            .arg(name),
        detail };
}

/// The queue's state as CUPS reports it with the destination.
struct QueueState
{
    int state = IPP_PSTATE_IDLE;
    bool accepting = true;
    QString reasons;
};

QueueState queueState(const cups_dest_t *dest)
{
    QueueState queue;
    if (const char *state = cupsGetOption("printer-state", dest->num_options, dest->options))
        queue.state = QByteArray(state).toInt();
    if (const char *accepting
        = cupsGetOption("printer-is-accepting-jobs", dest->num_options, dest->options))
        queue.accepting = qstrcmp(accepting, "false") != 0;
    if (const char *reasons
        = cupsGetOption("printer-state-reasons", dest->num_options, dest->options))
        queue.reasons = QString::fromUtf8(reasons);
    return queue;
}

Http connect()
{
    return Http(httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1,
        kConnectTimeoutMs, nullptr));
}

/// job-state of \a jobId (IPP_JSTATE_*), 0 when CUPS does not say.
int jobState(http_t *http, int jobId)
{
    ipp_t *request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(),
        "/jobs/%d", jobId);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri);
    ippAddString(
        request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    static const char *const attributes[] = { "job-state" };
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 1, nullptr,
        attributes);
    const Ipp response(cupsDoRequest(http, request, "/"));
    ipp_attribute_t *state
        = response ? ippFindAttribute(response.get(), "job-state", IPP_TAG_ENUM) : nullptr;
    if (!state) {
        qCDebug(lcPrint).noquote() << "job" << jobId << "state unknown:" << lastCupsError();
        return 0;
    }
    return ippGetInteger(state, 0);
}

} // namespace

NoticePrinter::NoticePrinter(QString printerName)
    : m_printerName(std::move(printerName))
{ }

Result<PrintedJob> NoticePrinter::print(const QByteArray &pdf, const QString &title) const
{
    if (pdf.isEmpty())
        return sendFailed(m_printerName, QStringLiteral("empty document"));
    const Http http(connect());
    if (!http) {
        return serviceUnavailable(
            QStringLiteral("cannot connect to %1: %2")
                .arg(QString::fromUtf8(cupsServer()), QString::fromLocal8Bit(strerror(errno))));
    }
    const QByteArray wanted = m_printerName.toUtf8();
    const Dest dest(
        cupsGetNamedDest(http.get(), wanted.isEmpty() ? nullptr : wanted.constData(), nullptr));
    if (!dest) {
        const QString detail
            = QStringLiteral("cupsGetNamedDest(%1): %2")
                  .arg(m_printerName.isEmpty() ? QStringLiteral("default") : m_printerName,
                      lastCupsError());
        if (cupsLastError() == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE
            || cupsLastError() == IPP_STATUS_ERROR_INTERNAL)
            return serviceUnavailable(detail);
        return notFound(m_printerName, detail);
    }
    const QString name = QString::fromUtf8(dest->name);
    const QByteArray queue = dest->name;
    const QueueState before = queueState(dest.get());
    if (before.state == IPP_PSTATE_STOPPED)
        return stopped(name, QStringLiteral("printer-state stopped: ") + before.reasons);
    if (!before.accepting)
        return refusing(name, QStringLiteral("printer-is-accepting-jobs false: ") + before.reasons);

    // Letters, digits, '-', '_' and '.' only: cupsd 2.4.2 (Debian 12) crashes (segfault)
    // on a document-name holding a space (seen with "<serial> reprint"; a job-name with a
    // space is fine) and on names in UTF-8 Chinese.
    QByteArray jobTitle;
    for (const QChar c : title) {
        const char16_t u = c.unicode();
        const bool plain = (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z')
            || (u >= u'a' && u <= u'z') || u == u'-' || u == u'_' || u == u'.';
        jobTitle += plain ? char(u) : '_';
    }
    const int jobId
        = cupsCreateJob(http.get(), queue.constData(), jobTitle.constData(), 0, nullptr);
    if (jobId <= 0)
        return sendFailed(name, QStringLiteral("create job: ") + lastCupsError());
    const auto cancelOn = [&](http_t *connection) {
        cupsCancelJob2(connection, queue.constData(), jobId, 0);
    };
    if (cupsStartDocument(
            http.get(), queue.constData(), jobId, jobTitle.constData(), CUPS_FORMAT_PDF, 1)
        != HTTP_STATUS_CONTINUE) {
        const QString detail = QStringLiteral("start document: ") + lastCupsError();
        cancelOn(http.get());
        return sendFailed(name, detail);
    }
    if (cupsWriteRequestData(http.get(), pdf.constData(), size_t(pdf.size()))
        != HTTP_STATUS_CONTINUE) {
        const QString detail = QStringLiteral("write document: ") + lastCupsError();
        cupsFinishDocument(http.get(), queue.constData());
        cancelOn(http.get());
        return sendFailed(name, detail);
    }
    if (cupsFinishDocument(http.get(), queue.constData()) != IPP_STATUS_OK) {
        const QString detail = QStringLiteral("finish document: ") + lastCupsError();
        cancelOn(http.get());
        return sendFailed(name, detail);
    }

    // Accepted by the scheduler; now make sure the job is on its way and not stuck behind a
    // printer that stopped in the meantime.
    // A new connection: the scheduler may end the one that carried the document.
    const Http poll(connect());
    if (!poll) {
        qCWarning(lcPrint).noquote() << "job" << jobId << "accepted, state not followed";
        return PrintedJob { name, jobId, 0 };
    }
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const int state = jobState(poll.get(), jobId);
        if (state == IPP_JSTATE_PROCESSING || state == IPP_JSTATE_COMPLETED)
            break;
        if (state == IPP_JSTATE_STOPPED || state == IPP_JSTATE_CANCELED
            || state == IPP_JSTATE_ABORTED) {
            cancelOn(poll.get());
            return jobStopped(name, QStringLiteral("job %1 state %2").arg(jobId).arg(state));
        }
        // Pending or held: fine on a working printer busy with earlier jobs, not on a
        // stopped one.
        const Dest now(cupsGetNamedDest(poll.get(), queue.constData(), nullptr));
        if (now && queueState(now.get()).state == IPP_PSTATE_STOPPED) {
            cancelOn(poll.get());
            return stopped(name, QStringLiteral("printer stopped with job %1 pending").arg(jobId));
        }
        if (waited.elapsed() >= m_acceptTimeoutMs) {
            qCInfo(lcPrint).noquote() << "job" << jobId << "queued on" << name << "state" << state;
            break;
        }
        QThread::msleep(kPollIntervalMs);
    }
    qCInfo(lcPrint).noquote() << "job" << jobId << "accepted by" << name << pdf.size() << "bytes";
    return PrintedJob { name, jobId, 0 };
}

Result<PrintedJob> NoticePrinter::printNotice(
    NoticeStore &store, qint64 noticeId, const QString &clerk) const
{
    const Result<IssuedNotice> notice = store.notice(noticeId);
    if (!notice)
        return notice.error();
    const Result<QByteArray> pdf = store.pdf(noticeId);
    if (!pdf)
        return pdf.error();
    Result<PrintedJob> job = print(*pdf, notice->serial);
    if (!job) {
        // The failure is what the clerk must see; a failed audit write is logged there.
        (void)store.recordNotPrinted(noticeId, 0, clerk, m_printerName, job.error().detail);
        return job;
    }
    if (const Core::Status recorded
        = store.recordPrinted(noticeId, 0, clerk, job->printer, job->jobId);
        !recorded)
        return recorded.error();
    return job;
}

Result<PrintedJob> NoticePrinter::printReprint(
    NoticeStore &store, qint64 noticeId, const QString &clerk, const QString &caseNumber) const
{
    const Result<ReprintCopy> copy = store.makeReprint(noticeId, clerk, caseNumber);
    if (!copy)
        return copy.error();
    Result<PrintedJob> job = print(copy->pdf, copy->serial + QStringLiteral("-reprint"));
    if (!job) {
        (void)store.recordNotPrinted(noticeId, copy->id, clerk, m_printerName, job.error().detail);
        return job;
    }
    job->copyId = copy->id;
    if (const Core::Status recorded
        = store.recordPrinted(noticeId, copy->id, clerk, job->printer, job->jobId);
        !recorded)
        return recorded.error();
    return job;
}

} // namespace Tongban::Notices
