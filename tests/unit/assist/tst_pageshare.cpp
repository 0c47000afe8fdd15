// Assist::PageShare: the page both sides of a call look at, and the marks on it. Two
// PageShare objects, the caller's and the home window's, exchange their messages through
// queues this test delivers, so that actions cross on the way as they do on a network.

#include <assist/PageShare.h>
#include <core/Hash.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Tongban;
using Assist::PageShare;
using Assist::Stroke;

namespace {
const QSize Page(2480, 3508); // A4 at 300 dpi
const QString PageA = Core::sha256Hex("page A");
const QString PageB = Core::sha256Hex("page B");

/// Both sides, with what each has sent and the other not yet received.
struct Pair
{
    QStringList toHome, toCaller;
    PageShare caller { QStringLiteral("410402-tb-03"), [this](const QString &m) {
                          toHome.append(m);
                          return Core::Status();
                      } };
    PageShare home { QStringLiteral("410402-tb-01"), [this](const QString &m) {
                        toCaller.append(m);
                        return Core::Status();
                    } };
    void deliver()
    {
        while (!toHome.isEmpty() || !toCaller.isEmpty()) {
            const QStringList forHome = std::exchange(toHome, {});
            const QStringList forCaller = std::exchange(toCaller, {});
            for (const QString &message : forHome)
                home.handleMessage(message);
            for (const QString &message : forCaller)
                caller.handleMessage(message);
        }
    }
};

Stroke box(QPointF from, QPointF to)
{
    Stroke stroke;
    stroke.kind = Stroke::Kind::Box;
    stroke.points = { from, to };
    return stroke;
}

Stroke pen(int n)
{
    Stroke stroke;
    stroke.kind = Stroke::Kind::Pen;
    for (int i = 0; i < n; ++i)
        stroke.points.append(QPointF(100 + i, 200 + i % 50));
    return stroke;
}

QStringList ids(const QList<Stroke> &strokes)
{
    QStringList list;
    for (const Stroke &stroke : strokes)
        list.append(stroke.id);
    return list;
}
} // namespace

class TestPageShare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void marksAppearOnBothSidesInPageCoordinates();
    void undoAndClearCrossingNewMarksLeaveBothSidesAlike();
    void pagesSwitchedAtTheSameMomentEndOnOnePageOnBothSides();
    void messagesOutsideThePageOrTheLimitsAreIgnored_data();
    void messagesOutsideThePageOrTheLimitsAreIgnored();
    void theMarkedUpPageIsKeptAsJsonAndRendersTheMarks();
    void anUndoOvertakingItsStrokeLeavesItRemoved();
    void marksSentAgainArriveOnceAndRemovedOnesStayRemoved();
};

void TestPageShare::marksAppearOnBothSidesInPageCoordinates()
{
    // GIVEN the caller shows page A of the case
    Pair pair;
    QSignalSpy pageOnHome(&pair.home, &PageShare::pageChanged);
    QVERIFY(pair.caller.showPage(PageA, Page, 1).ok());
    pair.deliver();
    QCOMPARE(pageOnHome.size(), 1);
    QCOMPARE(pair.home.currentPage(), PageA);
    QCOMPARE(pair.home.currentSize(), Page);

    // WHEN the home clerk draws a box, an arrow, a pen line and a text note
    QSignalSpy remote(&pair.caller, &PageShare::remoteStroke);
    QVERIFY(pair.home.addStroke(box({ 300, 400 }, { 1200, 900 })).ok());
    Stroke arrow;
    arrow.kind = Stroke::Kind::Arrow;
    arrow.points = { { 2000, 3000 }, { 1300, 950 } };
    QVERIFY(pair.home.addStroke(arrow).ok());
    QVERIFY(pair.home.addStroke(pen(300)).ok());
    Stroke note;
    note.kind = Stroke::Kind::Text;
    note.points = { { 1300, 1000 } };
    note.text = QStringLiteral("此处缺少盖章");
    QVERIFY(pair.home.addStroke(note).ok());
    pair.deliver();

    // THEN the caller has the same marks, at the same page coordinates, by the home window
    QCOMPARE(remote.size(), 4);
    QCOMPARE(pair.caller.strokes(PageA).size(), 4);
    for (int i = 0; i < 4; ++i)
        QVERIFY(pair.caller.strokes(PageA).at(i) == pair.home.strokes(PageA).at(i));
    QCOMPARE(pair.caller.strokes(PageA).at(0).points.at(1), QPointF(1200, 900));
    QCOMPARE(pair.caller.strokes(PageA).at(3).text, QStringLiteral("此处缺少盖章"));
    QCOMPARE(pair.caller.strokes(PageA).at(0).by, QStringLiteral("410402-tb-01"));
}

void TestPageShare::undoAndClearCrossingNewMarksLeaveBothSidesAlike()
{
    // GIVEN page A shown with two marks of the home clerk and one of the caller
    Pair pair;
    QVERIFY(pair.caller.showPage(PageA, Page, 1).ok());
    pair.deliver();
    QVERIFY(pair.home.addStroke(box({ 10, 10 }, { 50, 50 })).ok());
    QVERIFY(pair.home.addStroke(box({ 60, 60 }, { 90, 90 })).ok());
    QVERIFY(pair.caller.addStroke(pen(5)).ok());
    pair.deliver();
    QCOMPARE(pair.caller.strokes(PageA).size(), 3);

    // WHEN the home clerk undoes (its own last mark) while the caller draws again, and then
    // the caller clears while the home clerk draws a new mark (the messages cross)
    const QString second = pair.home.strokes(PageA).at(1).id;
    QVERIFY(pair.home.undo().ok());
    QVERIFY(pair.caller.addStroke(pen(8)).ok());
    pair.deliver();
    QVERIFY(!ids(pair.caller.strokes(PageA)).contains(second));
    QVERIFY(pair.caller.clear().ok());
    const auto late = pair.home.addStroke(box({ 100, 100 }, { 200, 200 }));
    QVERIFY(late.ok());
    pair.deliver();

    // THEN both sides hold the same marks: only the one drawn after the clear was pressed
    QCOMPARE(ids(pair.caller.strokes(PageA)), QStringList { *late });
    QCOMPARE(ids(pair.home.strokes(PageA)), QStringList { *late });
}

void TestPageShare::pagesSwitchedAtTheSameMomentEndOnOnePageOnBothSides()
{
    // GIVEN both on page A
    Pair pair;
    QVERIFY(pair.caller.showPage(PageA, Page, 1).ok());
    pair.deliver();
    // WHEN the home clerk switches to page B (a case page) and the caller, at the same moment,
    // back to page A
    QVERIFY(pair.home.showPage(PageB, Page, 2).ok());
    QVERIFY(pair.caller.showPage(PageA, Page, 1).ok());
    pair.deliver();
    // THEN both end on the same page
    QCOMPARE(pair.caller.currentPage(), pair.home.currentPage());
    QCOMPARE(pair.caller.currentNumber(), pair.home.currentNumber());
    // AND a later switch by either side is followed by the other
    QVERIFY(pair.home.showPage(PageB, Page, 2).ok());
    pair.deliver();
    QCOMPARE(pair.caller.currentPage(), PageB);
    QVERIFY(pair.caller.showPage(PageA, Page, 1).ok());
    pair.deliver();
    QCOMPARE(pair.home.currentPage(), PageA);
    QCOMPARE(pair.home.currentNumber(), 1);
}

void TestPageShare::messagesOutsideThePageOrTheLimitsAreIgnored_data()
{
    QTest::addColumn<QString>("message");
    const auto stroke = [](const QJsonObject &strokeObject, const QString &page) {
        return QString::fromUtf8(QJsonDocument(
            QJsonObject { { QStringLiteral("t"), QStringLiteral("stroke") },
                { QStringLiteral("page"), page },
                { QStringLiteral("stroke"),
                    strokeObject } }).toJson(QJsonDocument::Compact));
    };
    Stroke outside = box({ 10, 10 }, { 3000, 50 });
    outside.id = QStringLiteral("x1");
    Stroke many = pen(PageShare::MaxPoints + 1);
    many.id = QStringLiteral("x2");
    Stroke longText;
    longText.kind = Stroke::Kind::Text;
    longText.points = { { 5, 5 } };
    longText.text = QString(PageShare::MaxText + 1, u'字');
    longText.id = QStringLiteral("x3");
    Stroke fine = box({ 10, 10 }, { 20, 20 });
    fine.id = QStringLiteral("x4");
    QJsonObject unknownKind = fine.toJson();
    unknownKind.insert(QStringLiteral("kind"), QStringLiteral("laser"));
    QTest::newRow("outside the page") << stroke(outside.toJson(), PageA);
    QTest::newRow("too many points") << stroke(many.toJson(), PageA);
    QTest::newRow("text too long") << stroke(longText.toJson(), PageA);
    QTest::newRow("unknown kind") << stroke(unknownKind, PageA);
    QTest::newRow("page never shown") << stroke(fine.toJson(), PageB);
    QTest::newRow("not a page hash") << stroke(fine.toJson(), QStringLiteral("../../etc"));
    QTest::newRow("not JSON") << QStringLiteral("{\"t\":\"stroke\",");
    QTest::newRow("too large") << QString(PageShare::MaxMessageBytes + 1, u' ');
}

void TestPageShare::messagesOutsideThePageOrTheLimitsAreIgnored()
{
    // GIVEN page A shown on both sides
    QFETCH(QString, message);
    Pair pair;
    QVERIFY(pair.caller.showPage(PageA, Page, 1).ok());
    pair.deliver();
    QSignalSpy changed(&pair.home, &PageShare::strokesChanged);
    // WHEN a malformed or oversized message arrives
    pair.home.handleMessage(message);
    // THEN nothing changes
    QCOMPARE(changed.size(), 0);
    QVERIFY(pair.home.strokes(PageA).isEmpty());
    QVERIFY(pair.home.strokes(PageB).isEmpty());
    QCOMPARE(pair.home.currentPage(), PageA);
}

void TestPageShare::theMarkedUpPageIsKeptAsJsonAndRendersTheMarks()
{
    // GIVEN a white page with a red box drawn by the home clerk
    Pair pair;
    QVERIFY(pair.caller.showPage(PageA, QSize(800, 600), 1).ok());
    pair.deliver();
    QVERIFY(pair.home.addStroke(box({ 100, 100 }, { 400, 300 })).ok());
    pair.deliver();
    // WHEN the caller keeps the marked-up page
    const QJsonObject markup = pair.caller.markup(PageA);
    // THEN it names the page's hash and size, with the marks
    QCOMPARE(markup.value(u"pageSha256").toString(), PageA);
    QCOMPARE(markup.value(u"width").toInt(), 800);
    QCOMPARE(markup.value(u"strokes").toArray().size(), 1);
    QCOMPARE(markup.value(u"strokes").toArray().first().toObject(),
        pair.home.strokes(PageA).first().toJson());
    // AND drawn on the page the box is red where it runs and white elsewhere
    QImage white(800, 600, QImage::Format_RGB32);
    white.fill(Qt::white);
    const QImage marked = PageShare::render(white, pair.caller.strokes(PageA));
    const QColor onEdge = marked.pixelColor(250, 100);
    QVERIFY2(onEdge.red() > 180 && onEdge.green() < 90, qPrintable(onEdge.name()));
    QCOMPARE(marked.pixelColor(250, 200), QColor(Qt::white));
}

void TestPageShare::anUndoOvertakingItsStrokeLeavesItRemoved()
{
    // GIVEN page A shown on both sides
    Pair pair;
    QVERIFY(pair.caller.showPage(PageA, Page, 1).ok());
    pair.deliver();
    // WHEN the home clerk draws a mark and undoes it, and the undo arrives first (the mark
    // went through the platform, the undo through the data channel just opened)
    QVERIFY(pair.home.addStroke(box({ 10, 10 }, { 50, 50 })).ok());
    QVERIFY(pair.home.undo().ok());
    QCOMPARE(pair.toCaller.size(), 2);
    std::swap(pair.toCaller[0], pair.toCaller[1]);
    QSignalSpy remote(&pair.caller, &PageShare::remoteStroke);
    pair.deliver();
    // THEN the mark is on neither side
    QCOMPARE(remote.size(), 0);
    QVERIFY(pair.caller.strokes(PageA).isEmpty());
    QVERIFY(pair.home.strokes(PageA).isEmpty());
}

void TestPageShare::marksSentAgainArriveOnceAndRemovedOnesStayRemoved()
{
    // GIVEN page A shown with a mark of the caller's and two of the home clerk's; then the
    // home clerk undoes the second and draws a third and a fourth, and the transport loses
    // the undo and the third
    Pair pair;
    QVERIFY(pair.caller.showPage(PageA, Page, 1).ok());
    pair.deliver();
    QVERIFY(pair.caller.addStroke(pen(4)).ok());
    QVERIFY(pair.home.addStroke(box({ 10, 10 }, { 50, 50 })).ok());
    QVERIFY(pair.home.addStroke(box({ 60, 60 }, { 90, 90 })).ok());
    pair.deliver();
    QCOMPARE(pair.caller.strokes(PageA).size(), 3);
    QVERIFY(pair.home.undo().ok());
    QVERIFY(pair.home.addStroke(box({ 100, 100 }, { 150, 150 })).ok());
    QVERIFY(pair.home.addStroke(pen(6)).ok());
    QCOMPARE(pair.toCaller.size(), 3);
    pair.toCaller.removeFirst(); // the undo
    pair.toCaller.removeFirst(); // the third
    pair.deliver();
    const auto sorted = [](const QList<Stroke> &strokes) {
        QStringList list = ids(strokes);
        list.sort();
        return list;
    };
    QVERIFY(sorted(pair.caller.strokes(PageA)) != sorted(pair.home.strokes(PageA)));

    // WHEN both sides send everything again (the data channel has opened), twice
    QSignalSpy remote(&pair.caller, &PageShare::remoteStroke);
    QSignalSpy changedAtHome(&pair.home, &PageShare::strokesChanged);
    QSignalSpy pageAtHome(&pair.home, &PageShare::pageChanged);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(pair.home.resend().ok());
        QVERIFY(pair.caller.resend().ok());
        pair.deliver();
    }

    // THEN both sides have the same marks, each once: the lost third arrived once, the undone
    // second is gone, nothing changed at home, the page stayed
    QCOMPARE(sorted(pair.caller.strokes(PageA)), sorted(pair.home.strokes(PageA)));
    QCOMPARE(pair.caller.strokes(PageA).size(), 4);
    QCOMPARE(remote.size(), 1);
    QCOMPARE(changedAtHome.size(), 0);
    QCOMPARE(pageAtHome.size(), 0);
    QCOMPARE(pair.caller.currentPage(), PageA);
    QCOMPARE(pair.home.currentPage(), PageA);

    // AND a mark lost on its way arrives once when sent again, however often
    QVERIFY(pair.home.addStroke(pen(9)).ok());
    pair.toCaller.clear();
    QVERIFY(pair.home.resend().ok());
    QVERIFY(pair.home.resend().ok());
    pair.deliver();
    QCOMPARE(remote.size(), 2);
    QCOMPARE(sorted(pair.caller.strokes(PageA)), sorted(pair.home.strokes(PageA)));
    QCOMPARE(pair.caller.strokes(PageA).size(), 5);
}

QTEST_MAIN(TestPageShare)
#include "tst_pageshare.moc"
