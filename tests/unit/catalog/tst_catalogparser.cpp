#include "JsonNodes.h"

#include <catalog/CatalogParser.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Tongban::Catalog;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject minimal()
{
    return QJsonDocument::fromJson(
        readFile(QStringLiteral(TONGBAN_TEST_DATA "/catalog/minimal.json")))
        .object();
}

/// Sets (or, with an undefined value, removes) the value at a JSON pointer.
QJsonValue setAt(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = head.toInt();
        if (path.isEmpty() && value.isUndefined())
            array.removeAt(index);
        else
            array[index] = setAt(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(head);
    else
        object[head] = setAt(object.value(head), path, value);
    return object;
}

QJsonObject with(QJsonObject doc, const QString &pointer, const QJsonValue &value)
{
    return setAt(doc, pointer.mid(1).split(QLatin1Char('/')), value).toObject();
}

ParseOutcome parse(const QJsonObject &doc)
{
    return CatalogParser::parse(QJsonDocument(doc).toJson());
}

bool hasDiagnostic(const ParseOutcome &outcome, Diagnostic::Severity severity,
    const QString &pointer, const QString &fragment = {})
{
    for (const Diagnostic &d : outcome.diagnostics) {
        if (d.severity == severity && d.pointer == pointer && d.message.contains(fragment))
            return true;
    }
    return false;
}

} // namespace

class tst_CatalogParser : public QObject
{
    Q_OBJECT

private slots:
    void acceptsTheFixture()
    {
        const ParseOutcome outcome = parse(minimal());
        QVERIFY2(outcome.ok(), qPrintable(outcome.report()));
        QCOMPARE(outcome.errorCount(), 0);
        const Catalog &c = *outcome.catalog;
        QCOMPARE(c.items.size(), 2);
        const ServiceItem *item = c.item(QStringLiteral("11410400MB0000001A4000117001"));
        QVERIFY(item);
        QCOMPARE(item->materials.size(), 3);
        QCOMPARE(item->materials.at(0).medium, Medium::Paper);
        QVERIFY(item->materials.at(0).paperArchive);
        QCOMPARE(item->materials.at(0).regions.first().rect, QRectF(0.6, 0.85, 0.3, 0.08));
        // Conditions decide which materials apply.
        QCOMPARE(
            item->applicableMaterials({ { QStringLiteral("agentApplies"), false } }).size(), 2);
        QCOMPARE(item->applicableMaterials({ { QStringLiteral("agentApplies"), true } }).size(), 3);
        QCOMPARE(item->factIds(), QStringList { QStringLiteral("agentApplies") });
    }

    void reportsEveryProblemAtOnceWithItsPointer()
    {
        // GIVEN a catalogue with seven different mistakes in different places
        QJsonObject doc = minimal();
        doc = with(doc, QStringLiteral("/items/1/itemCode"),
            QStringLiteral("11410400MB0000001A4000117001"));
        doc = with(doc, QStringLiteral("/items/0/materials/1/reviewPoints/0/method"),
            QStringLiteral("看一眼"));
        doc = with(doc, QStringLiteral("/items/0/materials/0/sample/ref"),
            QStringLiteral("no-such-sample"));
        doc = with(doc, QStringLiteral("/items/1/materials/1/condition"), QStringLiteral("hasCar"));
        doc = with(doc, QStringLiteral("/items/0/promisedTimeLimitDays"), 30);
        doc = with(
            doc, QStringLiteral("/items/1/materials/2/name"), QStringLiteral("其他有关材料"));
        doc = with(doc, QStringLiteral("/items/0/hours"), QJsonValue(QJsonValue::Undefined));
        doc = with(doc, QStringLiteral("/items/0/materials/0/sample/regions/0/reviewPoint"),
            QStringLiteral("ghost"));
        doc = with(doc, QStringLiteral("/items/1/futureField"), true);

        // WHEN it is parsed
        const ParseOutcome outcome = parse(doc);

        // THEN it is refused and every problem is listed with where it is
        QVERIFY(!outcome.ok());
        using S = Diagnostic::Severity;
        QVERIFY2(hasDiagnostic(outcome, S::Error, QStringLiteral("/items/1/itemCode"),
                     QStringLiteral("duplicate item code")),
            qPrintable(outcome.report()));
        QVERIFY(hasDiagnostic(outcome, S::Error,
            QStringLiteral("/items/0/materials/1/reviewPoints/0/method"),
            QStringLiteral("看一眼")));
        QVERIFY(hasDiagnostic(outcome, S::Error, QStringLiteral("/items/0/materials/0/sample/ref"),
            QStringLiteral("no-such-sample")));
        QVERIFY(hasDiagnostic(outcome, S::Error, QStringLiteral("/items/1/materials/1/condition"),
            QStringLiteral("unknown fact 'hasCar'")));
        QVERIFY(hasDiagnostic(outcome, S::Error, QStringLiteral("/items/0/promisedTimeLimitDays")));
        QVERIFY(hasDiagnostic(outcome, S::Error, QStringLiteral("/items/1/materials/2/name"),
            QStringLiteral("其他")));
        QVERIFY(hasDiagnostic(
            outcome, S::Error, QStringLiteral("/items/0/hours"), QStringLiteral("missing")));
        QVERIFY(hasDiagnostic(outcome, S::Error,
            QStringLiteral("/items/0/materials/0/sample/regions/0/reviewPoint"),
            QStringLiteral("ghost")));
        QVERIFY(hasDiagnostic(outcome, S::Warning, QStringLiteral("/items/1/futureField"),
            QStringLiteral("unknown")));
        QCOMPARE(outcome.errorCount(), 8);
    }

    void unknownKeysAreOnlyWarnings()
    {
        const int before = parse(minimal()).warningCount();
        const ParseOutcome outcome
            = parse(with(minimal(), QStringLiteral("/items/0/materials/0/newThing"), 1));
        QVERIFY(outcome.ok());
        QCOMPARE(outcome.warningCount(), before + 1);
        QVERIFY(hasDiagnostic(outcome, Diagnostic::Severity::Warning,
            QStringLiteral("/items/0/materials/0/newThing")));
    }

    void regionsOutsideTheSampleAreTrimmed()
    {
        QJsonObject doc
            = with(minimal(), QStringLiteral("/items/0/materials/0/sample/regions/0/w"), 0.7);
        const ParseOutcome outcome = parse(doc);
        QVERIFY(outcome.ok());
        QVERIFY(hasDiagnostic(outcome, Diagnostic::Severity::Warning,
            QStringLiteral("/items/0/materials/0/sample/regions/0"), QStringLiteral("trimmed")));
        QCOMPARE(
            outcome.catalog->items.first().materials.first().regions.first().rect.right(), 1.0);
    }

    void newerFormatIsRefusedPlainly()
    {
        const ParseOutcome outcome = parse(with(minimal(), QStringLiteral("/formatVersion"), 2));
        QVERIFY(!outcome.ok());
        QVERIFY(hasDiagnostic(outcome, Diagnostic::Severity::Error,
            QStringLiteral("/formatVersion"), QStringLiteral("update the workstation")));
    }

    void hostileInputGivesErrorsNotCrashes_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << QByteArray() << "not valid JSON";
        QTest::newRow("not json") << QByteArray("<catalog/>") << "not valid JSON";
        QTest::newRow("array") << QByteArray("[]") << "must be a JSON object";
        QTest::newRow("deep nesting 100k") << QByteArray(100000, '[') << "not valid JSON";
        QByteArray deep = "{\"format\":\"tongban-catalog\",\"x\":" + QByteArray(40, '[')
            + QByteArray(40, ']') + "}";
        QTest::newRow("deep nesting 40") << deep << "nested deeper";
        QTest::newRow("invalid utf-8")
            << QByteArray("{\"format\":\"tongban-catalog\",\"publisher\":\"\xff\xfe\"}")
            << "not valid UTF-8";
        QByteArray huge
            = "{\"format\":\"tongban-catalog\",\"publisher\":\"" + QByteArray(5000000, 'a') + "\"}";
        QTest::newRow("huge string") << huge << "longer than";
        QTest::newRow("wrong root types")
            << QByteArray(R"({"format":"tongban-catalog","formatVersion":"1","catalogVersion":7,
                              "publishedAt":[],"publisher":{},"region":"x","facts":{},"samples":3,"items":"all"})")
            << "must be";
        QTest::newRow("huge number")
            << QByteArray(R"({"format":"tongban-catalog","formatVersion":1e308})")
            << "whole number";
    }

    void hostileInputGivesErrorsNotCrashes()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, fragment);
        const ParseOutcome outcome = CatalogParser::parse(input);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.report().contains(fragment), qPrintable(outcome.report().left(500)));
    }

    void wrongTypesEverywhereNeverCrash()
    {
        // GIVEN the fixture WHEN every value, one at a time, is replaced by a value of
        // each other type THEN the parser reports an error or a warning and never crashes.
        const QJsonObject doc = minimal();
        const QList<QPair<QString, QJsonValue>> leaves = Tongban::Testing::jsonNodes(doc);
        const QList<QJsonValue> replacements = { QJsonValue(), QJsonValue(true), QJsonValue(-1),
            QJsonValue(QStringLiteral("x")), QJsonArray(), QJsonObject() };
        int mutations = 0;
        int refused = 0;
        for (const auto &[pointer, original] : std::as_const(leaves)) {
            if (pointer.isEmpty())
                continue;
            for (const QJsonValue &replacement : replacements) {
                if (replacement.type() == original.type())
                    continue;
                const ParseOutcome outcome = parse(with(doc, pointer, replacement));
                ++mutations;
                refused += outcome.ok() ? 0 : 1;
                // A null may stand for an optional value left out; any other wrong
                // type must be reported.
                QVERIFY2(replacement.isNull() || !outcome.diagnostics.isEmpty(),
                    qPrintable(
                        pointer + QStringLiteral(" <- ") + QString::number(replacement.type())));
            }
        }
        qInfo("%d mutations, %d refused", mutations, refused);
        QVERIFY(mutations > 1000);
    }
};

QTEST_GUILESS_MAIN(tst_CatalogParser)
#include "tst_catalogparser.moc"
