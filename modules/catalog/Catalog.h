#pragma once

#include "Condition.h"

#include <core/Error.h>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tongban::Catalog {

enum ErrorCode {
    InvalidCatalog = Core::ErrorRange::Catalog + 1,
    ConditionInvalid,
    UnsupportedFormat,
    ImportFailed,
    VersionNotFound,
    NoActiveCatalog,
};

/// A question answered when a case starts (情形), read by material conditions.
struct Fact
{
    enum class Type { Unknown, Bool, Enum };
    struct Option
    {
        QString value;
        QString label;
    };
    QString id;
    QString question;
    Type type = Type::Unknown;
    QList<Option> options;
};

/// A sample document image (示范文本), shared by the materials that show it.
struct Sample
{
    QString id;
    QString title;
    QString image; ///< path relative to the catalogue file
    int width = 0;
    int height = 0;
};

/// A standard reason a clerk can pick when a review point fails, with its correction.
struct Deficiency
{
    QString code;
    QString reason;
    QString correction;
};

/// One check on a material (审查要点).
struct ReviewPoint
{
    QString id;
    QString text;
    QString method; ///< 核验原件, 比对, 查验, 核对 or 审核
    QString standard; ///< discretion standard (裁量标准)
    QList<Deficiency> deficiencies;
};

/// Where on the sample a review point is drawn, in fractions (0-1) of the sample.
struct SampleRegion
{
    QString reviewPoint;
    QRectF rect;
};

enum class Medium { Unknown, Paper, Electronic, Both };

/*!
 * A guide element as published (an item or a material): its JSON object, kept as its
 * bytes in the catalogue document (shared, not copied) and read into a QJsonObject only
 * when someone asks (the differences between versions). Copies are cheap.
 */
class PublishedJson
{
public:
    PublishedJson() = default;
    explicit PublishedJson(const QJsonObject &object);
    /// The object written at bytes [offset, offset + size) of \a document.
    PublishedJson(const QByteArray &document, qsizetype offset, qsizetype size);

    QJsonObject object() const;
    /// QCborValue::fromJsonValue(object()).toCbor(), made from the bytes without the tree:
    /// the input of the item hash, equal for equal guides whatever their layout.
    QByteArray toCbor() const;

    /// The same object (the same keys and values, whatever the layout).
    bool operator==(const PublishedJson &other) const;
    bool operator!=(const PublishedJson &other) const { return !(*this == other); }

private:
    QByteArray m_document; ///< the whole document (shared) when made from bytes
    qsizetype m_offset = 0;
    qsizetype m_size = 0;
    QJsonObject m_object; ///< when made from an object
};

/// One material the guide asks for (申请材料).
struct MaterialRequirement
{
    QString id;
    QString name;
    QString basis;
    int originals = 0;
    int copies = 0;
    Medium medium = Medium::Unknown;
    QString source;
    bool paperArchive = false; ///< home department keeps the paper: mail it (000 §17)
    bool tolerable = false; ///< 容缺受理
    QString toleranceCommitment; ///< the standard commitment text the applicant signs
    int toleranceDays = 5; ///< working days to bring a tolerated material
    Condition condition;
    QString sampleRef;
    QList<SampleRegion> regions;
    QList<ReviewPoint> reviewPoints;
    PublishedJson publishedJson; ///< as published, for differences

    bool appliesTo(const CaseFacts &facts) const { return condition.evaluate(facts); }
};

struct Jurisdiction
{
    QString code;
    QString name;
};

struct HomeWindow
{
    QString id;
    QString name;
};

struct Seal
{
    QString department;
    QString image;
};

enum class Scope { Unknown, Citywide, Provincewide, CrossProvince };

/// One service item with its unified guide (办事指南).
struct ServiceItem
{
    QString itemCode;
    QString name;
    QStringList keywords;
    QString type;
    QStringList basis;
    QString implementingBody;
    QStringList acceptanceConditions;
    QStringList target;
    int legalTimeLimitDays = 0;
    int promisedTimeLimitDays = 0;
    /// Working days the one-time notice gives the applicant to correct (default 10).
    int correctionDays = 10;
    QString resultName;
    QString resultType;
    bool feeCharged = false;
    QString feeStandard;
    QString feeBasis;
    QStringList process;
    Scope scope = Scope::Unknown;
    QString location;
    QString hours;
    QString contact;
    QString complaint;
    Jurisdiction homeJurisdiction;
    QList<HomeWindow> homeWindows;
    std::optional<Seal> seal;
    QList<MaterialRequirement> materials;
    PublishedJson publishedJson; ///< as published, for differences and the item hash

    /// The materials that apply to a case with \a facts, in guide order.
    QList<const MaterialRequirement *> applicableMaterials(const CaseFacts &facts) const;
    /// The facts any material condition of this item reads, in first-use order.
    QStringList factIds() const;
};

/// A validated catalogue (通办事项清单). Built only by CatalogParser.
struct Catalog
{
    QString catalogVersion;
    QDateTime publishedAt;
    QString publisher;
    Jurisdiction region;
    QList<Fact> facts;
    QList<Sample> samples;
    QList<ServiceItem> items;

    const ServiceItem *item(const QString &itemCode) const;
    const Sample *sample(const QString &id) const;
    const Fact *fact(const QString &id) const;
};

QString mediumName(Medium medium);
QString scopeName(Scope scope);

} // namespace Tongban::Catalog
