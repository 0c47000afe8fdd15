// tongban-hub in-process over real HTTP on 127.0.0.1: the rules of 000 第六条 that a
// transmitted case and a decision must meet (issue 12). The platform refuses 容缺 on a
// material the catalogue in force does not allow it for, a case with a missing or deficient
// material, and a rejection without reasons, through the route and through `decide`.

#include "HubTestClient.h"
#include "InProcessHub.h"

#include <QProcess>
#include <QTest>

#include <DemoSeed.h>
#include <cases/CaseService.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QString Clerk = QStringLiteral("xh-tb-03-wangli");
const QString Window = QStringLiteral("410402-tb-03");
const QString Department = QStringLiteral("xh-scjg-chenjing");
const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n% notice\n%%EOF\n");
} // namespace

class TestHubCaseRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void toleratedOnlyWhereTheCatalogueAllowsIt();
    void toleratedNeedsTheCommitment();
    void missingOrDeficientMaterialsAreNotTransmitted_data();
    void missingOrDeficientMaterialsAreNotTransmitted();
    void aRejectionWithoutReasonsIsRefused();
    void theDecideCommandRefusesARejectionWithoutReasons();

private:
    /// The sample case (§5) with a second material \a materialId in \a status.
    static QJsonObject caseWith(
        const QString &materialId, const QString &status, const QString &commitment = {});
    QString submittedCase();

    std::unique_ptr<InProcessHub> m_platform;
    std::unique_ptr<HubTestClient> m_client;
};

void TestHubCaseRules::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started = m_platform->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_client = std::make_unique<HubTestClient>(m_platform->base);
    QCOMPARE(m_client->login(Clerk, Password, Window).status, 200);
}

void TestHubCaseRules::cleanup()
{
    m_client.reset();
    m_platform.reset();
}

QJsonObject TestHubCaseRules::caseWith(
    const QString &materialId, const QString &status, const QString &commitment)
{
    QStringList pageIds;
    QJsonObject body = HubTestClient::caseBody(QUuid::createUuid().toString(QUuid::WithoutBraces),
        { HubTestClient::randomFile(300, 1) }, &pageIds);
    QJsonArray materials = body.value(QStringLiteral("materials")).toArray();
    QJsonObject material { { QStringLiteral("materialId"), materialId },
        { QStringLiteral("status"), status }, { QStringLiteral("pages"), QJsonArray() } };
    if (!commitment.isNull())
        material.insert(QStringLiteral("commitment"), commitment);
    materials.append(material);
    body.insert(QStringLiteral("materials"), materials);
    return body;
}

QString TestHubCaseRules::submittedCase()
{
    QStringList pageIds;
    const QByteArray file = HubTestClient::randomFile(700, 5);
    const Reply created = m_client->postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(
            QUuid::createUuid().toString(QUuid::WithoutBraces), { file }, &pageIds));
    const QString caseId = created.json().value(QStringLiteral("caseId")).toString();
    const Reply upload = m_client->createUpload(caseId, pageIds.first(), file);
    m_client->patch(QString::fromLatin1(upload.header("Location")), 0, file);
    const Reply submitted = m_client->send(
        "POST", QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")));
    return submitted.status == 200 ? caseId : QString();
}

void TestHubCaseRules::toleratedOnlyWhereTheCatalogueAllowsIt()
{
    // GIVEN item 41040201012001000 of the catalogue in force: 经营场所使用证明 (premises) may
    // be tolerated, 经营者身份证明 (operator-id) may not
    // WHEN a case claims 容缺 for operator-id
    const Reply refused = m_client->postJson(QStringLiteral("/api/v1/cases"),
        caseWith(QStringLiteral("operator-id"), QStringLiteral("tolerated"),
            QStringLiteral("本人承诺在规定期限内补齐材料")));
    // THEN it is refused, saying which material and what to do
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.errorCode(), QStringLiteral("validation_failed"));
    const QJsonObject error = refused.json().value(QStringLiteral("error")).toObject();
    QVERIFY2(error.value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("经营者身份证明")),
        qPrintable(error.value(QStringLiteral("message")).toString()));
    QVERIFY(
        error.value(QStringLiteral("message")).toString().contains(QStringLiteral("不允许容缺")));
    QVERIFY(error.value(QStringLiteral("detail"))
                .toString()
                .startsWith(QStringLiteral("/materials/1/status")));
    QVERIFY(error.value(QStringLiteral("detail")).toString().contains(QStringLiteral("2026.11.1")));
    // AND 容缺 on a material the item does not have is refused too
    QCOMPARE(m_client
                 ->postJson(QStringLiteral("/api/v1/cases"),
                     caseWith(QStringLiteral("no-such-material"), QStringLiteral("tolerated"),
                         QStringLiteral("承诺")))
                 .status,
        422);
    // AND 容缺 on premises, with the commitment, is accepted
    const Reply accepted = m_client->postJson(QStringLiteral("/api/v1/cases"),
        caseWith(QStringLiteral("premises"), QStringLiteral("tolerated"),
            QStringLiteral("本人承诺在规定期限内补齐材料")));
    QCOMPARE(accepted.status, 201);
}

void TestHubCaseRules::toleratedNeedsTheCommitment()
{
    // WHEN a case tolerates premises without the applicant's commitment (absent or blank)
    for (const QString &commitment : { QString(), QStringLiteral("   ") }) {
        const Reply refused = m_client->postJson(QStringLiteral("/api/v1/cases"),
            caseWith(QStringLiteral("premises"), QStringLiteral("tolerated"), commitment));
        // THEN it is refused
        QCOMPARE(refused.status, 422);
        QVERIFY(refused.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("/commitment")));
    }
}

void TestHubCaseRules::missingOrDeficientMaterialsAreNotTransmitted_data()
{
    QTest::addColumn<QString>("status");
    QTest::newRow("missing") << QStringLiteral("missing");
    QTest::newRow("deficient") << QStringLiteral("deficient");
}

void TestHubCaseRules::missingOrDeficientMaterialsAreNotTransmitted()
{
    QFETCH(QString, status);
    // WHEN a case is transmitted with a material in that state
    const QJsonObject body = caseWith(QStringLiteral("photo"), status);
    const Reply refused = m_client->postJson(QStringLiteral("/api/v1/cases"), body);
    // THEN it is refused: such a case gets a one-time notice, it is not transmitted
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.errorCode(), QStringLiteral("validation_failed"));
    const QJsonObject error = refused.json().value(QStringLiteral("error")).toObject();
    QVERIFY(
        error.value(QStringLiteral("message")).toString().contains(QStringLiteral("一次性告知书")));
    QVERIFY(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("照片")));
    QVERIFY(error.value(QStringLiteral("detail")).toString().contains(status));
    // AND nothing was stored: the same body once corrected creates the case (201, not 200)
    QJsonObject corrected = body;
    QJsonArray materials = corrected.value(QStringLiteral("materials")).toArray();
    materials.removeLast();
    corrected.insert(QStringLiteral("materials"), materials);
    QCOMPARE(m_client->postJson(QStringLiteral("/api/v1/cases"), corrected).status, 201);
}

void TestHubCaseRules::aRejectionWithoutReasonsIsRefused()
{
    // GIVEN a submitted case and its home department signed in
    const QString caseId = submittedCase();
    QVERIFY(!caseId.isEmpty());
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    const QString path
        = QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/decision"));
    const auto decide = [&](const QJsonValue &reasons) {
        QJsonObject body { { QStringLiteral("decision"), QStringLiteral("rejected") },
            { QStringLiteral("document"), QString::fromLatin1(Pdf.toBase64()) } };
        if (!reasons.isUndefined())
            body.insert(QStringLiteral("reasons"), reasons);
        return department.postJson(path, body);
    };
    // WHEN it rejects without reasons, with empty reasons or with blanks only
    for (const QJsonValue &reasons : { QJsonValue(QJsonValue::Undefined), QJsonValue(QString()),
             QJsonValue(QStringLiteral(" \n ")) }) {
        const Reply refused = decide(reasons);
        // THEN the rejection is refused with a message saying to give the reasons
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), QStringLiteral("validation_failed"));
        QVERIFY(refused.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("理由")));
    }
    // AND no result was issued
    QCOMPARE(m_client->send("GET", QStringLiteral("/api/v1/results"))
                 .json()
                 .value(QStringLiteral("results"))
                 .toArray()
                 .size(),
        0);
    // AND with reasons the rejection is recorded
    QCOMPARE(decide(QStringLiteral("经营场所与申报地址不符")).status, 201);
    // AND an acceptance needs no reasons (another case)
    const QString other = submittedCase();
    QCOMPARE(department
                 .postJson(QString(QStringLiteral("/api/v1/cases/") + other
                               + QStringLiteral("/decision")),
                     QJsonObject { { QStringLiteral("decision"), QStringLiteral("accepted") },
                         { QStringLiteral("document"), QString::fromLatin1(Pdf.toBase64()) } })
                 .status,
        201);
}

void TestHubCaseRules::theDecideCommandRefusesARejectionWithoutReasons()
{
    // GIVEN a submitted case on the running hub and a notice PDF
    const QString caseId = submittedCase();
    QVERIFY(!caseId.isEmpty());
    QTemporaryDir scratch;
    QFile pdf(scratch.filePath(QStringLiteral("notice.pdf")));
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    pdf.write(Pdf);
    pdf.close();
    const auto run = [&](const QStringList &extra) {
        QProcess decide;
        decide.start(QStringLiteral(TONGBAN_HUB),
            QStringList { QStringLiteral("decide"), QStringLiteral("--data-dir"),
                m_platform->dir->path(), caseId, QStringLiteral("--reject"),
                QStringLiteral("--pdf"), pdf.fileName() }
                + extra);
        decide.waitForFinished(20000);
        return std::make_pair(decide.exitCode(), QString::fromUtf8(decide.readAllStandardError()));
    };
    // WHEN the department rejects it with the command and no --reasons
    const auto [code, error] = run({});
    // THEN the command fails and says what is missing
    QCOMPARE(code, 1);
    QVERIFY2(error.contains(QStringLiteral("--reasons")), qPrintable(error));
    // AND nothing was decided
    QCOMPARE(m_client->send("GET", QStringLiteral("/api/v1/results"))
                 .json()
                 .value(QStringLiteral("results"))
                 .toArray()
                 .size(),
        0);
    // AND with blank reasons likewise, while real reasons work
    QCOMPARE(run({ QStringLiteral("--reasons"), QStringLiteral("  ") }).first, 1);
    QCOMPARE(run({ QStringLiteral("--reasons"), QStringLiteral("不符合条件") }).first, 0);
}

QTEST_MAIN(TestHubCaseRules)
#include "tst_hubcaserules.moc"
