#include "Commands.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlQuery>

#include <common/Workstation.h>

namespace Tongban::Cli {

namespace {
/*!
 * Checks look at what is there: without a workstation database in \a dataDir
 * there is nothing to check, and opening one would create it (an empty
 * database that then passes every check). Says so and returns false.
 */
bool databaseExists(const QString &dataDir, const CliOutput &out)
{
    const QString path = QDir(dataDir).absoluteFilePath(QStringLiteral("workstation.sqlite"));
    if (QFileInfo(path).isFile())
        return true;
    out.error(Tr::tr("There is no workstation database at %1, so there is nothing to check. "
                     "Give the data folder of the workstation with --data-dir (nothing was "
                     "created).")
                  .arg(QDir::toNativeSeparators(path)));
    return false;
}
} // namespace

int auditVerify(const QString &dataDir, const CliOutput &out)
{
    if (!databaseExists(dataDir, out))
        return Invalid;
    auto station = App::Workstation::open(dataDir);
    if (!station) {
        out.error(station.error().toString());
        return Invalid;
    }
    const auto report = (*station)->audit().verify();
    if (!report) {
        out.error(report.error().toString());
        return Invalid;
    }
    QJsonArray problems;
    for (const auto &problem : report->problems) {
        problems.append(QJsonObject { { QStringLiteral("id"), problem.id },
            { QStringLiteral("kind"), int(problem.kind) },
            { QStringLiteral("detail"), problem.detail } });
    }
    out.emitJson({ { QStringLiteral("ok"), report->ok },
        { QStringLiteral("recordsChecked"), report->recordsChecked },
        { QStringLiteral("problems"), problems } });
    if (report->ok) {
        out.human(Tr::tr("Audit trail intact: %1 records checked.").arg(report->recordsChecked));
        return Ok;
    }
    out.human(Tr::tr("Audit trail TAMPERED: %1 problems.").arg(report->problems.size()));
    for (const auto &problem : report->problems)
        out.human(QStringLiteral("  #%1 %2").arg(problem.id).arg(problem.detail));
    return Invalid;
}

int storageCheck(const QString &dataDir, const CliOutput &out)
{
    if (!databaseExists(dataDir, out))
        return Invalid;
    auto station = App::Workstation::open(dataDir);
    if (!station) {
        out.error(station.error().toString());
        return Invalid;
    }
    const auto integrity = (*station)->database().integrityCheck();
    const bool databaseOk = integrity && *integrity == QLatin1String("ok");

    // Every page row must point at an intact file.
    int pagesChecked = 0;
    QJsonArray damaged;
    QSqlQuery query((*station)->database().connection());
    query.exec(QStringLiteral("SELECT id FROM pages ORDER BY created_at"));
    while (query.next()) {
        ++pagesChecked;
        const QString id = query.value(0).toString();
        const auto bytes = (*station)->pages().read(id);
        if (!bytes)
            damaged.append(QJsonObject { { QStringLiteral("page"), id },
                { QStringLiteral("error"), bytes.error().message } });
    }
    out.emitJson(
        { { QStringLiteral("database"),
              databaseOk ? QStringLiteral("ok") : integrity.valueOr(QStringLiteral("error")) },
            { QStringLiteral("pagesChecked"), pagesChecked },
            { QStringLiteral("damagedPages"), damaged } });
    out.human(Tr::tr("Database: %1").arg(databaseOk ? Tr::tr("healthy") : Tr::tr("DAMAGED")));
    out.human(
        Tr::tr("Pages: %1 checked, %2 damaged or missing").arg(pagesChecked).arg(damaged.size()));
    return databaseOk && damaged.isEmpty() ? Ok : Invalid;
}

} // namespace Tongban::Cli
