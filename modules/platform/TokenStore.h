#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace Tongban::Platform {

/*!
 * Where session secrets are kept. The one production implementation is
 * KeychainTokenStore (the OS keychain); tests may implement their own.
 * Callbacks run exactly once, on the caller's thread.
 */
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    virtual void save(
        const QString &key, const QByteArray &secret, std::function<void(Core::Status)> done)
        = 0;
    /// NotSignedIn when there is no entry for \a key.
    virtual void load(const QString &key, std::function<void(Core::Result<QByteArray>)> done) = 0;
    /// Removing an absent entry succeeds.
    virtual void remove(const QString &key, std::function<void(Core::Status)> done) = 0;
};

/*!
 * Secrets in the OS keychain through QtKeychain (Secret Service on Linux,
 * Credential Manager on Windows), service "tongban-workstation". The insecure
 * plain-file fallback of QtKeychain is switched off: without a keychain,
 * every call fails with KeychainFailed and nothing is written anywhere.
 */
class KeychainTokenStore final : public QObject, public TokenStore
{
    Q_OBJECT
public:
    explicit KeychainTokenStore(QObject *parent = nullptr);
    static QString serviceName();

    void save(const QString &key, const QByteArray &secret,
        std::function<void(Core::Status)> done) override;
    void load(const QString &key, std::function<void(Core::Result<QByteArray>)> done) override;
    void remove(const QString &key, std::function<void(Core::Status)> done) override;
};

} // namespace Tongban::Platform
