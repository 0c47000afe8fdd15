#pragma once

#include <core/Result.h>

#include <QList>
#include <QString>

#include <optional>

namespace Tongban::Storage {
class Database;
}

namespace Tongban::Hub {

/// A guide error report, 纠错 (contract §9), as stored.
struct GuideReportRecord
{
    QString id;
    QString clientReportId;
    QString account;
    QString windowId;
    QString kind;
    QString itemCode;
    QString materialId; ///< empty: none
    QString caseId; ///< empty: none
    QString text;
    QString jurisdictionCode; ///< the department the report belongs to
    qint64 createdAtMs = 0;
    // Issue 17 (module hub_delivery): the owning department's answer and deadline.
    QString status;
    std::optional<QString> answer;
    std::optional<qint64> answeredAtMs;
    std::optional<qint64> dueAtMs;
};

/*!
 * The SQL of guide reports: hub_guide_reports, and whether a case exists for a reader.
 *
 * Threading: the thread that owns the Database.
 */
class GuideReportStore
{
public:
    explicit GuideReportStore(Storage::Database &database);

    /// Whether \a caseId exists and is of every case (\a wide), of \a windowId, or of
    /// \a homeJurisdiction (\a home).
    bool caseVisible(const QString &caseId, bool wide, const QString &windowId, bool home,
        const QString &homeJurisdiction) const;
    struct ClientReportMatch
    {
        QString id;
        QString bodySha256;
    };
    Core::Result<std::optional<ClientReportMatch>> findByClientReportId(
        const QString &account, const QString &clientReportId) const;
    Core::Status insert(const GuideReportRecord &report, const QString &bodySha256);
    /// Newest first, at most \a limit: every report (\a wide) or \a jurisdictionCode's, of
    /// \a kind (empty: any).
    Core::Result<QList<GuideReportRecord>> list(
        bool wide, const QString &jurisdictionCode, const QString &kind, int limit) const;

private:
    Storage::Database &m_database;
};

} // namespace Tongban::Hub
