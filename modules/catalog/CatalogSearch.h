#pragma once

#include "Catalog.h"

#include <QHash>
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
 *
 * A query costs, per text field (names, keywords, initials: each laid out end to end),
 * one vectorised scan for the query's rarest character in that field (a character the
 * field lacks ends the field at once), a comparison at each place it occurs, and
 * O(log limit) per hit: the tie-break (shorter name, then code) is ranked once when the
 * index is built, each hit is one integer key, and only the best \a limit keys are kept
 * in a bounded heap. Item codes, matched only from their start, are kept sorted and found
 * by binary search. No query sorts every hit or makes a string per item.
 */
class CatalogIndex
{
public:
    explicit CatalogIndex(const Catalog &catalog);

    QList<SearchHit> search(const QString &query, int limit = 50) const;

    /// NFKC, case-folded, without spaces and punctuation: the form both sides are compared in.
    static QString normalize(QStringView text);

private:
    /// The normalised texts of one field of every entry, one after another.
    struct Segments
    {
        QString text; ///< each segment followed by U+0000
        QList<qsizetype> starts; ///< where each segment starts in text
        QList<qint32> owners; ///< the entry of each segment
        QHash<char16_t, qsizetype> counts; ///< how often each character occurs in text
        void add(const QString &segment, qint32 owner);
        void countCharacters(); ///< fills counts, once every segment is added
        QStringView segment(qsizetype index) const;
        /// Calls hit(owner, atStart, segmentLength) once for each segment containing \a q.
        template<typename Hit>
        void find(QStringView q, Hit &&hit) const;
    };
    struct Entry
    {
        const ServiceItem *item;
        quint32 order = 0; ///< rank by (name length, item code) among all entries
    };
    QList<Entry> m_entries;
    QList<qsizetype> m_byOrder; ///< entry index of each rank
    Segments m_names, m_codes, m_keywords, m_initials;
    QList<qint32> m_codesSorted; ///< segments of m_codes in text order
};

} // namespace Tongban::Catalog
