// The platform's official case number reaches the case whoever flushed the outbox
// (issue 12, "Transmission is one step"): the workstation's intake store gets it in the
// transaction that records the acknowledgement, and a case acknowledged but left without
// its number (a process killed in between by an older version) gets it at the next start.
// A real workstation database and tongban-hub in-process over HTTP on 127.0.0.1.

#include "CheckedDraft.h"
#include "InProcessHub.h"

#include <intake/CaseManifest.h>
#include <platform/ApiClient.h>
#include <platform/ApiParsing.h>
#include <platform/Outbox.h>

#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <DemoSeed.h>
#include <common/PlatformLink.h>
#include <common/Workstation.h>

using namespace Tongban;

namespace {
const QString Item = QStringLiteral("41040201012001000");
const QString Window = QStringLiteral("410402-tb-03");
} // namespace

class TestCaseNumbers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theNumberReachesTheCaseWhoeverFlushed();
    void aCaseAcknowledgedWithoutItsNumberGetsItAtTheNextStart();

private:
    /// A complete case of \a station, transmitted through \a outbox's own transaction.
    QString transmitCase(App::Workstation &station, Platform::Outbox &outbox);
    std::unique_ptr<App::Workstation> openStation();

    InProcessHub m_platform;
    QTemporaryDir m_dataDir;
    std::unique_ptr<Platform::ApiClient> m_api;
};

void TestCaseNumbers::initTestCase()
{
    qRegisterMetaType<Core::Error>();
    const QString started = m_platform.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QSettings conf(m_dataDir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
    conf.setValue(QStringLiteral("window/id"), Window);
    conf.setValue(QStringLiteral("window/code"), QStringLiteral("TB03"));
    conf.setValue(QStringLiteral("window/region"), QStringLiteral("410402"));
    conf.setValue(QStringLiteral("platform/url"), m_platform.base);
    conf.sync();
    m_api = std::make_unique<Platform::ApiClient>(QUrl(m_platform.base));
    Platform::ApiRequest login;
    login.method = "POST";
    login.path = QStringLiteral("/session");
    login.authenticated = false;
    login.body = QJsonDocument(
        QJsonObject { { QStringLiteral("account"), QStringLiteral("xh-tb-03-wangli") },
            { QStringLiteral("password"), QString::fromUtf8(Hub::DemoPassword) },
            { QStringLiteral("windowId"), Window } })
                     .toJson(QJsonDocument::Compact);
    std::optional<Core::Result<Platform::ApiResponse>> answer;
    m_api->send(login, [&](Core::Result<Platform::ApiResponse> r) { answer.emplace(r); });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000);
    QVERIFY(answer->ok());
    const auto tokens = Platform::parseSession((*answer)->body);
    QVERIFY(tokens.ok());
    m_api->setBearerToken(tokens->accessToken);
}

std::unique_ptr<App::Workstation> TestCaseNumbers::openStation()
{
    auto station = App::Workstation::open(m_dataDir.path());
    if (!station) {
        qWarning("%s", qPrintable(station.error().toString()));
        return nullptr;
    }
    return std::move(station).value();
}

QString TestCaseNumbers::transmitCase(App::Workstation &station, Platform::Outbox &outbox)
{
    auto checked = Testing::checkedCompleteDraft(station, Item, QStringLiteral("xh-tb-03-wangli"));
    if (!checked)
        return {};
    Intake::IntakeStore &intake = station.intake();
    Intake::CaseDraft &draft = checked->draft;
    const Intake::Assessment &a = checked->assessment;
    const QJsonObject &body = checked->body;
    if (!intake.transmit(draft, body, a.paperToMail(), Core::DueDate { QDate(2026, 11, 25), false },
            [&outbox](const QJsonObject &b) { return outbox.enqueueWithin(b); }))
        return {};
    outbox.announce(draft.caseId);
    return draft.caseId;
}

void TestCaseNumbers::theNumberReachesTheCaseWhoeverFlushed()
{
    // GIVEN a transmitted case, and an outbox flushed by something other than the window's
    // screens (as tongban-cli outbox flush does), linked to the workstation's cases
    auto station = openStation();
    QVERIFY(station);
    Platform::Outbox outbox(station->database(), *m_api, station->clock(),
        [&](const QString &sha256) { return station->pages().readContent(sha256); });
    QVERIFY(App::linkCaseNumbers(outbox, *station));
    const QString caseId = transmitCase(*station, outbox);
    QVERIFY(!caseId.isEmpty());
    QSignalSpy acknowledged(&outbox, &Platform::Outbox::caseAcknowledged);
    // WHEN the platform acknowledges it
    outbox.flush();
    QTRY_COMPARE_WITH_TIMEOUT(acknowledged.size(), 1, 30000);
    // THEN the number is on the case already, nobody else having written it
    const QString number = acknowledged.first().at(1).toString();
    QVERIFY(!number.isEmpty());
    QCOMPARE(station->intake().load(caseId)->caseNumber, number);
    QCOMPARE(
        station->intake().casesIn(Intake::CaseDraft::State::Complete).first().caseNumber, number);
    outbox.stop();
}

void TestCaseNumbers::aCaseAcknowledgedWithoutItsNumberGetsItAtTheNextStart()
{
    QString caseId;
    QString number;
    {
        // GIVEN a case acknowledged by an outbox that was not linked to the cases (the
        // process killed between the acknowledgement and the write, by an older version)
        auto station = openStation();
        QVERIFY(station);
        Platform::Outbox outbox(station->database(), *m_api, station->clock(),
            [&](const QString &sha256) { return station->pages().readContent(sha256); });
        caseId = transmitCase(*station, outbox);
        QVERIFY(!caseId.isEmpty());
        QSignalSpy acknowledged(&outbox, &Platform::Outbox::caseAcknowledged);
        outbox.flush();
        QTRY_COMPARE_WITH_TIMEOUT(acknowledged.size(), 1, 30000);
        number = acknowledged.first().at(1).toString();
        outbox.stop();
        QVERIFY(station->intake().load(caseId)->caseNumber.isEmpty());
    }
    // WHEN the workstation starts again
    auto station = openStation();
    QVERIFY(station);
    App::PlatformLink link(*station);
    // THEN the number is on the case
    QCOMPARE(station->intake().load(caseId)->caseNumber, number);
}

QTEST_MAIN(TestCaseNumbers)
#include "tst_casenumbers.moc"
