// Issue 17 at the window: the decision screen asks how the applicant receives the result
// (ResultDeliveryBox): a mailing address is checked before it is kept, a method without an
// address is kept when picked, the choice is stored with the case (its own table) and the
// notice carries the hall's 好差评 link with the case's number.

#include <core/Clock.h>
#include <intake/DeliveryChoiceStore.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <Translations.h>
#include <cases/CaseController.h>
#include <cases/ResultDeliveryBox.h>
#include <common/Workstation.h>
#include <today/DeliveriesCard.h>

using namespace Tongban;

class tst_DeliveryChoice : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<App::Workstation> m_station;

    template<typename T>
    static T *child(QWidget &parent, const char *name)
    {
        return parent.findChild<T *>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(installTranslations(QString()), QStringLiteral("zh_CN"));
        // GIVEN a window whose hall configured the provincial 好差评 address
        {
            QSettings conf(m_dir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
            conf.setValue(QStringLiteral("window/id"), QStringLiteral("410402-tb-03"));
            conf.setValue(QStringLiteral("window/name"), QStringLiteral("新华区通办窗口3"));
            conf.setValue(QStringLiteral("hall/evaluationUrl"),
                QStringLiteral("https://hcp.example.gov.cn/e"));
        }
        auto station = App::Workstation::open(m_dir.path(),
            std::make_unique<Core::ManualClock>(
                QDateTime(QDate(2026, 11, 24), QTime(1, 30), Qt::UTC)));
        QVERIFY2(station.ok(), station.ok() ? "" : qPrintable(station.error().toString()));
        m_station = std::move(station).value();
    }

    void theChoiceIsCheckedAndKeptWithTheCase()
    {
        Gui::CaseController cases(*m_station, nullptr);
        cases.setClerk({ QStringLiteral("xh-tb-03-wangli"), QStringLiteral("王丽"),
            QStringLiteral("application") });
        QVERIFY(cases.start(QStringLiteral("41040201012001000")));
        const QString caseId = cases.draft().caseId;
        Gui::ResultDeliveryBox box(cases);
        box.refresh();
        auto *method = child<QComboBox>(box, "deliveryMethod");
        auto *state = child<QLabel>(box, "deliveryState");
        QVERIFY(method && state);
        // THEN by default the applicant collects here
        QCOMPARE(method->currentText(), QStringLiteral("到本窗口领取"));
        QVERIFY(!Intake::DeliveryChoiceStore::has(m_station->database(), caseId));

        // WHEN the clerk picks mail and keeps an address with a landline number
        method->setCurrentIndex(2);
        Q_EMIT method->activated(2);
        child<QLineEdit>(box, "deliveryRecipient")->setText(QStringLiteral("张三"));
        child<QLineEdit>(box, "deliveryPhone")->setText(QStringLiteral("0375123"));
        child<QLineEdit>(box, "deliveryPostalCode")->setText(QStringLiteral("467000"));
        child<QLineEdit>(box, "deliveryAddress")
            ->setText(QStringLiteral("平顶山市新华区建设路1号"));
        QTest::mouseClick(child<QPushButton>(box, "deliveryKeep"), Qt::LeftButton);
        // THEN it is refused in Chinese, saying what to fill in, and nothing is kept
        QVERIFY2(
            state->text().contains(QStringLiteral("邮寄地址不完整")), qPrintable(state->text()));
        QVERIFY(!Intake::DeliveryChoiceStore::has(m_station->database(), caseId));

        // WHEN the mobile number is corrected and the address kept
        child<QLineEdit>(box, "deliveryPhone")->setText(QStringLiteral("13912345678"));
        QTest::mouseClick(child<QPushButton>(box, "deliveryKeep"), Qt::LeftButton);
        // THEN the choice is stored with the case and shown as the receipt will state it
        QCOMPARE(cases.resultDelivery().method, Intake::ResultDelivery::Method::Mail);
        QCOMPARE(Intake::DeliveryChoiceStore::load(m_station->database(), caseId).phone,
            QStringLiteral("13912345678"));
        QVERIFY2(state->text().contains(QStringLiteral("邮寄送达（张三，467000")),
            qPrintable(state->text()));

        // WHEN the applicant changes their mind: self-print, kept when picked
        method->setCurrentIndex(3);
        Q_EMIT method->activated(3);
        QCOMPARE(cases.resultDelivery().method, Intake::ResultDelivery::Method::SelfPrint);

        // AND the notice carries the 好差评 link with the case's (provisional) number
        const Notices::NoticeContent content = cases.previewContent();
        QCOMPARE(content.evaluationUrl,
            QString(QStringLiteral("https://hcp.example.gov.cn/e?caseNumber=")
                + cases.draft().provisionalNumber));
    }

    void todayShowsOverdueDeliveriesInRed()
    {
        // GIVEN the window's tasks as the platform lists them (overdue first)
        Gui::DeliveriesCard card(nullptr, QStringLiteral("王丽"));
        Platform::DeliveryTask late;
        late.deliveryId = QStringLiteral("d-1");
        late.caseNumber = QStringLiteral("410402-20261124-000001");
        late.method = QStringLiteral("mail");
        late.dueAt = QDateTime(QDate(2026, 11, 25), QTime(15, 59, 59), Qt::UTC);
        late.overdue = true;
        Platform::DeliveryTask due = late;
        due.deliveryId = QStringLiteral("d-2");
        due.caseNumber = QStringLiteral("410402-20261124-000002");
        due.method = QStringLiteral("application_window");
        due.overdue = false;
        // WHEN Today shows them
        card.show({ late, due });
        // THEN the overdue one is marked and red, the other not; the count says so in Chinese
        QTreeWidget *list = card.list();
        QCOMPARE(list->topLevelItemCount(), 2);
        QVERIFY(list->topLevelItem(0)->text(0).contains(QStringLiteral("已逾期")));
        QCOMPARE(list->topLevelItem(0)->foreground(1).color(), QColor(0xa8, 0x07, 0x1a));
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("邮寄送达"));
        QVERIFY(!list->topLevelItem(1)->text(0).contains(QStringLiteral("已逾期")));
        QVERIFY(card.findChildren<QLabel *>().size() > 0);
        bool counted = false;
        for (QLabel *label : card.findChildren<QLabel *>())
            counted = counted || label->text() == QStringLiteral("待送达 2 件，其中逾期 1 件。");
        QVERIFY(counted);
    }
};

QTEST_MAIN(tst_DeliveryChoice)
#include "tst_deliverychoice.moc"
