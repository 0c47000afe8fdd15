// The platform's working-day calendar (issue 12): GET /api/v1/calendar serves the built-in
// years with the years the administrator imported with `tongban-hub calendar import`, which
// validates the file (every problem listed, exit 1, nothing changed when invalid). The hub
// runs in-process on 127.0.0.1; the import is the real executable on the same data folder,
// as an administrator runs it next to a running hub.

#include "HubTestClient.h"
#include "InProcessHub.h"

#include <core/WorkCalendar.h>

#include <QProcess>
#include <QTest>

#include <DemoSeed.h>

using namespace Tongban;

namespace {
const QString kData = QStringLiteral(TONGBAN_TEST_DATA);

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run importCalendar(const QString &dataDir, const QString &file)
{
    QProcess process;
    process.start(QStringLiteral(TONGBAN_HUB),
        { QStringLiteral("calendar"), QStringLiteral("import"), QStringLiteral("--data-dir"),
            dataDir, file });
    process.waitForFinished(60000);
    return Run { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}
} // namespace

class TestHubCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_platform = std::make_unique<InProcessHub>();
        const QString started = m_platform->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }
    void cleanup() { m_platform.reset(); }

    void calendarNeedsASignedInClerk()
    {
        // GIVEN no token
        HubTestClient anonymous(m_platform->base);
        // WHEN the calendar is asked for
        const Reply reply = anonymous.send("GET", QStringLiteral("/api/v1/calendar"));
        // THEN it is refused like every other route
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("token_invalid"));
    }

    void importedYearIsServedByTheRunningHub()
    {
        HubTestClient client(m_platform->base);
        QCOMPARE(client
                     .login(QStringLiteral("xh-tb-03-wangli"), QString::fromUtf8(Hub::DemoPassword),
                         QStringLiteral("410402-tb-03"))
                     .status,
            200);
        // GIVEN the built-in years only
        const Reply before = client.send("GET", QStringLiteral("/api/v1/calendar"));
        QCOMPARE(before.status, 200);
        const auto builtIn = Core::WorkCalendar::fromJson(before.body);
        QVERIFY(builtIn.ok());
        QCOMPARE(builtIn->years(), QList<int>({ 2024, 2025, 2026 }));
        const QByteArray etag = before.header("ETag");
        QCOMPARE(
            client
                .send("GET", QStringLiteral("/api/v1/calendar"), {}, { { "If-None-Match", etag } })
                .status,
            304);

        // WHEN the administrator imports 2027 (test data) while the hub runs
        const Run run = importCalendar(
            m_platform->dir->path(), kData + QStringLiteral("/calendar/test-2027.json"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("calendar 2027 imported")), qPrintable(run.out));

        // THEN the next request gets a new document with 2027, the built-in years unchanged
        const Reply after = client.send(
            "GET", QStringLiteral("/api/v1/calendar"), {}, { { "If-None-Match", etag } });
        QCOMPARE(after.status, 200);
        QVERIFY(after.header("ETag") != etag);
        const auto served = Core::WorkCalendar::fromJson(after.body);
        QVERIFY2(served.ok(), qPrintable(served ? QString() : served.error().detail));
        QCOMPARE(served->years(), QList<int>({ 2024, 2025, 2026, 2027 }));
        QCOMPARE(served->isWorkingDay(QDate(2027, 1, 1)).valueOr(true), false);
        QCOMPARE(served->holidayName(QDate(2027, 10, 1)), QStringLiteral("国庆节"));
        QCOMPARE(served->isWorkingDay(QDate(2027, 2, 20)).valueOr(false), true); // make-up
        QCOMPARE(served->isWorkingDay(QDate(2025, 10, 1)).valueOr(true), false);

        // AND importing the same year again replaces it, and says so
        const Run again = importCalendar(
            m_platform->dir->path(), kData + QStringLiteral("/calendar/test-2027.json"));
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(
            again.out.contains(QStringLiteral("calendar 2027 replaced")), qPrintable(again.out));
    }

    void importedYearReplacesTheBuiltInOne()
    {
        HubTestClient client(m_platform->base);
        QCOMPARE(client
                     .login(QStringLiteral("xh-tb-03-wangli"), QString::fromUtf8(Hub::DemoPassword),
                         QStringLiteral("410402-tb-03"))
                     .status,
            200);
        // GIVEN a corrected 2026 declaring 31 December a holiday (test data)
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("2026.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format":"tongban-working-days","formatVersion":1,"source":"TEST DATA",
            "years":[{"year":2026,"holidays":[{"name":"测试假日","from":"2026-12-31",
            "to":"2026-12-31"}],"workdays":[]}]})");
        file.close();
        // WHEN it is imported
        QCOMPARE(importCalendar(m_platform->dir->path(), file.fileName()).exitCode, 0);
        // THEN 2026 is the platform's whole year: 31 December off, 1 October (built-in 国庆节)
        // now an ordinary Thursday
        const auto served = Core::WorkCalendar::fromJson(
            client.send("GET", QStringLiteral("/api/v1/calendar")).body);
        QVERIFY(served.ok());
        QCOMPARE(served->isWorkingDay(QDate(2026, 12, 31)).valueOr(true), false);
        QCOMPARE(served->isWorkingDay(QDate(2026, 10, 1)).valueOr(false), true);
        QCOMPARE(served->years(), QList<int>({ 2024, 2025, 2026 }));
    }

    void invalidFileChangesNothingAndListsEveryProblem()
    {
        HubTestClient client(m_platform->base);
        QCOMPARE(client
                     .login(QStringLiteral("xh-tb-03-wangli"), QString::fromUtf8(Hub::DemoPassword),
                         QStringLiteral("410402-tb-03"))
                     .status,
            200);
        const Reply before = client.send("GET", QStringLiteral("/api/v1/calendar"));
        // GIVEN a file with three mistakes
        // WHEN it is imported
        const Run run = importCalendar(
            m_platform->dir->path(), kData + QStringLiteral("/calendar/invalid-2027.json"));
        // THEN the command fails and names each of them
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("/years/0/holidays/1")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("/years/0/workdays/0")));
        QVERIFY(run.err.contains(QStringLiteral("/years/0/workdays/1")));
        QVERIFY(run.out.isEmpty());
        // AND the platform serves the same calendar as before
        const Reply after = client.send("GET", QStringLiteral("/api/v1/calendar"));
        QCOMPARE(after.header("ETag"), before.header("ETag"));
        QCOMPARE(after.body, before.body);
        // AND a file that cannot be read, or no file, changes nothing either
        QCOMPARE(
            importCalendar(m_platform->dir->path(), kData + QStringLiteral("/nope.json")).exitCode,
            1);
        QCOMPARE(client.send("GET", QStringLiteral("/api/v1/calendar")).body, before.body);
    }

private:
    std::unique_ptr<InProcessHub> m_platform;
};

QTEST_GUILESS_MAIN(TestHubCalendar)
#include "tst_hubcalendar.moc"
