#include "TokenStore.h"

#include "Logging.h"
#include "PlatformErrors.h"
#include "Tr.h"

#include <qt6keychain/keychain.h>

namespace Tongban::Platform {

namespace {

Core::Error keychainError(const QKeychain::Job *job, const char *what)
{
    return Core::Error { KeychainFailed,
        Tr::tr("The system keychain could not keep the sign-in. Sign in again; if it keeps "
               "happening, call the hall's IT staff."),
        QString(QLatin1String(what) + QStringLiteral(": ") + job->errorString()
            + QStringLiteral(" (keychain error ") + QString::number(int(job->error()))
            + QLatin1Char(')')) };
}

} // namespace

// Jobs have no parent: libsecret may answer after the store is gone, and a job deleted
// under its pending callback would crash. autoDelete frees them; the connection's
// context (the store) drops the answer when the store no longer exists.
KeychainTokenStore::KeychainTokenStore(QObject *parent)
    : QObject(parent)
{ }

QString KeychainTokenStore::serviceName()
{
    return QStringLiteral("tongban-workstation");
}

void KeychainTokenStore::save(
    const QString &key, const QByteArray &secret, std::function<void(Core::Status)> done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            qCWarning(lcPlatform).noquote() << "keychain write failed:" << j->errorString();
            done(keychainError(j, "write"));
            return;
        }
        done({});
    });
    job->start();
}

void KeychainTokenStore::load(
    const QString &key, std::function<void(Core::Result<QByteArray>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() == QKeychain::EntryNotFound) {
            done(Core::Error { NotSignedIn, Tr::tr("Nobody is signed in at this window. Sign in."),
                QStringLiteral("no keychain entry") });
            return;
        }
        if (j->error() != QKeychain::NoError) {
            qCWarning(lcPlatform).noquote() << "keychain read failed:" << j->errorString();
            done(keychainError(j, "read"));
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData());
    });
    job->start();
}

void KeychainTokenStore::remove(const QString &key, std::function<void(Core::Status)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            done(keychainError(j, "delete"));
            return;
        }
        done({});
    });
    job->start();
}

} // namespace Tongban::Platform
