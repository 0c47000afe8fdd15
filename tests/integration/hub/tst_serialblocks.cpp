// Serials unique city-wide (issue 12, contract §3.1): workstations number their notices from
// blocks tongban-hub reserves per window. The hub runs in-process over real HTTP on
// 127.0.0.1; each "workstation" is its own SQLite file with a NoticeStore fed by a
// Platform::SerialBlockClient through Platform::ApiClient.

#include "HubTestClient.h"
#include "InProcessHub.h"

#include <notices/NoticeStore.h>
#include <platform/ApiClient.h>
#include <platform/PlatformErrors.h>
#include <platform/SerialBlockClient.h>
#include <security/AuditLog.h>
#include <storage/Database.h>

#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <DemoSeed.h>
#include <accounts/AccountService.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QString Window = QStringLiteral("410402-tb-03");
const QString Clerk = QStringLiteral("xh-tb-03-wangli");

Notices::NoticeContent notice()
{
    Notices::NoticeContent c;
    c.kind = Notices::NoticeKind::OneTimeNotice;
    c.itemCode = QStringLiteral("41040201012001000");
    c.itemName = QStringLiteral("个体工商户设立登记");
    c.applicantName = QStringLiteral("张三");
    c.applicantId = QStringLiteral("11010519491231002X");
    c.windowName = QStringLiteral("新华区政务服务中心3号通办窗口");
    c.provisionalNumber = QStringLiteral("410402-TB03-20261124-0001");
    c.deficiencies << Notices::Deficiency { Notices::Deficiency::Kind::Missing,
        QStringLiteral("经营场所使用证明"), QStringLiteral("未提交租赁合同"),
        QStringLiteral("提交租赁合同"), {} };
    return c;
}

/// One installation of a window: its own data folder, its own client of the platform.
struct Workstation
{
    QTemporaryDir dir;
    Core::ManualClock clock { QDateTime(QDate(2026, 11, 24), QTime(1, 30), Qt::UTC) };
    std::unique_ptr<Storage::Database> db;
    std::unique_ptr<Security::AuditLog> audit;
    std::unique_ptr<Notices::NoticeStore> notices;
    std::unique_ptr<Platform::ApiClient> api;
    std::unique_ptr<Platform::SerialBlockClient> serials;

    QString open(const QString &base, const QByteArray &token, const QString &windowId = Window)
    {
        auto opened = Storage::Database::open(dir.filePath(QStringLiteral("workstation.sqlite")),
            { Security::auditSchema(), Notices::NoticeStore::schema() });
        if (!opened)
            return opened.error().toString();
        db = std::move(*opened);
        audit = std::make_unique<Security::AuditLog>(*db, clock);
        notices = std::make_unique<Notices::NoticeStore>(*db, *audit, clock);
        api = std::make_unique<Platform::ApiClient>(QUrl(base));
        api->setBearerToken(token);
        Notices::NoticeStore *store = notices.get();
        serials = std::make_unique<Platform::SerialBlockClient>(
            *api, windowId, [store, windowId] { return store->serialsLeft(windowId); },
            [store](const Platform::ReservedSerialBlock &block) {
                return store->addSerialBlock(
                    { block.windowId, block.serialPrefix, block.first, block.last });
            });
        Platform::SerialBlockClient *client = serials.get();
        notices->setIssuedCallback([client] { client->topUp(); });
        return {};
    }

    Core::Result<Notices::IssuedNotice> issue()
    {
        return notices->issue(notice(), { QStringLiteral("case-1"), Window, QString(), Clerk });
    }
};

qint64 numberOf(const QString &serial)
{
    return serial.section(QLatin1Char('-'), -1).toLongLong();
}

QByteArray tokenOf(const QString &base, const QString &account, const QString &windowId)
{
    HubTestClient client(base);
    client.login(account, Password, windowId);
    return client.token;
}

} // namespace

class TestSerialBlocks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<InProcessHub> m_platform;

    qint64 highWater()
    {
        QSqlQuery q(m_platform->hub->database().connection());
        q.prepare(QStringLiteral("SELECT last FROM hub_serial_windows WHERE window_id = ?"));
        q.addBindValue(Window);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }

private slots:
    void init()
    {
        m_platform = std::make_unique<InProcessHub>();
        const QString started = m_platform->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void cleanup() { m_platform.reset(); }

    void twoInstallationsOfOneWindowNeverShareASerial()
    {
        // GIVEN two workstations configured as the same window, each with its own data folder
        // and its own clerk (one live session per account)
        const QString second = QStringLiteral("xh-tb-03-second");
        QVERIFY(m_platform->hub->accounts()
                    .addAccount(second, QStringLiteral("第二"), QStringLiteral("application"),
                        QStringLiteral("410402"), Password, { Window })
                    .ok());
        Workstation a;
        Workstation b;
        QVERIFY(a.open(m_platform->base, tokenOf(m_platform->base, Clerk, Window)).isEmpty());
        QVERIFY(b.open(m_platform->base, tokenOf(m_platform->base, second, Window)).isEmpty());
        // WHEN both sign in (the client tops up) and issue 60 notices each, in turn
        a.serials->start();
        b.serials->start();
        QTRY_VERIFY_WITH_TIMEOUT(a.notices->serialsLeft(Window) > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(b.notices->serialsLeft(Window) > 0, 10000);
        QSet<QString> serials;
        QSet<qint64> numbers;
        for (int i = 0; i < 60; ++i) {
            for (Workstation *w : { &a, &b }) {
                const auto issued = w->issue();
                QVERIFY2(
                    issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().toString()));
                serials.insert(issued->serial);
                numbers.insert(numberOf(issued->serial));
                // the next block is asked for in time, while numbers are still left
                QTRY_VERIFY_WITH_TIMEOUT(!w->serials->isBusy(), 10000);
                QVERIFY(w->notices->serialsLeft(Window) >= Platform::SerialBlockClient::kLowWater);
            }
        }
        // THEN 120 notices carry 120 different serials and 120 different numbers
        QCOMPARE(serials.size(), 120);
        QCOMPARE(numbers.size(), 120);
        QVERIFY(serials.values().first().startsWith(QStringLiteral("410402-TB-03-GZ-2026-")));
        // AND each workstation got a second block (60 issued out of 100, refilled below 50)
        QCOMPARE(highWater(), 400);

        // GIVEN the window reinstalled: a fresh data folder
        const qint64 handedOut = highWater();
        Workstation c;
        QVERIFY(c.open(m_platform->base, tokenOf(m_platform->base, Clerk, Window)).isEmpty());
        c.serials->start();
        QTRY_VERIFY_WITH_TIMEOUT(c.notices->serialsLeft(Window) > 0, 10000);
        // WHEN it issues THEN it continues after the last number ever handed out
        const auto first = c.issue();
        QVERIFY(first.ok());
        QCOMPARE(numberOf(first->serial), handedOut + 1);
        QVERIFY(!serials.contains(first->serial));

        // AND the serial's public page (the QR code's target) shows the window, not the
        // applicant; a number never handed out is unknown
        HubTestClient anyone(m_platform->base);
        const Reply page = anyone.send("GET", QStringLiteral("/n/") + first->serial);
        QCOMPARE(page.status, 200);
        const QString html = QString::fromUtf8(page.body);
        QVERIFY2(html.contains(first->serial), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("一次性告知书")));
        QVERIFY(html.contains(QStringLiteral("新华区")));
        QVERIFY(!html.contains(QStringLiteral("张三")));
        QCOMPARE(anyone.send("GET", QStringLiteral("/n/410402-TB-03-GZ-2026-999999")).status, 404);
        QCOMPARE(anyone.send("GET", QStringLiteral("/n/not-a-serial")).status, 404);
    }

    void offlineWithoutNumbersNothingIsIssued()
    {
        // GIVEN a workstation whose platform cannot be reached, with no number left
        Workstation offline;
        QVERIFY(
            offline.open(QStringLiteral("http://127.0.0.1:1"), QByteArrayLiteral("x")).isEmpty());
        QSignalSpy failed(offline.serials.get(), &Platform::SerialBlockClient::topUpFailed);
        offline.serials->start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(
            failed.first().first().value<Core::Error>().code, int(Platform::NetworkUnavailable));
        // WHEN a notice is issued THEN it is refused before anything is rendered or stored,
        // telling the clerk to connect to the platform
        const auto refused = offline.issue();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, int(Notices::SerialsExhausted));
        QVERIFY(refused.error().message.contains(QStringLiteral("platform")));
        QVERIFY(offline.notices->noticesOfCase(QStringLiteral("case-1")).isEmpty());
        offline.serials->stop();
    }

    void onlyTheWindowItselfTakesItsBlocks()
    {
        const QString path = QStringLiteral("/api/v1/windows/410402-tb-03/serial-blocks");
        // GIVEN a clerk of another window, a department account, and the window itself
        HubTestClient other(m_platform->base);
        QCOMPARE(
            other
                .login(QStringLiteral("wd-tb-02-zhaomin"), Password, QStringLiteral("410403-tb-02"))
                .status,
            200);
        HubTestClient department(m_platform->base);
        QCOMPARE(department.login(QStringLiteral("xh-scjg-chenjing"), Password).status, 200);
        HubTestClient own(m_platform->base);
        QCOMPARE(own.login(Clerk, Password, Window).status, 200);
        // WHEN the others ask for this window's numbers THEN they are forbidden
        QCOMPARE(other.postJson(path, {}).errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(other.postJson(path, {}).status, 403);
        QCOMPARE(department.postJson(path, {}).status, 403);
        QCOMPARE(anyoneWithoutToken(path).status, 401);
        QCOMPARE(highWater(), 0);
        // AND a workstation holding another window's token gets no block for this window
        Workstation impostor;
        QVERIFY(impostor.open(m_platform->base, other.token).isEmpty());
        QSignalSpy failed(impostor.serials.get(), &Platform::SerialBlockClient::topUpFailed);
        impostor.serials->start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(Platform::httpStatus(failed.first().first().value<Core::Error>()), 403);
        QCOMPARE(impostor.notices->serialsLeft(Window), 0);
        impostor.serials->stop();

        // WHEN the window asks THEN it gets consecutive blocks; a bad count is refused
        const Reply first = own.postJson(path, { { QStringLiteral("count"), 10 } });
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json().value(QStringLiteral("serialPrefix")).toString(),
            QStringLiteral("410402-TB-03"));
        QCOMPARE(first.json().value(QStringLiteral("first")).toInteger(), 1);
        QCOMPARE(first.json().value(QStringLiteral("last")).toInteger(), 10);
        QCOMPARE(own.send("POST", path).json().value(QStringLiteral("first")).toInteger(), 11);
        QCOMPARE(own.postJson(path, { { QStringLiteral("count"), 0 } }).status, 422);
        QCOMPARE(own.postJson(path, { { QStringLiteral("count"), 1001 } }).status, 422);
        QCOMPARE(own.postJson(path, { { QStringLiteral("count"), 2.5 } }).status, 422);
        // AND a repeat with the same Idempotency-Key gets the same block, not a new one
        const QByteArray body = QByteArrayLiteral("{\"count\":5}");
        const QList<QPair<QByteArray, QByteArray>> key { { "Idempotency-Key", "block-1" } };
        const Reply once = own.send("POST", path, body, key);
        const Reply again = own.send("POST", path, body, key);
        QCOMPARE(once.status, 201);
        QCOMPARE(again.json().value(QStringLiteral("first")),
            once.json().value(QStringLiteral("first")));
        QCOMPARE(highWater(), 115);
    }

private:
    Reply anyoneWithoutToken(const QString &path)
    {
        HubTestClient anyone(m_platform->base);
        return anyone.postJson(path, {});
    }
};

QTEST_MAIN(TestSerialBlocks)
#include "tst_serialblocks.moc"
