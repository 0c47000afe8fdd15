#pragma once

#include "Catalog.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Tongban::Catalog {

/// One problem found in a catalogue, located by its JSON pointer (RFC 6901).
struct Diagnostic
{
    enum class Severity { Unknown, Error, Warning };
    Severity severity = Severity::Unknown;
    QString pointer; ///< e.g. /items/3/materials/0/reviewPoints/1/method; "" for the document
    QString message; ///< translated, plain reason
};

/// What parsing found: whether the document is a valid catalogue, the catalogue then, and
/// every diagnostic.
struct ParseOutcome
{
    /// The catalogue, when valid (CatalogParser::parse). CatalogStore::import gives none:
    /// it reads only what it stores (CatalogStore::active() reads the catalogue in force).
    std::optional<Catalog> catalog;
    QList<Diagnostic> diagnostics;
    bool valid = false; ///< no error: the document is a catalogue

    bool ok() const { return valid; }
    int errorCount() const;
    int warningCount() const;
    /// All diagnostics, one per line: "error /items/0/name: reason".
    QString report() const;
};

/*!
 * Parses and validates a catalogue document (docs/catalog-format.md).
 *
 * Every problem is reported at once. Any error means no catalogue. Hostile
 * input (deep nesting, huge strings, invalid UTF-8, wrong types anywhere)
 * yields errors, never a crash or a hang: work is linear in the input and the
 * limits below bound it.
 *
 * Stateless; safe from any thread.
 */
class CatalogParser
{
public:
    static constexpr qsizetype MaxDocumentBytes = 64 * 1024 * 1024;
    static constexpr int MaxDepth = 32;
    static constexpr int MaxStringLength = 4000;
    static constexpr int MaxItems = 20000;
    static constexpr int MaxMaterials = 100;
    static constexpr int MaxReviewPoints = 50;
    static constexpr int FormatVersion = 1;

    static ParseOutcome parse(const QByteArray &json);
};

} // namespace Tongban::Catalog
