#include <core/Assert.h>
#include <core/Clock.h>
#include <core/Result.h>

#include <QTest>

using namespace Tongban::Core;

namespace {
Result<int> half(int value)
{
    if (value % 2 != 0)
        return Error { ErrorRange::Core + 999, QStringLiteral("odd"), QString::number(value) };
    return value / 2;
}

int guardedDivide(int a, int b)
{
    TB_ASSERT(b != 0, return -1);
    return a / b;
}
} // namespace

class tst_Result : public QObject
{
    Q_OBJECT

private slots:
    void carriesValueOrError()
    {
        const Result<int> good = half(8);
        QVERIFY(good.ok());
        QCOMPARE(*good, 4);
        const Result<int> bad = half(7);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorRange::Core + 999);
        QCOMPARE(bad.error().toString(), QStringLiteral("odd (1999: 7)"));
        QCOMPARE(bad.valueOr(-1), -1);
        const Status done;
        QVERIFY(done.ok());
    }

    void softAssertRecoversAndLogs()
    {
        // WHEN a soft assertion fails THEN the recovery runs, a critical is logged, and
        // nothing aborts.
        QTest::ignoreMessage(
            QtCriticalMsg, QRegularExpression(QStringLiteral("SOFT ASSERT.*b != 0")));
        QCOMPARE(guardedDivide(6, 0), -1);
        QCOMPARE(guardedDivide(6, 3), 2);
    }

    void manualClockMovesOnlyWhenTold()
    {
        ManualClock clock(QDateTime(QDate(2025, 9, 30), QTime(23, 30), Qt::UTC));
        QCOMPARE(clock.now(), QDateTime(QDate(2025, 9, 30), QTime(23, 30), Qt::UTC));
        // 23:30 UTC is already 1 October in Beijing: working days count in local dates.
        QCOMPARE(clock.today(), QDate(2025, 10, 1));
        clock.advanceDays(180);
        QCOMPARE(clock.now().date(), QDate(2026, 3, 29));
    }
};

QTEST_GUILESS_MAIN(tst_Result)
#include "tst_result.moc"
