// The line check of `tongban-cli diagnose` (issue 16) against tongban-hub on loopback: the
// hub caps the test transfers with --diag-rate-mbit, and the figures the console prints must
// be within 10 % of the cap; the route refuses strangers, oversized tests and floods.
// gnome-keyring in a private D-Bus session (with-keyring.sh) keeps the check's session.
#include <QDebug>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kAccount = QStringLiteral("xh-tb-03-wangli");
const QString kPassword = QStringLiteral("Tongban@2026"); // DemoSeed's
const QString kWindow = QStringLiteral("410402-tb-03");

/// tongban-hub on 127.0.0.1 with the demo accounts and \a extra options.
class Hub
{
public:
    explicit Hub(const QStringList &extra)
    {
        m_process.setStandardErrorFile(QProcess::nullDevice());
        m_process.start(QStringLiteral(TONGBAN_HUB),
            QStringList { QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("hub")),
                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--pbkdf2-iterations"), QStringLiteral("1000"),
                QStringLiteral("--seed-demo") }
                + extra);
        if (!m_process.waitForStarted(10000))
            return;
        while (!m_process.canReadLine() && m_process.waitForReadyRead(10000)) { }
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (line.startsWith(QLatin1String("listening on ")))
            url = line.mid(13);
    }
    ~Hub()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    QString url;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

/// `tongban-cli --json diagnose` at a window configured for \a url, as \a account.
QJsonObject lineCheck(const QString &url, const QString &account, const QString &dataDir)
{
    {
        QSettings conf(dataDir + QStringLiteral("/tongban.conf"), QSettings::IniFormat);
        conf.setValue(QStringLiteral("platform/url"), url);
        conf.setValue(QStringLiteral("window/id"), kWindow);
        conf.setValue(QStringLiteral("window/name"), QStringLiteral("新华区3号通办窗口"));
        conf.setValue(QStringLiteral("devices/fake"), true);
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TONGBAN_LANGUAGE"), QStringLiteral("zh_CN"));
    env.insert(QStringLiteral("TONGBAN_PASSWORD"), kPassword);
    process.setProcessEnvironment(env);
    QStringList args { QStringLiteral("--json"), QStringLiteral("--data-dir"), dataDir };
    if (!account.isEmpty())
        args << QStringLiteral("--account") << account;
    process.start(QStringLiteral(TONGBAN_CLI), args << QStringLiteral("diagnose"));
    process.waitForFinished(120000);
    const QJsonObject all = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    for (const QJsonValue &value : all.value(QStringLiteral("checks")).toArray()) {
        if (value.toObject().value(QStringLiteral("id")).toString() == QLatin1String("bandwidth"))
            return value.toObject();
    }
    return {};
}

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
};

Answer request(QNetworkAccessManager &net, const QByteArray &method, const QUrl &url,
    const QByteArray &token = {}, const QByteArray &body = {})
{
    QNetworkRequest req(url);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    req.setHeader(QNetworkRequest::ContentTypeHeader,
        body.startsWith('{') ? QByteArrayLiteral("application/json")
                             : QByteArrayLiteral("application/octet-stream"));
    QNetworkReply *reply = net.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return Answer { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        reply->readAll(), reply->rawHeader("Retry-After") };
}

} // namespace

class tst_LineCheck : public QObject
{
    Q_OBJECT

private slots:
    void figureWithinTenPercentOfTheHubsCap_data()
    {
        QTest::addColumn<double>("cap");
        QTest::addColumn<QString>("status");
        QTest::newRow("20 Mbit/s: below the requirement") << 20.0 << QStringLiteral("failed");
        QTest::newRow("100 Mbit/s: the requirement") << 100.0 << QStringLiteral("ok");
    }
    void figureWithinTenPercentOfTheHubsCap()
    {
        QFETCH(double, cap);
        QFETCH(QString, status);
        // GIVEN the hub on loopback capping the line check's transfers at `cap`
        Hub hub({ QStringLiteral("--diag-rate-mbit"), QString::number(cap) });
        QVERIFY(!hub.url.isEmpty());
        QTemporaryDir dir;
        // WHEN IT staff run diagnose with an account of the window
        const QJsonObject check = lineCheck(hub.url, kAccount, dir.path());
        // THEN download and upload are measured within 10 % of the cap, with the round trip
        const QJsonObject measured = check.value(QStringLiteral("measured")).toObject();
        const QByteArray shown = QJsonDocument(check).toJson(QJsonDocument::Compact);
        qInfo().noquote() << "cap" << cap << "Mbit/s:" << shown;
        for (const QString &figure :
            { QStringLiteral("downloadMbit"), QStringLiteral("uploadMbit") }) {
            const double mbit = measured.value(figure).toDouble();
            QVERIFY2(qAbs(mbit - cap) <= cap * 0.1, shown.constData());
        }
        QVERIFY2(measured.contains(QStringLiteral("rttMs")), shown.constData());
        QCOMPARE(measured.value(QStringLiteral("requiredMbit")).toDouble(), 100.0);
        // AND the verdict is against 100 Mbit/s, with what to do when the line is short of it
        QCOMPARE(check.value(QStringLiteral("status")).toString(), status);
        const QString advice = check.value(QStringLiteral("advice")).toString();
        QVERIFY2(status == QLatin1String("ok") ? advice.isEmpty()
                                               : advice.contains(QStringLiteral("第十六条")),
            shown.constData());
        // AND in Chinese
        QVERIFY2(check.value(QStringLiteral("finding")).toString().contains(QStringLiteral("下载")),
            shown.constData());
    }

    void withoutAnAccountTheCheckSaysHowToRunIt()
    {
        // GIVEN a hub and no --account
        Hub hub({});
        QVERIFY(!hub.url.isEmpty());
        QTemporaryDir dir;
        // WHEN diagnose runs
        const QJsonObject check = lineCheck(hub.url, {}, dir.path());
        // THEN the line check is skipped and says to give --account
        QCOMPARE(check.value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
        QVERIFY(check.value(QStringLiteral("finding"))
                    .toString()
                    .contains(QStringLiteral("--account")));
    }

    void itGuideDescribesEveryCheckAsBuilt()
    {
        // GIVEN the checks diagnose makes (a window without platform: every check present)
        QTemporaryDir dir;
        QProcess process;
        process.start(QStringLiteral(TONGBAN_CLI),
            { QStringLiteral("--json"), QStringLiteral("--data-dir"), dir.path(),
                QStringLiteral("diagnose") });
        QVERIFY(process.waitForFinished(120000));
        const QJsonArray checks = QJsonDocument::fromJson(process.readAllStandardOutput())
                                      .object()
                                      .value(QStringLiteral("checks"))
                                      .toArray();
        QVERIFY(checks.size() >= 15);
        // WHEN IT staff read the guide's diagnose section
        QFile file(QStringLiteral(TONGBAN_IT_GUIDE));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString guide = QString::fromUtf8(file.readAll());
        const qsizetype from = guide.indexOf(QStringLiteral("## `tongban-cli diagnose`"));
        QVERIFY(from >= 0);
        const QString section
            = guide.mid(from, guide.indexOf(QStringLiteral("\n## "), from + 5) - from);
        // THEN each check is there by its id, none is "not built", and the line is measured
        for (const QJsonValue &value : checks) {
            const QString id = value.toObject().value(QStringLiteral("id")).toString();
            QVERIFY2(section.contains(QLatin1Char('`') + id + QLatin1Char('`')), qPrintable(id));
            QVERIFY2(value.toObject().value(QStringLiteral("status")).toString()
                    != QLatin1String("not_built"),
                qPrintable(id));
        }
        for (const QString &stale : { QStringLiteral("not measured yet"),
                 QStringLiteral("not built"), QStringLiteral("not yet") })
            QVERIFY2(!section.contains(stale, Qt::CaseInsensitive), qPrintable(stale));
    }

    void routeRefusesStrangersOversizedTestsAndFloods()
    {
        // GIVEN a hub taking 3 line check requests per account and minute
        Hub hub({ QStringLiteral("--diag-requests-per-minute"), QStringLiteral("3") });
        QVERIFY(!hub.url.isEmpty());
        QNetworkAccessManager net;
        const QString api = hub.url + QStringLiteral("/api/v1/diag/");
        // WHEN someone without a token asks for test bytes THEN 401
        QCOMPARE(
            request(net, "GET", QUrl(api + QStringLiteral("download?bytes=1000"))).status, 401);
        QCOMPARE(request(net, "POST", QUrl(api + QStringLiteral("upload")), {}, "x").status, 401);
        // WHEN a signed-in clerk asks for more than 16 MiB or a nonsense size THEN 400
        const Answer login
            = request(net, "POST", QUrl(hub.url + QStringLiteral("/api/v1/session")), {},
                QJsonDocument(QJsonObject { { QStringLiteral("account"), kAccount },
                                  { QStringLiteral("password"), kPassword },
                                  { QStringLiteral("windowId"), kWindow } })
                    .toJson());
        QCOMPARE(login.status, 200);
        const QByteArray token = QJsonDocument::fromJson(login.body)
                                     .object()
                                     .value(QStringLiteral("accessToken"))
                                     .toString()
                                     .toLatin1();
        QCOMPARE(request(net, "GET", QUrl(api + QStringLiteral("download?bytes=16777217")), token)
                     .status,
            400);
        QCOMPARE(request(net, "GET", QUrl(api + QStringLiteral("download?bytes=-1")), token).status,
            400);
        // AND an upload over 16 MiB is refused before it is read (413)
        QCOMPARE(request(net, "POST", QUrl(api + QStringLiteral("upload")), token,
                     QByteArray(16 * 1024 * 1024 + 1, 'u'))
                     .status,
            413);
        // WHEN the account makes more than 3 requests in a minute THEN 429 with Retry-After
        const Answer first
            = request(net, "GET", QUrl(api + QStringLiteral("download?bytes=1000")), token);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body.size(), 1000);
        const Answer up = request(net, "POST", QUrl(api + QStringLiteral("upload")), token, "abc");
        QCOMPARE(up.status, 200);
        QCOMPARE(
            QJsonDocument::fromJson(up.body).object().value(QStringLiteral("bytes")).toInt(), 3);
        QCOMPARE(
            request(net, "GET", QUrl(api + QStringLiteral("download?bytes=0")), token).status, 200);
        const Answer flood
            = request(net, "GET", QUrl(api + QStringLiteral("download?bytes=0")), token);
        QCOMPARE(flood.status, 429);
        QVERIFY(flood.retryAfter.toInt() >= 1);
    }
};

QTEST_GUILESS_MAIN(tst_LineCheck)
#include "tst_linecheck.moc"
