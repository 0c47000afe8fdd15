#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QString>

namespace Tongban::Notices {

class NoticeStore;

/// Error codes of printing (PrintFailed in Notice.h covers the rest); printing owns +40 up.
enum PrinterErrorCode {
    PrinterNotFound = Core::ErrorRange::Notices + 40, ///< no such queue, or no default printer
    PrinterStopped, ///< the queue is stopped or refuses jobs, or the job was stopped
    PrintServiceUnavailable, ///< CUPS does not answer
};

/// A job the print system accepted.
struct PrintedJob
{
    QString printer; ///< the queue that took it (the default printer's name when none was set)
    int jobId = 0; ///< CUPS job id
    qint64 copyId = 0; ///< the stored 补打 copy that was printed (printReprint())
};

/*!
 * The window's one way to paper: sends a stored PDF to the printer byte for
 * byte. Nothing is rendered again; what prints is what was stored and hashed
 * (the issued notice, its stored 补打 copy, the platform's result document).
 *
 * The printer is the name given (the window's [printer] name in
 * tongban.conf, App::Workstation::printerName()), or the CUPS default
 * destination when empty. CUPS (libcups) is used inside the .cpp only.
 *
 * print() checks the queue first (known, not stopped, accepting jobs), sends
 * the document as application/pdf, and returns once CUPS has accepted it and
 * the job has started, completed or is queued behind others on a working
 * printer (it waits up to acceptTimeoutMs() for that). A job that cannot
 * print (stopped, aborted, or held on a printer that stopped meanwhile) is
 * cancelled, so it never comes out later by surprise, and print() fails.
 * Every error says in the clerk's language what failed, what to do, and
 * that the document is kept (callers keep it: nothing here deletes anything).
 *
 * Blocks the calling thread while CUPS answers (milliseconds with the local
 * scheduler; bounded by the timeout when it does not answer). Holds no
 * state besides its settings; usable from any thread.
 */
class NoticePrinter
{
public:
    explicit NoticePrinter(QString printerName = QString());

    /// The configured queue; empty = the CUPS default destination.
    QString printerName() const { return m_printerName; }

    int acceptTimeoutMs() const { return m_acceptTimeoutMs; }
    void setAcceptTimeoutMs(int timeoutMs) { m_acceptTimeoutMs = timeoutMs; }

    /// Sends \a pdf unchanged; \a title names the job in the queue (e.g. the notice's serial).
    Core::Result<PrintedJob> print(const QByteArray &pdf, const QString &title) const;

    /// Prints the issued notice \a noticeId exactly as stored (NoticeStore::pdf(), hash
    /// checked) and records in \a store that \a clerk printed it, or tried and failed.
    Core::Result<PrintedJob> printNotice(
        NoticeStore &store, qint64 noticeId, const QString &clerk) const;

    /*!
     * The 补打 of \a noticeId: renders the copy once and stores it
     * (NoticeStore::makeReprint(), \a caseNumber as there), prints exactly the
     * stored bytes, and only then counts it as reprinted
     * (NoticeStore::recordPrinted()). A copy that did not reach a printer stays
     * stored, recorded as attempted (NoticeStore::recordNotPrinted()), and is
     * not counted.
     */
    Core::Result<PrintedJob> printReprint(NoticeStore &store, qint64 noticeId, const QString &clerk,
        const QString &caseNumber = QString()) const;

private:
    QString m_printerName;
    int m_acceptTimeoutMs = 5000;
};

} // namespace Tongban::Notices
