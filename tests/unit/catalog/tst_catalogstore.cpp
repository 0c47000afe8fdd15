#include <catalog/CatalogStore.h>
#include <core/Clock.h>
#include <storage/Database.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Tongban;
using namespace Tongban::Catalog;

namespace {
QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray fixture()
{
    return readFile(QStringLiteral(TONGBAN_TEST_DATA "/catalog/minimal.json"));
}

/// The fixture as version test.2: one guide changed, one item removed, one added.
QByteArray fixtureVersion2()
{
    QJsonObject doc = QJsonDocument::fromJson(fixture()).object();
    doc[QStringLiteral("catalogVersion")] = QStringLiteral("test.2");
    QJsonArray items = doc.value(QStringLiteral("items")).toArray();
    QJsonObject first = items.at(0).toObject();
    first[QStringLiteral("promisedTimeLimitDays")] = 0;
    QJsonArray materials = first.value(QStringLiteral("materials")).toArray();
    QJsonObject application = materials.at(0).toObject();
    application[QStringLiteral("copies")] = 1;
    materials[0] = application;
    materials.removeAt(2); // authorization
    first[QStringLiteral("materials")] = materials;
    QJsonObject added = items.at(1).toObject();
    added[QStringLiteral("itemCode")] = QStringLiteral("11410400MB0000003C4000117003");
    added[QStringLiteral("name")] = QStringLiteral("失业登记");
    QJsonArray windows { QJsonObject { { QStringLiteral("id"), QStringLiteral("410403-tb-09") },
        { QStringLiteral("name"), QStringLiteral("卫东区9号通办窗口") } } };
    added[QStringLiteral("homeWindows")] = windows;
    items = QJsonArray { first, added };
    doc[QStringLiteral("items")] = items;
    return QJsonDocument(doc).toJson();
}
} // namespace

class tst_CatalogStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Core::ManualClock m_clock { QDateTime(QDate(2026, 11, 24), QTime(1, 0), Qt::UTC) };
    std::unique_ptr<Storage::Database> m_db;

private slots:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("ws.sqlite")));
        auto db = Storage::Database::open(
            m_dir.filePath(QStringLiteral("ws.sqlite")), { CatalogStore::schema() });
        QVERIFY(db.ok());
        m_db = std::move(db).value();
    }

    void cleanup() { m_db.reset(); }

    void importsAndPutsInForce()
    {
        CatalogStore store(*m_db, m_clock);
        QCOMPARE(store.activeVersion().error().code, int(NoActiveCatalog));
        const auto report = store.import(fixture());
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().detail));
        QCOMPARE(report->version.catalogVersion, QStringLiteral("test.1"));
        QCOMPARE(report->version.itemCount, 2);
        QVERIFY(report->version.active);
        const auto active = store.active();
        QVERIFY(active.ok());
        QCOMPARE(active->items.size(), 2);
    }

    void callersOutcomeOutlivesTheDeferredFree()
    {
        // GIVEN an import whose caller keeps the parse outcome (the store frees its own
        // copy of the parsed catalogue on the thread pool, after the import returns)
        CatalogStore store(*m_db, m_clock);
        ParseOutcome outcome;
        QVERIFY(store.import(fixture(), &outcome).ok());
        // WHEN the pool has freed the store's copy
        QThreadPool::globalInstance()->waitForDone();
        // THEN the caller's catalogue is whole: the same items, guides and published JSON
        // as a parse of its own
        QVERIFY(outcome.ok());
        const ParseOutcome fresh = CatalogParser::parse(fixture());
        QVERIFY(fresh.ok());
        QCOMPARE(outcome.catalog->items.size(), fresh.catalog->items.size());
        for (qsizetype i = 0; i < fresh.catalog->items.size(); ++i) {
            const ServiceItem &kept = outcome.catalog->items.at(i);
            const ServiceItem &parsed = fresh.catalog->items.at(i);
            QCOMPARE(kept.itemCode, parsed.itemCode);
            QCOMPARE(kept.name, parsed.name);
            QCOMPARE(kept.materials.size(), parsed.materials.size());
            QCOMPARE(kept.publishedJson, parsed.publishedJson);
        }
    }

    void brokenCatalogueLeavesTheOldOneInForce()
    {
        // GIVEN a catalogue in force
        CatalogStore store(*m_db, m_clock);
        QVERIFY(store.import(fixture()).ok());
        // WHEN a broken one arrives
        QByteArray broken = fixtureVersion2();
        broken.replace("\"medium\": \"paper\"", "\"medium\": \"papyrus\"");
        ParseOutcome outcome;
        const auto refused = store.import(broken, &outcome);
        // THEN it is refused with every reason, and yesterday's stays in force
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, int(InvalidCatalog));
        QVERIFY(outcome.errorCount() >= 2);
        QVERIFY(refused.error().detail.contains(QStringLiteral("papyrus")));
        QCOMPARE(store.activeVersion()->catalogVersion, QStringLiteral("test.1"));
        QCOMPARE(store.versions().size(), 1);
    }

    void keepsVersionsAndReportsWhatChanged()
    {
        CatalogStore store(*m_db, m_clock);
        const auto first = store.import(fixture());
        QVERIFY(first.ok());
        const auto second = store.import(fixtureVersion2());
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().detail));
        QCOMPARE(store.versions().size(), 2);
        QCOMPARE(store.activeVersion()->catalogVersion, QStringLiteral("test.2"));

        // The import says which items changed ...
        const CatalogDiff &summary = second->changes;
        QCOMPARE(summary.fromVersion, QStringLiteral("test.1"));
        QCOMPARE(summary.count(ChangeKind::Added), 1);
        QCOMPARE(summary.count(ChangeKind::Removed), 1);
        QCOMPARE(summary.count(ChangeKind::Changed), 1);
        QCOMPARE(second->previousVersionId, first->version.id);
        // ... and the stored versions say how, down to the materials.
        const auto stored = store.diff(first->version.id, second->version.id);
        QVERIFY(stored.ok());
        const CatalogDiff &diff = *stored;
        QCOMPARE(diff.fromVersion, QStringLiteral("test.1"));
        QCOMPARE(diff.count(ChangeKind::Added), 1);
        QCOMPARE(diff.count(ChangeKind::Removed), 1);
        QCOMPARE(diff.count(ChangeKind::Changed), 1);
        QCOMPARE(diff.change(QStringLiteral("11410400MB0000003C4000117003"))->name,
            QStringLiteral("失业登记"));
        QCOMPARE(
            diff.change(QStringLiteral("11410400MB0000002B4000117002"))->kind, ChangeKind::Removed);
        const ItemChange *changed = diff.change(QStringLiteral("11410400MB0000001A4000117001"));
        QCOMPARE(changed->changedFields, QStringList { QStringLiteral("promisedTimeLimitDays") });
        QCOMPARE(changed->materials.size(), 2);
        QCOMPARE(changed->materials.at(0).materialId, QStringLiteral("application"));
        QCOMPARE(changed->materials.at(0).kind, ChangeKind::Changed);
        QCOMPARE(changed->materials.at(0).changedFields, QStringList { QStringLiteral("copies") });
        QCOMPARE(changed->materials.at(1).kind, ChangeKind::Removed);

        // Per-item hashes tell which guides a clerk used have changed.
        const auto codes = store.changedItems(first->version.id, second->version.id);
        QCOMPARE(*codes,
            QStringList({ QStringLiteral("11410400MB0000001A4000117001"),
                QStringLiteral("11410400MB0000003C4000117003") }));
        // The stored diff agrees with the diff of the parsed catalogues.
        const CatalogDiff parsed = diffCatalogs(
            *store.version(QStringLiteral("test.1")), *store.version(QStringLiteral("test.2")));
        QCOMPARE(parsed.items.size(), diff.items.size());
        QCOMPARE(
            parsed.change(QStringLiteral("11410400MB0000001A4000117001"))->materials.size(), 2);
        // An older version can still be read.
        QCOMPARE(store.version(QStringLiteral("test.1"))->items.size(), 2);
    }

    void reimportingTheSameDocumentOnlyReactivatesIt()
    {
        CatalogStore store(*m_db, m_clock);
        QVERIFY(store.import(fixture()).ok());
        QVERIFY(store.import(fixtureVersion2()).ok());
        const auto again = store.import(fixture());
        QVERIFY(again.ok());
        QVERIFY(again->alreadyPresent);
        QCOMPARE(store.versions().size(), 2);
        QCOMPARE(store.activeVersion()->catalogVersion, QStringLiteral("test.1"));
    }
};

QTEST_GUILESS_MAIN(tst_CatalogStore)
#include "tst_catalogstore.moc"
