#pragma once

#include <assist/CallSignalling.h>
#include <core/Result.h>
#include <platform/ApiClient.h>
#include <platform/CatalogSync.h>
#include <platform/Outbox.h>
#include <platform/RequestQueue.h>
#include <platform/ResultFeed.h>
#include <platform/ResultStore.h>
#include <platform/SerialBlockClient.h>
#include <platform/Session.h>
#include <platform/TokenStore.h>

#include <QObject>

#include <memory>

namespace Tongban::App {

class Workstation;

/*!
 * Makes \a outbox write each official case number to its case when the
 * platform acknowledges it (in the same transaction), and writes the numbers
 * of cases acknowledged earlier but missing from their case (a process
 * killed in between by an older version). Used by the window and by
 * tongban-cli outbox flush, so the number is there whoever flushed.
 */
Core::Status linkCaseNumbers(Platform::Outbox &outbox, Workstation &station);

class Workstation;

/*!
 * The workstation's link to the unified acceptance platform: the API client
 * for the configured URL, the clerk's session with its tokens in the OS
 * keychain, the outbox that transmits complete cases, the queue of mailings
 * and guide error reports, the result feed (results pushed by the platform,
 * kept for printing), the catalogue sync and the serial blocks the notices are
 * numbered from (asked for at sign-in and after each notice issued), all
 * through the session.
 *
 * They run only while a clerk is signed in (started at sign-in, when the
 * catalogue and the working-day calendar are also synced) and stop at sign-out; each resumes by
 * itself. Without a configured platform URL, isConfigured() is false and every sign-in fails with a
 * clear message.
 *
 * One live session per account (§2): when the clerk's account signs in at
 * another window, the platform ends the session here. The link then stops
 * everything that runs on it, records session.replaced in this window's audit
 * trail (which window, when) and emits sessionReplaced(). A sign-in that ends
 * a session elsewhere records session.replace in this window's trail.
 *
 * Belongs to the GUI thread; the Workstation must outlive it.
 */
class PlatformLink : public QObject
{
    Q_OBJECT
public:
    explicit PlatformLink(Workstation &station, QObject *parent = nullptr);
    ~PlatformLink() override;

    bool isConfigured() const { return m_api != nullptr; }
    Platform::Session *session() const { return m_session.get(); }
    Platform::Outbox *outbox() const { return m_outbox.get(); }
    Platform::ResultFeed *results() const { return m_results.get(); }
    /// This window's call signalling (§11), on the events socket of results().
    Assist::CallSignalling *calls() const { return m_calls.get(); }
    Platform::RequestQueue *requests() const { return m_requests.get(); }
    Platform::CatalogSync *catalogSync() const { return m_catalogSync.get(); }
    /// Keeps the window supplied with serial numbers for its notices (§3.1).
    Platform::SerialBlockClient *serialBlocks() const { return m_serials.get(); }
    /// The platform's id of a transmitted case (empty until the platform created it).
    QString serverCaseId(const QString &clientCaseId) const;
    QUrl url() const;

    /// Signs in \a account at this window; on success the outbox starts.
    void signIn(const QString &account, const QString &password,
        std::function<void(Core::Result<Platform::ClerkInfo>)> done);
    /// Stops the outbox and revokes the tokens.
    void signOut(std::function<void()> done);

    /*!
     * Tells the platform (PUT /presence) that this window is "away" (locked: not rung for
     * calls, issue 15) or "online" again. Nothing without a session; a failure is logged,
     * the next lock or unlock says it again.
     */
    void setPresence(const QString &status);

    /// The clerk's message when the account signed in at another window (\a by).
    static QString replacedMessage(const Platform::SessionReplacement &by);

    /// The stored events of the case's life after the window that Today shows (issue 17):
    /// case.dueSoon, case.overdue, delivery.task, guide_report.answered.
    static QStringList afterWindowEventTypes();

signals:
    /// The account signed in at another window (\a by); everything here has stopped and the
    /// trail has it. The clerk signs in again to continue.
    void sessionReplaced(const Tongban::Platform::SessionReplacement &by);
    /*!
     * An event of afterWindowEventTypes() arrived on the events channel (\a data: its data),
     * handed by its inbox: what Today shows from the platform (deadlines, deliveries, answers
     * to guide reports) is out of date.
     */
    void afterWindowEvent(const QString &type, const QJsonObject &data);
    /// A new platform calendar is in force (Workstation::calendar() reloaded, provisional
    /// mailing deadlines recomputed).
    void calendarChanged();

private:
    Workstation &m_station;
    std::unique_ptr<Platform::ApiClient> m_api;
    std::unique_ptr<Platform::KeychainTokenStore> m_tokens;
    std::unique_ptr<Platform::Session> m_session;
    std::unique_ptr<Platform::Outbox> m_outbox;
    std::unique_ptr<Platform::RequestQueue> m_requests;
    std::unique_ptr<Platform::CatalogSync> m_catalogSync;
    std::unique_ptr<Platform::SerialBlockClient> m_serials;
    std::unique_ptr<Platform::ResultFeed> m_results;
    std::unique_ptr<Assist::CallSignalling> m_calls;
};

} // namespace Tongban::App
