// tongban-hub as a child process: SIGKILL in the middle of a PATCH, restart
// on the same data directory, resume from HEAD; the decide command; the call
// options of the command line and the sms list command.

#include "HubWsClient.h"

#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestHubKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedMidUploadResumesFromCommittedOffset();
    void callOptionsAndSmsListFromTheCommandLine();

private:
    QString start(
        QProcess &process, const QString &dataDir, bool seed, const QStringList &extra = {});
    QString smsList(const QString &dataDir, bool unmasked);
};

QString TestHubKill::start(
    QProcess &process, const QString &dataDir, bool seed, const QStringList &extra)
{
    QStringList arguments { QStringLiteral("--data-dir"), dataDir, QStringLiteral("--listen"),
        QStringLiteral("127.0.0.1:0"), QStringLiteral("--pbkdf2-iterations"),
        QStringLiteral("1000"), QStringLiteral("--no-office-hours") }; // the real clock
    if (seed)
        arguments << QStringLiteral("--seed-demo");
    arguments << extra;
    process.start(QStringLiteral(TONGBAN_HUB), arguments);
    if (!process.waitForStarted(10000))
        return {};
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(10000))
            return {};
    }
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    return line.mid(QStringLiteral("listening on ").size());
}

void TestHubKill::killedMidUploadResumesFromCommittedOffset()
{
    QTemporaryDir dir;
    QProcess hub;
    QString base = start(hub, dir.path(), true);
    QVERIFY(base.startsWith(QLatin1String("http://127.0.0.1:")));
    HubTestClient client(base);
    QCOMPARE(client
                 .login(QStringLiteral("xh-tb-03-wangli"), QStringLiteral("Tongban@2026"),
                     QStringLiteral("410402-tb-03"))
                 .status,
        200);
    const QByteArray file = HubTestClient::randomFile(3 * 1024 * 1024, 11);
    QStringList pageIds;
    const Reply created = client.postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(QStringLiteral("kill-case"), { file }, &pageIds));
    QCOMPARE(created.status, 201);
    const QString caseId = created.json().value(QStringLiteral("caseId")).toString();
    const QString location = QString::fromLatin1(
        client.createUpload(caseId, pageIds.first(), file).header("Location"));
    const int chunk = 1024 * 1024;
    QCOMPARE(client.patch(location, 0, file.left(chunk)).status, 204);

    // GIVEN a second chunk half sent
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, quint16(QUrl(base).port()));
    QVERIFY(raw.waitForConnected(5000));
    const QByteArray part = file.mid(chunk, chunk);
    raw.write(QByteArray("PATCH " + location.toLatin1()
        + " HTTP/1.1\r\nHost: x\r\nTus-Resumable: 1.0.0\r\n"
          "Authorization: Bearer "
        + client.token
        + "\r\nContent-Type: application/offset+octet-stream\r\n"
          "Upload-Offset: "
        + QByteArray::number(chunk) + "\r\nContent-Length: " + QByteArray::number(part.size())
        + "\r\n\r\n"));
    raw.write(part.left(part.size() / 2));
    QVERIFY(raw.waitForBytesWritten(5000));
    QTest::qWait(200);
    // WHEN the hub is killed with SIGKILL and restarted on the same data directory
    ::kill(pid_t(hub.processId()), SIGKILL);
    QVERIFY(hub.waitForFinished(5000));
    raw.abort();
    QProcess restarted;
    base = start(restarted, dir.path(), false);
    QVERIFY(!base.isEmpty());
    HubTestClient again(base);
    QCOMPARE(again
                 .login(QStringLiteral("xh-tb-03-wangli"), QStringLiteral("Tongban@2026"),
                     QStringLiteral("410402-tb-03"))
                 .status,
        200);
    // THEN HEAD gives the committed offset: the first chunk, nothing of the cut one
    const Reply head = again.head(location);
    QCOMPARE(head.status, 200);
    const qint64 offset = head.header("Upload-Offset").toLongLong();
    QCOMPARE(offset, qint64(chunk));
    // AND the upload completes from there (one chunk re-sent) and the case submits
    for (qint64 at = offset; at < file.size(); at += chunk)
        QCOMPARE(again.patch(location, at, file.mid(at, chunk)).status, 204);
    const Reply submitted = again.send(
        "POST", QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")));
    QCOMPARE(submitted.status, 200);

    // WHEN the department decides with the command while the hub runs
    QFile pdf(dir.filePath(QStringLiteral("notice.pdf")));
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    pdf.write("%PDF-1.4\n%%EOF\n");
    pdf.close();
    QProcess decide;
    decide.start(QStringLiteral(TONGBAN_HUB),
        { QStringLiteral("decide"), QStringLiteral("--data-dir"), dir.path(), caseId,
            QStringLiteral("--accept"), QStringLiteral("--reasons"), QStringLiteral("材料齐全"),
            QStringLiteral("--pdf"), pdf.fileName() });
    QVERIFY(decide.waitForFinished(20000));
    QCOMPARE(decide.exitCode(), 0);
    // THEN the running hub serves the result
    const Reply results = again.send("GET", QStringLiteral("/api/v1/results"));
    QCOMPARE(results.json().value(QStringLiteral("results")).toArray().size(), 1);
    restarted.kill();
    restarted.waitForFinished(5000);
}

QString TestHubKill::smsList(const QString &dataDir, bool unmasked)
{
    QProcess sms;
    QStringList arguments { QStringLiteral("sms"), QStringLiteral("list"),
        QStringLiteral("--data-dir"), dataDir };
    if (unmasked)
        arguments << QStringLiteral("--unmasked");
    sms.start(QStringLiteral(TONGBAN_HUB), arguments);
    if (!sms.waitForFinished(20000) || sms.exitCode() != 0)
        return {};
    return QString::fromUtf8(sms.readAllStandardOutput());
}

void TestHubKill::callOptionsAndSmsListFromTheCommandLine()
{
    // GIVEN the executable with a short call timeout and a STUN server
    QTemporaryDir dir;
    QProcess hub;
    const QString base = start(hub, dir.path(), true,
        { QStringLiteral("--call-timeout-ms"), QStringLiteral("200"),
            QStringLiteral("--presence-grace-ms"), QStringLiteral("200"),
            QStringLiteral("--ice-server"), QStringLiteral("stun:stun.example.org:3478") });
    QVERIFY(base.startsWith(QLatin1String("http://127.0.0.1:")));
    const QString password = QStringLiteral("Tongban@2026");
    // AND its home windows open all day: it runs on the machine's clock, and a call outside
    // office hours is refused (§16); a holiday of the calendar still closes
    HubTestClient admin(base);
    QCOMPARE(admin.login(QStringLiteral("pds-admin"), password).status, 200);
    QCOMPARE(admin
                 .send("PUT", QStringLiteral("/api/v1/office-hours/410402"),
                     QByteArrayLiteral("{\"spans\":[\"00:00-24:00\"]}"))
                 .status,
        200);
    HubWsClient app(
        base, QStringLiteral("xh-tb-03-wangli"), password, QStringLiteral("410402-tb-03"));
    HubWsClient home(
        base, QStringLiteral("xh-tb-01-liuyang"), password, QStringLiteral("410402-tb-01"));
    QVERIFY(app.signedIn && app.open() && home.signedIn && home.open());
    // THEN welcome names the STUN server
    QCOMPARE(app.find(QStringLiteral("welcome"))
                 .value(QStringLiteral("iceServers"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("urls"))
                 .toArray()
                 .first()
                 .toString(),
        QStringLiteral("stun:stun.example.org:3478"));
    // WHEN a call rings the home window and nobody answers
    app.send(QStringLiteral("call.invite"), QStringLiteral("cli-call"),
        { { QStringLiteral("itemCode"), QStringLiteral("41040201012001000") } });
    QVERIFY(!home.waitFor(QStringLiteral("call.ringing"), QStringLiteral("cli-call")).isEmpty());
    // THEN it is missed after the configured timeout (the default 30 s would outlast the wait)
    QVERIFY(!app.waitFor(QStringLiteral("call.missed"), QStringLiteral("cli-call")).isEmpty());
    // AND sms list shows one reminder to the home window, its phone masked unless asked
    const QString masked = smsList(dir.path(), false);
    QCOMPARE(masked.count(QLatin1Char('\n')), 1);
    QVERIFY2(masked.contains(QLatin1String("410402-tb-01"))
            && masked.contains(QLatin1String("138****0401"))
            && masked.contains(QLatin1String("cli-call")),
        qPrintable(masked));
    QVERIFY(!masked.contains(QLatin1String("13800000401")));
    QVERIFY(smsList(dir.path(), true).contains(QLatin1String("13800000401")));
    hub.kill();
    hub.waitForFinished(5000);
}

QTEST_MAIN(TestHubKill)
#include "tst_hubkill.moc"
