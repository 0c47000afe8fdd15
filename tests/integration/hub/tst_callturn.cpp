// A call between two halls on different networks, through Debian's coturn (issue 15).
//
// Three network namespaces: hall A (10.201.1.2) and hall B (10.201.2.2), each joined by a
// veth pair to a "turn" namespace that holds coturn on 10.201.0.1 and does not forward
// between them: A and B reach coturn, never each other. tongban-hub (in this process, on
// 127.0.0.1) hands each window its ICE servers: STUN and TURN with a short-lived
// credential (coturn's REST scheme, static-auth-secret). Each side of the call is a
// MediaSession in a process of its own (callpeer) run with `ip netns exec`; this test
// carries their offer, answer and candidates, as the hub would.
//
// The control: without the platform's ICE servers the same two sides never get a frame.
// Needs root (namespaces) and coturn (installer/install-deps.sh installs it); skipped
// otherwise, saying which.

#include "HubTestClient.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <DemoSeed.h>
#include <Hub.h>
#include <unistd.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QByteArray Secret = QByteArrayLiteral("tongban-test-turn-secret");
const QString TurnAddress = QStringLiteral("10.201.0.1");

QString ipTool()
{
    QString ip = QStandardPaths::findExecutable(QStringLiteral("ip"));
    if (ip.isEmpty())
        ip = QStandardPaths::findExecutable(
            QStringLiteral("ip"), { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin") });
    return ip;
}

/// One side of the call: callpeer in a namespace, its messages as they arrive.
struct Peer
{
    QProcess process;
    QByteArray pending;
    QList<QJsonObject> messages;
    qint64 frames = 0;
    qint64 audio = 0;
    QString failed;
    bool connected = false;

    void start(const QString &ns, const QString &role, const QString &iceFile)
    {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(ipTool(),
            { QStringLiteral("netns"), QStringLiteral("exec"), ns, QStringLiteral(TONGBAN_CALLPEER),
                role, iceFile });
    }
    /// The messages that arrived since the last call.
    QList<QJsonObject> take()
    {
        pending.append(process.readAllStandardOutput());
        QList<QJsonObject> taken;
        qsizetype end = 0;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QJsonObject message = QJsonDocument::fromJson(pending.left(end)).object();
            pending.remove(0, end + 1);
            if (message.contains(QStringLiteral("frames"))) {
                frames = qint64(message.value(QStringLiteral("frames")).toDouble());
                audio = qint64(message.value(QStringLiteral("audio")).toDouble());
            } else if (message.contains(QStringLiteral("failed"))) {
                failed = message.value(QStringLiteral("failed")).toString();
            } else if (message.contains(QStringLiteral("state"))) {
                connected = connected || message.value(QStringLiteral("state")).toInt() == 2;
            } else {
                taken.append(message);
            }
        }
        return taken;
    }
    void send(const QJsonObject &message)
    {
        process.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    }
    void stop()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        send({ { QStringLiteral("quit"), true } });
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};
} // namespace

class TestCallTurn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void withoutTheRelayTheHallsCannotMeet();
    void aCallConnectsThroughCoturnWithFramesBothWays();
    void cleanupTestCase();

private:
    bool ip(const QStringList &args);
    bool inNamespace(const QString &ns, const QStringList &command);
    /// Runs a call between A and B with \a iceA / \a iceB for \a ms or until both sides have
    /// \a frames frames; true when they did.
    bool call(const QString &iceA, const QString &iceB, int frames, int ms, QString *why);
    QString iceServersFile(const QString &account, const QString &windowId);

    QString m_skip;
    QTemporaryDir m_dir;
    QString m_a, m_b, m_turn;
    QStringList m_created;
    QProcess m_coturn;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<Hub::Hub> m_hub;
    QString m_base;
};

bool TestCallTurn::ip(const QStringList &args)
{
    QProcess process;
    process.start(ipTool(), args);
    if (!process.waitForFinished(10000) || process.exitCode() != 0) {
        qWarning().noquote() << "ip" << args.join(u' ')
                             << "failed:" << process.readAllStandardError();
        return false;
    }
    return true;
}

bool TestCallTurn::inNamespace(const QString &ns, const QStringList &command)
{
    return ip(QStringList { QStringLiteral("-n"), ns } + command);
}

void TestCallTurn::initTestCase()
{
    if (geteuid() != 0)
        QSKIP("needs root for network namespaces (ip netns); run as root to test TURN");
    if (ipTool().isEmpty())
        QSKIP("iproute2's ip is not installed");
    const QString turnserver = QStandardPaths::findExecutable(QStringLiteral("turnserver"));
    if (turnserver.isEmpty())
        QSKIP("coturn is not installed (installer/install-deps.sh installs it)");

    const QString tag = QString::number(QCoreApplication::applicationPid());
    m_a = QStringLiteral("tbhallA") + tag;
    m_b = QStringLiteral("tbhallB") + tag;
    m_turn = QStringLiteral("tbturn") + tag;
    for (const QString &ns : { m_a, m_b, m_turn }) {
        if (!ip({ QStringLiteral("netns"), QStringLiteral("add"), ns }))
            QSKIP("cannot create network namespaces here (ip netns add failed)");
        m_created << ns;
        QVERIFY(inNamespace(ns,
            { QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
                QStringLiteral("up") }));
    }
    // hall A ↔ turn, hall B ↔ turn; the turn namespace does not forward (net.ipv4.ip_forward
    // is 0 in a new namespace), so A and B have no path to each other.
    const struct
    {
        QString hall;
        QString hallEnd;
        QString turnEnd;
        QString subnet;
    } links[] = { { m_a, QStringLiteral("tba") + tag, QStringLiteral("tbta") + tag,
                      QStringLiteral("10.201.1") },
        { m_b, QStringLiteral("tbb") + tag, QStringLiteral("tbtb") + tag,
            QStringLiteral("10.201.2") } };
    for (const auto &link : links) {
        QVERIFY(ip({ QStringLiteral("link"), QStringLiteral("add"), link.hallEnd.left(15),
            QStringLiteral("netns"), link.hall, QStringLiteral("type"), QStringLiteral("veth"),
            QStringLiteral("peer"), QStringLiteral("name"), link.turnEnd.left(15),
            QStringLiteral("netns"), m_turn }));
        QVERIFY(inNamespace(link.hall,
            { QStringLiteral("addr"), QStringLiteral("add"), link.subnet + QStringLiteral(".2/24"),
                QStringLiteral("dev"), link.hallEnd.left(15) }));
        QVERIFY(inNamespace(link.hall,
            { QStringLiteral("link"), QStringLiteral("set"), link.hallEnd.left(15),
                QStringLiteral("up") }));
        QVERIFY(inNamespace(link.hall,
            { QStringLiteral("route"), QStringLiteral("add"), QStringLiteral("default"),
                QStringLiteral("via"), link.subnet + QStringLiteral(".1") }));
        QVERIFY(inNamespace(m_turn,
            { QStringLiteral("addr"), QStringLiteral("add"), link.subnet + QStringLiteral(".1/24"),
                QStringLiteral("dev"), link.turnEnd.left(15) }));
        QVERIFY(inNamespace(m_turn,
            { QStringLiteral("link"), QStringLiteral("set"), link.turnEnd.left(15),
                QStringLiteral("up") }));
    }
    // coturn's one public address, on the turn namespace's loopback: reached from both halls
    // through their gateway, delivered locally (no forwarding).
    QVERIFY(inNamespace(m_turn,
        { QStringLiteral("addr"), QStringLiteral("add"), TurnAddress + QStringLiteral("/32"),
            QStringLiteral("dev"), QStringLiteral("lo") }));

    // coturn as docs/turn-server.md sets it up, with the test's secret.
    QFile secret(m_dir.filePath(QStringLiteral("turn-secret")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write(Secret);
    secret.close();
    m_coturn.setProcessChannelMode(QProcess::MergedChannels);
    m_coturn.start(ipTool(),
        { QStringLiteral("netns"), QStringLiteral("exec"), m_turn, turnserver, QStringLiteral("-n"),
            QStringLiteral("--listening-ip=") + TurnAddress,
            QStringLiteral("--relay-ip=") + TurnAddress, QStringLiteral("--listening-port=3478"),
            QStringLiteral("--min-port=49152"), QStringLiteral("--max-port=49252"),
            QStringLiteral("--use-auth-secret"),
            QStringLiteral("--static-auth-secret=") + QString::fromLatin1(Secret),
            QStringLiteral("--realm=tongban.test"), QStringLiteral("--fingerprint"),
            QStringLiteral("--no-tls"), QStringLiteral("--no-dtls"), QStringLiteral("--no-cli"),
            QString(QStringLiteral("--log-file=") + m_dir.filePath(QStringLiteral("turn.log"))),
            QStringLiteral("--simple-log"), QStringLiteral("--verbose"),
            QStringLiteral("--db=") + m_dir.filePath(QStringLiteral("turndb")),
            QStringLiteral("--pidfile=") + m_dir.filePath(QStringLiteral("turn.pid")) });
    QVERIFY(m_coturn.waitForStarted(10000));
    QTest::qWait(1000);
    QVERIFY2(m_coturn.state() == QProcess::Running, m_coturn.readAll().constData());

    // The platform: TURN at coturn's address, credentials from the same secret.
    m_clock = std::make_unique<Core::ManualClock>(QDateTime::currentDateTimeUtc());
    Hub::HubConfig config;
    config.dataDir = m_dir.filePath(QStringLiteral("hub"));
    config.pbkdf2Iterations = 1000;
    config.clock = m_clock.get();
    config.iceServers.append(QJsonObject { { QStringLiteral("urls"),
        QJsonArray {
            QString(QStringLiteral("stun:") + TurnAddress + QStringLiteral(":3478")) } } });
    config.turn.urls = { QString(
        QStringLiteral("turn:") + TurnAddress + QStringLiteral(":3478?transport=udp")) };
    config.turn.secret = Secret;
    auto hub = Hub::Hub::create(config);
    QVERIFY2(hub.ok(), hub ? "" : qPrintable(hub.error().toString()));
    m_hub = std::move(*hub);
    const auto port = m_hub->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.ok());
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(*port);
    QVERIFY(Hub::seedDemo(*m_hub).ok());
}

QString TestCallTurn::iceServersFile(const QString &account, const QString &windowId)
{
    HubTestClient client(m_base);
    if (client.login(account, Password, windowId).status != 200)
        return {};
    const Reply reply = client.send("GET", QStringLiteral("/api/v1/ice-servers"));
    if (reply.status != 200)
        return {};
    const QString path = m_dir.filePath(windowId + QStringLiteral(".json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(reply.json().value(QStringLiteral("iceServers")).toArray()).toJson());
    return path;
}

bool TestCallTurn::call(const QString &iceA, const QString &iceB, int frames, int ms, QString *why)
{
    Peer a;
    Peer b;
    a.start(m_a, QStringLiteral("offer"), iceA);
    b.start(m_b, QStringLiteral("answer"), iceB);
    if (!a.process.waitForStarted(10000) || !b.process.waitForStarted(10000)) {
        *why = QStringLiteral("callpeer did not start");
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    bool done = false;
    while (!done && timer.elapsed() < ms) {
        QTest::qWait(50);
        for (const QJsonObject &message : a.take())
            b.send(message);
        for (const QJsonObject &message : b.take())
            a.send(message);
        done = a.frames >= frames && b.frames >= frames;
        if (!a.failed.isEmpty() || !b.failed.isEmpty())
            break;
    }
    *why = QStringLiteral("after %1 ms: A connected %2, %3 frames, %4 audio; B connected %5, %6 "
                          "frames, %7 audio; %8 %9; A stderr %10; B stderr %11")
               .arg(timer.elapsed())
               .arg(a.connected)
               .arg(a.frames)
               .arg(a.audio)
               .arg(b.connected)
               .arg(b.frames)
               .arg(b.audio)
               .arg(a.failed, b.failed,
                   QString::fromUtf8(a.process.readAllStandardError().right(600)),
                   QString::fromUtf8(b.process.readAllStandardError().right(600)));
    a.stop();
    b.stop();
    return done;
}

void TestCallTurn::withoutTheRelayTheHallsCannotMeet()
{
    // GIVEN no ICE servers (host candidates only): 10.201.1.2 and 10.201.2.2
    const QString none = m_dir.filePath(QStringLiteral("none.json"));
    QFile file(none);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[]");
    file.close();
    // WHEN the halls call each other for 8 s
    QString why;
    const bool met = call(none, none, 1, 8000, &why);
    // THEN not a single frame arrives either way: there is no path between the halls
    QVERIFY2(!met, qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral(", 0 frames")), qPrintable(why));
}

void TestCallTurn::aCallConnectsThroughCoturnWithFramesBothWays()
{
    // GIVEN each window's ICE servers from the platform (TURN credentials minted by the hub)
    const QString iceA
        = iceServersFile(QStringLiteral("xh-tb-03-wangli"), QStringLiteral("410402-tb-03"));
    const QString iceB
        = iceServersFile(QStringLiteral("xh-tb-01-liuyang"), QStringLiteral("410402-tb-01"));
    QVERIFY(!iceA.isEmpty() && !iceB.isEmpty());
    // WHEN hall A calls hall B
    QString why;
    const bool met = call(iceA, iceB, 30, 60000, &why);
    // THEN both see the other's picture (30 frames each way), through coturn's relay
    QVERIFY2(met,
        qPrintable(why + QStringLiteral("\ncoturn: ")
            + QString::fromUtf8(m_coturn.readAll().right(1000))));
    qInfo().noquote() << why.left(200);
    QFile logFile(m_dir.filePath(QStringLiteral("turn.log")));
    QVERIFY(logFile.open(QIODevice::ReadOnly));
    const QString log = QString::fromUtf8(logFile.readAll());
    QVERIFY2(
        log.contains(QStringLiteral("ALLOCATE processed, success")), qPrintable(log.right(2000)));
    for (const QString &line : log.split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1String("usage:")) || line.contains(QLatin1String("peer")))
            qInfo().noquote() << line.left(300);
    }
    // AND coturn accepted the platform's REST credential of each window
    QVERIFY2(log.contains(QStringLiteral(":410402-tb-03"))
            && log.contains(QStringLiteral(":410402-tb-01")),
        qPrintable(log.right(2000)));
}

void TestCallTurn::cleanupTestCase()
{
    m_hub.reset();
    if (m_coturn.state() != QProcess::NotRunning) {
        m_coturn.terminate();
        if (!m_coturn.waitForFinished(5000)) {
            m_coturn.kill();
            m_coturn.waitForFinished(5000);
        }
    }
    for (const QString &ns : std::as_const(m_created))
        ip({ QStringLiteral("netns"), QStringLiteral("delete"), ns });
}

QTEST_GUILESS_MAIN(TestCallTurn)
#include "tst_callturn.moc"
