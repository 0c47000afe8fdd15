#pragma once

#include "Catalog.h"

#include <QList>
#include <QString>

namespace Tongban::Catalog {

/// How a search hit matched, best first.
enum class MatchKind {
    ExactCode, ///< the query is the item code
    NamePrefix, ///< the name starts with the query
    PinyinPrefix, ///< the initials of the name start with the query (gtgsh)
    CodePrefix, ///< the item code starts with the query
    NameContains, ///< the name contains the query
    Keyword, ///< a keyword contains the query
    PinyinContains, ///< the initials of the name contain the query
};

struct SearchHit
{
    const ServiceItem *item = nullptr;
    MatchKind match = MatchKind::NameContains;
};

/*!
 * Search over the items of one catalogue: by name (substring, insensitive to
 * full-width/half-width, case and spaces), item code prefix, keywords and
 * pinyin initials. Ranked: exact code, then name prefix, then the rest (see
 * MatchKind); ties go to the shorter name.
 *
 * Holds pointers into \a catalog, which must outlive the index. search() is
 * const and thread-safe.
 */
class CatalogIndex
{
public:
    explicit CatalogIndex(const Catalog &catalog);

    QList<SearchHit> search(const QString &query, int limit = 50) const;

    /// NFKC, case-folded, without spaces and punctuation: the form both sides are compared in.
    static QString normalize(QStringView text);

private:
    struct Entry
    {
        const ServiceItem *item;
        QString code;
        QString name;
        QStringList keywords;
        QStringList initials;
    };
    QList<Entry> m_entries;
};

} // namespace Tongban::Catalog
