#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Tongban::Storage {

/*!
 * One numbered schema step of one module. Versions of a module start at 1
 * and increase by one; a step is applied in a single transaction together
 * with the module's new version number, so that it is applied whole or not
 * at all.
 */
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

/*!
 * The schema of one module, e.g. "storage" or "security". Each module that
 * keeps tables in the workstation database publishes its set; the
 * application opens the database with all of them.
 */
struct MigrationSet
{
    QString module;
    QList<Migration> migrations;

    int latestVersion() const { return migrations.isEmpty() ? 0 : migrations.last().version; }
};

} // namespace Tongban::Storage
