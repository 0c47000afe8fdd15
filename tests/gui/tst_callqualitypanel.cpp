// The call quality panel (issue 15, "Quality and adaptation"), in the window's language
// (Chinese): the figures of a call once a second, from what QualitySteering reports. Before
// the call's first second nothing is measured: the panel says so with a dash, never "0 kbit/s,
// 0 帧/秒", which would tell the clerk that nothing gets through.

#include "assist/CallQualityPanel.h"

#include <assist/CallQuality.h>

#include <QApplication>
#include <QLabel>
#include <QTest>

#include <Translations.h>

using Tongban::Assist::QualityReport;
using Tongban::Assist::QualitySample;
using Tongban::Assist::QualitySteering;
using Tongban::Assist::VideoLevel;
using Tongban::Gui::CallQualityPanel;

class TestCallQualityPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCOMPARE(Tongban::installTranslations(QString()), QStringLiteral("zh_CN"));
    }
    void theFirstReportOfACallShowsMeasuringNotZero();
    void aMeasuredSecondShowsItsFigures();
    void theNextCallStartsMeasuringAgain();

private:
    static QString figures(const CallQualityPanel &panel)
    {
        const auto *label = panel.findChild<QLabel *>(QStringLiteral("callQuality"));
        return label ? label->text() : QString();
    }
    static QString note(const CallQualityPanel &panel)
    {
        const auto *label = panel.findChild<QLabel *>(QStringLiteral("callQuality"));
        return label ? label->toolTip() : QString();
    }
};

void TestCallQualityPanel::theFirstReportOfACallShowsMeasuringNotZero()
{
    // GIVEN the steering of a call that has just connected (its first sample: counters at
    // the start of the call, no receiver report yet, no time to measure a rate over)
    QualitySteering steering(VideoLevel::Standard360, 600);
    QualitySample first;
    first.atMs = 1000;
    first.bytesSent = 12000;
    first.bytesReceived = 9000;
    first.framesDecoded = 3;
    const QualityReport report = steering.add(first);

    // WHEN the panel shows that first report
    CallQualityPanel panel;
    panel.show();
    panel.showReport(report);

    // THEN it is visible and says "measuring": a dash for every figure, no 0 rate
    const QString text = figures(panel);
    qInfo("%s", qPrintable(text));
    QVERIFY(panel.isVisible());
    QVERIFY2(text.contains(QStringLiteral("发送 — kbit/s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("接收 — kbit/s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("— 帧/秒")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("0 kbit/s")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("0 帧/秒")), qPrintable(text));
    QVERIFY2(note(panel).contains(QStringLiteral("正在测量")), qPrintable(note(panel)));
}

void TestCallQualityPanel::aMeasuredSecondShowsItsFigures()
{
    // GIVEN a call whose second sample came a second after its first
    QualitySteering steering(VideoLevel::Standard360, 600);
    QualitySample sample;
    sample.atMs = 1000;
    sample.roundTripMs = 12;
    steering.add(sample);
    sample.atMs = 2000;
    sample.bytesSent = 50000; // 400 kbit in that second
    sample.bytesReceived = 25000; // 200 kbit
    sample.framesDecoded = 15;
    const QualityReport report = steering.add(sample);

    // WHEN the panel shows it
    CallQualityPanel panel;
    panel.show();
    panel.showReport(report);

    // THEN the rates and the frame rate are the measured ones, and nothing says "measuring"
    const QString text = figures(panel);
    qInfo("%s", qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("往返 12 毫秒")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("发送 400 kbit/s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("接收 200 kbit/s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("15 帧/秒")), qPrintable(text));
    QVERIFY2(note(panel).isEmpty(), qPrintable(note(panel)));

    // AND a second in which truly nothing came shows 0, which is then a measurement
    sample.atMs = 3000;
    panel.showReport(steering.add(sample));
    QVERIFY2(figures(panel).contains(QStringLiteral("接收 0 kbit/s")), qPrintable(figures(panel)));
    QVERIFY2(figures(panel).contains(QStringLiteral("0 帧/秒")), qPrintable(figures(panel)));
}

void TestCallQualityPanel::theNextCallStartsMeasuringAgain()
{
    // GIVEN a panel that showed a measured call, which then ended
    CallQualityPanel panel;
    panel.show();
    QualityReport measured;
    measured.roundTripMs = 20;
    measured.lossPercent = 0;
    measured.sendKbps = 500;
    measured.receiveKbps = 480;
    measured.framesPerSecond = 15;
    panel.showReport(measured);
    panel.reset();
    QVERIFY(!panel.isVisible());

    // WHEN the next call's first report comes
    panel.showReport(QualitySteering(VideoLevel::Standard360, 600).add(QualitySample {}));

    // THEN it shows dashes, not the last call's figures
    const QString text = figures(panel);
    QVERIFY(panel.isVisible());
    QVERIFY2(text.contains(QStringLiteral("发送 — kbit/s")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("500")), qPrintable(text));
}

QTEST_MAIN(TestCallQualityPanel)
#include "tst_callqualitypanel.moc"
