#include "CatalogSearch.h"

#include "Pinyin.h"

#include <algorithm>

namespace Tongban::Catalog {

QString CatalogIndex::normalize(QStringView text)
{
    const QString folded = text.toString().normalized(QString::NormalizationForm_KC).toCaseFolded();
    QString out;
    out.reserve(folded.size());
    for (const QChar c : folded) {
        if (!c.isSpace() && !c.isPunct() && !c.isSymbol())
            out += c;
    }
    return out;
}

CatalogIndex::CatalogIndex(const Catalog &catalog)
{
    m_entries.reserve(catalog.items.size());
    for (const ServiceItem &item : catalog.items) {
        Entry entry { &item, normalize(item.itemCode), normalize(item.name), {},
            Pinyin::initials(item.name) };
        for (const QString &keyword : item.keywords)
            entry.keywords << normalize(keyword);
        m_entries << entry;
    }
}

QList<SearchHit> CatalogIndex::search(const QString &query, int limit) const
{
    const QString q = normalize(query);
    QList<SearchHit> hits;
    if (q.isEmpty() || limit <= 0)
        return hits;
    bool asciiOnly = true;
    for (const QChar c : q)
        asciiOnly = asciiOnly && c.unicode() < 128;

    for (const Entry &e : m_entries) {
        std::optional<MatchKind> best;
        const auto consider = [&](MatchKind kind) {
            if (!best || int(kind) < int(*best))
                best = kind;
        };
        if (e.code == q)
            consider(MatchKind::ExactCode);
        else if (e.code.startsWith(q))
            consider(MatchKind::CodePrefix);
        if (e.name.startsWith(q))
            consider(MatchKind::NamePrefix);
        else if (e.name.contains(q))
            consider(MatchKind::NameContains);
        if (!best || int(*best) > int(MatchKind::Keyword)) {
            for (const QString &keyword : e.keywords) {
                if (keyword.contains(q)) {
                    consider(MatchKind::Keyword);
                    break;
                }
            }
        }
        if (asciiOnly && (!best || int(*best) > int(MatchKind::PinyinPrefix))) {
            for (const QString &initials : e.initials) {
                if (initials.startsWith(q))
                    consider(MatchKind::PinyinPrefix);
                else if (initials.contains(q))
                    consider(MatchKind::PinyinContains);
            }
        }
        if (best)
            hits << SearchHit { e.item, *best };
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit &a, const SearchHit &b) {
        if (a.match != b.match)
            return int(a.match) < int(b.match);
        if (a.item->name.size() != b.item->name.size())
            return a.item->name.size() < b.item->name.size();
        return a.item->itemCode < b.item->itemCode;
    });
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

} // namespace Tongban::Catalog
