// Personal data and lockouts at rest on the hub (issue 13), against an in-process hub over
// HTTP on 127.0.0.1 and the raw bytes of its data folder.
//
// Before issue 13's secrets: a case body (with the applicant's identity number) was stored
// in plain text in hub.db, there was no data key, sign-in lockouts were counted in memory
// only (a restart unlocked every name), and the hub's errors used the workstation's
// platform range. Until issue 15's wiring the duty phones of windows and the numbers of the
// SMS outbox were stored in plain text.

#include "DeliveryHelpers.h"
#include "HubTestClient.h"
#include "InProcessHub.h"

#include <security/Secrets.h>
#include <storage/Database.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

#include <DemoSeed.h>
#include <HubErrors.h>
#include <calls/CallService.h>
#include <delivery/DeliveryService.h>
#include <sms/SmsService.h>
#include <sys/stat.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QString Clerk = QStringLiteral("xh-tb-03-wangli");
const QString Window = QStringLiteral("410402-tb-03");
const QByteArray IdNumber = QByteArrayLiteral("11010519491231002X"); // tests/support/SampleCase.h
const QString ApplicantPhone = QStringLiteral("13912340077");

/// Every byte of every file under \a dir (hub.db, its WAL, the uploads).
QByteArray allBytes(const QString &dir)
{
    QByteArray bytes;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}
int mode(const QString &path)
{
    struct stat status
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 0777)
                                                                     : -1;
}
} // namespace

class TestHubSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void identityNumbersAreNotStoredInPlainText();
    void plainCaseBodiesOfAnOlderHubAreSealedWithoutLeavingTheirBytes();
    void phoneNumbersAreNotStoredInPlainText();
    void theDataKeyIsTheHubsOnlyAndSurvivesARestart();
    void sealOpenAndLookupHash();
    void aLockoutSurvivesARestartAndRevealsNothing();
    void hubErrorsHaveTheirOwnRange();

private:
    /// Stops the hub and starts a new one on the same data folder (no new seed).
    void restart();
    Hub::HubConfig config() const;

    std::unique_ptr<InProcessHub> m_platform;
};

Hub::HubConfig TestHubSecrets::config() const
{
    Hub::HubConfig config;
    config.dataDir = m_platform->dir->path();
    config.pbkdf2Iterations = 1000;
    config.clock = m_platform->clock.get();
    config.lockoutFailures = 3;
    config.sms.drainMs = 3600 * 1000; // nothing goes to the file gateway's sms-sent.jsonl
    return config;
}

void TestHubSecrets::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start([](Hub::HubConfig &configuration) {
        configuration.lockoutFailures = 3;
        configuration.sms.drainMs = 3600 * 1000;
    });
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestHubSecrets::cleanup()
{
    m_platform.reset();
}

void TestHubSecrets::restart()
{
    m_platform->hub.reset();
    auto created = Hub::Hub::create(config());
    QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
    m_platform->hub = std::move(*created);
    const auto port = m_platform->hub->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_platform->base = QStringLiteral("http://127.0.0.1:%1").arg(*port);
}

void TestHubSecrets::identityNumbersAreNotStoredInPlainText()
{
    // GIVEN a case with the applicant's identity number, sent over HTTP
    HubTestClient clerk(m_platform->base);
    QCOMPARE(clerk.login(Clerk, Password, Window).status, 200);
    QStringList pages;
    const Reply created = clerk.postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(QStringLiteral("secret-case-1"), { QByteArray(100, 'x') }, &pages));
    QCOMPARE(created.status, 201);
    const QString caseId = created.json().value(QStringLiteral("caseId")).toString();

    // WHEN the hub's files are read byte by byte, as a copied disk would be
    m_platform->hub.reset(); // the WAL checkpointed or not: both are read
    const QByteArray raw = allBytes(m_platform->dir->path());

    // THEN the identity number is nowhere, in any case of letters
    QVERIFY(!raw.isEmpty());
    QVERIFY(!raw.contains(IdNumber));
    QVERIFY(!raw.contains(IdNumber.toLower()));

    // AND the hub still reads the case it stored
    restart();
    HubTestClient again(m_platform->base);
    QCOMPARE(again.login(Clerk, Password, Window).status, 200);
    QCOMPARE(again.send("GET", QStringLiteral("/api/v1/cases/") + caseId).status, 200);
}

void TestHubSecrets::plainCaseBodiesOfAnOlderHubAreSealedWithoutLeavingTheirBytes()
{
    // GIVEN a case whose body is stored as a hub before issue 13 stored it: in plain text,
    // with the applicant's identity number, in the data folder the hub is then closed on.
    // (A second case after it, and the plain body a little longer than the sealed one
    // allows, make SQLite put the sealed body elsewhere in the page: without secure_delete
    // the plain bytes would stay in the page's free space.)
    HubTestClient clerk(m_platform->base);
    QCOMPARE(clerk.login(Clerk, Password, Window).status, 200);
    QStringList pages;
    const Reply created = clerk.postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(QStringLiteral("older-case-1"), { QByteArray(100, 'o') }, &pages));
    QCOMPARE(created.status, 201);
    const QString caseId = created.json().value(QStringLiteral("caseId")).toString();
    QCOMPARE(clerk
                 .postJson(QStringLiteral("/api/v1/cases"),
                     HubTestClient::caseBody(
                         QStringLiteral("older-case-2"), { QByteArray(100, 'p') }, &pages))
                 .status,
        201);
    {
        QSqlQuery stored(m_platform->hub->database().connection());
        stored.prepare(QStringLiteral("SELECT body FROM hub_cases WHERE id = ?"));
        stored.addBindValue(caseId);
        QVERIFY(stored.exec() && stored.next());
        const auto plain = m_platform->hub->secrets().open(stored.value(0).toString());
        QVERIFY(plain && plain->contains(QString::fromLatin1(IdNumber)));
        QVERIFY(plain->startsWith(u'{'));
        QSqlQuery older(m_platform->hub->database().connection());
        older.prepare(QStringLiteral("UPDATE hub_cases SET body = ? WHERE id = ?"));
        older.addBindValue(QString(QStringLiteral("{") + QString(30, u' ') + plain->mid(1)));
        older.addBindValue(caseId);
        QVERIFY(older.exec());
    }
    m_platform->hub.reset();
    QVERIFY(allBytes(m_platform->dir->path()).contains(IdNumber)); // what the upgrade finds

    // WHEN the hub starts on that folder
    restart();

    // THEN the body is sealed
    {
        QSqlQuery sealed(m_platform->hub->database().connection());
        sealed.prepare(QStringLiteral("SELECT body FROM hub_cases WHERE id = ?"));
        sealed.addBindValue(caseId);
        QVERIFY(sealed.exec() && sealed.next());
        QVERIFY(Hub::Secrets::isSealed(sealed.value(0).toString()));
    }
    // AND the plain identity number is gone from the hub's files, free space included (the
    // sealing overwrote it: SQLite's secure_delete)
    m_platform->hub.reset();
    const QByteArray raw = allBytes(m_platform->dir->path());
    QVERIFY(!raw.isEmpty());
    QVERIFY(!raw.contains(IdNumber));
    QVERIFY(!raw.contains(IdNumber.toLower()));

    // AND the case still reads
    restart();
    HubTestClient again(m_platform->base);
    QCOMPARE(again.login(Clerk, Password, Window).status, 200);
    const Reply read = again.send("GET", QStringLiteral("/api/v1/cases/") + caseId);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json().value(QStringLiteral("provisionalNumber")).toString(),
        QStringLiteral("410402-TB03-20261124-0007"));
}

void TestHubSecrets::phoneNumbersAreNotStoredInPlainText()
{
    // GIVEN the demo's duty phones (set through AccountService::setWindowPhone), and an SMS
    // to an applicant queued for a case sent with the applicant's phone
    HubTestClient clerk(m_platform->base);
    QCOMPARE(clerk.login(Clerk, Password, Window).status, 200);
    const QString caseId = DeliveryHelpers::submitCase(clerk, QStringLiteral("41040201012001000"),
        QStringLiteral("2026-11-24T09:00:00+08:00"), ApplicantPhone);
    QVERIFY(!caseId.isEmpty());
    QVERIFY(Hub::DeliveryService::notifyApplicant(m_platform->hub->database(), *m_platform->clock,
        m_platform->hub->secrets(), caseId, QStringLiteral("correction")));
    // AND what an older hub stored in plain text: a duty phone and a queued reminder
    {
        QSqlQuery older(m_platform->hub->database().connection());
        QVERIFY(older.exec(QStringLiteral(
            "UPDATE hub_windows SET phone = '13800000499' WHERE id = '410421-tb-01'")));
        QVERIFY(older.exec(QStringLiteral(
            "INSERT INTO sms_outbox (window_id, phone, text, call_id, state, created_at)"
            " VALUES ('410402-tb-01', '13800000498', '未接来电', 'call-old', 'queued', 0)")));
    }

    // WHEN the hub restarts
    restart();

    // THEN every phone number in its tables is sealed, and opens to the number
    const Hub::Secrets &secrets = m_platform->hub->secrets();
    QStringList duty;
    QSqlQuery windows(m_platform->hub->database().connection());
    QVERIFY(windows.exec(QStringLiteral("SELECT phone FROM hub_windows WHERE phone <> ''")));
    while (windows.next()) {
        QVERIFY2(Hub::Secrets::isSealed(windows.value(0).toString()),
            qPrintable(windows.value(0).toString()));
        duty << secrets.open(windows.value(0).toString()).valueOr(QString());
    }
    QVERIFY2(duty.contains(QStringLiteral("13800000401"))
            && duty.contains(QStringLiteral("13800000499")),
        qPrintable(duty.join(u' ')));
    QSqlQuery outbox(m_platform->hub->database().connection());
    QVERIFY(outbox.exec(QStringLiteral("SELECT phone FROM sms_outbox")));
    int rows = 0;
    while (outbox.next()) {
        ++rows;
        QVERIFY2(Hub::Secrets::isSealed(outbox.value(0).toString()),
            qPrintable(outbox.value(0).toString()));
    }
    QCOMPARE(rows, 2);
    // AND the outbox lists them opened (what the gateway and `sms list` get)
    QStringList queued;
    for (const Hub::SmsRecord &sms : Hub::SmsService::list(m_platform->hub->database(), secrets))
        queued << sms.phone;
    queued.sort();
    QCOMPARE(queued, (QStringList { QStringLiteral("13800000498"), ApplicantPhone }));
    QCOMPARE(Hub::CallService::smsOutbox(m_platform->hub->database(), secrets).first().phone,
        ApplicantPhone);

    // WHEN the hub's files are read byte by byte, as a copied disk would be
    m_platform->hub.reset();
    const QByteArray raw = allBytes(m_platform->dir->path());
    // THEN no phone number is there: neither those it sealed as it stored them nor those an
    // older hub left in plain text
    QVERIFY(!raw.isEmpty());
    for (const char *number : { "13800000401", "13800000402", "13800000403", "13800000421",
             "13800000499", "13800000498", "13912340077" })
        QVERIFY2(!raw.contains(number), number);
}

void TestHubSecrets::theDataKeyIsTheHubsOnlyAndSurvivesARestart()
{
    // GIVEN a hub started once on a new data folder
    const QString keyFile = m_platform->dir->path() + QStringLiteral("/secrets/data.key");

    // THEN its data key exists, readable by its own user only, in a folder of its own
    QVERIFY(QFileInfo::exists(keyFile));
    QCOMPARE(mode(keyFile), 0600);
    QCOMPARE(QFileInfo(keyFile).size(), 64);
    QCOMPARE(mode(QFileInfo(keyFile).path()), 0700);
    QFile key(keyFile);
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QByteArray before = key.readAll();
    key.close();

    // WHEN it restarts THEN it keeps the same key (a new one would lose every sealed row)
    restart();
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(key.readAll(), before);
}

void TestHubSecrets::sealOpenAndLookupHash()
{
    // GIVEN two keys
    const Hub::Secrets one = Hub::Secrets::fromKey(QByteArray(64, '\1'));
    const Hub::Secrets other = Hub::Secrets::fromKey(QByteArray(64, '\2'));
    const QString id = QString::fromLatin1(IdNumber);

    // THEN a sealed value opens with its key only, and never seals the same way twice
    const QString sealed = one.seal(id);
    QVERIFY(Hub::Secrets::isSealed(sealed));
    QVERIFY(!sealed.contains(id));
    QCOMPARE(*one.open(sealed), id);
    QVERIFY(one.seal(id) != sealed);
    const auto wrong = other.open(sealed);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, Hub::HubError::DataKey);
    // A character in the middle: near the end the base64 padding bits change nothing, so
    // the value stayed whole about one run in four.
    QString tampered = sealed;
    const qsizetype middle = tampered.size() / 2;
    tampered[middle]
        = tampered.at(middle) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QVERIFY(!one.open(tampered));
    QCOMPARE(*one.open(QStringLiteral("plain, written before sealing")),
        QStringLiteral("plain, written before sealing"));

    // AND a lookup hash finds the same identity number however it was typed, per key
    const QString hash = Hub::PersonalData::identityLookupHash(one, id);
    QCOMPARE(hash.size(), 64);
    QVERIFY(!hash.contains(id));
    QCOMPARE(
        Hub::PersonalData::identityLookupHash(one, QStringLiteral(" 11010519491231002x ")), hash);
    QVERIFY(Hub::PersonalData::identityLookupHash(other, id) != hash);
    QCOMPARE(Hub::PersonalData::phoneLookupHash(one, QStringLiteral("138-0000-0401")),
        Hub::PersonalData::phoneLookupHash(one, QStringLiteral("13800000401")));
}

void TestHubSecrets::aLockoutSurvivesARestartAndRevealsNothing()
{
    // GIVEN a clerk's name and a name that is nobody's, each locked by 3 wrong passwords
    HubTestClient client(m_platform->base);
    const QString nobody = QStringLiteral("nobody-at-all");
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(client.login(Clerk, QStringLiteral("wrong"), Window).status, 401);
        QCOMPARE(client.login(nobody, QStringLiteral("wrong")).status, 401);
    }
    const Reply lockedClerk = client.login(Clerk, Password, Window);
    const Reply lockedNobody = client.login(nobody, QStringLiteral("wrong"));
    QCOMPARE(lockedClerk.status, 423);
    QCOMPARE(lockedNobody.status, 423);

    // WHEN the hub restarts
    restart();

    // THEN both are still locked, alike: the right password does not get through either
    HubTestClient after(m_platform->base);
    const Reply clerkAfter = after.login(Clerk, Password, Window);
    const Reply nobodyAfter = after.login(nobody, QStringLiteral("wrong"));
    QCOMPARE(clerkAfter.status, 423);
    QCOMPARE(nobodyAfter.status, 423);
    QCOMPARE(clerkAfter.errorCode(), nobodyAfter.errorCode());
    // AND the names typed are not in the database
    m_platform->hub.reset();
    QVERIFY(!allBytes(m_platform->dir->path()).contains(nobody.toUtf8()));

    // AND once the lockout has run out the clerk signs in
    m_platform->clock->advanceSecs(16 * 60);
    restart();
    HubTestClient later(m_platform->base);
    QCOMPARE(later.login(Clerk, Password, Window).status, 200);
}

void TestHubSecrets::hubErrorsHaveTheirOwnRange()
{
    // GIVEN the hub WHEN it is asked to speak plain HTTP on a public address
    const auto refused = m_platform->hub->listen(QHostAddress(QStringLiteral("192.0.2.1")), 0);

    // THEN the error is the hub's, not the workstation's platform client's
    QVERIFY(!refused);
    QVERIFY(refused.error().code >= Hub::HubError::Base);
    QVERIFY(refused.error().code >= Core::ErrorRange::App + 1000);
    QVERIFY(refused.error().code < Hub::HubError::End);
}

QTEST_GUILESS_MAIN(TestHubSecrets)
#include "tst_hubsecrets.moc"
