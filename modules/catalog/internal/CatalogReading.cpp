#include "CatalogReading.h"

#include "../Tr.h"
#include "JsonReader.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QVarLengthArray>

#include <utility>

namespace Tongban::Catalog::Internal {

namespace {

const IdentifierPattern kIdPattern(Internal::kIdForm);
constexpr int kCorrectionDays = 10;
const IdentifierPattern kFactPattern(Internal::kFactForm);
const IdentifierPattern kRegionCodePattern(Internal::kRegionCodeForm);
const IdentifierPattern kItemCodePattern(Internal::kItemCodeForm);
const IdentifierPattern kVersionPattern(Internal::kVersionForm);
const IdentifierPattern kWindowIdPattern(Internal::kWindowIdForm);
const QStringList kItemTypes = { QStringLiteral("行政许可"), QStringLiteral("行政确认"),
    QStringLiteral("行政给付"), QStringLiteral("行政裁决"), QStringLiteral("行政奖励"),
    QStringLiteral("其他行政权力"), QStringLiteral("公共服务") };
const QStringList kTargets
    = { QStringLiteral("自然人"), QStringLiteral("法人"), QStringLiteral("其他组织") };
const QStringList kResultTypes = { QStringLiteral("证照"), QStringLiteral("批文"),
    QStringLiteral("证明"), QStringLiteral("其他") };
const QStringList kMethods = { QStringLiteral("核验原件"), QStringLiteral("比对"),
    QStringLiteral("查验"), QStringLiteral("核对"), QStringLiteral("审核") };
// 001 §8: no catch-all wording in what a guide demands.
const QStringList kCatchAll = { QStringLiteral("其他"), QStringLiteral("其它"),
    QStringLiteral("有关材料"), QStringLiteral("相关材料"), QStringLiteral("等材料") };

/*!
 * The ids seen so far in one short list (a material's review points, an item's materials,
 * a review point's deficiency codes), with where each was: a handful each, so a list
 * searched in turn, on the stack, instead of a hash table made and freed for every list
 * (that was a twentieth of a large catalogue's reading). insert() replaces the place of an
 * id already there, as QHash::insert does.
 */
class SeenIds
{
public:
    bool contains(const QString &id) const { return find(id) >= 0; }
    QString value(const QString &id) const
    {
        const qsizetype at = find(id);
        return at >= 0 ? m_entries[at].second : QString();
    }
    void insert(const QString &id, const QString &where = {})
    {
        const qsizetype at = find(id);
        if (at >= 0)
            m_entries[at].second = where;
        else
            m_entries.append({ id, where });
    }

private:
    qsizetype find(const QString &id) const
    {
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            if (m_entries[i].first == id)
                return i;
        }
        return -1;
    }

    QVarLengthArray<std::pair<QString, QString>, 8> m_entries;
};

template<typename J>
class Builder
{
public:
    using Object = typename J::Object;
    using Array = typename J::Array;

    Builder(QList<Diagnostic> &out, Keep keep)
        : r(out)
        , full(keep == Keep::Everything)
    { }

    JsonReader<J> r;
    const bool full; ///< keep everything, else only what an import stores (Keep)
    Catalog catalog;
    QHash<QString, QString> homeWindowIds; // id -> first pointer

    /// Text nothing else is checked against: read when the whole catalogue is kept, else
    /// only checked (the same checks, the same diagnostics).
    QString text(const Object &o, const QString &p, const char *key, Need need, int maxLength)
    {
        if (full)
            return r.string(o, p, key, need, maxLength);
        r.checkText(o, p, key, need, maxLength);
        return {};
    }

    /// A list of such texts, likewise.
    QStringList texts(const Object &o, const QString &p, const char *key, Need need, int minimum,
        int maximum, int maxLength)
    {
        if (full)
            return r.strings(o, p, key, need, minimum, maximum, maxLength);
        r.checkStrings(o, p, key, need, minimum, maximum, maxLength);
        return {};
    }

    Jurisdiction jurisdiction(const Object &o, const QString &p, const char *key)
    {
        const Object j = r.object(o, p, key, Need::Required);
        const QString at = DiagnosticSink::child(p, QLatin1String(key));
        if (j.isEmpty())
            return {};
        r.unknownKeys(j, at, { "code", "name" });
        return { r.identifier(j, at, "code", Need::Required, kRegionCodePattern),
            text(j, at, "name", Need::Required, 100) };
    }

    void readFacts(const Object &root)
    {
        const Array facts = r.array(root, QString(), "facts", Need::Required, 0, 200);
        QHash<QString, QString> seen;
        for (qsizetype i = 0; i < facts.size(); ++i) {
            const QString p = DiagnosticSink::child(QStringLiteral("/facts"), i);
            const Object o = r.objectAt(facts, QStringLiteral("/facts"), i);
            if (o.isEmpty())
                continue;
            r.unknownKeys(o, p, { "id", "question", "type", "options" });
            Fact fact;
            fact.id = r.identifier(o, p, "id", Need::Required, kFactPattern);
            fact.question = r.string(o, p, "question", Need::Required, 200);
            const QString type = r.oneOf(
                o, p, "type", Need::Required, { QStringLiteral("bool"), QStringLiteral("enum") });
            fact.type = type == QLatin1String("bool") ? Fact::Type::Bool
                : type == QLatin1String("enum")       ? Fact::Type::Enum
                                                      : Fact::Type::Unknown;
            if (fact.type == Fact::Type::Enum) {
                const Array options = r.array(o, p, "options", Need::Required, 2, 20);
                const QString op = DiagnosticSink::child(p, QStringLiteral("options"));
                QSet<QString> values;
                for (qsizetype k = 0; k < options.size(); ++k) {
                    const Object option = r.objectAt(options, op, k);
                    const QString opp = DiagnosticSink::child(op, k);
                    r.unknownKeys(option, opp, { "value", "label" });
                    Fact::Option parsed { r.identifier(
                                              option, opp, "value", Need::Required, kFactPattern),
                        r.string(option, opp, "label", Need::Required, 100) };
                    if (!parsed.value.isEmpty() && values.contains(parsed.value))
                        r.error(DiagnosticSink::child(opp, QStringLiteral("value")),
                            Tr::tr("duplicate option \"%1\"").arg(parsed.value));
                    values.insert(parsed.value);
                    fact.options << parsed;
                }
            } else if (fact.type == Fact::Type::Bool && o.contains(QLatin1String("options"))) {
                r.error(DiagnosticSink::child(p, QStringLiteral("options")),
                    Tr::tr("a yes/no fact has no options"));
            }
            if (!fact.id.isEmpty()) {
                if (seen.contains(fact.id)) {
                    r.error(DiagnosticSink::child(p, QStringLiteral("id")),
                        Tr::tr("duplicate id \"%1\" (first at %2)")
                            .arg(fact.id, seen.value(fact.id)));
                    continue;
                }
                seen.insert(fact.id, p);
                catalog.facts << fact;
            }
        }
    }

    void readSamples(const Object &root)
    {
        const Array samples = r.array(root, QString(), "samples", Need::Required, 0, 2000);
        QHash<QString, QString> seen;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const QString p = DiagnosticSink::child(QStringLiteral("/samples"), i);
            const Object o = r.objectAt(samples, QStringLiteral("/samples"), i);
            if (o.isEmpty())
                continue;
            r.unknownKeys(o, p, { "id", "title", "image", "width", "height" });
            Sample sample;
            sample.id = r.identifier(o, p, "id", Need::Required, kIdPattern);
            sample.title = r.string(o, p, "title", Need::Required, 200);
            sample.image = r.string(o, p, "image", Need::Required, 300);
            if (sample.image.contains(QLatin1String(".."))
                || sample.image.startsWith(QLatin1Char('/')))
                r.error(DiagnosticSink::child(p, QStringLiteral("image")),
                    Tr::tr("must be a path inside the catalogue folder"));
            sample.width = r.integer(o, p, "width", Need::Required, 1, 10000).value_or(0);
            sample.height = r.integer(o, p, "height", Need::Required, 1, 10000).value_or(0);
            if (!sample.id.isEmpty()) {
                if (seen.contains(sample.id)) {
                    r.error(DiagnosticSink::child(p, QStringLiteral("id")),
                        Tr::tr("duplicate id \"%1\" (first at %2)")
                            .arg(sample.id, seen.value(sample.id)));
                    continue;
                }
                seen.insert(sample.id, p);
                catalog.samples << sample;
            }
        }
    }

    ReviewPoint readReviewPoint(const Object &o, const QString &p)
    {
        r.unknownKeys(o, p, { "id", "text", "method", "standard", "deficiencies" });
        ReviewPoint point;
        point.id = r.identifier(o, p, "id", Need::Required, kIdPattern);
        point.text = text(o, p, "text", Need::Required, 500);
        point.method = r.oneOf(o, p, "method", Need::Required, kMethods);
        point.standard = text(o, p, "standard", Need::Required, 2000);
        const Array deficiencies = r.array(o, p, "deficiencies", Need::Required, 1, 30);
        const QString dp = DiagnosticSink::child(p, QStringLiteral("deficiencies"));
        SeenIds codes;
        for (qsizetype i = 0; i < deficiencies.size(); ++i) {
            const Object d = r.objectAt(deficiencies, dp, i);
            const QString at = DiagnosticSink::child(dp, i);
            if (d.isEmpty())
                continue;
            r.unknownKeys(d, at, { "code", "reason", "correction" });
            Deficiency deficiency { r.identifier(d, at, "code", Need::Required, kIdPattern),
                text(d, at, "reason", Need::Required, 500),
                text(d, at, "correction", Need::Required, 500) };
            if (!deficiency.code.isEmpty() && codes.contains(deficiency.code))
                r.error(DiagnosticSink::child(at, QStringLiteral("code")),
                    Tr::tr("duplicate code \"%1\"").arg(deficiency.code));
            codes.insert(deficiency.code);
            if (full)
                point.deficiencies << deficiency;
        }
        return point;
    }

    MaterialRequirement readMaterial(const Object &o, const QString &p)
    {
        r.unknownKeys(o, p,
            { "id", "name", "basis", "originals", "copies", "medium", "source", "paperArchive",
                "tolerable", "toleranceCommitment", "toleranceDays", "condition", "sample",
                "reviewPoints" });
        MaterialRequirement m;
        if (full)
            m.publishedJson = J::published(o);
        m.id = r.identifier(o, p, "id", Need::Required, kIdPattern);
        m.name = r.string(o, p, "name", Need::Required, 100);
        for (const QString &vague : kCatchAll) {
            if (m.name.contains(vague)) {
                r.error(DiagnosticSink::child(p, QStringLiteral("name")),
                    Tr::tr("contains the catch-all wording \"%1\": a guide must name each "
                           "material exactly")
                        .arg(vague));
                break;
            }
        }
        m.basis = text(o, p, "basis", Need::Required, 500);
        m.originals = r.integer(o, p, "originals", Need::Required, 0, 20).value_or(0);
        m.copies = r.integer(o, p, "copies", Need::Required, 0, 20).value_or(0);
        if (o.value(QLatin1String("originals")).toInt() == 0
            && o.value(QLatin1String("copies")).toInt() == 0
            && o.contains(QLatin1String("originals")) && o.contains(QLatin1String("copies"))) {
            r.error(DiagnosticSink::child(p, QStringLiteral("copies")),
                Tr::tr("originals and copies cannot both be 0"));
        }
        const QString medium = r.oneOf(o, p, "medium", Need::Required,
            { QStringLiteral("paper"), QStringLiteral("electronic"), QStringLiteral("both") });
        m.medium = medium == QLatin1String("paper") ? Medium::Paper
            : medium == QLatin1String("electronic") ? Medium::Electronic
            : medium == QLatin1String("both")       ? Medium::Both
                                                    : Medium::Unknown;
        m.source = text(o, p, "source", Need::Required, 200);
        m.paperArchive = r.boolean(o, p, "paperArchive", Need::Required).value_or(false);
        m.tolerable = r.boolean(o, p, "tolerable", Need::Required).value_or(false);
        m.toleranceCommitment = r.string(
            o, p, "toleranceCommitment", m.tolerable ? Need::Required : Need::Optional, 500);
        if (!m.tolerable && !m.toleranceCommitment.isEmpty())
            r.warning(DiagnosticSink::child(p, QStringLiteral("toleranceCommitment")),
                Tr::tr("ignored: the material is not tolerable"));
        // The deadline of the commitment: stated, else read from the standard text
        // ("5 个工作日内"), else 5 working days.
        if (const auto days = r.integer(o, p, "toleranceDays", Need::Optional, 1, 60)) {
            m.toleranceDays = *days;
        } else {
            static const QRegularExpression inText(QStringLiteral("(\\d+)\\s*个工作日"));
            const auto match = inText.match(m.toleranceCommitment);
            const int stated = match.hasMatch() ? match.captured(1).toInt() : 0;
            m.toleranceDays = stated >= 1 && stated <= 60 ? stated : 5;
        }
        const QString condition = r.string(o, p, "condition", Need::Optional, 1000);
        if (!condition.isEmpty()) {
            auto parsed = Condition::parse(condition, catalog.facts);
            if (parsed)
                m.condition = *parsed;
            else
                r.error(
                    DiagnosticSink::child(p, QStringLiteral("condition")), parsed.error().detail);
        }

        const Array points
            = r.array(o, p, "reviewPoints", Need::Required, 1, CatalogParser::MaxReviewPoints);
        const QString pp = DiagnosticSink::child(p, QStringLiteral("reviewPoints"));
        SeenIds pointIds;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const Object po = r.objectAt(points, pp, i);
            if (po.isEmpty())
                continue;
            const QString at = DiagnosticSink::child(pp, i);
            ReviewPoint point = readReviewPoint(po, at);
            if (!point.id.isEmpty() && pointIds.contains(point.id)) {
                r.error(DiagnosticSink::child(at, QStringLiteral("id")),
                    Tr::tr("duplicate id \"%1\" (first at %2)")
                        .arg(point.id, pointIds.value(point.id)));
            }
            pointIds.insert(point.id, at);
            if (full)
                m.reviewPoints << point;
        }

        const Object sample = r.object(o, p, "sample", Need::Required);
        const QString sp = DiagnosticSink::child(p, QStringLiteral("sample"));
        if (!sample.isEmpty()) {
            r.unknownKeys(sample, sp, { "ref", "regions" });
            m.sampleRef = r.identifier(sample, sp, "ref", Need::Required, kIdPattern);
            if (!m.sampleRef.isEmpty() && !catalog.sample(m.sampleRef))
                r.error(DiagnosticSink::child(sp, QStringLiteral("ref")),
                    Tr::tr("names no sample: \"%1\" is not in /samples").arg(m.sampleRef));
            const Array regions = r.array(sample, sp, "regions", Need::Required, 0, 100);
            const QString rp = DiagnosticSink::child(sp, QStringLiteral("regions"));
            for (qsizetype i = 0; i < regions.size(); ++i) {
                const Object ro = r.objectAt(regions, rp, i);
                const QString at = DiagnosticSink::child(rp, i);
                if (ro.isEmpty())
                    continue;
                r.unknownKeys(ro, at, { "reviewPoint", "x", "y", "w", "h" });
                SampleRegion region;
                region.reviewPoint
                    = r.identifier(ro, at, "reviewPoint", Need::Required, kIdPattern);
                if (!region.reviewPoint.isEmpty() && !pointIds.contains(region.reviewPoint))
                    r.error(DiagnosticSink::child(at, QStringLiteral("reviewPoint")),
                        Tr::tr("names no review point of this material: \"%1\"")
                            .arg(region.reviewPoint));
                const auto x = r.fraction(ro, at, "x");
                const auto y = r.fraction(ro, at, "y");
                const auto w = r.fraction(ro, at, "w");
                const auto h = r.fraction(ro, at, "h");
                if (!x || !y || !w || !h)
                    continue;
                if (*w <= 0 || *h <= 0) {
                    r.error(at, Tr::tr("a region needs a positive width and height"));
                    continue;
                }
                const QRectF raw(*x, *y, *w, *h);
                const QRectF clipped = raw.intersected(QRectF(0, 0, 1, 1));
                if (clipped.isEmpty()) {
                    r.error(at, Tr::tr("the region lies outside the sample"));
                    continue;
                }
                if (clipped != raw)
                    r.warning(at, Tr::tr("the region reaches outside the sample and was trimmed"));
                region.rect = clipped;
                if (full)
                    m.regions << region;
            }
            if (regions.isEmpty() && !m.sampleRef.isEmpty())
                r.warning(rp, Tr::tr("no review point is drawn on the sample"));
        }
        return m;
    }

    ServiceItem readItem(const Object &o, const QString &p)
    {
        r.unknownKeys(o, p,
            { "itemCode", "name", "keywords", "type", "basis", "implementingBody",
                "acceptanceConditions", "target", "legalTimeLimitDays", "promisedTimeLimitDays",
                "result", "fees", "process", "scope", "location", "hours", "contact", "complaint",
                "homeJurisdiction", "homeWindows", "seal", "materials", "correctionDays" });
        ServiceItem item;
        if (full)
            item.publishedJson = J::published(o);
        item.itemCode = r.identifier(o, p, "itemCode", Need::Required, kItemCodePattern);
        item.name = r.string(o, p, "name", Need::Required, 100);
        item.keywords = texts(o, p, "keywords", Need::Optional, 0, 20, 20);
        item.type = r.oneOf(o, p, "type", Need::Required, kItemTypes);
        item.basis = texts(o, p, "basis", Need::Required, 1, 50, 500);
        item.implementingBody = text(o, p, "implementingBody", Need::Required, 200);
        item.acceptanceConditions
            = texts(o, p, "acceptanceConditions", Need::Required, 1, 50, 1000);
        item.target = r.strings(o, p, "target", Need::Required, 1, 3, 10);
        for (qsizetype i = 0; i < item.target.size(); ++i) {
            if (!kTargets.contains(item.target.at(i)))
                r.error(
                    DiagnosticSink::child(DiagnosticSink::child(p, QStringLiteral("target")), i),
                    Tr::tr("\"%1\" is not one of: %2")
                        .arg(item.target.at(i), kTargets.join(QStringLiteral(", "))));
        }
        const auto legal = r.integer(o, p, "legalTimeLimitDays", Need::Required, 0, 365);
        const auto promised = r.integer(o, p, "promisedTimeLimitDays", Need::Required, 0, 365);
        item.legalTimeLimitDays = legal.value_or(0);
        item.promisedTimeLimitDays = promised.value_or(0);
        item.correctionDays
            = r.integer(o, p, "correctionDays", Need::Optional, 1, 60).value_or(kCorrectionDays);
        if (legal && promised && *promised > *legal)
            r.error(DiagnosticSink::child(p, QStringLiteral("promisedTimeLimitDays")),
                Tr::tr("the promised time limit (%1 working days) exceeds the legal one (%2)")
                    .arg(*promised)
                    .arg(*legal));

        const Object result = r.object(o, p, "result", Need::Required);
        const QString resp = DiagnosticSink::child(p, QStringLiteral("result"));
        if (!result.isEmpty()) {
            r.unknownKeys(result, resp, { "name", "type" });
            item.resultName = text(result, resp, "name", Need::Required, 200);
            item.resultType = r.oneOf(result, resp, "type", Need::Required, kResultTypes);
        }
        const Object fees = r.object(o, p, "fees", Need::Required);
        const QString fp = DiagnosticSink::child(p, QStringLiteral("fees"));
        if (!fees.isEmpty()) {
            r.unknownKeys(fees, fp, { "charged", "standard", "basis" });
            item.feeCharged = r.boolean(fees, fp, "charged", Need::Required).value_or(false);
            const Need feeNeed = item.feeCharged ? Need::Required : Need::Optional;
            item.feeStandard = text(fees, fp, "standard", feeNeed, 500);
            item.feeBasis = text(fees, fp, "basis", feeNeed, 500);
        }
        item.process = texts(o, p, "process", Need::Required, 2, 30, 500);
        const QString scope = r.oneOf(o, p, "scope", Need::Required,
            { QStringLiteral("citywide"), QStringLiteral("provincewide"),
                QStringLiteral("crossProvince") });
        item.scope = scope == QLatin1String("citywide") ? Scope::Citywide
            : scope == QLatin1String("provincewide")    ? Scope::Provincewide
            : scope == QLatin1String("crossProvince")   ? Scope::CrossProvince
                                                        : Scope::Unknown;
        item.location = text(o, p, "location", Need::Required, 500);
        item.hours = text(o, p, "hours", Need::Required, 500);
        item.contact = text(o, p, "contact", Need::Required, 200);
        item.complaint = text(o, p, "complaint", Need::Required, 500);
        item.homeJurisdiction = jurisdiction(o, p, "homeJurisdiction");

        const Array windows = r.array(o, p, "homeWindows", Need::Required, 1, 50);
        const QString wp = DiagnosticSink::child(p, QStringLiteral("homeWindows"));
        for (qsizetype i = 0; i < windows.size(); ++i) {
            const Object w = r.objectAt(windows, wp, i);
            const QString at = DiagnosticSink::child(wp, i);
            if (w.isEmpty())
                continue;
            r.unknownKeys(w, at, { "id", "name" });
            HomeWindow window { r.identifier(w, at, "id", Need::Required, kWindowIdPattern),
                text(w, at, "name", Need::Required, 100) };
            if (!window.id.isEmpty()) {
                if (homeWindowIds.contains(window.id))
                    r.error(DiagnosticSink::child(at, QStringLiteral("id")),
                        Tr::tr("duplicate id \"%1\" (first at %2)")
                            .arg(window.id, homeWindowIds.value(window.id)));
                else
                    homeWindowIds.insert(window.id, at);
            }
            if (full)
                item.homeWindows << window;
        }
        const Object seal = r.object(o, p, "seal", Need::Optional);
        if (!seal.isEmpty()) {
            const QString sp = DiagnosticSink::child(p, QStringLiteral("seal"));
            r.unknownKeys(seal, sp, { "department", "image" });
            item.seal = Seal { text(seal, sp, "department", Need::Required, 200),
                text(seal, sp, "image", Need::Required, 300) };
        }

        const Array materials
            = r.array(o, p, "materials", Need::Required, 1, CatalogParser::MaxMaterials);
        const QString mp = DiagnosticSink::child(p, QStringLiteral("materials"));
        SeenIds materialIds;
        for (qsizetype i = 0; i < materials.size(); ++i) {
            const Object m = r.objectAt(materials, mp, i);
            if (m.isEmpty())
                continue;
            const QString at = DiagnosticSink::child(mp, i);
            MaterialRequirement material = readMaterial(m, at);
            if (!material.id.isEmpty() && materialIds.contains(material.id)) {
                r.error(DiagnosticSink::child(at, QStringLiteral("id")),
                    Tr::tr("duplicate id \"%1\" (first at %2)")
                        .arg(material.id, materialIds.value(material.id)));
            }
            materialIds.insert(material.id, at);
            if (full)
                item.materials << material;
        }
        return item;
    }
};

/// Reads the document's root object into \a b's catalogue: the same reading over Qt's tree
/// or over the tape.
template<typename J>
void readRoot(Builder<J> &b, const typename J::Object &root)
{
    JsonReader<J> &r = b.r;
    r.unknownKeys(root, QString(),
        { "format", "formatVersion", "catalogVersion", "publishedAt", "publisher", "region",
            "facts", "samples", "items" });
    if (root.value(QLatin1String("format")).toString() != QLatin1String("tongban-catalog")) {
        r.error(QStringLiteral("/format"),
            Tr::tr("must be \"tongban-catalog\": this is not a catalogue"));
        return;
    }
    const auto version = r.integer(root, QString(), "formatVersion", Need::Required, 1, 1000);
    if (version && *version > CatalogParser::FormatVersion) {
        r.error(QStringLiteral("/formatVersion"),
            Tr::tr("format version %1 is newer than this workstation understands (%2): "
                   "update the workstation")
                .arg(*version)
                .arg(CatalogParser::FormatVersion));
        return;
    }
    Catalog &c = b.catalog;
    c.catalogVersion
        = r.identifier(root, QString(), "catalogVersion", Need::Required, kVersionPattern);
    const QString published = r.string(root, QString(), "publishedAt", Need::Required, 40);
    c.publishedAt = QDateTime::fromString(published, Qt::ISODate);
    if (!published.isEmpty() && !c.publishedAt.isValid())
        r.error(QStringLiteral("/publishedAt"), Tr::tr("not an ISO 8601 date and time"));
    c.publisher = r.string(root, QString(), "publisher", Need::Required, 200);
    c.region = b.jurisdiction(root, QString(), "region");
    b.readFacts(root);
    b.readSamples(root);

    const auto items
        = r.array(root, QString(), "items", Need::Required, 1, CatalogParser::MaxItems);
    c.items.reserve(items.size());
    QHash<QString, QString> codes;
    codes.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const auto o = r.objectAt(items, QStringLiteral("/items"), i);
        if (o.isEmpty())
            continue;
        const QString at = DiagnosticSink::child(QStringLiteral("/items"), i);
        ServiceItem item = b.readItem(o, at);
        if (!item.itemCode.isEmpty()) {
            if (codes.contains(item.itemCode)) {
                r.error(DiagnosticSink::child(at, QStringLiteral("itemCode")),
                    Tr::tr("duplicate item code \"%1\" (first at %2)")
                        .arg(item.itemCode, codes.value(item.itemCode)));
            }
            codes.insert(item.itemCode, at);
        }
        c.items << std::move(item);
    }
}

} // namespace

template<typename J>
bool readCatalog(
    const typename J::Object &root, Keep keep, Catalog &catalog, QList<Diagnostic> &diagnostics)
{
    Builder<J> b(diagnostics, keep);
    readRoot(b, root);
    if (b.r.hasErrors())
        return false;
    catalog = std::move(b.catalog);
    return true;
}

template bool readCatalog<QtJson>(const QJsonObject &, Keep, Catalog &, QList<Diagnostic> &);
template bool readCatalog<TapeJson>(const TapeObject &, Keep, Catalog &, QList<Diagnostic> &);

} // namespace Tongban::Catalog::Internal
