// The window after transmission (issue 17), on the real Today screen under Xvfb: the cases
// waiting on the home department with their due dates (overdue in red), and a one-time
// notice of another hall opened by the applicant's identity number. In-process tongban-hub
// on 127.0.0.1 with a controlled clock; the workstation in its own data folder.

#include "cases/CaseController.h"
#include "today/AfterWindowCard.h"
#include "today/TodayPage.h"

#include <intake/IntakeStore.h>
#include <notices/NoticeStore.h>
#include <platform/ApiClient.h>

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTreeWidget>

#include <HubTestClient.h>
#include <InProcessHub.h>
#include <common/CorrectionInbox.h>
#include <common/Workstation.h>

using namespace Tongban;

namespace {
const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QString Clerk = QStringLiteral("xh-tb-03-wangli");
const QString Window = QStringLiteral("410402-tb-03");
const QString IdNumber = QStringLiteral("11010519491231002X");

QDateTime chinaTime(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
}
} // namespace

class TestAfterWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void todayShowsWaitingCasesAndOpensANoticeOfAnotherHall();
    void todayListsARequestForCorrectionAndReopensItsCase();

private:
    QString submitAt(InProcessHub &platform, const QDateTime &when);
};

QString TestAfterWindow::submitAt(InProcessHub &platform, const QDateTime &when)
{
    platform.clock->set(when);
    HubTestClient client(platform.base);
    if (client.login(Clerk, Password, Window).status != 200)
        return {};
    QStringList pageIds;
    const QByteArray file = HubTestClient::randomFile(600, 7);
    const Reply created = client.postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(
            QUuid::createUuid().toString(QUuid::WithoutBraces), { file }, &pageIds));
    const QString caseId = created.json().value(QStringLiteral("caseId")).toString();
    const Reply upload = client.createUpload(caseId, pageIds.first(), file);
    client.patch(QString::fromLatin1(upload.header("Location")), 0, file);
    const Reply submitted = client.send(
        "POST", QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")));
    return submitted.status == 200 ? submitted.json().value(QStringLiteral("caseNumber")).toString()
                                   : QString();
}

void TestAfterWindow::todayShowsWaitingCasesAndOpensANoticeOfAnotherHall()
{
    // GIVEN the platform with two cases of this window: one submitted Friday 2025-09-26
    // 17:30 (acceptance due 09-30), one on 2025-09-30 (due 10-10), and the clock on 1 October
    InProcessHub platform;
    const QString started = platform.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString late = submitAt(platform, chinaTime(2025, 9, 26, 17, 30));
    QVERIFY(!late.isEmpty());
    const QString onTime = submitAt(platform, chinaTime(2025, 9, 30, 10, 0));
    QVERIFY(!onTime.isEmpty());
    platform.clock->set(chinaTime(2025, 10, 1, 9, 0));

    // AND a workstation of the window, in its own data folder, with the clerk signed in
    QTemporaryDir dir;
    {
        QSettings settings(dir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/id"), Window);
        settings.setValue(QStringLiteral("window/name"), QStringLiteral("3号通办窗口"));
        settings.setValue(QStringLiteral("window/region"), QStringLiteral("410402"));
    }
    auto opened = App::Workstation::open(
        dir.path(), std::make_unique<Core::ManualClock>(platform.clock->now()));
    QVERIFY(opened);
    std::unique_ptr<App::Workstation> station = std::move(opened).value();
    HubTestClient login(platform.base);
    QCOMPARE(login.login(Clerk, Password, Window).status, 200);
    Platform::ApiClient api { QUrl(platform.base) };
    api.setBearerToken(login.token);
    Gui::CaseController cases(*station, nullptr);
    cases.setClerk({ Clerk, QStringLiteral("王丽"), QStringLiteral("application") });
    Gui::TodayPage today(*station, station->calendar(), cases, nullptr);
    today.resize(1300, 900);
    today.show();
    QVERIFY(QTest::qWaitForWindowExposed(&today));
    auto *card = today.findChild<Gui::AfterWindowCard *>(QStringLiteral("afterWindowCard"));
    QVERIFY(card);

    // WHEN the Today screen reads the platform
    card->setTransport(&api);
    auto *waiting = today.findChild<QTreeWidget *>(QStringLiteral("waitingOnHome"));
    QVERIFY(waiting);
    // THEN both cases wait on the home department with their working-day due dates
    QTRY_COMPARE(waiting->topLevelItemCount(), 2);
    const QTreeWidgetItem *first = waiting->topLevelItem(0);
    const QTreeWidgetItem *second = waiting->topLevelItem(1);
    QCOMPARE(first->text(1), late);
    QCOMPARE(second->text(1), onTime);
    QCOMPARE(first->data(0, Qt::UserRole + 1).toBool(), true);
    QVERIFY(first->text(0).contains(QLocale().toString(QDate(2025, 9, 30), QLocale::ShortFormat)));
    QVERIFY(
        second->text(0).contains(QLocale().toString(QDate(2025, 10, 10), QLocale::ShortFormat)));
    // AND the overdue one is in red, the other not
    QCOMPARE(first->foreground(0).color(), QColor(0xa8, 0x07, 0x1a));
    QVERIFY(first->text(0).contains(QStringLiteral("overdue")));
    QVERIFY(second->foreground(0).color() != QColor(0xa8, 0x07, 0x1a));

    // GIVEN a one-time notice issued at a hall of another district for this applicant
    HubTestClient otherHall(platform.base);
    QCOMPARE(
        otherHall
            .login(QStringLiteral("wd-tb-02-zhaomin"), Password, QStringLiteral("410403-tb-02"))
            .status,
        200);
    const QString version = station->catalogs().activeVersion()->catalogVersion;
    const QString serial = QStringLiteral("410403-TB-02-GZ-2025-000042");
    QCOMPARE(otherHall
                 .postJson(QStringLiteral("/api/v1/notices"),
                     QJsonObject { { QStringLiteral("serial"), serial },
                         { QStringLiteral("itemCode"), QStringLiteral("41040201012001000") },
                         { QStringLiteral("catalogVersion"), version },
                         { QStringLiteral("applicantIdNumber"), IdNumber },
                         { QStringLiteral("deficiencies"),
                             QJsonArray { QJsonObject {
                                 { QStringLiteral("materialId"), QStringLiteral("photo") },
                                 { QStringLiteral("reason"),
                                     QStringLiteral("照片尺寸不符合要求") } } } } })
                 .status,
        201);
    // WHEN the clerk types the applicant's identity number in the notice field
    QSignalSpy requested(&today, &Gui::TodayPage::caseRequested);
    auto *key = today.findChild<QLineEdit *>(QStringLiteral("noticeKey"));
    QVERIFY(key);
    key->setFocus();
    QTest::keyClicks(key, IdNumber);
    QTest::keyClick(key, Qt::Key_Return);
    // THEN the correction visit opens here, under the notice's version, only its material open
    QTRY_COMPARE(requested.size(), 1);
    const QString caseId = requested.first().at(0).toString();
    const auto visit = station->intake().load(caseId);
    QVERIFY(visit);
    QCOMPARE(visit->catalogVersion, version);
    QCOMPARE(visit->submission, 2);
    QCOMPARE(visit->openMaterials, QStringList { QStringLiteral("photo") });
    QVERIFY(key->text().isEmpty());
}

void TestAfterWindow::todayListsARequestForCorrectionAndReopensItsCase()
{
    // GIVEN a workstation whose case was transmitted and got the platform's id srv-case-1
    QTemporaryDir dir;
    {
        QSettings settings(dir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/id"), Window);
        settings.setValue(QStringLiteral("window/name"), QStringLiteral("3号通办窗口"));
        settings.setValue(QStringLiteral("window/region"), QStringLiteral("410402"));
    }
    auto opened = App::Workstation::open(
        dir.path(), std::make_unique<Core::ManualClock>(chinaTime(2026, 12, 1, 9, 0)));
    QVERIFY(opened);
    std::unique_ptr<App::Workstation> station = std::move(opened).value();
    const QString version = station->catalogs().activeVersion()->catalogVersion;
    auto started = station->intake().start(
        QStringLiteral("41040201012001000"), version, station->intakeWindow(), Clerk);
    QVERIFY(started);
    Intake::CaseDraft draft = *started;
    draft.applicant.name = QStringLiteral("张三");
    draft.applicant.idNumber = IdNumber;
    QVERIFY(station->intake().save(draft));
    QVERIFY(station->intake().transmit(draft, QJsonObject {}, {},
        Core::DueDate { QDate(2026, 12, 2), false }, [&](const QJsonObject &) -> Core::Status {
            QSqlQuery row(station->database().connection());
            row.prepare(QStringLiteral(
                "INSERT INTO outbox_cases (client_case_id, body, state, server_case_id,"
                " case_number, enqueued_at, updated_at) VALUES (?, '{}', 'acknowledged',"
                " 'srv-case-1', '410402-20261201-000001', 0, 0)"));
            row.addBindValue(draft.caseId);
            if (!row.exec())
                return Core::Error { 1, QStringLiteral("outbox row"), {} };
            return {};
        }));
    QVERIFY(
        station->notices().addSerialBlock({ Window, QStringLiteral("410402-TB-03"), 301, 400 }));
    // AND the home department's request for correction of it, received on the feed
    App::CorrectionInbox inbox(*station);
    QVERIFY(inbox.receive(QJsonObject { { QStringLiteral("requestId"), QStringLiteral("req-1") },
        { QStringLiteral("caseId"), QStringLiteral("srv-case-1") },
        { QStringLiteral("caseNumber"), QStringLiteral("410402-20261201-000001") },
        { QStringLiteral("itemCode"), QStringLiteral("41040201012001000") },
        { QStringLiteral("catalogVersion"), version },
        { QStringLiteral("deficiencies"),
            QJsonArray { QJsonObject { { QStringLiteral("materialId"), QStringLiteral("premises") },
                { QStringLiteral("materialName"), QStringLiteral("经营场所证明") },
                { QStringLiteral("code"), QStringLiteral("term-expired") },
                { QStringLiteral("reason"), QStringLiteral("租赁合同已到期或租赁期限不明确") },
                { QStringLiteral("correction"), QStringLiteral("提交在有效期内的租赁合同") } } } },
        { QStringLiteral("ways"), QJsonArray { QStringLiteral("window") } },
        { QStringLiteral("due"), QStringLiteral("2026-12-08") } }));

    // WHEN Today is shown
    Gui::CaseController cases(*station, nullptr);
    cases.setClerk({ Clerk, QStringLiteral("王丽"), QStringLiteral("application") });
    Gui::TodayPage today(*station, station->calendar(), cases, nullptr);
    today.resize(1300, 900);
    today.show();
    QVERIFY(QTest::qWaitForWindowExposed(&today));
    auto *list = today.findChild<QTreeWidget *>(QStringLiteral("correctionRequests"));
    QVERIFY(list);
    // THEN it lists the request with its due date, the case number and the material
    QCOMPARE(list->topLevelItemCount(), 1);
    const QTreeWidgetItem *row = list->topLevelItem(0);
    QCOMPARE(row->text(0), QLocale().toString(QDate(2026, 12, 8), QLocale::ShortFormat));
    QCOMPARE(row->text(1), QStringLiteral("410402-20261201-000001"));
    QCOMPARE(row->text(2), QStringLiteral("经营场所证明"));
    auto *print = today.findChild<QPushButton *>(QStringLiteral("printCorrection"));
    auto *reopen = today.findChild<QPushButton *>(QStringLiteral("reopenCorrection"));
    QVERIFY(print && reopen);
    QVERIFY(print->isEnabled());
    QVERIFY(!reopen->isEnabled());

    // WHEN the notice is issued (what Print does before the printer) and Today refreshed
    const auto issued = cases.issueRequestedCorrection(QStringLiteral("req-1"));
    QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().toString()));
    QCOMPARE(issued->serial, QStringLiteral("410402-TB-03-GZ-2026-000301"));
    auto *card = today.findChild<Gui::AfterWindowCard *>(QStringLiteral("afterWindowCard"));
    card->refresh();
    // THEN only Reopen remains; and clicking it opens the case for exactly the listed material
    QCOMPARE(list->topLevelItemCount(), 1);
    QVERIFY(!print->isEnabled());
    QVERIFY(reopen->isEnabled());
    QSignalSpy requested(&today, &Gui::TodayPage::caseRequested);
    QTest::mouseClick(reopen, Qt::LeftButton);
    QTRY_COMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), draft.caseId);
    const auto visit = station->intake().load(draft.caseId);
    QCOMPARE(visit->state, Intake::CaseDraft::State::Open);
    QCOMPARE(visit->submission, 2);
    QCOMPARE(visit->openMaterials, QStringList { QStringLiteral("premises") });
}

QTEST_MAIN(TestAfterWindow)
#include "tst_afterwindow.moc"
