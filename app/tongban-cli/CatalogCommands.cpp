#include "Commands.h"

#include <catalog/CatalogParser.h>
#include <catalog/CatalogSearch.h>
#include <catalog/CatalogStore.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <common/Workstation.h>

namespace Tongban::Cli {

namespace {

bool readFile(const QString &path, QByteArray *bytes, const CliOutput &out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error(Tr::tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    *bytes = file.readAll();
    return true;
}

QJsonArray diagnosticsJson(
    const Catalog::ParseOutcome &outcome, Catalog::Diagnostic::Severity severity)
{
    QJsonArray list;
    for (const auto &d : outcome.diagnostics) {
        if (d.severity == severity)
            list.append(QJsonObject { { QStringLiteral("pointer"), d.pointer },
                { QStringLiteral("message"), d.message } });
    }
    return list;
}

void printDiagnostics(const Catalog::ParseOutcome &outcome, const CliOutput &out)
{
    if (!outcome.diagnostics.isEmpty())
        out.human(outcome.report());
}

QString kindName(Catalog::ChangeKind kind)
{
    switch (kind) {
    case Catalog::ChangeKind::Added:
        return QStringLiteral("added");
    case Catalog::ChangeKind::Removed:
        return QStringLiteral("removed");
    case Catalog::ChangeKind::Changed:
        return QStringLiteral("changed");
    case Catalog::ChangeKind::Unknown:
        break;
    }
    return QString();
}

QString kindLabel(Catalog::ChangeKind kind)
{
    switch (kind) {
    case Catalog::ChangeKind::Added:
        return Tr::tr("added");
    case Catalog::ChangeKind::Removed:
        return Tr::tr("removed");
    case Catalog::ChangeKind::Changed:
        return Tr::tr("changed");
    case Catalog::ChangeKind::Unknown:
        break;
    }
    return QString();
}

void printDiff(const Catalog::CatalogDiff &diff, const CliOutput &out)
{
    QJsonArray items;
    for (const auto &change : diff.items) {
        QJsonArray materials;
        QString line
            = QStringLiteral("%1 %2 %3").arg(kindLabel(change.kind), change.itemCode, change.name);
        if (!change.changedFields.isEmpty())
            line += QStringLiteral(" [") + change.changedFields.join(QStringLiteral(", "))
                + QLatin1Char(']');
        out.human(line);
        for (const auto &m : change.materials) {
            QString materialLine
                = QStringLiteral("    %1 %2 %3").arg(kindLabel(m.kind), m.materialId, m.name);
            if (!m.changedFields.isEmpty())
                materialLine += QStringLiteral(" [") + m.changedFields.join(QStringLiteral(", "))
                    + QLatin1Char(']');
            out.human(materialLine);
            materials.append(QJsonObject { { QStringLiteral("kind"), kindName(m.kind) },
                { QStringLiteral("materialId"), m.materialId }, { QStringLiteral("name"), m.name },
                { QStringLiteral("changedFields"), QJsonArray::fromStringList(m.changedFields) } });
        }
        items.append(QJsonObject { { QStringLiteral("kind"), kindName(change.kind) },
            { QStringLiteral("itemCode"), change.itemCode },
            { QStringLiteral("name"), change.name },
            { QStringLiteral("changedFields"), QJsonArray::fromStringList(change.changedFields) },
            { QStringLiteral("materials"), materials } });
    }
    out.human(Tr::tr("%1 -> %2: %3 added, %4 removed, %5 changed")
                  .arg(diff.fromVersion, diff.toVersion)
                  .arg(diff.count(Catalog::ChangeKind::Added))
                  .arg(diff.count(Catalog::ChangeKind::Removed))
                  .arg(diff.count(Catalog::ChangeKind::Changed)));
    out.emitJson({ { QStringLiteral("from"), diff.fromVersion },
        { QStringLiteral("to"), diff.toVersion }, { QStringLiteral("items"), items } });
}

/// A file path, or else a stored version label.
Core::Result<Catalog::Catalog> catalogFrom(const QString &spec, Catalog::CatalogStore *store)
{
    if (QFileInfo::exists(spec)) {
        QFile file(spec);
        if (!file.open(QIODevice::ReadOnly))
            return Core::Error { Catalog::InvalidCatalog, file.errorString(), spec };
        Catalog::ParseOutcome outcome = Catalog::CatalogParser::parse(file.readAll());
        if (!outcome.ok())
            return Core::Error { Catalog::InvalidCatalog,
                Tr::tr("%1 is not a valid catalogue").arg(spec), outcome.report() };
        return std::move(*outcome.catalog);
    }
    if (!store)
        return Core::Error { Catalog::VersionNotFound, Tr::tr("No such file: %1").arg(spec), spec };
    return store->version(spec);
}

} // namespace

int catalogValidate(const QStringList &args, const CliOutput &out)
{
    if (args.size() != 1) {
        out.error(Tr::tr("Usage: tongban-cli catalog validate FILE"));
        return Usage;
    }
    QByteArray bytes;
    if (!readFile(args.first(), &bytes, out))
        return Invalid;
    const Catalog::ParseOutcome outcome = Catalog::CatalogParser::parse(bytes);
    out.emitJson({ { QStringLiteral("valid"), outcome.ok() },
        { QStringLiteral("catalogVersion"),
            outcome.ok() ? outcome.catalog->catalogVersion : QString() },
        { QStringLiteral("items"), outcome.ok() ? int(outcome.catalog->items.size()) : 0 },
        { QStringLiteral("errors"),
            diagnosticsJson(outcome, Catalog::Diagnostic::Severity::Error) },
        { QStringLiteral("warnings"),
            diagnosticsJson(outcome, Catalog::Diagnostic::Severity::Warning) } });
    printDiagnostics(outcome, out);
    if (!outcome.ok()) {
        out.human(Tr::tr("Invalid: %1 errors, %2 warnings.")
                      .arg(outcome.errorCount())
                      .arg(outcome.warningCount()));
        return Invalid;
    }
    int materials = 0;
    int points = 0;
    for (const auto &item : outcome.catalog->items) {
        materials += int(item.materials.size());
        for (const auto &m : item.materials)
            points += int(m.reviewPoints.size());
    }
    out.human(Tr::tr("Valid: catalogue %1, %2 items, %3 materials, %4 review points, %5 warnings.")
                  .arg(outcome.catalog->catalogVersion)
                  .arg(outcome.catalog->items.size())
                  .arg(materials)
                  .arg(points)
                  .arg(outcome.warningCount()));
    return Ok;
}

int catalogImport(const QStringList &args, const QString &dataDir, const CliOutput &out)
{
    if (args.size() != 1) {
        out.error(Tr::tr("Usage: tongban-cli catalog import FILE"));
        return Usage;
    }
    QByteArray bytes;
    if (!readFile(args.first(), &bytes, out))
        return Invalid;
    auto station = App::Workstation::open(dataDir);
    if (!station) {
        out.error(station.error().toString());
        return Invalid;
    }
    Catalog::CatalogStore store((*station)->database(), (*station)->clock());
    Catalog::ParseOutcome outcome;
    const auto report = store.import(bytes, &outcome);
    if (!report) {
        printDiagnostics(outcome, out);
        out.error(report.error().message);
        out.emitJson({ { QStringLiteral("imported"), false },
            { QStringLiteral("errors"),
                diagnosticsJson(outcome, Catalog::Diagnostic::Severity::Error) } });
        (*station)->auditSystem(QStringLiteral("catalog.import"), QStringLiteral("refused"),
            QStringLiteral("%1 errors").arg(outcome.errorCount()));
        return Invalid;
    }
    (*station)->auditSystem(
        QStringLiteral("catalog.import"), QStringLiteral("ok"), report->version.catalogVersion);
    out.human(Tr::tr("Catalogue %1 is in force (%2 items).")
                  .arg(report->version.catalogVersion)
                  .arg(report->version.itemCount));
    if (report->previousVersionId != 0) {
        const auto diff = store.diff(report->previousVersionId, report->version.id);
        if (diff)
            printDiff(*diff, out);
        else
            out.error(diff.error().message);
    } else
        out.emitJson({ { QStringLiteral("imported"), true },
            { QStringLiteral("catalogVersion"), report->version.catalogVersion } });
    return Ok;
}

int catalogSearch(const QStringList &args, const QString &dataDir, int limit, const CliOutput &out)
{
    if (args.isEmpty()) {
        out.error(Tr::tr("Usage: tongban-cli catalog search QUERY"));
        return Usage;
    }
    auto station = App::Workstation::open(dataDir);
    if (!station) {
        out.error(station.error().toString());
        return Invalid;
    }
    Catalog::CatalogStore store((*station)->database(), (*station)->clock());
    const auto catalog = store.active();
    if (!catalog) {
        out.error(catalog.error().message);
        return Invalid;
    }
    const Catalog::CatalogIndex index(*catalog);
    const auto hits = index.search(args.join(QLatin1Char(' ')), limit > 0 ? limit : 20);
    QJsonArray list;
    for (const auto &hit : hits) {
        out.human(QStringLiteral("%1  %2").arg(hit.item->itemCode, hit.item->name));
        list.append(QJsonObject { { QStringLiteral("itemCode"), hit.item->itemCode },
            { QStringLiteral("name"), hit.item->name },
            { QStringLiteral("match"), int(hit.match) } });
    }
    out.emitJson({ { QStringLiteral("catalogVersion"), catalog->catalogVersion },
        { QStringLiteral("hits"), list } });
    if (hits.isEmpty())
        out.human(Tr::tr("No item found."));
    return Ok;
}

int catalogDiff(const QStringList &args, const QString &dataDir, const CliOutput &out)
{
    if (args.size() != 2) {
        out.error(
            Tr::tr("Usage: tongban-cli catalog diff OLD NEW (files or stored version labels)"));
        return Usage;
    }
    std::unique_ptr<App::Workstation> station;
    std::unique_ptr<Catalog::CatalogStore> store;
    if (!QFileInfo::exists(args.at(0)) || !QFileInfo::exists(args.at(1))) {
        auto opened = App::Workstation::open(dataDir);
        if (!opened) {
            out.error(opened.error().toString());
            return Invalid;
        }
        station = std::move(opened).value();
        store = std::make_unique<Catalog::CatalogStore>(station->database(), station->clock());
    }
    const auto from = catalogFrom(args.at(0), store.get());
    const auto to = catalogFrom(args.at(1), store.get());
    for (const auto *side : { &from, &to }) {
        if (!*side) {
            out.error(side->error().message);
            if (!side->error().detail.isEmpty())
                out.error(side->error().detail);
            return Invalid;
        }
    }
    printDiff(Catalog::diffCatalogs(*from, *to), out);
    return Ok;
}

int catalogVersions(const QString &dataDir, const CliOutput &out)
{
    auto station = App::Workstation::open(dataDir);
    if (!station) {
        out.error(station.error().toString());
        return Invalid;
    }
    Catalog::CatalogStore store((*station)->database(), (*station)->clock());
    QJsonArray list;
    for (const auto &v : store.versions()) {
        out.human(
            QStringLiteral("%1 %2  %3  %4 items  imported %5")
                .arg(v.active ? QStringLiteral("*") : QStringLiteral(" "), v.catalogVersion,
                    v.publishedAt.toString(Qt::ISODate))
                .arg(v.itemCount)
                .arg(v.importedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        list.append(QJsonObject { { QStringLiteral("catalogVersion"), v.catalogVersion },
            { QStringLiteral("active"), v.active }, { QStringLiteral("items"), v.itemCount },
            { QStringLiteral("sha256"), v.sha256 } });
    }
    out.emitJson({ { QStringLiteral("versions"), list } });
    return Ok;
}

} // namespace Tongban::Cli
