#pragma once

// tongban-hub as a child process for the result feed, catalogue sync and request queue
// tests: start / SIGKILL / SIGSTOP / restart on the same port, `tongban-hub decide`, a
// signed-in Session over an in-memory token store, submitted cases through the Outbox,
// and events written straight into the hub's database (the hub pushes events that other
// processes store, as it does for `decide`).

#include "TestSupport.h"
#include "TestTime.h"

#include <core/Clock.h>
#include <platform/ApiClient.h>
#include <platform/Outbox.h>
#include <platform/PlatformErrors.h>
#include <platform/Session.h>
#include <platform/TokenStore.h>
#include <storage/Database.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <SampleCase.h>
#include <csignal>
#include <memory>

namespace Tongban::Platform::Testing {

inline const QString kDemoAccount = QStringLiteral("xh-tb-03-wangli");
inline const QString kDemoWindow = QStringLiteral("410402-tb-03");
inline const QString kDemoPassword = QStringLiteral("Tongban@2026");

/// Secrets in memory: the keychain is Session's business and tested elsewhere.
class MemoryTokenStore : public TokenStore
{
public:
    QHash<QString, QByteArray> secrets;
    void save(const QString &key, const QByteArray &secret,
        std::function<void(Core::Status)> done) override
    {
        secrets.insert(key, secret);
        done({});
    }
    void load(const QString &key, std::function<void(Core::Result<QByteArray>)> done) override
    {
        if (!secrets.contains(key))
            return done(Core::Error { NotSignedIn, QStringLiteral("none"), key });
        done(secrets.value(key));
    }
    void remove(const QString &key, std::function<void(Core::Status)> done) override
    {
        secrets.remove(key);
        done({});
    }
};

/// The hub program: $TONGBAN_HUB_PROGRAM when set (a pinned build), else \a built.
inline QString hubProgram(const QString &built)
{
    return qEnvironmentVariable("TONGBAN_HUB_PROGRAM", built);
}

class HubChild
{
public:
    HubChild(const QString &program, QString dataDir)
        : m_program(hubProgram(program))
        , m_dataDir(std::move(dataDir))
    {
        m_process.setStandardErrorFile(QProcess::nullDevice());
    }
    ~HubChild() { kill(); }

    /// Starts on the port of the first start (a free one the first time); extra arguments
    /// such as --catalog FILE. Returns the base URL or an empty string.
    QString start(const QStringList &extra = {})
    {
        QStringList arguments { QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--listen"),
            QString(QStringLiteral("127.0.0.1:") + QString::number(m_port)),
            QStringLiteral("--pbkdf2-iterations"), QStringLiteral("1000"),
            QStringLiteral("--seed-demo"),
            QStringLiteral("--no-office-hours") }; // the real clock: calls at any hour
        arguments += extra;
        m_process.start(m_program, arguments);
        if (!m_process.waitForStarted(::Tongban::Testing::scaledTimeout(10000)))
            return {};
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(::Tongban::Testing::scaledTimeout(10000)))
                return {};
        }
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (!line.startsWith(QLatin1String("listening on ")))
            return {};
        m_base = line.mid(QStringLiteral("listening on ").size());
        m_port = quint16(QUrl(m_base).port());
        return m_base;
    }

    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        resume();
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(::Tongban::Testing::scaledTimeout(10000));
    }
    /// SIGSTOP: the sockets stay open, nothing answers (a hung server or a dead path).
    void freeze()
    {
        ::kill(pid_t(m_process.processId()), SIGSTOP);
        m_frozen = true;
    }
    void resume()
    {
        if (m_frozen)
            ::kill(pid_t(m_process.processId()), SIGCONT);
        m_frozen = false;
    }

    QString base() const { return m_base; }
    QString dataDir() const { return m_dataDir; }

    /// `tongban-hub decide`: the home department decides \a caseId; returns the resultId.
    QString decide(const QString &caseId, const QByteArray &pdf, bool accept = true) const
    {
        const QString pdfPath
            = QString(m_dataDir + QStringLiteral("-notice-") + caseId + QStringLiteral(".pdf"));
        QFile file(pdfPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
            return {};
        file.close();
        QProcess decide;
        decide.setStandardErrorFile(QProcess::nullDevice());
        decide.start(m_program,
            { QStringLiteral("decide"), QStringLiteral("--data-dir"), m_dataDir, caseId,
                accept ? QStringLiteral("--accept") : QStringLiteral("--reject"),
                QStringLiteral("--reasons"), QStringLiteral("材料齐全，符合法定形式"),
                QStringLiteral("--pdf"), pdfPath, QStringLiteral("--by"),
                QStringLiteral("xh-scjg-chenjing") });
        if (!decide.waitForFinished(::Tongban::Testing::scaledTimeout(30000))
            || decide.exitCode() != 0)
            return {};
        return QString::fromUtf8(decide.readAllStandardOutput()).trimmed();
    }

    /// Runs \a sql with \a values on the hub's database (events, tampering); false on failure.
    bool execOnHubDb(const QString &sql, const QVariantList &values = {}) const
    {
        const QString name = QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QString(m_dataDir + QStringLiteral("/hub.db")));
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
            if (db.open()) {
                QSqlQuery query(db);
                query.prepare(sql);
                for (const QVariant &value : values)
                    query.addBindValue(value);
                ok = query.exec();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    /// Stores an event for the demo window, as the hub's own services do; returns its id.
    qint64 appendEvent(const QString &type, const QJsonObject &data) const
    {
        if (!execOnHubDb(QStringLiteral("INSERT INTO hub_events (window_id, type, at, data)"
                                        " VALUES (?, ?, ?, ?)"),
                { kDemoWindow, type, QDateTime::currentMSecsSinceEpoch(),
                    QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)) }))
            return 0;
        return lastEventId();
    }

    qint64 lastEventId() const
    {
        const QString name = QUuid::createUuid().toString();
        qint64 id = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QString(m_dataDir + QStringLiteral("/hub.db")));
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM hub_events"))
                    && query.next())
                    id = query.value(0).toLongLong();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return id;
    }

    QString resultPath(const QString &resultId) const
    {
        return QString(
            m_dataDir + QStringLiteral("/files/results/") + resultId + QStringLiteral(".pdf"));
    }

private:
    QString m_program;
    QString m_dataDir;
    QString m_base;
    quint16 m_port = 0;
    bool m_frozen = false;
    QProcess m_process;
};

/// A notice PDF (the hub only checks the %PDF- header); different per \a tag.
inline QByteArray noticePdf(const QString &tag)
{
    return QByteArray("%PDF-1.4\n% 受理通知书 " + tag.toUtf8()
        + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}

inline QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

/// Signs the demo clerk in; false on failure.
inline bool signIn(Session &session)
{
    const auto result = await<Core::Result<ClerkInfo>>(
        [&](auto done) { session.login(kDemoAccount, kDemoPassword, kDemoWindow, done); },
        ::Tongban::Testing::scaledTimeout(30000));
    return result && result->ok();
}

/*!
 * Transmits \a count one-page cases through a real Outbox (its own SQLite file \a dbPath)
 * and returns their server case ids once each has its official case number.
 */
inline QStringList submitCases(Transport &transport, const QString &dbPath, int count)
{
    auto db = Storage::Database::open(dbPath, { Outbox::schema() });
    if (!db)
        return {};
    QHash<QString, QByteArray> files;
    Core::SystemClock clock;
    Outbox outbox(**db, transport, clock, [&files](const QString &sha) -> Core::Result<QByteArray> {
        if (!files.contains(sha))
            return Core::Error { InvalidArgument, QStringLiteral("no page"), sha };
        return files.value(sha);
    });
    for (int i = 0; i < count; ++i) {
        QByteArray page(1500 + i, Qt::Uninitialized);
        for (int b = 0; b < page.size(); ++b)
            page[b] = char((b * 31 + i * 7 + QDateTime::currentMSecsSinceEpoch()) & 0xff);
        const QJsonObject entry = ::Tongban::TestSupport::samplePage(
            QUuid::createUuid().toString(QUuid::WithoutBraces), page);
        files.insert(entry.value(QStringLiteral("sha256")).toString(), page);
        if (!outbox.enqueue(::Tongban::TestSupport::sampleCaseBody(
                QUuid::createUuid().toString(QUuid::WithoutBraces), QJsonArray { entry })))
            return {};
    }
    int acknowledged = 0;
    QObject::connect(&outbox, &Outbox::caseAcknowledged, &outbox, [&] { ++acknowledged; });
    outbox.start();
    if (!spinUntil([&] { return acknowledged == count; }, 60000))
        return {};
    QStringList ids;
    const QJsonArray cases = outbox.status().value(QStringLiteral("cases")).toArray();
    for (const QJsonValue &c : cases)
        ids.append(c.toObject().value(QStringLiteral("caseId")).toString());
    return ids;
}

} // namespace Tongban::Platform::Testing
