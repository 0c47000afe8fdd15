#include <catalog/CatalogStore.h>
#include <core/Clock.h>
#include <storage/Database.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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

    void callersOutcomeHasTheParsersDiagnostics()
    {
        // GIVEN a valid catalogue with warnings (an unknown key)
        QByteArray json = fixture();
        json.replace("\"itemCode\"", "\"zNewKey\": 1, \"itemCode\"");
        const ParseOutcome parsed = CatalogParser::parse(json);
        QVERIFY(parsed.ok());
        QVERIFY(parsed.warningCount() > 0);
        // WHEN it is imported by a caller that asks for the outcome
        CatalogStore store(*m_db, m_clock);
        ParseOutcome outcome;
        const auto report = store.import(json, &outcome);
        // THEN the outcome says valid, with the parser's diagnostics, and the report counts
        // the warnings; the catalogue in force is read from the store
        QVERIFY(report.ok());
        QVERIFY(outcome.ok());
        QCOMPARE(report->warningCount, parsed.warningCount());
        QCOMPARE(outcome.diagnostics.size(), parsed.diagnostics.size());
        for (qsizetype i = 0; i < parsed.diagnostics.size(); ++i) {
            QCOMPARE(outcome.diagnostics.at(i).pointer, parsed.diagnostics.at(i).pointer);
            QCOMPARE(outcome.diagnostics.at(i).message, parsed.diagnostics.at(i).message);
        }
        const auto active = store.active();
        QVERIFY(active.ok());
        QCOMPARE(active->items.size(), parsed.catalog->items.size());
        QCOMPARE(
            active->items.at(0).materials.size(), parsed.catalog->items.at(0).materials.size());
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

    void documentIsKeptAsPublishedCompressed()
    {
        // GIVEN an imported catalogue
        CatalogStore store(*m_db, m_clock);
        QVERIFY(store.import(fixture()).ok());
        // WHEN its stored document is read back
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT source, source_zlib FROM catalog_versions")));
        QVERIFY(q.next());
        // THEN it is stored compressed, smaller than the document, and is the document as
        // published, byte for byte
        QCOMPARE(q.value(1).toInt(), 1);
        QVERIFY(q.value(0).toByteArray().size() < fixture().size());
        QCOMPARE(qUncompress(q.value(0).toByteArray()), fixture());
    }

    void versionStoredPlainBeforeCompressionStillLoads()
    {
        // GIVEN a version stored by a build that kept the document plain (before schema
        // version 2 of the catalog module), beside one stored compressed
        CatalogStore store(*m_db, m_clock);
        QVERIFY(store.import(fixture()).ok());
        QVERIFY(store.import(fixtureVersion2()).ok());
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("UPDATE catalog_versions SET source = ?, source_zlib = 0"
                                 " WHERE catalog_version = 'test.1'"));
        q.addBindValue(fixture());
        QVERIFY(q.exec());
        // WHEN both are read
        const auto plain = store.version(QStringLiteral("test.1"));
        const auto packed = store.version(QStringLiteral("test.2"));
        // THEN both are whole, and so is the difference between them
        QVERIFY(plain.ok());
        QVERIFY(packed.ok());
        QCOMPARE(plain->items.size(), 2);
        QCOMPARE(plain->items.at(0).publishedJson,
            CatalogParser::parse(fixture()).catalog->items.at(0).publishedJson);
        QCOMPARE(packed->catalogVersion, QStringLiteral("test.2"));
        const auto versions = store.versions();
        const auto diff = store.diff(versions.at(0).id, versions.at(1).id);
        QVERIFY(diff.ok());
        QCOMPARE(diff->count(ChangeKind::Changed), 1);
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
