#include "CatalogStore.h"

#include "Logging.h"
#include "Tr.h"
#include "internal/JsonTape.h"

#include <core/Hash.h>

#include <QElapsedTimer>
#include <QFuture>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

namespace Tongban::Catalog {

using Core::Error;
using Core::Result;
using Core::Status;

namespace {
using Core::sha256Hex;
/// zlib's fastest level: most of the size for little time (a generated 5,000-item document
/// shrinks about tenfold); the document is compressed while it is parsed.
constexpr int kSourceCompression = 1;
/// Hash of one published item: SHA-256 of its canonical CBOR encoding (keys
/// sorted, as QJsonObject keeps them). Equal guides give equal hashes across
/// documents whatever their whitespace or key order.
QString itemHash(const PublishedJson &item)
{
    return sha256Hex(item.toCbor());
}

const QString kSelectVersion = QStringLiteral(
    "SELECT id, catalog_version, published_at, imported_at, sha256, item_count, active "
    "FROM catalog_versions ");

CatalogVersionInfo versionFrom(const QSqlQuery &q)
{
    return CatalogVersionInfo { q.value(0).toLongLong(), q.value(1).toString(),
        QDateTime::fromString(q.value(2).toString(), Qt::ISODate),
        QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs), q.value(4).toString(),
        q.value(5).toInt(), q.value(6).toBool() };
}
} // namespace

CatalogStore::CatalogStore(Storage::Database &db, const Core::Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Storage::MigrationSet CatalogStore::schema()
{
    Storage::MigrationSet set;
    set.module = QStringLiteral("catalog");
    set.migrations << Storage::Migration { 1, QStringLiteral("catalogue versions and their items"),
        { QStringLiteral("CREATE TABLE catalog_versions ("
                         " id INTEGER PRIMARY KEY,"
                         " catalog_version TEXT NOT NULL,"
                         " published_at TEXT NOT NULL,"
                         " imported_at TEXT NOT NULL,"
                         " sha256 TEXT NOT NULL UNIQUE,"
                         " item_count INTEGER NOT NULL,"
                         " source BLOB NOT NULL,"
                         " active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)))"),
            QStringLiteral("CREATE UNIQUE INDEX catalog_versions_one_active "
                           "ON catalog_versions(active) WHERE active = 1"),
            QStringLiteral(
                "CREATE TABLE catalog_items ("
                " version_id INTEGER NOT NULL REFERENCES catalog_versions(id) ON DELETE CASCADE,"
                " item_code TEXT NOT NULL,"
                " name TEXT NOT NULL,"
                " item_sha256 TEXT NOT NULL,"
                " PRIMARY KEY (version_id, item_code))") } };
    // The document is kept as published, compressed: a 5,000-item catalogue is about 13 MB
    // of JSON and under a tenth of that compressed, and writing it (into the WAL, then the
    // checkpoint) was most of the import's store phase. Versions stored before stay plain.
    set.migrations << Storage::Migration { 2,
        QStringLiteral("catalogue documents stored compressed"),
        { QStringLiteral("ALTER TABLE catalog_versions ADD COLUMN source_zlib INTEGER NOT NULL"
                         " DEFAULT 0 CHECK (source_zlib IN (0, 1))") } };
    return set;
}

Result<ImportReport> CatalogStore::import(const QByteArray &json, ParseOutcome *outcome)
{
    QElapsedTimer timer;
    timer.start();
    // The document's own hash needs nothing from the parse: made on the pool meanwhile.
    QFuture<QString> documentHash = QtConcurrent::run([json] { return sha256Hex(json); });
    // Nor does the compressed document the store keeps: also made meanwhile (and thrown
    // away when the catalogue is refused).
    QFuture<QByteArray> compressed
        = QtConcurrent::run([json] { return qCompress(json, kSourceCompression); });
    // The item hashes come with the parse when it reads the document from its tape (the
    // items' bytes are then not read again); otherwise they are made below.
    // The parse keeps only what is stored here (each item's code and name), after the
    // same validation as CatalogParser::parse: building the whole catalogue (every guide's
    // texts and lists) and freeing it was most of the import's time.
    QStringList itemHashes;
    ParseOutcome parsed = Internal::parseForImport(json, itemHashes);
    const qint64 parseMs = timer.restart();
    if (outcome) {
        outcome->catalog.reset();
        outcome->diagnostics = parsed.diagnostics;
        outcome->valid = parsed.valid;
    }
    if (!parsed.ok()) {
        qCWarning(lcCatalog) << "catalogue refused with" << parsed.errorCount() << "errors";
        return Error { InvalidCatalog,
            Tr::tr("The catalogue was refused: it has %n error(s). The catalogue in "
                   "force stays in force.",
                nullptr, parsed.errorCount()),
            parsed.report() };
    }
    const Catalog &catalog = *parsed.catalog;
    ImportReport report;
    report.warningCount = parsed.warningCount();

    // Item hashes first: they decide what changed against the catalogue in force,
    // whose stored items are then read only where they differ.
    // Independent per item: spread over the cores (two on a window PC).
    if (itemHashes.size() != catalog.items.size()) {
        itemHashes = QtConcurrent::blockingMapped<QStringList>(
            catalog.items, [](const ServiceItem &item) { return itemHash(item.publishedJson); });
    }
    if (const auto previous = activeVersion()) {
        report.previousVersionId = previous->id;
        if (auto changes = changesFrom(*previous, catalog, itemHashes))
            report.changes = std::move(*changes);
        else
            return changes.error();
    }

    const qint64 hashMs = timer.restart();
    const QString hash = documentHash.result();
    Status status = m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT id FROM catalog_versions WHERE sha256 = ?"));
        q.addBindValue(hash);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("find version"));
        qint64 versionId = 0;
        if (q.next()) {
            versionId = q.value(0).toLongLong();
            report.alreadyPresent = true;
        } else {
            q.prepare(QStringLiteral(
                "INSERT INTO catalog_versions(catalog_version, published_at, imported_at, sha256,"
                " item_count, source, source_zlib) VALUES(?, ?, ?, ?, ?, ?, 1)"));
            q.addBindValue(catalog.catalogVersion);
            q.addBindValue(catalog.publishedAt.toString(Qt::ISODate));
            q.addBindValue(m_clock.now().toString(Qt::ISODateWithMs));
            q.addBindValue(hash);
            q.addBindValue(int(catalog.items.size()));
            q.addBindValue(compressed.result());
            if (!q.exec())
                return Storage::Database::queryError(q, QStringLiteral("insert version"));
            versionId = q.lastInsertId().toLongLong();
            q.prepare(QStringLiteral("INSERT INTO catalog_items(version_id, item_code, name, "
                                     "item_sha256) VALUES(?, ?, ?, ?)"));
            for (qsizetype i = 0; i < catalog.items.size(); ++i) {
                const ServiceItem &item = catalog.items.at(i);
                q.addBindValue(versionId);
                q.addBindValue(item.itemCode);
                q.addBindValue(item.name);
                q.addBindValue(itemHashes.at(i));
                if (!q.exec())
                    return Storage::Database::queryError(q, QStringLiteral("insert item"));
            }
        }
        if (!q.exec(QStringLiteral("UPDATE catalog_versions SET active = 0 WHERE active = 1")))
            return Storage::Database::queryError(q, QStringLiteral("deactivate"));
        q.prepare(QStringLiteral("UPDATE catalog_versions SET active = 1 WHERE id = ?"));
        q.addBindValue(versionId);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("activate"));
        return {};
    });
    if (!status) {
        return Error { ImportFailed,
            Tr::tr("The catalogue could not be stored; the catalogue in force stays in "
                   "force. %1")
                .arg(status.error().message),
            status.error().detail };
    }
    const qint64 storeMs = timer.restart();
    qCDebug(lcCatalog) << "import phases ms: parse" << parseMs << "item hashes + changes" << hashMs
                       << "store" << storeMs;
    auto version = activeVersion();
    if (!version)
        return version.error();
    report.version = *version;
    qCInfo(lcCatalog).noquote() << "catalogue" << catalog.catalogVersion << "in force,"
                                << catalog.items.size() << "items";
    return report;
}

Result<CatalogDiff> CatalogStore::changesFrom(
    const CatalogVersionInfo &previous, const Catalog &next, const QStringList &nextHashes) const
{
    CatalogDiff diff;
    diff.fromVersion = previous.catalogVersion;
    diff.toVersion = next.catalogVersion;
    QHash<QString, QPair<QString, QString>> old; // code -> (hash, name)
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT item_code, item_sha256, name FROM catalog_items WHERE version_id = ?"));
    q.addBindValue(previous.id);
    if (!q.exec())
        return Storage::Database::queryError(q, QStringLiteral("previous items"));
    while (q.next())
        old.insert(q.value(0).toString(), qMakePair(q.value(1).toString(), q.value(2).toString()));
    QList<ItemChange> added, removed, changed;
    QSet<QString> nextCodes;
    for (qsizetype i = 0; i < next.items.size(); ++i) {
        const ServiceItem &item = next.items.at(i);
        nextCodes.insert(item.itemCode);
        const auto found = old.constFind(item.itemCode);
        if (found == old.cend())
            added << ItemChange { ChangeKind::Added, item.itemCode, item.name, {}, {} };
        else if (found->first != nextHashes.at(i))
            changed << ItemChange { ChangeKind::Changed, item.itemCode, item.name, {}, {} };
    }
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        if (!nextCodes.contains(it.key()))
            removed << ItemChange { ChangeKind::Removed, it.key(), it->second, {}, {} };
    }
    std::sort(removed.begin(), removed.end(),
        [](const ItemChange &a, const ItemChange &b) { return a.itemCode < b.itemCode; });
    diff.items << added << removed << changed;
    return diff;
}

Result<CatalogDiff> CatalogStore::diff(qint64 fromVersionId, qint64 toVersionId) const
{
    const Result<Catalog> from = load(QStringLiteral("id = ?"), fromVersionId);
    if (!from)
        return from.error();
    const Result<Catalog> to = load(QStringLiteral("id = ?"), toVersionId);
    if (!to)
        return to.error();
    return diffCatalogs(*from, *to);
}

Result<CatalogVersionInfo> CatalogStore::activeVersion() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(kSelectVersion + QStringLiteral("WHERE active = 1")))
        return Storage::Database::queryError(q, QStringLiteral("active version"));
    if (!q.next()) {
        return Error { NoActiveCatalog,
            Tr::tr("No catalogue has been received yet. Connect to the platform, or "
                   "ask IT to import one."),
            QStringLiteral("no active catalogue") };
    }
    return versionFrom(q);
}

QList<CatalogVersionInfo> CatalogStore::versions() const
{
    QList<CatalogVersionInfo> list;
    QSqlQuery q(m_db.connection());
    if (q.exec(kSelectVersion + QStringLiteral("ORDER BY id"))) {
        while (q.next())
            list << versionFrom(q);
    }
    return list;
}

Result<Catalog> CatalogStore::load(const QString &where, const QVariant &value) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT source, source_zlib FROM catalog_versions WHERE ") + where
        + QStringLiteral(" ORDER BY id DESC LIMIT 1"));
    if (value.isValid())
        q.addBindValue(value);
    if (!q.exec())
        return Storage::Database::queryError(q, QStringLiteral("load catalogue"));
    if (!q.next()) {
        return Error { VersionNotFound, Tr::tr("That catalogue version is not stored here."),
            value.toString() };
    }
    const QByteArray source = q.value(1).toInt() == 1 ? qUncompress(q.value(0).toByteArray())
                                                      : q.value(0).toByteArray();
    ParseOutcome parsed = CatalogParser::parse(source);
    if (!parsed.ok()) {
        // It was valid when imported: only a newer build's rules or damage get here.
        return Error { InvalidCatalog,
            Tr::tr("The stored catalogue no longer validates. Import it again from "
                   "the platform."),
            parsed.report() };
    }
    return std::move(*parsed.catalog);
}

Result<Catalog> CatalogStore::active() const
{
    auto info = activeVersion();
    if (!info)
        return info.error();
    return load(QStringLiteral("active = 1"), QVariant());
}

Result<Catalog> CatalogStore::version(const QString &catalogVersion) const
{
    return load(QStringLiteral("catalog_version = ?"), catalogVersion);
}

Result<QStringList> CatalogStore::changedItems(qint64 fromVersionId, qint64 toVersionId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT n.item_code FROM catalog_items n LEFT JOIN catalog_items o"
        " ON o.item_code = n.item_code AND o.version_id = ?"
        " WHERE n.version_id = ? AND (o.item_sha256 IS NULL OR o.item_sha256 != n.item_sha256)"
        " ORDER BY n.item_code"));
    q.addBindValue(fromVersionId);
    q.addBindValue(toVersionId);
    if (!q.exec())
        return Storage::Database::queryError(q, QStringLiteral("changed items"));
    QStringList codes;
    while (q.next())
        codes << q.value(0).toString();
    return codes;
}

} // namespace Tongban::Catalog
