#include <catalog/CatalogParser.h>
#include <catalog/CatalogSearch.h>
#include <catalog/Pinyin.h>

#include <QFile>
#include <QTest>

#include <CatalogGenerator.h>
#include <algorithm>

using namespace Tongban::Catalog;

namespace {
// The ranking as documented, by brute force: every item matched for its best kind,
// every hit sorted (kind, name length, code). What the bounded-heap search must equal.
QList<SearchHit> referenceSearch(const Catalog &catalog, const QString &query, int limit)
{
    const QString q = CatalogIndex::normalize(query);
    QList<SearchHit> hits;
    if (q.isEmpty() || limit <= 0)
        return hits;
    const bool ascii = std::all_of(q.begin(), q.end(), [](QChar c) { return c.unicode() < 128; });
    for (const ServiceItem &item : catalog.items) {
        QList<MatchKind> kinds;
        const QString code = CatalogIndex::normalize(item.itemCode);
        const QString name = CatalogIndex::normalize(item.name);
        if (code == q)
            kinds << MatchKind::ExactCode;
        if (code.startsWith(q))
            kinds << MatchKind::CodePrefix;
        if (name.startsWith(q))
            kinds << MatchKind::NamePrefix;
        if (name.contains(q))
            kinds << MatchKind::NameContains;
        for (const QString &keyword : item.keywords) {
            if (CatalogIndex::normalize(keyword).contains(q))
                kinds << MatchKind::Keyword;
        }
        if (ascii) {
            for (const QString &initials : Pinyin::initials(item.name)) {
                if (initials.startsWith(q))
                    kinds << MatchKind::PinyinPrefix;
                if (initials.contains(q))
                    kinds << MatchKind::PinyinContains;
            }
        }
        if (!kinds.isEmpty())
            hits << SearchHit { &item, *std::min_element(kinds.begin(), kinds.end()) };
    }
    std::sort(hits.begin(), hits.end(), [](const SearchHit &a, const SearchHit &b) {
        if (a.match != b.match)
            return int(a.match) < int(b.match);
        if (a.item->name.size() != b.item->name.size())
            return a.item->name.size() < b.item->name.size();
        return a.item->itemCode < b.item->itemCode;
    });
    return hits.mid(0, limit);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class tst_CatalogSearch : public QObject
{
    Q_OBJECT

private:
    Catalog m_catalog;

    QStringList names(const QList<SearchHit> &hits)
    {
        QStringList list;
        for (const SearchHit &hit : hits)
            list << hit.item->name;
        return list;
    }

private slots:
    void initTestCase()
    {
        // The shipped sample catalogue: what the demo and the clerks' journeys use.
        const ParseOutcome outcome
            = CatalogParser::parse(readFile(QStringLiteral(TONGBAN_SAMPLE_CATALOG)));
        QVERIFY2(outcome.ok(), qPrintable(outcome.report()));
        m_catalog = *outcome.catalog;
        QVERIFY(m_catalog.items.size() >= 20);
    }

    void pinyinInitials()
    {
        QVERIFY(Pinyin::available());
        QCOMPARE(Pinyin::initials(QStringLiteral("个体工商户")),
            QStringList { QStringLiteral("gtgsh") });
        // 行 reads háng or xíng: both are searchable.
        const QStringList bank = Pinyin::initials(QStringLiteral("银行"));
        QVERIFY(bank.contains(QStringLiteral("yh")));
        QVERIFY(bank.contains(QStringLiteral("yx")));
        QCOMPARE(Pinyin::initials(QStringLiteral("《就业创业证》A1")),
            QStringList { QStringLiteral("jycyza1") });
    }

    void findsByPinyinInitials()
    {
        // J1: the clerk types gtgsh and finds 个体工商户设立登记.
        const CatalogIndex index(m_catalog);
        const QList<SearchHit> hits = index.search(QStringLiteral("gtgsh"));
        QVERIFY(!hits.isEmpty());
        QVERIFY2(names(hits).contains(QStringLiteral("个体工商户设立登记")),
            qPrintable(names(hits).join(u',')));
        for (const SearchHit &hit : hits)
            QVERIFY2(hit.item->name.startsWith(QStringLiteral("个体工商户")),
                qPrintable(hit.item->name));
        QCOMPARE(hits.first().match, MatchKind::PinyinPrefix);
        const QList<SearchHit> exact = index.search(QStringLiteral("gtgshsldj"));
        QCOMPARE(exact.size(), 1);
        QCOMPARE(exact.first().item->name, QStringLiteral("个体工商户设立登记"));
    }

    void findsByNameInsensitiveToWidthAndSpaces()
    {
        const CatalogIndex index(m_catalog);
        const QStringList plain = names(index.search(QStringLiteral("公积金")));
        QVERIFY(plain.size() >= 2);
        QCOMPARE(names(index.search(QStringLiteral(" 公 积 金 "))), plain);
        // Full-width letters typed with a Chinese input method still match initials.
        QCOMPARE(names(index.search(QStringLiteral("ＧＴＧＳＨ"))),
            names(index.search(QStringLiteral("gtgsh"))));
    }

    void exactCodeRanksFirstThenNamePrefix()
    {
        const CatalogIndex index(m_catalog);
        const ServiceItem &target = m_catalog.items.at(3);
        const QList<SearchHit> byCode = index.search(target.itemCode.toLower());
        QVERIFY(!byCode.isEmpty());
        QCOMPARE(byCode.first().item, &target);
        QCOMPARE(byCode.first().match, MatchKind::ExactCode);
        const QList<SearchHit> byPrefix
            = index.search(target.itemCode.left(target.itemCode.size() - 3));
        QVERIFY(!byPrefix.isEmpty());
        for (const SearchHit &hit : byPrefix)
            QVERIFY(
                hit.item->itemCode.startsWith(target.itemCode.left(target.itemCode.size() - 3)));

        // "就业" is a name prefix for some items and inside the name of others.
        const QList<SearchHit> hits = index.search(QStringLiteral("就业"));
        bool seenContains = false;
        for (const SearchHit &hit : hits) {
            if (hit.match != MatchKind::NamePrefix)
                seenContains = true;
            else
                QVERIFY2(!seenContains, "a name-prefix hit ranked below a weaker match");
        }
    }

    void findsByKeyword()
    {
        const CatalogIndex index(m_catalog);
        const QList<SearchHit> hits = index.search(QStringLiteral("个体户"));
        QVERIFY(names(hits).contains(QStringLiteral("个体工商户设立登记")));
    }

    void boundedSearchRanksLikeAFullSort()
    {
        // GIVEN a generated catalogue of 3,000 items, where most queries hit hundreds of
        // items with many equal kinds and name lengths (ties broken by the code)
        const ParseOutcome outcome
            = CatalogParser::parse(Tongban::TestSupport::generateCatalog(3000, "rank", 11));
        QVERIFY2(outcome.ok(), qPrintable(outcome.report()));
        const Catalog &catalog = *outcome.catalog;
        const CatalogIndex index(catalog);
        const QStringList queries
            = { QStringLiteral("登记"), QStringLiteral("证"), QStringLiteral("d"),
                  QStringLiteral("bg"), QStringLiteral("zx"), catalog.items.at(17).itemCode.left(8),
                  catalog.items.at(42).itemCode, catalog.items.at(99).name,
                  catalog.items.at(99).name.mid(2, 3), QStringLiteral("不存在的事项") };
        for (const QString &query : queries) {
            for (const int limit : { 1, 7, 50, 100000 }) {
                // WHEN the index keeps only the best `limit` hits of one pass
                const QList<SearchHit> got = index.search(query, limit);
                // THEN they are exactly the first `limit` of the full ranking, kinds included
                const QList<SearchHit> want = referenceSearch(catalog, query, limit);
                QCOMPARE(got.size(), want.size());
                for (qsizetype i = 0; i < got.size(); ++i) {
                    QVERIFY2(
                        got.at(i).item == want.at(i).item && got.at(i).match == want.at(i).match,
                        qPrintable(QStringLiteral("query %1 limit %2 rank %3: %4 vs %5")
                                       .arg(query)
                                       .arg(limit)
                                       .arg(i)
                                       .arg(got.at(i).item->name, want.at(i).item->name)));
                }
            }
        }
    }

    void rarestCharacterScanFindsEveryPlace()
    {
        // GIVEN items whose names repeat characters and overlap partial matches, whose
        // keywords share characters with the names, and codes that are prefixes of each other
        // (the search anchors on the query's rarest character in each field and finds codes
        // in a sorted list)
        Catalog catalog;
        const QList<QPair<QString, QString>> made = {
            { QStringLiteral("114104000000000001"), QStringLiteral("登记登记证明") },
            { QStringLiteral("1141040000000000011"), QStringLiteral("记登记") },
            { QStringLiteral("11410400000000001"), QStringLiteral("aaab证") },
            { QStringLiteral("114104000000000002"), QStringLiteral("xa") },
            { QStringLiteral("114104000000000003"), QStringLiteral("by证明证明") },
            { QStringLiteral("2141040000000000"), QStringLiteral("银行账户变更") },
            { QStringLiteral("A14104000000000X"), QStringLiteral("证") },
        };
        for (const auto &[code, name] : made) {
            ServiceItem item;
            item.itemCode = code;
            item.name = name;
            item.keywords = { name.right(2), QStringLiteral("ab") };
            catalog.items << item;
        }
        const CatalogIndex index(catalog);
        // "a", U+0000, "b": only across the end of one name ("xa") and the start of the next.
        const QString acrossNames = QStringView(u"a\0b", 3).toString();
        const QStringList queries
            = { QStringLiteral("登记"), QStringLiteral("记登"), QStringLiteral("记证"),
                  QStringLiteral("aab"), QStringLiteral("ab"), QStringLiteral("b证"),
                  QStringLiteral("证明"), QStringLiteral("证"), QStringLiteral("11410400000000000"),
                  QStringLiteral("114104000000000001"), QStringLiteral("1141040000000000011"),
                  QStringLiteral("a14104"), QStringLiteral("yh"), QStringLiteral("yx"),
                  QStringLiteral("djdj"), QStringLiteral("zm"), acrossNames, QStringLiteral("缺") };
        for (const QString &query : queries) {
            for (const int limit : { 1, 2, 50 }) {
                // WHEN searching
                const QList<SearchHit> got = index.search(query, limit);
                // THEN the hits and kinds are those of the brute-force ranking
                const QList<SearchHit> want = referenceSearch(catalog, query, limit);
                QCOMPARE(got.size(), want.size());
                for (qsizetype i = 0; i < got.size(); ++i) {
                    QVERIFY2(
                        got.at(i).item == want.at(i).item && got.at(i).match == want.at(i).match,
                        qPrintable(QStringLiteral("query %1 limit %2 rank %3: %4 vs %5")
                                       .arg(query)
                                       .arg(limit)
                                       .arg(i)
                                       .arg(got.at(i).item->name, want.at(i).item->name)));
                }
            }
        }
        // The overlap and the separator cases, spelled out.
        QCOMPARE(
            names(index.search(QStringLiteral("aab"))), QStringList { QStringLiteral("aaab证") });
        QVERIFY(index.search(acrossNames).isEmpty());
        const QList<SearchHit> exact = index.search(QStringLiteral("114104000000000001"));
        QCOMPARE(exact.size(), 2);
        QCOMPARE(exact.first().match, MatchKind::ExactCode);
        QCOMPARE(exact.first().item, &catalog.items.at(0));
        QCOMPARE(exact.last().match, MatchKind::CodePrefix);
    }

    void nothingForNothing()
    {
        const CatalogIndex index(m_catalog);
        QVERIFY(index.search(QString()).isEmpty());
        QVERIFY(index.search(QStringLiteral("   ")).isEmpty());
        QVERIFY(index.search(QStringLiteral("zzzzqqqq")).isEmpty());
        QCOMPARE(index.search(QStringLiteral("登记"), 3).size(), 3);
    }
};

QTEST_GUILESS_MAIN(tst_CatalogSearch)
#include "tst_catalogsearch.moc"
