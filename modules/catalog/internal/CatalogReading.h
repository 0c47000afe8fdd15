#pragma once

#include "../CatalogParser.h"
#include "JsonReader.h"

namespace Tongban::Catalog::Internal {

/// How much of a valid catalogue the typed reading keeps. Either way it checks the same
/// things and reports the same diagnostics, in the same order.
enum class Keep {
    Everything, ///< the whole catalogue (CatalogParser::parse)
    /// The catalogue's version, publication, publisher, region code, facts and samples, and
    /// of each item only its code and name: what CatalogStore::import stores. Free text is
    /// checked without being copied (from the tape: JsonReader::checkText), and no list of
    /// materials, review points or guide texts is built.
    ImportSummary,
};

/*!
 * The typed reading of a catalogue (docs/catalog-format.md): every rule a catalogue must
 * follow, over the document's root object, read from Qt's tree or from a JsonTape.
 * Returns true and fills \a catalog when there is no error; every problem goes to
 * \a diagnostics either way.
 */
template<typename J>
bool readCatalog(
    const typename J::Object &root, Keep keep, Catalog &catalog, QList<Diagnostic> &diagnostics);

extern template bool readCatalog<QtJson>(const QJsonObject &, Keep, Catalog &, QList<Diagnostic> &);
extern template bool readCatalog<TapeJson>(
    const TapeObject &, Keep, Catalog &, QList<Diagnostic> &);

} // namespace Tongban::Catalog::Internal
