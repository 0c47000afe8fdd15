#include <catalog/CatalogParser.h>
#include <catalog/CatalogSearch.h>
#include <catalog/Pinyin.h>

#include <QFile>
#include <QTest>

using namespace Tongban::Catalog;

namespace {
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
