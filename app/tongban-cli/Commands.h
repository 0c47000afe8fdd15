#pragma once

#include "CliOutput.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace Tongban::Cli {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Cli)
};

/// Every command receives its positional arguments (after the command words).
/// The calendar commands use the calendar in force at the workstation of \a dataDir (built-in
/// years and the platform's), or the built-in one when there is no workstation there yet.
int calendarCheck(const QStringList &args, const QString &dataDir, const CliOutput &out);
int calendarAdd(const QStringList &args, const QString &dataDir, const CliOutput &out);
int calendarYears(const QString &dataDir, const CliOutput &out);
int idCheck(const QStringList &args, const CliOutput &out);
int auditVerify(const QString &dataDir, const CliOutput &out);
int storageCheck(const QString &dataDir, const CliOutput &out);
int catalogValidate(const QStringList &args, const CliOutput &out);
int catalogImport(const QStringList &args, const QString &dataDir, const CliOutput &out);
int catalogSearch(const QStringList &args, const QString &dataDir, int limit, const CliOutput &out);
int catalogDiff(const QStringList &args, const QString &dataDir, const CliOutput &out);
int catalogVersions(const QString &dataDir, const CliOutput &out);
int outboxStatus(const QString &dataDir, const CliOutput &out);
int outboxFlush(const QStringList &args, const QString &dataDir, const CliOutput &out);
/// calls report URL ACCOUNT: the platform's monthly video-assistance report (issue 15); the
/// password is read from the standard input. \a month YYYY-MM, empty: this month.
int callsReport(const QStringList &args, const QString &month, const CliOutput &out);
/// The report (GET /calls/report) as text for the console, translated.
QString callReportText(const QJsonObject &report);

/// Options of the imaging commands (see ImagingCommands.cpp).
struct ImagingOptions
{
    QString outDir; ///< empty: the current folder
    QString pdfPath; ///< empty: no PDF
    int dpi = 200;
    QString mode = QStringLiteral("auto"); ///< colour, grey, bw or auto
};
int imagingDetect(const QStringList &files, const ImagingOptions &options, const CliOutput &out);
int imagingProcess(const QStringList &files, const ImagingOptions &options, const CliOutput &out);
int devicesList(const CliOutput &out);
/// Writes the window's identity into <dataDir>/tongban.conf, over the hall's settings.
int setup(const QString &windowId, const QString &windowName, const QString &dataDir,
    const CliOutput &out);
/// Checks the window's parts for IT staff; exit 1 when a check failed (DiagnoseCommands.cpp).
/// \a account (empty: no line check) signs in for the line check.
int diagnose(const QString &dataDir, const QString &account, const CliOutput &out);

} // namespace Tongban::Cli
