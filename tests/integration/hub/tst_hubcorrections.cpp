// Corrections after the window (issue 17; 000 第二十条): a home department's request for
// correction limited to the catalogue's reasons, and one-time notices registered by a window
// and found by any window of the city by serial, QR code text or identity number.
// tongban-hub in-process over real HTTP on 127.0.0.1; time is a ManualClock.

#include "AfterWindow.h"
#include "DeliveryHelpers.h"

#include <core/Hash.h>
#include <security/Secrets.h>

#include <QMessageAuthenticationCode>
#include <QSqlError>
#include <QSqlRecord>
#include <QTest>

#include <sms/SmsService.h>

using namespace Tongban;
using namespace AfterWindow;

namespace {
const QString IdNumber = QStringLiteral("11010519491231002X");
const QString OtherHallClerk = QStringLiteral("wd-tb-02-zhaomin");
const QString OtherHallWindow = QStringLiteral("410403-tb-02");
const QString Serial = QStringLiteral("410402-TB-03-GZ-2026-000201");
const QString Phone = QStringLiteral("13912345678");

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    if (g_previous)
        g_previous(type, context, message);
}
/// The 32 bytes of an older hub's identity-hash.key (its own key for identity numbers).
const QByteArray LegacyKey = QByteArray(32, '\x5a');
} // namespace

class TestHubCorrections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void departmentAsksForCorrectionWithCatalogueReasonsOnly();
    void correctionRequestIsTheHomeDepartmentsOnlyAndOneTime();
    void correctionRequestTextsTheApplicantMasked();
    void correctedPagesAttachToTheSameCase();
    void noticeIsFoundAtAnotherHallBySerialQrOrIdentityNumber();
    void noticeLookupIsForWindowsOnlyAndAudited();
    void identityNumbersAreHashedUnderTheDataKeyAndOlderNoticesStayFindable();
    void anotherHallCorrectsOnlyWithTheGrantOfTheNoticeItFound();

private:
    QString correctionPath(const QString &caseId) const
    {
        return QString(
            QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/correction-request"));
    }
    QJsonObject noticeBody() const;

    std::unique_ptr<InProcessHub> m_platform;
};

void TestHubCorrections::init()
{
    m_platform = std::make_unique<InProcessHub>();
    if (QByteArray(QTest::currentTestFunction())
        == "identityNumbersAreHashedUnderTheDataKeyAndOlderNoticesStayFindable") {
        // An older hub's data folder: its own key for the identity hashes of notices.
        QFile key(m_platform->dir->filePath(QStringLiteral("identity-hash.key")));
        QVERIFY(key.open(QIODevice::WriteOnly) && key.write(LegacyKey) == LegacyKey.size());
    }
    const QString started = m_platform->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestHubCorrections::cleanup()
{
    m_platform.reset();
}

QJsonObject TestHubCorrections::noticeBody() const
{
    return QJsonObject {
        { QStringLiteral("serial"), Serial },
        { QStringLiteral("itemCode"), QStringLiteral("41040201012001000") },
        { QStringLiteral("catalogVersion"), QStringLiteral("2026.11.1") },
        { QStringLiteral("applicantIdNumber"), IdNumber },
        { QStringLiteral("clientCaseId"), QStringLiteral("local-case-1") },
        { QStringLiteral("correctionDue"), QStringLiteral("2026-12-08") },
        { QStringLiteral("deficiencies"),
            QJsonArray { QJsonObject { { QStringLiteral("materialId"), QStringLiteral("premises") },
                { QStringLiteral("code"), QStringLiteral("term-expired") },
                { QStringLiteral("reason"), QStringLiteral("租赁合同已到期或租赁期限不明确") } } } }
    };
}

void TestHubCorrections::departmentAsksForCorrectionWithCatalogueReasonsOnly()
{
    // GIVEN a submitted case of the application window 410402-tb-03
    HubTestClient app(m_platform->base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString caseId = submittedCase(app);
    QVERIFY(!caseId.isEmpty());
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    const QJsonArray ways { QStringLiteral("window"), QStringLiteral("mail") };
    // WHEN the home department words a deficiency of its own
    Reply reply = department.postJson(correctionPath(caseId),
        QJsonObject { { QStringLiteral("deficiencies"),
                          QJsonArray { QJsonObject {
                              { QStringLiteral("materialId"), QStringLiteral("premises") },
                              { QStringLiteral("text"), QStringLiteral("请补充房东的说明") } } } },
            { QStringLiteral("ways"), ways } });
    // THEN it is refused: only the catalogue's reasons
    QCOMPARE(reply.status, 422);
    QVERIFY(reply.body.contains("/deficiencies/0/text"));
    // WHEN it names a reason code the material does not have
    reply = department.postJson(correctionPath(caseId),
        QJsonObject { { QStringLiteral("deficiencies"),
                          QJsonArray { QJsonObject {
                              { QStringLiteral("materialId"), QStringLiteral("photo") },
                              { QStringLiteral("code"), QStringLiteral("term-expired") } } } },
            { QStringLiteral("ways"), ways } });
    QCOMPARE(reply.status, 422);
    // WHEN it gives no way to correct
    reply = department.postJson(correctionPath(caseId),
        QJsonObject { { QStringLiteral("deficiencies"),
            QJsonArray { QJsonObject { { QStringLiteral("materialId"), QStringLiteral("premises") },
                { QStringLiteral("code"), QStringLiteral("term-expired") } } } } });
    QCOMPARE(reply.status, 422);
    QVERIFY(eventsOf(*m_platform->hub, AppWindow, QStringLiteral("case.correctionRequested"))
                .isEmpty());
    // WHEN it picks the catalogue's reason, with ways and a deadline
    reply = department.postJson(correctionPath(caseId),
        QJsonObject { { QStringLiteral("deficiencies"),
                          QJsonArray { QJsonObject {
                              { QStringLiteral("materialId"), QStringLiteral("premises") },
                              { QStringLiteral("code"), QStringLiteral("term-expired") } } } },
            { QStringLiteral("ways"), ways },
            { QStringLiteral("due"), QStringLiteral("2026-12-08") } });
    // THEN it is recorded with the catalogue's wording
    QCOMPARE(reply.status, 201);
    // AND the application window gets case.correctionRequested with what to print
    const auto events
        = eventsOf(*m_platform->hub, AppWindow, QStringLiteral("case.correctionRequested"));
    QCOMPARE(events.size(), 1);
    const QJsonObject event = events.first();
    QCOMPARE(event.value(QStringLiteral("caseId")).toString(), caseId);
    QCOMPARE(event.value(QStringLiteral("catalogVersion")).toString(), QStringLiteral("2026.11.1"));
    QCOMPARE(event.value(QStringLiteral("due")).toString(), QStringLiteral("2026-12-08"));
    QCOMPARE(event.value(QStringLiteral("ways")).toArray(), ways);
    const QJsonObject deficiency
        = event.value(QStringLiteral("deficiencies")).toArray().first().toObject();
    QCOMPARE(deficiency.value(QStringLiteral("reason")).toString(),
        QStringLiteral("租赁合同已到期或租赁期限不明确"));
    QVERIFY(!deficiency.value(QStringLiteral("correction")).toString().isEmpty());
    // AND the case now waits on the applicant: no acceptance deadline runs
    const Reply read = app.send("GET", QString(QStringLiteral("/api/v1/cases/") + caseId));
    QCOMPARE(read.json()
                 .value(QStringLiteral("deadlines"))
                 .toObject()
                 .value(QStringLiteral("stage"))
                 .toString(),
        QStringLiteral("applicant"));
    // AND the window reads the request back
    const Reply current = app.send("GET", correctionPath(caseId));
    QCOMPARE(current.status, 200);
    QCOMPARE(current.json().value(QStringLiteral("state")).toString(), QStringLiteral("open"));
}

void TestHubCorrections::correctionRequestIsTheHomeDepartmentsOnlyAndOneTime()
{
    // GIVEN a submitted case of 410402
    HubTestClient app(m_platform->base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString caseId = submittedCase(app);
    QVERIFY(!caseId.isEmpty());
    const QJsonObject body {
        { QStringLiteral("deficiencies"),
            QJsonArray { QJsonObject { { QStringLiteral("materialId"), QStringLiteral("photo") },
                { QStringLiteral("code"), QStringLiteral("size") } } } },
        { QStringLiteral("ways"), QJsonArray { QStringLiteral("online") } }
    };
    // WHEN the window clerk or another jurisdiction's department asks for a correction
    // THEN 403 and 404
    QCOMPARE(app.postJson(correctionPath(caseId), body).status, 403);
    HubTestClient other(m_platform->base);
    QCOMPARE(other.login(OtherDepartment, Password).status, 200);
    QCOMPARE(other.postJson(correctionPath(caseId), body).status, 404);
    // WHEN the home department asks twice
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    const Reply first = department.postJson(correctionPath(caseId), body);
    QCOMPARE(first.status, 201);
    // THEN the deadline defaults to the item's correction days on the calendar
    QVERIFY(QDate::fromString(first.json().value(QStringLiteral("due")).toString(), Qt::ISODate)
        > m_platform->clock->now().date());
    // AND a second request is refused: the notice is one-time
    const Reply again = department.postJson(correctionPath(caseId), body);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), QStringLiteral("correction_pending"));
}

void TestHubCorrections::correctionRequestTextsTheApplicantMasked()
{
    // GIVEN a submitted case whose applicant left the phone 13912345678
    HubTestClient app(m_platform->base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString caseId = DeliveryHelpers::submitCase(app, QStringLiteral("41040201012001000"),
        QStringLiteral("2026-11-24T09:00:00+08:00"), Phone);
    QVERIFY(!caseId.isEmpty());
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    g_log.clear();
    g_previous = qInstallMessageHandler(capture);
    // WHEN the home department asks for correction
    const Reply reply = department.postJson(correctionPath(caseId),
        QJsonObject { { QStringLiteral("deficiencies"),
                          QJsonArray { QJsonObject {
                              { QStringLiteral("materialId"), QStringLiteral("premises") },
                              { QStringLiteral("code"), QStringLiteral("term-expired") } } } },
            { QStringLiteral("ways"), QJsonArray { QStringLiteral("window") } } });
    qInstallMessageHandler(g_previous);
    QCOMPARE(reply.status, 201);
    // THEN exactly one SMS to the applicant is queued, purpose correction, for this case
    QList<Hub::SmsRecord> texts;
    for (const Hub::SmsRecord &sms :
        Hub::SmsService::list(m_platform->hub->database(), m_platform->hub->secrets())) {
        if (sms.caseId == caseId && sms.purpose == QLatin1String("correction"))
            texts.append(sms);
    }
    QCOMPARE(texts.size(), 1);
    QCOMPARE(texts.first().phone, Phone);
    QVERIFY(texts.first().state != QLatin1String("no_phone"));
    QVERIFY(texts.first().text.contains(QStringLiteral("补正")));
    // AND the log names the number masked, never whole
    bool masked = false;
    for (const QString &line : std::as_const(g_log)) {
        QVERIFY2(!line.contains(Phone), qPrintable(line));
        masked = masked || line.contains(QStringLiteral("139****5678"));
    }
    QVERIFY(masked);
    // AND a refused second request texts nobody again
    QCOMPARE(department
                 .postJson(correctionPath(caseId),
                     QJsonObject {
                         { QStringLiteral("deficiencies"),
                             QJsonArray { QJsonObject {
                                 { QStringLiteral("materialId"), QStringLiteral("premises") },
                                 { QStringLiteral("code"), QStringLiteral("term-expired") } } } },
                         { QStringLiteral("ways"), QJsonArray { QStringLiteral("window") } } })
                 .status,
        409);
    int count = 0;
    for (const Hub::SmsRecord &sms :
        Hub::SmsService::list(m_platform->hub->database(), m_platform->hub->secrets()))
        count += sms.caseId == caseId && sms.purpose == QLatin1String("correction") ? 1 : 0;
    QCOMPARE(count, 1);
}

void TestHubCorrections::correctedPagesAttachToTheSameCase()
{
    // GIVEN a case submitted on Monday 2026-11-23 10:00 and a request for correction of its
    // premises material on the next day
    m_platform->clock->set(chinaTime(2026, 11, 23, 10, 0));
    HubTestClient app(m_platform->base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString caseId = submittedCase(app);
    QVERIFY(!caseId.isEmpty());
    m_platform->clock->set(chinaTime(2026, 11, 24, 9, 0));
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    QCOMPARE(department
                 .postJson(correctionPath(caseId),
                     QJsonObject {
                         { QStringLiteral("deficiencies"),
                             QJsonArray { QJsonObject {
                                 { QStringLiteral("materialId"), QStringLiteral("premises") },
                                 { QStringLiteral("code"), QStringLiteral("term-expired") } } } },
                         { QStringLiteral("ways"), QJsonArray { QStringLiteral("window") } } })
                 .status,
        201);
    const QString pagesPath
        = QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/correction-pages"));
    const QByteArray file = HubTestClient::randomFile(900, 9);
    const auto pagesOf = [&](const QString &materialId, const QString &pageId) {
        return QJsonObject { { QStringLiteral("materials"),
            QJsonArray { QJsonObject { { QStringLiteral("materialId"), materialId },
                { QStringLiteral("pages"),
                    QJsonArray { Tongban::TestSupport::samplePage(pageId, file) } } } } } };
    };
    // WHEN the window adds a page of a material the request did not list
    // THEN it is refused
    QCOMPARE(
        app.postJson(pagesPath, pagesOf(QStringLiteral("photo"), QStringLiteral("p-x"))).status,
        422);
    // WHEN it adds a page of the listed material
    const Reply added
        = app.postJson(pagesPath, pagesOf(QStringLiteral("premises"), QStringLiteral("p-fix")));
    QCOMPARE(added.status, 200);
    QCOMPARE(added.json().value(QStringLiteral("missingPages")).toArray().size(), 1);
    // AND finishing before the upload is refused
    QCOMPARE(app.send("POST", QString(pagesPath + QStringLiteral("/submit"))).status, 409);
    // AND it uploads it with tus although the case is submitted
    const Reply upload = app.createUpload(caseId, QStringLiteral("p-fix"), file);
    QCOMPARE(upload.status, 201);
    QCOMPARE(app.patch(QString::fromLatin1(upload.header("Location")), 0, file).status, 204);
    // AND finishes on Tuesday 2026-11-24 16:00
    m_platform->clock->set(chinaTime(2026, 11, 24, 16, 0));
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const Reply finished = app.send("POST", QString(pagesPath + QStringLiteral("/submit")));
    QCOMPARE(finished.status, 200);
    // THEN the page belongs to the same case, next to the first visit's
    const Reply read = app.send("GET", QString(QStringLiteral("/api/v1/cases/") + caseId));
    const QJsonArray pages = read.json().value(QStringLiteral("pages")).toArray();
    QCOMPARE(pages.size(), 2);
    QCOMPARE(pages.at(1).toObject().value(QStringLiteral("materialId")).toString(),
        QStringLiteral("premises"));
    QCOMPARE(pages.at(1).toObject().value(QStringLiteral("received")).toBool(), true);
    // AND the home windows are told, and acceptance runs again from the corrected pages
    QCOMPARE(
        eventsOf(*m_platform->hub, QStringLiteral("410402-tb-01"), QStringLiteral("case.corrected"))
            .size(),
        1);
    const QJsonObject deadlines = read.json().value(QStringLiteral("deadlines")).toObject();
    QCOMPARE(deadlines.value(QStringLiteral("stage")).toString(), QStringLiteral("acceptance"));
    QCOMPARE(
        deadlines.value(QStringLiteral("acceptanceDue")).toString(), QStringLiteral("2026-11-26"));
    // AND no further page may be added to the answered request
    const Reply late
        = app.postJson(pagesPath, pagesOf(QStringLiteral("premises"), QStringLiteral("p-2")));
    QCOMPARE(late.status, 409);
    QCOMPARE(late.errorCode(), QStringLiteral("no_correction_request"));
    // AND once the home department has decided, no request for correction is possible
    QCOMPARE(department.login(Department, Password).status, 200);
    const Reply decided = department.postJson(
        QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/decision")),
        QJsonObject { { QStringLiteral("decision"), QStringLiteral("accepted") },
            { QStringLiteral("document"),
                QString::fromLatin1(QByteArrayLiteral("%PDF-1.4\n%%EOF\n").toBase64()) } });
    QCOMPARE(decided.status, 201);
    const Reply tooLate = department.postJson(correctionPath(caseId),
        QJsonObject { { QStringLiteral("deficiencies"),
                          QJsonArray { QJsonObject {
                              { QStringLiteral("materialId"), QStringLiteral("photo") },
                              { QStringLiteral("code"), QStringLiteral("size") } } } },
            { QStringLiteral("ways"), QJsonArray { QStringLiteral("online") } } });
    QCOMPARE(tooLate.status, 409);
    QCOMPARE(tooLate.errorCode(), QStringLiteral("case_decided"));
}

void TestHubCorrections::noticeIsFoundAtAnotherHallBySerialQrOrIdentityNumber()
{
    // GIVEN a one-time notice issued at 410402-tb-03 and registered with the platform
    HubTestClient issuing(m_platform->base);
    QCOMPARE(issuing.login(AppClerk, Password, AppWindow).status, 200);
    Reply reply = issuing.postJson(QStringLiteral("/api/v1/notices"), noticeBody());
    QCOMPARE(reply.status, 201);
    // AND registering it again is idempotent, with other content a conflict
    QCOMPARE(issuing.postJson(QStringLiteral("/api/v1/notices"), noticeBody()).status, 200);
    QJsonObject changed = noticeBody();
    changed.insert(QStringLiteral("catalogVersion"), QStringLiteral("2026.12.1"));
    QCOMPARE(issuing.postJson(QStringLiteral("/api/v1/notices"), changed).status, 409);
    // AND the identity number is kept only as a keyed hash
    QSqlQuery stored(m_platform->hub->database().connection());
    QVERIFY(stored.exec(QStringLiteral("SELECT * FROM hub_notices")));
    QVERIFY(stored.next());
    for (int c = 0; c < stored.record().count(); ++c)
        QVERIFY(!stored.value(c).toString().contains(QStringLiteral("11010519491231002")));
    // WHEN a clerk at a hall of another district looks for it by serial, QR text and number
    HubTestClient other(m_platform->base);
    QCOMPARE(other.login(OtherHallClerk, Password, OtherHallWindow).status, 200);
    const auto find = [&](const QString &key, const QString &value) {
        QUrlQuery query;
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        const Reply found
            = other.send("GET", QString(QStringLiteral("/api/v1/notices?") + query.toString()));
        return found.json().value(QStringLiteral("notices")).toArray();
    };
    // THEN each finds exactly the notice with its catalogue version and listed materials
    for (const auto &[key, value] : { std::pair { QStringLiteral("serial"), Serial },
             std::pair { QStringLiteral("qr"),
                 QString(QStringLiteral("https://tb.pds.gov.cn/n/") + Serial) },
             std::pair { QStringLiteral("idNumber"), QStringLiteral("11010519491231002x") } }) {
        const QJsonArray notices = find(key, value);
        QCOMPARE(notices.size(), 1);
        const QJsonObject notice = notices.first().toObject();
        QCOMPARE(notice.value(QStringLiteral("serial")).toString(), Serial);
        QCOMPARE(
            notice.value(QStringLiteral("catalogVersion")).toString(), QStringLiteral("2026.11.1"));
        QCOMPARE(notice.value(QStringLiteral("windowId")).toString(), AppWindow);
        QCOMPARE(notice.value(QStringLiteral("clerk")).toString(), AppClerk);
        QCOMPARE(notice.value(QStringLiteral("deficiencies"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("materialId"))
                     .toString(),
            QStringLiteral("premises"));
        QVERIFY(!notice.contains(QStringLiteral("applicantIdNumber")));
    }
    // AND another identity number finds nothing
    QCOMPARE(find(QStringLiteral("idNumber"), QStringLiteral("110105194912310038")).size(), 0);
}

void TestHubCorrections::noticeLookupIsForWindowsOnlyAndAudited()
{
    HubTestClient issuing(m_platform->base);
    QCOMPARE(issuing.login(AppClerk, Password, AppWindow).status, 200);
    // GIVEN a window registering a serial of another window: refused
    QJsonObject foreign = noticeBody();
    foreign.insert(QStringLiteral("serial"), QStringLiteral("410403-TB-02-GZ-2026-000001"));
    QCOMPARE(issuing.postJson(QStringLiteral("/api/v1/notices"), foreign).status, 422);
    QCOMPARE(issuing.postJson(QStringLiteral("/api/v1/notices"), noticeBody()).status, 201);
    // WHEN a department session (no window) looks a notice up
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    const Reply refused
        = department.send("GET", QString(QStringLiteral("/api/v1/notices?serial=") + Serial));
    // THEN 403: only a window, where the applicant stands
    QCOMPARE(refused.status, 403);
    // WHEN a window looks twice
    QCOMPARE(
        issuing.send("GET", QString(QStringLiteral("/api/v1/notices?serial=") + Serial)).status,
        200);
    QCOMPARE(
        issuing.send("GET", QStringLiteral("/api/v1/notices?idNumber=110105194912310038")).status,
        200);
    // THEN each lookup is audited: who, where, by what and how many, never the number
    QSqlQuery audit(m_platform->hub->database().connection());
    QVERIFY(audit.exec(QStringLiteral(
        "SELECT account, window_id, by_key, found FROM hub_notice_lookups ORDER BY id")));
    QVERIFY(audit.next());
    QCOMPARE(audit.value(0).toString(), AppClerk);
    QCOMPARE(audit.value(1).toString(), AppWindow);
    QCOMPARE(audit.value(2).toString(), QStringLiteral("serial"));
    QCOMPARE(audit.value(3).toInt(), 1);
    QVERIFY(audit.next());
    QCOMPARE(audit.value(2).toString(), QStringLiteral("idNumber"));
    QCOMPARE(audit.value(3).toInt(), 0);
    QVERIFY(!audit.next());
}

void TestHubCorrections::identityNumbersAreHashedUnderTheDataKeyAndOlderNoticesStayFindable()
{
    // GIVEN a hub upgraded in the data folder of an older one, whose notice 000150 is stored
    // under the older hub's own identity key (as that hub wrote it: HMAC-SHA256 of the number
    // under identity-hash.key, the body's hash over the body with that idHash)
    const QString legacyHash = QString::fromLatin1(
        QMessageAuthenticationCode::hash(IdNumber.toUtf8(), LegacyKey, QCryptographicHash::Sha256)
            .toHex());
    QJsonObject older = noticeBody();
    older.insert(QStringLiteral("serial"), QStringLiteral("410402-TB-03-GZ-2026-000150"));
    older.insert(QStringLiteral("clientCaseId"), QStringLiteral("local-case-0"));
    QJsonObject canonical = older;
    canonical.remove(QStringLiteral("applicantIdNumber"));
    canonical.insert(QStringLiteral("idHash"), legacyHash);
    QSqlQuery insert(m_platform->hub->database().connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO hub_notices (serial, window_id, clerk, item_code, catalog_version, id_hash,"
        " deficiencies, correction_due, client_case_id, case_id, body_sha256, state, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 'open', ?)"));
    for (const QVariant &value : QVariantList { older.value(u"serial").toString(), AppWindow,
             AppClerk, older.value(u"itemCode").toString(),
             older.value(u"catalogVersion").toString(), legacyHash,
             QString::fromUtf8(QJsonDocument(older.value(u"deficiencies").toArray())
                                   .toJson(QJsonDocument::Compact)),
             older.value(u"correctionDue").toString(), older.value(u"clientCaseId").toString(),
             Core::sha256Hex(QJsonDocument(canonical).toJson(QJsonDocument::Compact)),
             m_platform->clock->now().addDays(-3).toMSecsSinceEpoch() })
        insert.addBindValue(value);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

    // WHEN the window registers a new notice for the same applicant
    HubTestClient issuing(m_platform->base);
    QCOMPARE(issuing.login(AppClerk, Password, AppWindow).status, 200);
    QCOMPARE(issuing.postJson(QStringLiteral("/api/v1/notices"), noticeBody()).status, 201);
    // THEN it is stored under the hub's data key (Secrets, the same hash as every other
    // identity lookup of the hub), not under the older key
    auto secrets = Hub::Secrets::load(m_platform->dir->path());
    QVERIFY(secrets.ok());
    QSqlQuery stored(m_platform->hub->database().connection());
    QVERIFY(stored.exec(QString(QStringLiteral("SELECT id_hash FROM hub_notices WHERE serial = '")
        + Serial + QStringLiteral("'"))));
    QVERIFY(stored.next());
    QCOMPARE(stored.value(0).toString(), Hub::PersonalData::identityLookupHash(*secrets, IdNumber));
    QVERIFY(stored.value(0).toString() != legacyHash);
    // AND the older notice sent again is the same notice (200), not a conflict
    QCOMPARE(issuing.postJson(QStringLiteral("/api/v1/notices"), older).status, 200);

    // WHEN a window of the city looks for the applicant's notices by identity number (in
    // lower case, with spaces)
    HubTestClient other(m_platform->base);
    QCOMPARE(other.login(OtherHallClerk, Password, OtherHallWindow).status, 200);
    const Reply found
        = other.send("GET", QStringLiteral("/api/v1/notices?idNumber=%2011010519491231002x%20"));
    QCOMPARE(found.status, 200);
    // THEN both are found, the newest first: the older hub's notice is not lost
    const QJsonArray notices = found.json().value(QStringLiteral("notices")).toArray();
    QCOMPARE(notices.size(), 2);
    QCOMPARE(notices.at(0).toObject().value(u"serial").toString(), Serial);
    QCOMPARE(notices.at(1).toObject().value(u"serial").toString(),
        QStringLiteral("410402-TB-03-GZ-2026-000150"));

    // AND a new hub's data folder gets no key of its own for identity numbers
    InProcessHub fresh;
    const QString started = fresh.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(!QFile::exists(fresh.dir->filePath(QStringLiteral("identity-hash.key"))));
}

QTEST_GUILESS_MAIN(TestHubCorrections)

void TestHubCorrections::anotherHallCorrectsOnlyWithTheGrantOfTheNoticeItFound()
{
    // GIVEN a case submitted at 410402-tb-03 on Monday 2026-11-23, a request for correction of
    // its premises material on Tuesday, and the one-time notice the application window issued
    // for it registered with the platform's case
    m_platform->clock->set(chinaTime(2026, 11, 23, 10, 0));
    HubTestClient app(m_platform->base);
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const QString caseId = submittedCase(app);
    QVERIFY(!caseId.isEmpty());
    m_platform->clock->set(chinaTime(2026, 11, 24, 9, 0));
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    HubTestClient department(m_platform->base);
    QCOMPARE(department.login(Department, Password).status, 200);
    const QJsonObject premisesRequest {
        { QStringLiteral("deficiencies"),
            QJsonArray { QJsonObject { { QStringLiteral("materialId"), QStringLiteral("premises") },
                { QStringLiteral("code"), QStringLiteral("term-expired") } } } },
        { QStringLiteral("ways"), QJsonArray { QStringLiteral("window") } }
    };
    QCOMPARE(department.postJson(correctionPath(caseId), premisesRequest).status, 201);
    QJsonObject notice = noticeBody();
    notice.insert(QStringLiteral("caseId"), caseId);
    QCOMPARE(app.postJson(QStringLiteral("/api/v1/notices"), notice).status, 201);

    const QString pagesPath
        = QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/correction-pages"));
    const QString submitPath = QString(pagesPath + QStringLiteral("/submit"));
    const QByteArray file = HubTestClient::randomFile(900, 17);
    const auto pagesOf
        = [&](const QString &materialId, const QString &pageId, const QString &grant) {
              QJsonObject body { { QStringLiteral("materials"),
                  QJsonArray { QJsonObject { { QStringLiteral("materialId"), materialId },
                      { QStringLiteral("pages"),
                          QJsonArray { Tongban::TestSupport::samplePage(pageId, file) } } } } } };
              if (!grant.isNull())
                  body.insert(QStringLiteral("grant"), grant);
              return body;
          };
    const auto withGrant = [](const QString &grant) {
        return QJsonObject { { QStringLiteral("grant"), grant } };
    };

    HubTestClient other(m_platform->base);
    QCOMPARE(other.login(OtherHallClerk, Password, OtherHallWindow).status, 200);
    // WHEN the other hall adds pages without having found the notice
    // THEN the case does not exist for it, as before
    QCOMPARE(other
                 .postJson(pagesPath,
                     pagesOf(QStringLiteral("premises"), QStringLiteral("p-x0"), QString()))
                 .status,
        404);
    QCOMPARE(other
                 .postJson(pagesPath,
                     pagesOf(QStringLiteral("premises"), QStringLiteral("p-x0"),
                         QStringLiteral("00112233445566778899aabbccddeeff")))
                 .status,
        404);
    // WHEN the application window looks its own notice up: no grant, it needs none
    const Reply own = app.send("GET", QString(QStringLiteral("/api/v1/notices?serial=") + Serial));
    QCOMPARE(own.status, 200);
    QVERIFY(!own.json()
                 .value(QStringLiteral("notices"))
                 .toArray()
                 .first()
                 .toObject()
                 .contains(QStringLiteral("correctionGrant")));
    // WHEN the other hall finds the notice by the text of its QR code
    const Reply found = other.send(
        "GET", QString(QStringLiteral("/api/v1/notices?qr=https://hub.example/n/") + Serial));
    QCOMPARE(found.status, 200);
    const QJsonObject foundNotice
        = found.json().value(QStringLiteral("notices")).toArray().first().toObject();
    QCOMPARE(foundNotice.value(QStringLiteral("caseId")).toString(), caseId);
    const QString grant = foundNotice.value(QStringLiteral("correctionGrant")).toString();
    // THEN it gets a grant for this case, kept on the platform only as a hash next to the
    // audited lookup (who, where, by what)
    QCOMPARE(grant.size(), 64);
    QSqlQuery kept(m_platform->hub->database().connection());
    QVERIFY(kept.exec(QStringLiteral("SELECT token_sha256, serial, case_id, window_id, account, "
                                     "by_key FROM hub_correction_grants")));
    QVERIFY(kept.next());
    QCOMPARE(kept.value(0).toString(), Core::sha256Hex(grant.toLatin1()));
    QCOMPARE(kept.value(1).toString(), Serial);
    QCOMPARE(kept.value(2).toString(), caseId);
    QCOMPARE(kept.value(3).toString(), OtherHallWindow);
    QCOMPARE(kept.value(4).toString(), OtherHallClerk);
    QCOMPARE(kept.value(5).toString(), QStringLiteral("qr"));
    QVERIFY(!kept.next());
    QSqlQuery audit(m_platform->hub->database().connection());
    QVERIFY(audit.exec(QStringLiteral("SELECT COUNT(*) FROM hub_notice_lookups WHERE window_id = '")
        + OtherHallWindow + QStringLiteral("' AND found = 1")));
    QVERIFY(audit.next());
    QCOMPARE(audit.value(0).toInt(), 1);

    // WHEN a third window of the city presents the other hall's grant
    HubTestClient third(m_platform->base);
    QCOMPARE(
        third.login(QStringLiteral("bf-tb-01-liqiang"), Password, QStringLiteral("410421-tb-01"))
            .status,
        200);
    // THEN it is refused: the grant is the finding window's
    QCOMPARE(
        third
            .postJson(pagesPath, pagesOf(QStringLiteral("premises"), QStringLiteral("p-x1"), grant))
            .status,
        404);
    // AND a department session cannot use it either
    QCOMPARE(
        department
            .postJson(pagesPath, pagesOf(QStringLiteral("premises"), QStringLiteral("p-x1"), grant))
            .status,
        404);
    // WHEN the grant's window belongs to another city (its jurisdiction moved to 4105)
    QSqlQuery move(m_platform->hub->database().connection());
    const auto moveTo = [&](const QString &jurisdiction) {
        move.prepare(QStringLiteral("UPDATE hub_windows SET jurisdiction_code = ? WHERE id = ?"));
        move.addBindValue(jurisdiction);
        move.addBindValue(OtherHallWindow);
        return move.exec() && move.numRowsAffected() == 1;
    };
    QVERIFY(moveTo(QStringLiteral("410502")));
    // THEN the case does not exist for it
    QCOMPARE(
        other
            .postJson(pagesPath, pagesOf(QStringLiteral("premises"), QStringLiteral("p-x1"), grant))
            .status,
        404);
    QVERIFY(moveTo(QStringLiteral("410403")));
    // WHEN the other hall adds a page of a material the request does not list
    // THEN it is refused
    QCOMPARE(
        other.postJson(pagesPath, pagesOf(QStringLiteral("photo"), QStringLiteral("p-x2"), grant))
            .status,
        422);
    // WHEN it adds a page of the listed material with its grant
    const Reply added = other.postJson(
        pagesPath, pagesOf(QStringLiteral("premises"), QStringLiteral("p-hall2"), grant));
    QCOMPARE(added.status, 200);
    QCOMPARE(added.json().value(QStringLiteral("missingPages")).toArray().size(), 1);
    // THEN it uploads it with tus (the page is its own to upload, not the third window's)
    QCOMPARE(third.createUpload(caseId, QStringLiteral("p-hall2"), file).status, 404);
    const Reply upload = other.createUpload(caseId, QStringLiteral("p-hall2"), file);
    QCOMPARE(upload.status, 201);
    QCOMPARE(other.patch(QString::fromLatin1(upload.header("Location")), 0, file).status, 204);
    // AND finishing without the grant is refused, with it done
    QCOMPARE(other.send("POST", submitPath).status, 404);
    m_platform->clock->set(chinaTime(2026, 11, 24, 16, 0));
    QCOMPARE(other.login(OtherHallClerk, Password, OtherHallWindow).status, 200);
    const Reply finished = other.postJson(submitPath, withGrant(grant));
    QCOMPARE(finished.status, 200);
    QCOMPARE(finished.json().value(QStringLiteral("correctedAt")).toString(), OtherHallWindow);
    // THEN the page belongs to the same platform case, next to the first visit's
    QCOMPARE(app.login(AppClerk, Password, AppWindow).status, 200);
    const Reply read = app.send("GET", QString(QStringLiteral("/api/v1/cases/") + caseId));
    const QJsonArray pages = read.json().value(QStringLiteral("pages")).toArray();
    QCOMPARE(pages.size(), 2);
    QCOMPARE(pages.at(1).toObject().value(QStringLiteral("materialId")).toString(),
        QStringLiteral("premises"));
    QCOMPARE(pages.at(1).toObject().value(QStringLiteral("received")).toBool(), true);
    // AND the home department's windows and the application window are told where
    for (const QString &windowId : { QStringLiteral("410402-tb-01"), AppWindow }) {
        const QList<QJsonObject> told
            = eventsOf(*m_platform->hub, windowId, QStringLiteral("case.corrected"));
        QCOMPARE(told.size(), 1);
        QCOMPARE(told.first().value(QStringLiteral("correctedAt")).toString(), OtherHallWindow);
        QCOMPARE(told.first().value(QStringLiteral("noticeSerial")).toString(), Serial);
    }
    // AND acceptance runs again from the corrected pages
    const QJsonObject deadlines = read.json().value(QStringLiteral("deadlines")).toObject();
    QCOMPARE(deadlines.value(QStringLiteral("stage")).toString(), QStringLiteral("acceptance"));
    QCOMPARE(
        deadlines.value(QStringLiteral("acceptanceDue")).toString(), QStringLiteral("2026-11-26"));
    // WHEN the grant is replayed after the finish: refused, the request is answered
    const Reply replay = other.postJson(
        pagesPath, pagesOf(QStringLiteral("premises"), QStringLiteral("p-late"), grant));
    QCOMPARE(replay.status, 409);
    QCOMPARE(replay.errorCode(), QStringLiteral("no_correction_request"));
    QCOMPARE(other.postJson(submitPath, withGrant(grant)).status, 409);
    // WHEN the department asks again (a new request) and the old grant is presented
    QCOMPARE(department.login(Department, Password).status, 200);
    QCOMPARE(department.postJson(correctionPath(caseId), premisesRequest).status, 201);
    const Reply stale = other.postJson(
        pagesPath, pagesOf(QStringLiteral("premises"), QStringLiteral("p-late"), grant));
    // THEN it is refused: a grant answers the one request open when the notice was found
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.errorCode(), QStringLiteral("no_correction_request"));
    QCOMPARE(eventsOf(*m_platform->hub, AppWindow, QStringLiteral("case.corrected")).size(), 1);
}

#include "tst_hubcorrections.moc"
