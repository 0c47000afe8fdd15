#pragma once

#include "Catalog.h"
#include "CatalogDiff.h"
#include "CatalogParser.h"

#include <core/Clock.h>
#include <core/Result.h>
#include <storage/Database.h>
#include <storage/Migration.h>

namespace Tongban::Catalog {

struct CatalogVersionInfo
{
    qint64 id = 0;
    QString catalogVersion;
    QDateTime publishedAt;
    QDateTime importedAt;
    QString sha256; ///< of the document as published
    int itemCount = 0;
    bool active = false;
};

struct ImportReport
{
    CatalogVersionInfo version;
    bool alreadyPresent = false; ///< the same document was imported before; now active again
    int warningCount = 0;
    qint64 previousVersionId = 0; ///< the catalogue in force before, 0 if none
    /// Items added, removed and changed against the catalogue in force before,
    /// by item hash (material detail: CatalogStore::diff()).
    CatalogDiff changes;
};

/*!
 * The catalogues this workstation has received, kept as versions, one of
 * them in force ("active").
 *
 * import() validates first; a catalogue with any error is refused and the
 * catalogue in force stays in force. A valid one is stored and made active in
 * one transaction: a kill at any moment leaves either the old or the new
 * catalogue in force, whole.
 *
 * Same thread as the Database.
 */
class CatalogStore
{
public:
    CatalogStore(Storage::Database &db, const Core::Clock &clock);

    /// Tables of the catalog module (module name "catalog").
    static Storage::MigrationSet schema();

    /*!
     * Validates and imports \a json. On a validation failure the error's
     * detail lists every problem, and \a outcome (when given) receives them.
     * \a outcome receives the diagnostics (warnings too) and whether the document
     * is valid, never the catalogue: read it with active().
     */
    Core::Result<ImportReport> import(const QByteArray &json, ParseOutcome *outcome = nullptr);

    Core::Result<CatalogVersionInfo> activeVersion() const;
    QList<CatalogVersionInfo> versions() const;

    /// The catalogue in force, parsed.
    Core::Result<Catalog> active() const;
    /// A stored version by its label (the newest import of that label).
    Core::Result<Catalog> version(const QString &catalogVersion) const;

    /*!
     * What changed between two stored versions, down to materials and guide
     * elements. Parses both versions: computed when someone looks, not on import.
     */
    Core::Result<CatalogDiff> diff(qint64 fromVersionId, qint64 toVersionId) const;

    /// Item codes whose guide differs between two stored versions (by item hash).
    Core::Result<QStringList> changedItems(qint64 fromVersionId, qint64 toVersionId) const;

private:
    Core::Result<CatalogDiff> changesFrom(const CatalogVersionInfo &previous, const Catalog &next,
        const QStringList &nextHashes) const;
    Core::Result<Catalog> load(const QString &where, const QVariant &value) const;

    Storage::Database &m_db;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Catalog
