#pragma once

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

namespace Tongban::TestSupport {

/// The page entry a POST /cases body declares for \a file (docs/platform-api.md §5).
inline QJsonObject samplePage(const QString &clientPageId, const QByteArray &file)
{
    return QJsonObject { { QStringLiteral("clientPageId"), clientPageId },
        { QStringLiteral("sha256"),
            QString::fromLatin1(
                QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex()) },
        { QStringLiteral("sizeBytes"), file.size() },
        { QStringLiteral("mediaType"), QStringLiteral("image/jpeg") } };
}

/// The contract's example case (§5): 个体工商户设立登记 for 张三, one material whose pages are \a
/// pages.
inline QJsonObject sampleCaseBody(const QString &clientCaseId, const QJsonArray &pages)
{
    return QJsonObject { { QStringLiteral("clientCaseId"), clientCaseId },
        { QStringLiteral("provisionalNumber"), QStringLiteral("410402-TB03-20261124-0007") },
        { QStringLiteral("itemCode"), QStringLiteral("41040201012001000") },
        { QStringLiteral("catalogVersion"), QStringLiteral("2026.11.1") },
        { QStringLiteral("applicant"),
            QJsonObject { { QStringLiteral("kind"), QStringLiteral("naturalPerson") },
                { QStringLiteral("name"), QStringLiteral("张三") },
                { QStringLiteral("idNumber"), QStringLiteral("11010519491231002X") } } },
        { QStringLiteral("facts"), QJsonObject { { QStringLiteral("agentApplies"), false } } },
        { QStringLiteral("receivedAt"), QStringLiteral("2026-11-24T09:41:12+08:00") },
        { QStringLiteral("materials"),
            QJsonArray {
                QJsonObject { { QStringLiteral("materialId"), QStringLiteral("application") },
                    { QStringLiteral("status"), QStringLiteral("received") },
                    { QStringLiteral("pages"), pages } } } } };
}

} // namespace Tongban::TestSupport
