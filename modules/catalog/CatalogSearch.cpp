#include "CatalogSearch.h"

#include "Pinyin.h"

#include <algorithm>
#include <numeric>
#include <vector>

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

void CatalogIndex::Segments::add(const QString &segment, qint32 owner)
{
    starts << text.size();
    owners << owner;
    text += segment;
    text += QChar(0);
}

template<typename Hit>
void CatalogIndex::Segments::find(QStringView q, Hit &&hit) const
{
    const QStringView all(text);
    qsizetype pos = 0;
    while ((pos = all.indexOf(q, pos)) >= 0) {
        const auto after = std::upper_bound(starts.cbegin(), starts.cend(), pos);
        const qsizetype segment = after - starts.cbegin() - 1;
        const qsizetype begin = starts.at(segment);
        const qsizetype end = after == starts.cend() ? text.size() - 1 : *after - 1;
        if (pos + q.size() > end) { // across a separator: only a query holding U+0000
            ++pos;
            continue;
        }
        hit(owners.at(segment), pos == begin, end - begin);
        pos = end + 1; // the first hit in a segment is the best one
    }
}

CatalogIndex::CatalogIndex(const Catalog &catalog)
{
    m_entries.reserve(catalog.items.size());
    for (const ServiceItem &item : catalog.items) {
        const auto owner = qint32(m_entries.size());
        m_entries << Entry { &item, 0 };
        m_codes.add(normalize(item.itemCode), owner);
        m_names.add(normalize(item.name), owner);
        for (const QString &keyword : item.keywords)
            m_keywords.add(normalize(keyword), owner);
        for (const QString &initials : Pinyin::initials(item.name))
            m_initials.add(initials, owner);
    }
    // The tie-break between hits of the same kind, ranked once here rather than
    // compared string by string in every query.
    m_byOrder.resize(m_entries.size());
    std::iota(m_byOrder.begin(), m_byOrder.end(), qsizetype(0));
    std::stable_sort(m_byOrder.begin(), m_byOrder.end(), [this](qsizetype a, qsizetype b) {
        const ServiceItem *x = m_entries.at(a).item;
        const ServiceItem *y = m_entries.at(b).item;
        if (x->name.size() != y->name.size())
            return x->name.size() < y->name.size();
        return x->itemCode < y->itemCode;
    });
    for (qsizetype rank = 0; rank < m_byOrder.size(); ++rank)
        m_entries[m_byOrder.at(rank)].order = quint32(rank);
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

    // The best kind of each entry hit so far, and the entries hit.
    constexpr quint8 kNone = 0xff;
    std::vector<quint8> best(size_t(m_entries.size()), kNone);
    std::vector<qint32> touched;
    const auto consider = [&](qint32 owner, MatchKind kind) {
        quint8 &b = best[size_t(owner)];
        if (b == kNone)
            touched.push_back(owner);
        b = std::min(b, quint8(kind));
    };
    if (asciiOnly) { // codes are digits and capitals
        m_codes.find(q, [&](qint32 owner, bool atStart, qsizetype length) {
            if (atStart)
                consider(owner, length == q.size() ? MatchKind::ExactCode : MatchKind::CodePrefix);
        });
    }
    m_names.find(q, [&](qint32 owner, bool atStart, qsizetype) {
        consider(owner, atStart ? MatchKind::NamePrefix : MatchKind::NameContains);
    });
    m_keywords.find(q, [&](qint32 owner, bool, qsizetype) { consider(owner, MatchKind::Keyword); });
    if (asciiOnly) {
        m_initials.find(q, [&](qint32 owner, bool atStart, qsizetype) {
            consider(owner, atStart ? MatchKind::PinyinPrefix : MatchKind::PinyinContains);
        });
    }

    // A hit is the key (kind << 32 | order): smaller is better. The heap holds the
    // best `limit` keys, the worst on top.
    std::vector<quint64> heap;
    const size_t cap = size_t(limit);
    heap.reserve(std::min(cap, touched.size()) + 1);
    for (const qint32 owner : touched) {
        const quint64 key = (quint64(best[size_t(owner)]) << 32) | m_entries.at(owner).order;
        if (heap.size() == cap) {
            if (key >= heap.front())
                continue;
            std::pop_heap(heap.begin(), heap.end());
            heap.back() = key;
        } else {
            heap.push_back(key);
        }
        std::push_heap(heap.begin(), heap.end());
    }
    std::sort_heap(heap.begin(), heap.end());
    hits.reserve(qsizetype(heap.size()));
    for (const quint64 key : heap) {
        const Entry &e = m_entries.at(m_byOrder.at(qsizetype(quint32(key))));
        hits << SearchHit { e.item, MatchKind(int(key >> 32)) };
    }
    return hits;
}

} // namespace Tongban::Catalog
