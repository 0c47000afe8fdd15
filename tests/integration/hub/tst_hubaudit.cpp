// Issue 17: the hub's append-only, hash-chained audit trail and the accounts command.
// - every kind of act lands in the trail: sign-ins (success, failure, unknown name masked),
//   decisions (route and `tongban-hub decide`), downloads of call recordings, administrative
//   acts (account created and disabled, escalation excused, office hours, calendar import);
// - a row edited with SQL directly makes `tongban-hub audit verify` fail naming that row;
// - only admin and supervisor read GET /api/v1/audit (a window or department: 403); paging;
// - no applicant's personal data in the trail;
// - `tongban-hub accounts add` (password on stdin) creates a supervisor (督查) who reads the
//   statistics but cannot act as a clerk or a department.
// tongban-hub in-process over real HTTP on 127.0.0.1, the executable as a child process on
// the same data folder.

#include "AfterWindow.h"
#include "DeliveryHelpers.h"

#include <core/Hash.h>

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryFile>
#include <QTest>
#include <QUrlQuery>

#include <audit/AuditService.h>

using namespace Tongban;
using namespace AfterWindow;

namespace {

const QString Admin = QStringLiteral("pds-admin");
const QString Supervisor = QStringLiteral("dc-410400-li");
const QString SupervisorPassword = QStringLiteral("Supervise@2026x");
const QString Phone = QStringLiteral("13912345678");
const QString IdNumber = QStringLiteral("11010519491231002X");
const QString Item = QStringLiteral("41040201012001000");
const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n% notice\n%%EOF\n");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run hubCommand(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(TONGBAN_HUB), arguments);
    process.waitForStarted(30000);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return Run { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace

class TestHubAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyKindOfActIsInTheTrail();
    void aRowEditedWithSqlBreaksTheChainAtThatRow();
    void onlyAdminAndSupervisorReadTheTrail();
    void aSupervisorCreatedByTheCommandReadsStatisticsButActsAsNoClerk();

private:
    QString dataDir() const { return m_platform->dir->path(); }
    Run addSupervisor(const QString &password = SupervisorPassword);
    /// All rows of the trail, read over HTTP as the admin (following the pages).
    QList<QJsonObject> trail();

    std::unique_ptr<InProcessHub> m_platform;
};

void TestHubAudit::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started
        = m_platform->start([](Hub::HubConfig &config) { config.sms.drainMs = 3600 * 1000; });
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestHubAudit::cleanup()
{
    m_platform.reset();
}

Run TestHubAudit::addSupervisor(const QString &password)
{
    return hubCommand(
        { QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("--data-dir"),
            dataDir(), QStringLiteral("--account"), Supervisor, QStringLiteral("--name"),
            QStringLiteral("督查 李"), QStringLiteral("--role"), QStringLiteral("supervisor"),
            QStringLiteral("--jurisdiction"), QStringLiteral("410400") },
        QByteArray(password.toUtf8() + '\n'));
}

QList<QJsonObject> TestHubAudit::trail()
{
    HubTestClient admin(m_platform->base);
    if (admin.login(Admin, Password).status != 200)
        return {};
    QList<QJsonObject> rows;
    qint64 after = 0;
    for (int pages = 0; pages < 100; ++pages) {
        const Reply page
            = admin.send("GET", QStringLiteral("/api/v1/audit?limit=3&afterSeq=%1").arg(after));
        if (page.status != 200)
            return {};
        for (const QJsonValue &entry : page.json().value(QStringLiteral("entries")).toArray())
            rows.append(entry.toObject());
        const QJsonValue next = page.json().value(QStringLiteral("nextAfterSeq"));
        if (next.isNull())
            break;
        after = qint64(next.toDouble());
    }
    return rows;
}

void TestHubAudit::everyKindOfActIsInTheTrail()
{
    // GIVEN a case transmitted by the application window (applicant 张三 with a phone)
    HubTestClient app(m_platform->base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString decided = DeliveryHelpers::submitCase(
        app, Item, QStringLiteral("2026-11-24T09:00:00+08:00"), Phone);
    const QString byCommand = DeliveryHelpers::submitCase(
        app, Item, QStringLiteral("2026-11-24T09:05:00+08:00"), Phone);
    QVERIFY(!decided.isEmpty() && !byCommand.isEmpty());
    // WHEN a clerk mistypes the password and someone types a password as the account name
    QCOMPARE(app.login(AppClerk, QStringLiteral("wrong-password"), AppWindow).status, 401);
    HubTestClient stranger(m_platform->base);
    QCOMPARE(stranger.login(QStringLiteral("Tongban@2026"), QStringLiteral("x")).status, 401);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    // AND the home department accepts one case over HTTP, `decide` the other
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    QCOMPARE(department
                 .postJson(QString(QStringLiteral("/api/v1/cases/") + decided
                               + QStringLiteral("/decision")),
                     QJsonObject { { QStringLiteral("decision"), QStringLiteral("accepted") },
                         { QStringLiteral("document"), QString::fromLatin1(Pdf.toBase64()) } })
                 .status,
        201);
    QTemporaryFile pdf;
    QVERIFY(pdf.open() && pdf.write(Pdf) == Pdf.size());
    pdf.close();
    const Run decide = hubCommand({ QStringLiteral("decide"), QStringLiteral("--data-dir"),
        dataDir(), byCommand, QStringLiteral("--accept"), QStringLiteral("--pdf"), pdf.fileName(),
        QStringLiteral("--by"), Department });
    QVERIFY2(decide.exitCode == 0, qPrintable(decide.err));
    // AND the department downloads a chunk of an answered call's recording
    {
        QSqlQuery call(m_platform->hub->database().connection());
        QVERIFY(call.exec(
            QStringLiteral(
                "INSERT INTO hub_calls (id, caller_window, item_code, jurisdiction_code, state,"
                " answered_by, started_at, ended_at) VALUES ('call-audit-1', '410402-tb-03', '")
            + Item
            + QStringLiteral("', '410402', 'ended', '410402-tb-01', 1764000000000,"
                             " 1764000060000)")));
    }
    const QByteArray chunk = HubTestClient::randomFile(2000, 7);
    const Reply put
        = app.send("PUT", QStringLiteral("/api/v1/calls/call-audit-1/recording/chunks/0"), chunk,
            { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("video/x-matroska") },
                { QByteArrayLiteral("Upload-Checksum"),
                    QByteArray("sha256 " + Core::sha256(chunk).toBase64()) } });
    QCOMPARE(put.status, 201);
    const Reply download
        = department.send("GET", QStringLiteral("/api/v1/calls/call-audit-1/recording/chunks/0"));
    QCOMPARE(download.status, 200);
    QCOMPARE(download.body, chunk);
    // AND the administrator excuses an escalation and sets office hours
    {
        QSqlQuery escalation(m_platform->hub->database().connection());
        QVERIFY(escalation.exec(QStringLiteral(
            "INSERT INTO hub_call_escalations (id, window_id, month, miss_count, created_at, state)"
            " VALUES ('esc-2026-11-410402-tb-01', '410402-tb-01', '2026-11', 4, 1764000000000,"
            " 'open')")));
    }
    HubTestClient admin(m_platform->base);
    QCOMPARE(admin.login(Admin, Password).status, 200);
    QCOMPARE(
        admin
            .postJson(QStringLiteral("/api/v1/call-escalations/esc-2026-11-410402-tb-01/decision"),
                QJsonObject { { QStringLiteral("decision"), QStringLiteral("excused") },
                    { QStringLiteral("note"), QStringLiteral("线路故障") } })
            .status,
        204);
    QCOMPARE(admin
                 .send("PUT", QStringLiteral("/api/v1/office-hours/410402"),
                     QJsonDocument(QJsonObject { { QStringLiteral("spans"),
                                       QJsonArray { QStringLiteral("08:30-12:00") } } })
                         .toJson())
                 .status,
        200);
    // AND a supervisor is created and disabled with the command, a calendar imported
    QCOMPARE(addSupervisor().exitCode, 0);
    const Run disabled = hubCommand({ QStringLiteral("accounts"), QStringLiteral("disable"),
        QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--account"), Supervisor });
    QVERIFY2(disabled.exitCode == 0, qPrintable(disabled.err));
    const Run calendar = hubCommand(
        { QStringLiteral("calendar"), QStringLiteral("import"), QStringLiteral("--data-dir"),
            dataDir(), QStringLiteral(TONGBAN_TEST_DATA "/calendar/test-2027.json") });
    QVERIFY2(calendar.exitCode == 0, qPrintable(calendar.err));

    // THEN the trail holds each act with who did it and on what
    const QList<QJsonObject> rows = trail();
    QVERIFY(!rows.isEmpty());
    const auto find = [&](const QString &kind, const QString &subject) {
        for (const QJsonObject &row : rows) {
            if (row.value(QStringLiteral("kind")).toString() == kind
                && (subject.isNull() || row.value(QStringLiteral("subject")).toString() == subject))
                return row;
        }
        return QJsonObject();
    };
    QCOMPARE(find(QStringLiteral("signin"), AppWindow).value(QStringLiteral("actor")).toString(),
        AppClerk);
    QVERIFY(!find(QStringLiteral("signin"), QString())
                 .value(QStringLiteral("detail"))
                 .toObject()
                 .value(QStringLiteral("address"))
                 .toString()
                 .isEmpty());
    bool knownFailure = false;
    QString maskedName;
    for (const QJsonObject &row : rows) {
        if (row.value(QStringLiteral("kind")).toString() != QLatin1String("signin.failed"))
            continue;
        const QString actor = row.value(QStringLiteral("actor")).toString();
        knownFailure = knownFailure || actor == AppClerk;
        if (actor != AppClerk)
            maskedName = actor;
    }
    QVERIFY(knownFailure);
    QVERIFY2(maskedName.startsWith(QStringLiteral("T***#")), qPrintable(maskedName));
    const QJsonObject decision = find(QStringLiteral("decision"), decided);
    QCOMPARE(decision.value(QStringLiteral("actor")).toString(), Department);
    QCOMPARE(decision.value(QStringLiteral("detail")).toObject().value(u"decision").toString(),
        QStringLiteral("accepted"));
    const QJsonObject command = find(QStringLiteral("decision"), byCommand);
    QCOMPARE(command.value(QStringLiteral("detail")).toObject().value(u"via").toString(),
        QStringLiteral("command"));
    QCOMPARE(find(QStringLiteral("recording.download"), QStringLiteral("call-audit-1"))
                 .value(QStringLiteral("actor"))
                 .toString(),
        Department);
    QCOMPARE(find(QStringLiteral("escalation.excused"), QStringLiteral("esc-2026-11-410402-tb-01"))
                 .value(QStringLiteral("actor"))
                 .toString(),
        Admin);
    QCOMPARE(find(QStringLiteral("office_hours.set"), QStringLiteral("410402"))
                 .value(QStringLiteral("actor"))
                 .toString(),
        Admin);
    QVERIFY(!find(QStringLiteral("account.created"), Supervisor).isEmpty());
    QVERIFY(!find(QStringLiteral("account.disabled"), Supervisor).isEmpty());
    QVERIFY(!find(QStringLiteral("calendar.imported"), QString()).isEmpty());
    // AND the rows follow one another (seq 1, 2, 3..., each naming the hash before it)
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCOMPARE(qint64(rows.at(i).value(QStringLiteral("seq")).toDouble()), qint64(i + 1));
        if (i > 0)
            QCOMPARE(rows.at(i).value(QStringLiteral("prevHash")).toString(),
                rows.at(i - 1).value(QStringLiteral("hash")).toString());
    }
    // AND no personal data is in the trail in clear: not the applicant's name, identity
    // number or phone, nor what was typed as an unknown account name
    QSqlQuery all(m_platform->hub->database().connection());
    QVERIFY(all.exec(QStringLiteral("SELECT kind, actor, subject, detail FROM hub_audit")));
    while (all.next()) {
        for (int column = 0; column < 4; ++column) {
            const QString text = all.value(column).toString();
            for (const QString &personal : { QStringLiteral("张三"), IdNumber, Phone,
                     QStringLiteral("Tongban@2026"), QStringLiteral("wrong-password") })
                QVERIFY2(!text.contains(personal), qPrintable(text));
        }
    }
    // AND the chain holds
    const Run verify = hubCommand({ QStringLiteral("audit"), QStringLiteral("verify"),
        QStringLiteral("--data-dir"), dataDir() });
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
    QVERIFY2(
        verify.out.contains(QStringLiteral("%1 rows").arg(rows.size())), qPrintable(verify.out));
}

void TestHubAudit::aRowEditedWithSqlBreaksTheChainAtThatRow()
{
    // GIVEN a trail of four sign-ins that verifies
    HubTestClient app(m_platform->base);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    Run verify = hubCommand({ QStringLiteral("audit"), QStringLiteral("verify"),
        QStringLiteral("--data-dir"), dataDir() });
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
    // WHEN someone with the database file changes row 2 with SQL
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(QDir(dataDir()).filePath(QStringLiteral("hub.db")));
        QVERIFY(db.open());
        QSqlQuery edit(db);
        // THEN the table itself refuses an UPDATE and a DELETE
        QVERIFY(!edit.exec(
            QStringLiteral("UPDATE hub_audit SET actor = 'someone-else' WHERE seq = 2")));
        QVERIFY(!edit.exec(QStringLiteral("DELETE FROM hub_audit WHERE seq = 3")));
        // WHEN the triggers are dropped first
        QVERIFY2(edit.exec(QStringLiteral("DROP TRIGGER hub_audit_no_update")),
            qPrintable(edit.lastError().text()));
        QVERIFY(
            edit.exec(QStringLiteral("UPDATE hub_audit SET actor = 'someone-else' WHERE seq = 2")));
        edit.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    // THEN `audit verify` fails naming row 2
    verify = hubCommand({ QStringLiteral("audit"), QStringLiteral("verify"),
        QStringLiteral("--data-dir"), dataDir() });
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.err.contains(QStringLiteral("broken at row 2")), qPrintable(verify.err));
    // AND the service says the same
    const auto check = m_platform->hub->audit().verify();
    QVERIFY(check);
    QCOMPARE(check->brokenSeq, qint64(2));
    // AND new rows are still appended (a broken trail is evidence, not a reason to stop)
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    QCOMPARE(m_platform->hub->audit().verify()->brokenSeq, qint64(2));
}

void TestHubAudit::onlyAdminAndSupervisorReadTheTrail()
{
    QCOMPARE(addSupervisor().exitCode, 0);
    // GIVEN a window clerk and a department signed in
    HubTestClient app(m_platform->base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    // WHEN they read the trail THEN 403
    QCOMPARE(app.send("GET", QStringLiteral("/api/v1/audit")).status, 403);
    QCOMPARE(department.send("GET", QStringLiteral("/api/v1/audit")).status, 403);
    // AND without a token 401
    HubTestClient nobody(m_platform->base);
    QCOMPARE(nobody.send("GET", QStringLiteral("/api/v1/audit")).status, 401);
    // WHEN the supervisor and the admin read it THEN 200
    HubTestClient supervisor(m_platform->base);
    QCOMPARE(supervisor.login(Supervisor, SupervisorPassword).status, 200);
    const Reply read = supervisor.send("GET", QStringLiteral("/api/v1/audit?kind=signin&limit=2"));
    QCOMPARE(read.status, 200);
    const QJsonArray entries = read.json().value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 2);
    QVERIFY(!read.json().value(QStringLiteral("nextAfterSeq")).isNull());
    for (const QJsonValue &entry : entries)
        QCOMPARE(
            entry.toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("signin"));
    // AND paging is bounded
    QCOMPARE(supervisor.send("GET", QStringLiteral("/api/v1/audit?limit=501")).status, 400);
    QCOMPARE(supervisor.send("GET", QStringLiteral("/api/v1/audit?limit=0")).status, 400);
    QCOMPARE(supervisor.send("GET", QStringLiteral("/api/v1/audit?afterSeq=-1")).status, 400);
    HubTestClient admin(m_platform->base);
    QCOMPARE(admin.login(Admin, Password).status, 200);
    QCOMPARE(admin.send("GET", QStringLiteral("/api/v1/audit")).status, 200);
}

void TestHubAudit::aSupervisorCreatedByTheCommandReadsStatisticsButActsAsNoClerk()
{
    // WHEN the password given on stdin is too short THEN nothing is created
    Run added = addSupervisor(QStringLiteral("short"));
    QCOMPARE(added.exitCode, 1);
    HubTestClient supervisor(m_platform->base);
    QCOMPARE(supervisor.login(Supervisor, QStringLiteral("short")).status, 401);
    // WHEN a supervisor (督查) of the city is created with the command
    added = addSupervisor();
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    // THEN creating it again is refused (no silent password reset)
    QCOMPARE(addSupervisor(QStringLiteral("Another@2026pw")).exitCode, 1);
    QCOMPARE(supervisor.login(Supervisor, QStringLiteral("Another@2026pw")).status, 401);
    // AND it signs in with the password from stdin, without a window
    const Reply signedIn = supervisor.login(Supervisor, SupervisorPassword);
    QCOMPARE(signedIn.status, 200);
    // AND reads the statistics
    const Reply stats
        = supervisor.send("GET", QStringLiteral("/api/v1/stats?from=2026-11-01&to=2026-11-30"));
    QCOMPARE(stats.status, 200);
    QVERIFY(stats.json().contains(QStringLiteral("cases")));
    // BUT acts as no clerk nor department: no case, no decision, no correction, no completion
    HubTestClient app(m_platform->base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString caseId = DeliveryHelpers::submitCase(
        app, Item, QStringLiteral("2026-11-24T09:00:00+08:00"), Phone);
    QVERIFY(!caseId.isEmpty());
    QStringList pageIds;
    QCOMPARE(supervisor
                 .postJson(QStringLiteral("/api/v1/cases"),
                     HubTestClient::caseBody(QUuid::createUuid().toString(QUuid::WithoutBraces),
                         { HubTestClient::randomFile(100, 2) }, &pageIds))
                 .status,
        403);
    const QString casePath = QString(QStringLiteral("/api/v1/cases/") + caseId);
    QCOMPARE(supervisor
                 .postJson(QString(casePath + QStringLiteral("/decision")),
                     QJsonObject { { QStringLiteral("decision"), QStringLiteral("accepted") },
                         { QStringLiteral("document"), QString::fromLatin1(Pdf.toBase64()) } })
                 .status,
        403);
    QCOMPARE(supervisor
                 .postJson(QString(casePath + QStringLiteral("/correction-request")),
                     QJsonObject { { QStringLiteral("deficiencies"),
                                       QJsonArray { QJsonObject { { QStringLiteral("materialId"),
                                                                      QStringLiteral("photo") },
                                           { QStringLiteral("code"), QStringLiteral("size") } } } },
                         { QStringLiteral("ways"), QJsonArray { QStringLiteral("window") } } })
                 .status,
        403);
    QCOMPARE(
        supervisor
            .postJson(QString(casePath + QStringLiteral("/completion")),
                QJsonObject { { QStringLiteral("document"), QString::fromLatin1(Pdf.toBase64()) } })
            .status,
        403);
    QCOMPARE(
        supervisor.send("POST", QString(casePath + QStringLiteral("/submit"))).status != 200, true);
    // AND a disabled supervisor no longer signs in
    QCOMPARE(hubCommand({ QStringLiteral("accounts"), QStringLiteral("disable"),
                            QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--account"),
                            Supervisor })
                 .exitCode,
        0);
    QCOMPARE(supervisor.login(Supervisor, SupervisorPassword).status, 403);
}

QTEST_GUILESS_MAIN(TestHubAudit)
#include "tst_hubaudit.moc"
