// The catalogue read from its bytes (JsonTape, the fast path of CatalogParser::parse)
// against the reference, the same reading over Qt's JSON tree (Internal::parseWithQtTree,
// the parser as it was): the same catalogue, field by field, the same diagnostics in the
// same order, and the same item hashes (CBOR), on the sample catalogue, the fixtures,
// generated catalogues and thousands of mutated documents.
#include "JsonNodes.h"

#include <catalog/CatalogParser.h>
#include <catalog/internal/JsonReader.h>
#include <catalog/internal/JsonTape.h>
#include <core/Hash.h>

#include <QCborValue>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <CatalogGenerator.h>
#include <functional>
#include <optional>

using namespace Tongban::Catalog;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString number(double value)
{
    return QString::number(value, 'g', 17);
}

/// Every field of a catalogue, one line each, in order: two catalogues are equal when
/// their dumps are.
QStringList dump(const Catalog &c)
{
    QStringList out;
    out << c.catalogVersion << c.publishedAt.toString(Qt::ISODateWithMs) << c.publisher
        << c.region.code << c.region.name;
    for (const Fact &f : c.facts) {
        out << QStringLiteral("fact") << f.id << f.question << QString::number(int(f.type));
        for (const Fact::Option &o : f.options)
            out << o.value << o.label;
    }
    for (const Sample &s : c.samples)
        out << QStringLiteral("sample") << s.id << s.title << s.image << QString::number(s.width)
            << QString::number(s.height);
    for (const ServiceItem &i : c.items) {
        out << QStringLiteral("item") << i.itemCode << i.name << i.keywords.join(u'|') << i.type
            << i.basis.join(u'|') << i.implementingBody << i.acceptanceConditions.join(u'|')
            << i.target.join(u'|') << QString::number(i.legalTimeLimitDays)
            << QString::number(i.promisedTimeLimitDays) << QString::number(i.correctionDays)
            << i.resultName << i.resultType << QString::number(i.feeCharged) << i.feeStandard
            << i.feeBasis << i.process.join(u'|') << QString::number(int(i.scope)) << i.location
            << i.hours << i.contact << i.complaint << i.homeJurisdiction.code
            << i.homeJurisdiction.name;
        for (const HomeWindow &w : i.homeWindows)
            out << w.id << w.name;
        out << (i.seal ? i.seal->department + u'|' + i.seal->image : QStringLiteral("no seal"));
        out << QString::fromUtf8(QJsonDocument(i.publishedJson.object()).toJson());
        out << QString::fromLatin1(i.publishedJson.toCbor().toHex());
        for (const MaterialRequirement &m : i.materials) {
            out << QStringLiteral("material") << m.id << m.name << m.basis
                << QString::number(m.originals) << QString::number(m.copies)
                << QString::number(int(m.medium)) << m.source << QString::number(m.paperArchive)
                << QString::number(m.tolerable) << m.toleranceCommitment
                << QString::number(m.toleranceDays) << m.condition.text()
                << m.condition.factIds().join(u'|') << m.sampleRef
                << QString::fromUtf8(QJsonDocument(m.publishedJson.object()).toJson());
            for (const SampleRegion &r : m.regions)
                out << r.reviewPoint << number(r.rect.x()) << number(r.rect.y())
                    << number(r.rect.width()) << number(r.rect.height());
            for (const ReviewPoint &p : m.reviewPoints) {
                out << QStringLiteral("point") << p.id << p.text << p.method << p.standard;
                for (const Deficiency &d : p.deficiencies)
                    out << d.code << d.reason << d.correction;
            }
        }
    }
    return out;
}

QStringList diagnostics(const ParseOutcome &outcome)
{
    QStringList out;
    for (const Diagnostic &d : outcome.diagnostics)
        out << QString::number(int(d.severity)) + u' ' + d.pointer + u' ' + d.message;
    return out;
}

/// Whether the fast path reads \a json (else parse() falls back to Qt's tree).
bool readsFromBytes(const QByteArray &json)
{
    Internal::JsonTape tape;
    return tape.read(json);
}

/// Compares the import's reading of \a json (Internal::parseForImport: only what the store
/// keeps, free text checked without being read) with the parse's: the same problems in the
/// same order, the same items. Returns an empty string when equal, else the first
/// difference.
QString importDifference(const QByteArray &json, const ParseOutcome &fast)
{
    QStringList hashes;
    const ParseOutcome imported = Internal::parseForImport(json, hashes);
    const QStringList a = diagnostics(fast);
    const QStringList c = diagnostics(imported);
    if (c != a) {
        for (qsizetype i = 0; i < std::max(a.size(), c.size()); ++i) {
            if (a.value(i) != c.value(i))
                return QStringLiteral("diagnostic %1: parse \"%2\" vs import \"%3\"")
                    .arg(i)
                    .arg(a.value(i), c.value(i));
        }
    }
    if (imported.ok() != fast.ok())
        return QStringLiteral("ok: parse %1 vs import %2").arg(fast.ok()).arg(imported.ok());
    if (!fast.ok())
        return {};
    if (imported.catalog->catalogVersion != fast.catalog->catalogVersion
        || imported.catalog->publishedAt != fast.catalog->publishedAt
        || imported.catalog->items.size() != fast.catalog->items.size())
        return QStringLiteral("the import's catalogue differs from the parse's");
    for (qsizetype i = 0; i < fast.catalog->items.size(); ++i) {
        if (imported.catalog->items.at(i).itemCode != fast.catalog->items.at(i).itemCode
            || imported.catalog->items.at(i).name != fast.catalog->items.at(i).name)
            return QStringLiteral("the import's item %1 differs from the parse's").arg(i);
    }
    return {};
}

/// Compares the two parses of \a json, and the import's reading with them; returns an empty string
/// when equal, else the first difference.
QString difference(const QByteArray &json)
{
    const ParseOutcome fast = CatalogParser::parse(json);
    const ParseOutcome reference = Internal::parseWithQtTree(json);
    const QStringList a = diagnostics(fast);
    const QStringList b = diagnostics(reference);
    if (a != b) {
        for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
            if (a.value(i) != b.value(i))
                return QStringLiteral("diagnostic %1: tape \"%2\" vs Qt \"%3\"")
                    .arg(i)
                    .arg(a.value(i), b.value(i));
        }
    }
    if (fast.ok() != reference.ok())
        return QStringLiteral("ok: tape %1 vs Qt %2").arg(fast.ok()).arg(reference.ok());
    if (const QString d = importDifference(json, fast); !d.isEmpty())
        return d;
    if (!fast.ok())
        return {};
    const QStringList x = dump(*fast.catalog);
    const QStringList y = dump(*reference.catalog);
    for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i) {
        const QString u = x.value(i);
        const QString v = y.value(i);
        if (u != v) {
            qsizetype at = 0;
            while (at < u.size() && at < v.size() && u.at(at) == v.at(at))
                ++at;
            at = std::max<qsizetype>(0, at - 40);
            return QStringLiteral("field %1 from character %2: tape \"%3\" vs Qt \"%4\"")
                .arg(i)
                .arg(at)
                .arg(u.mid(at, 200), v.mid(at, 200));
        }
    }
    // The item hashes' input: the tape's CBOR is Qt's, byte for byte.
    for (const ServiceItem &item : fast.catalog->items) {
        const QByteArray qt = QCborValue::fromJsonValue(item.publishedJson.object()).toCbor();
        if (item.publishedJson.toCbor() != qt)
            return QStringLiteral("CBOR of %1 differs").arg(item.itemCode);
    }
    // The item hashes an import stores, made with the parse from its tape: SHA-256 of Qt's
    // CBOR for every item, in item order (what workstations have stored all along).
    QStringList hashes;
    if (!Internal::parseForImport(json, hashes).ok())
        return QStringLiteral("parseForImport refused what parse accepted");
    if (hashes.isEmpty() && readsFromBytes(json))
        return QStringLiteral("no item hashes from the tape");
    if (!hashes.isEmpty() && hashes.size() != fast.catalog->items.size())
        return QStringLiteral("%1 item hashes for %2 items")
            .arg(hashes.size())
            .arg(fast.catalog->items.size());
    for (qsizetype i = 0; i < hashes.size(); ++i) {
        const ServiceItem &item = reference.catalog->items.at(i);
        if (hashes.at(i)
            != Tongban::Core::sha256Hex(
                QCborValue::fromJsonValue(item.publishedJson.object()).toCbor()))
            return QStringLiteral("item hash of %1 differs").arg(item.itemCode);
    }
    return {};
}

QByteArray sample()
{
    return readFile(QStringLiteral(TONGBAN_SAMPLE_CATALOG));
}

QByteArray minimal()
{
    return readFile(QStringLiteral(TONGBAN_TEST_DATA "/catalog/minimal.json"));
}

} // namespace

class tst_CatalogTape : public QObject
{
    Q_OBJECT

private slots:
    void sampleAndFixtureParseAlike_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("sample catalogue") << sample();
        QTest::newRow("minimal fixture") << minimal();
        QTest::newRow("generated 300 seed 1")
            << Tongban::TestSupport::generateCatalog(300, "gen.1", 1);
        QTest::newRow("generated 1000 seed 7")
            << Tongban::TestSupport::generateCatalog(1000, "gen.7", 7);
    }

    void sampleAndFixtureParseAlike()
    {
        // GIVEN a valid catalogue
        QFETCH(QByteArray, json);
        QVERIFY(!json.isEmpty());
        // WHEN it is read from its bytes and through Qt's tree
        // THEN the fast path is the one taken, and both give the same catalogue, the same
        // diagnostics and the same item hashes
        QVERIFY(readsFromBytes(json));
        QVERIFY(CatalogParser::parse(json).ok());
        const QString diff = difference(json);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void identifierFormsMatchAsTheirRegularExpressions()
    {
        // GIVEN each identifier form and the anchored regular expression it is written as
        // (what the parser used before)
        using namespace Tongban::Catalog::Internal;
        const QString alphabet = QStringLiteral("az09AZ-._/ `{[@:~\u00e9\u4e2d");
        QRandomGenerator random(18);
        for (const char *form :
            { kIdForm, kFactForm, kRegionCodeForm, kItemCodeForm, kVersionForm, kWindowIdForm }) {
            const IdentifierPattern pattern(form);
            const QRegularExpression regex(
                QRegularExpression::anchoredPattern(QLatin1String(form)));
            QCOMPARE(pattern.pattern(), QLatin1String(form));
            // WHEN random texts of every length up to past the limit are matched
            // THEN both agree on every one
            for (int round = 0; round < 20000; ++round) {
                QString text;
                const int length = int(random.bounded(46));
                for (int i = 0; i < length; ++i) {
                    const char16_t c = random.bounded(4) == 0
                        ? alphabet.at(random.bounded(int(alphabet.size()))).unicode()
                        : char16_t(0x20 + random.bounded(0x5f));
                    text += QChar(c);
                }
                QVERIFY2(pattern.matches(text) == regex.match(text).hasMatch(),
                    qPrintable(QStringLiteral("%1 on \"%2\"").arg(QLatin1String(form), text)));
            }
        }
    }

    void lentBytesAreCopied()
    {
        // GIVEN a catalogue whose bytes are only lent to the parser (fromRawData)
        QByteArray buffer = minimal();
        const ParseOutcome expected = CatalogParser::parse(minimal());
        std::optional<ParseOutcome> outcome;
        {
            const QByteArray lent = QByteArray::fromRawData(buffer.constData(), buffer.size());
            outcome = CatalogParser::parse(lent);
        }
        QVERIFY(outcome->ok());
        // WHEN the lender reuses its buffer
        buffer.fill('x');
        buffer.clear();
        buffer.squeeze();
        // THEN the catalogue still has its items as published
        QCOMPARE(outcome->catalog->items.size(), expected.catalog->items.size());
        for (qsizetype i = 0; i < expected.catalog->items.size(); ++i) {
            QCOMPARE(outcome->catalog->items.at(i).publishedJson.object(),
                expected.catalog->items.at(i).publishedJson.object());
            QCOMPARE(outcome->catalog->items.at(i).publishedJson.toCbor(),
                expected.catalog->items.at(i).publishedJson.toCbor());
        }
    }

    void unusualValuesHashAsQtDoes()
    {
        // GIVEN an item carrying, under an unknown key, every kind of value and number
        // spelling JSON allows (and escapes, and non-ASCII text)
        QByteArray json = minimal();
        // (Built from plain literals: moc does not read raw strings with escapes.)
        const QByteArray extra = "\"zExtra\": {\"ints\": [0, -0, 1, -1, 23, 24, 255, 256, 65535, "
                                 "65536, 4294967295, 4294967296, -4294967297, "
                                 "9223372036854775807, -9223372036854775808, "
                                 "9223372036854775808, 123456789012345678901234], "
                                 "\"doubles\": [1.0, -0.0, 0.5, 1e2, 1E-2, 2.5e+10, 0.1, "
                                 "-1.5e-7, 3.14159265358979], "
                                 "\"text\": [\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", "
                                 "\"\\u00e9\\u4e2d\\u0000\", \"\u4e2d\u6587\", \"\"], "
                                 "\"flags\": [true, false, null], \"empty\": {}, \"list\": [], "
                                 "\"b\": {\"z\": 1, \"a\": 2}}, \"itemCode\"";
        const qsizetype at = json.indexOf("\"itemCode\"");
        QVERIFY(at > 0);
        json.replace(at, 10, extra);
        // WHEN it is parsed from its bytes THEN the fast path reads it, and the item's
        // CBOR (the item hash's input) is Qt's, byte for byte
        QVERIFY(readsFromBytes(json));
        const ParseOutcome outcome = CatalogParser::parse(json);
        QVERIFY2(outcome.ok(), qPrintable(outcome.report()));
        const QString diff = difference(json);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void textAtItsLimitsIsCheckedAlike()
    {
        // GIVEN every text of the fixture replaced in turn by text at the edges of what a
        // guide may hold: empty, white space (ASCII and Unicode) at either end, escapes, and
        // lengths either side of each limit, in characters of one, two, three and four UTF-8
        // bytes (the last two UTF-16 code units each)
        const QJsonObject doc = QJsonDocument::fromJson(minimal()).object();
        QStringList pointers;
        for (const auto &[pointer, value] : Tongban::Testing::jsonNodes(doc)) {
            // (The first item stands for the others.)
            if (value.isString() && !pointer.startsWith(QLatin1String("/items/1")))
                pointers << pointer;
        }
        QStringList texts = { QString(), QStringLiteral("   "), QStringLiteral(" \u4e2d"),
            QStringLiteral("\u4e2d\t"), QStringLiteral("\u3000\u4e2d\u6587"),
            QStringLiteral("\u4e2d\u6587\u00a0"), QStringLiteral("a\\b\"c"),
            QStringLiteral("\u2028x\u2029"), QStringLiteral("\t"), QStringLiteral("\u3000"),
            QStringLiteral("\u00a0"), QStringLiteral("\u3000\u2003\u3000") };
        for (const int limit : { 20, 100, 500, 2000 }) {
            for (const int length : { limit, limit + 1 }) {
                texts << QString(length, QLatin1Char('x')) << QString(length, QChar(0xe9))
                      << QString(length, QChar(0x4e2d));
                QString wide;
                for (int i = 0; i < length / 2; ++i)
                    wide += QString::fromUcs4(U"\U0001F600", 1);
                texts << wide + QString(length % 2, QChar(0x4e2d));
            }
        }
        int read = 0;
        for (const QString &pointer : std::as_const(pointers)) {
            for (const QString &text : std::as_const(texts)) {
                QJsonValue node = doc;
                QStringList path = pointer.mid(1).split(QLatin1Char('/'));
                std::function<QJsonValue(const QJsonValue &, QStringList)> setAt
                    = [&](const QJsonValue &at, QStringList rest) -> QJsonValue {
                    const QString head = rest.takeFirst();
                    if (at.isArray()) {
                        QJsonArray a = at.toArray();
                        const int i = head.toInt();
                        a[i] = rest.isEmpty() ? QJsonValue(text) : setAt(a.at(i), rest);
                        return a;
                    }
                    QJsonObject o = at.toObject();
                    o[head] = rest.isEmpty() ? QJsonValue(text) : setAt(o.value(head), rest);
                    return o;
                };
                const QByteArray json
                    = QJsonDocument(setAt(node, path).toObject()).toJson(QJsonDocument::Compact);
                // WHEN the parse and the import's reading read it
                // THEN they find the same problems and the same items
                const QString diff = importDifference(json, CatalogParser::parse(json));
                QVERIFY2(diff.isEmpty(),
                    qPrintable(pointer + QStringLiteral(" <- \"") + text.left(20)
                        + QStringLiteral("\": ") + diff));
                read += readsFromBytes(json) ? 1 : 0;
            }
        }
        qInfo("%lld texts, %d documents read from their bytes", qlonglong(pointers.size()), read);
        QVERIFY(read > pointers.size());
    }

    void emptyObjectAmongTheItemsImportsLikeTheParse()
    {
        // GIVEN the fixture with an empty object among its items (the reading passes over
        // it, so the tape's item hashes do not line up with the items)
        QByteArray json = minimal();
        const qsizetype at = json.indexOf("\"items\"");
        QVERIFY(at > 0);
        json.insert(json.indexOf('[', at) + 1, "{}, ");
        QVERIFY(readsFromBytes(json));
        // WHEN the parse and the import's reading read it
        const ParseOutcome parsed = CatalogParser::parse(json);
        QStringList hashes;
        const ParseOutcome imported = Internal::parseForImport(json, hashes);
        // THEN they agree, and the import gets no misaligned hashes: either none (the store
        // hashes the items itself) or one per item, each the item's
        QCOMPARE(imported.ok(), parsed.ok());
        QCOMPARE(diagnostics(imported), diagnostics(parsed));
        if (parsed.ok()) {
            QCOMPARE(imported.catalog->items.size(), parsed.catalog->items.size());
            QVERIFY(hashes.isEmpty() || hashes.size() == parsed.catalog->items.size());
            for (qsizetype i = 0; i < hashes.size(); ++i)
                QCOMPARE(hashes.at(i),
                    Tongban::Core::sha256Hex(parsed.catalog->items.at(i).publishedJson.toCbor()));
            if (hashes.isEmpty()) // hashed by the store from the catalogue: it must be whole
                QCOMPARE(imported.catalog->items.at(0).publishedJson,
                    parsed.catalog->items.at(0).publishedJson);
        }
        qInfo("parse %s", parsed.ok() ? "accepts it" : "refuses it");
    }

    void mutatedDocumentsParseAlike()
    {
        // GIVEN the fixture, mutated at random: bytes dropped, doubled or replaced by JSON's
        // own characters, values swapped for values of other types or spellings
        const QByteArray original = minimal();
        const QList<QByteArray> fragments = { "\"", "{", "}", "[", "]", ",", ":", "0", "-0", "1.0",
            "1e2", "true", "null", "\"x\"", "\\u00e9", "\\n", "\\ud83d\\ude00", " ", "\"name\": 1,",
            "\"zz\": 2,", "{}", "[]", "1e400", "\xef\xbb\xbf", "\x01", "\t", "\xe4\xb8\xad" };
        QRandomGenerator random(20261201);
        int fast = 0;
        int refused = 0;
        const int rounds = 3000;
        for (int round = 0; round < rounds; ++round) {
            QByteArray json = original;
            const int edits = 1 + int(random.bounded(3));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = random.bounded(int(json.size()));
                switch (random.bounded(4)) {
                case 0:
                    json.remove(at, 1 + random.bounded(8));
                    break;
                case 1:
                    json.insert(at, fragments.at(random.bounded(int(fragments.size()))));
                    break;
                case 2:
                    json.replace(at, 1 + random.bounded(4),
                        fragments.at(random.bounded(int(fragments.size()))));
                    break;
                default:
                    json.insert(at, json.mid(at, random.bounded(40)));
                    break;
                }
            }
            // WHEN both readers parse it THEN they agree on everything
            const QString diff = difference(json);
            QVERIFY2(
                diff.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(diff)));
            fast += readsFromBytes(json) ? 1 : 0;
            refused += CatalogParser::parse(json).ok() ? 0 : 1;
        }
        // Both kinds were exercised: documents the fast path read, and refused ones.
        qInfo(
            "%d of %d mutated documents read from their bytes, %d refused", fast, rounds, refused);
        QVERIFY(fast > rounds / 10);
        QVERIFY(refused > rounds / 10);
    }
};

QTEST_GUILESS_MAIN(tst_CatalogTape)
#include "tst_catalogtape.moc"
