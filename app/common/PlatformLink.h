#pragma once

#include <core/Result.h>
#include <platform/ApiClient.h>
#include <platform/Outbox.h>
#include <platform/Session.h>
#include <platform/TokenStore.h>

#include <QObject>

#include <memory>

namespace Tongban::App {

class Workstation;

/*!
 * The workstation's link to the unified acceptance platform: the API client
 * for the configured URL, the clerk's session with its tokens in the OS
 * keychain, and the outbox that transmits complete cases through the session.
 *
 * The outbox runs only while a clerk is signed in; it is stopped on sign-out
 * and on lock and resumes by itself afterwards. Without a configured
 * platform URL, isConfigured() is false and every sign-in fails with a clear
 * message.
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
    QUrl url() const;

    /// Signs in \a account at this window; on success the outbox starts.
    void signIn(const QString &account, const QString &password,
        std::function<void(Core::Result<Platform::ClerkInfo>)> done);
    /// Stops the outbox and revokes the tokens.
    void signOut(std::function<void()> done);

private:
    Workstation &m_station;
    std::unique_ptr<Platform::ApiClient> m_api;
    std::unique_ptr<Platform::KeychainTokenStore> m_tokens;
    std::unique_ptr<Platform::Session> m_session;
    std::unique_ptr<Platform::Outbox> m_outbox;
};

} // namespace Tongban::App
