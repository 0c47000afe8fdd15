#include "CatalogSearch.h"

#include "Pinyin.h"

#include <algorithm>
#include <limits>
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

void CatalogIndex::Segments::countCharacters()
{
    std::vector<qsizetype> dense(0x10000, 0);
    for (const QChar c : std::as_const(text))
        ++dense[c.unicode()];
    counts.clear();
    for (size_t c = 0; c < dense.size(); ++c) {
        if (dense[c] > 0)
            counts.insert(char16_t(c), dense[c]);
    }
}

QStringView CatalogIndex::Segments::segment(qsizetype index) const
{
    const qsizetype begin = starts.at(index);
    const qsizetype end = index + 1 < starts.size() ? starts.at(index + 1) - 1 : text.size() - 1;
    return QStringView(text).sliced(begin, end - begin);
}

template<typename Hit>
void CatalogIndex::Segments::find(QStringView q, Hit &&hit) const
{
    // The anchor is the query's character that occurs least in this field: the scan for it
    // is vectorised (QStringView::indexOf(QChar)) and stops at each place it occurs, where
    // the whole query is compared. A character the field lacks means no hit at all.
    qsizetype anchor = 0;
    qsizetype fewest = std::numeric_limits<qsizetype>::max();
    for (qsizetype i = 0; i < q.size(); ++i) {
        const qsizetype count = counts.value(q.at(i).unicode(), 0);
        if (count == 0)
            return;
        if (count < fewest) {
            fewest = count;
            anchor = i;
        }
    }
    const QStringView all(text);
    const QChar key = q.at(anchor);
    qsizetype segment = 0;
    qsizetype from = anchor;
    qsizetype found = 0;
    while ((found = all.indexOf(key, from)) >= 0) {
        const qsizetype pos = found - anchor;
        if (pos + q.size() > all.size())
            return;
        if (all.sliced(pos, q.size()) != q) {
            from = found + 1;
            continue;
        }
        // Places are met in text order: the segment is at or after the last one hit.
        const auto after = std::upper_bound(starts.cbegin() + segment, starts.cend(), pos);
        segment = after - starts.cbegin() - 1;
        const qsizetype begin = starts.at(segment);
        const qsizetype end = after == starts.cend() ? text.size() - 1 : *after - 1;
        if (pos < begin || pos + q.size() > end) { // across a separator: a query holding U+0000
            from = found + 1;
            continue;
        }
        // Places grow left to right: this is the segment's first hit, the best one.
        hit(owners.at(segment), pos == begin, end - begin);
        from = end + 1 + anchor;
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
    for (Segments *field : { &m_names, &m_codes, &m_keywords, &m_initials })
        field->countCharacters();
    // Codes match only from their start: sorted, a query's matches are one range.
    m_codesSorted.resize(m_codes.starts.size());
    std::iota(m_codesSorted.begin(), m_codesSorted.end(), qint32(0));
    std::sort(m_codesSorted.begin(), m_codesSorted.end(),
        [this](qint32 a, qint32 b) { return m_codes.segment(a) < m_codes.segment(b); });
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
        auto code = std::lower_bound(m_codesSorted.cbegin(), m_codesSorted.cend(), q,
            [this](
                qint32 segment, QStringView wanted) { return m_codes.segment(segment) < wanted; });
        for (; code != m_codesSorted.cend(); ++code) {
            const QStringView text = m_codes.segment(*code);
            if (!text.startsWith(q))
                break;
            consider(m_codes.owners.at(*code),
                text.size() == q.size() ? MatchKind::ExactCode : MatchKind::CodePrefix);
        }
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
