#include "StorageSchema.h"

namespace Tongban::Storage {

MigrationSet storageSchema()
{
    MigrationSet set;
    set.module = QStringLiteral("storage");
    set.migrations << Migration { 1, QStringLiteral("cases and content-addressed pages"),
        {
            QStringLiteral("CREATE TABLE cases ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " item_code TEXT NOT NULL,"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE pages ("
                           " id TEXT PRIMARY KEY NOT NULL,"
                           " case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,"
                           " ordinal INTEGER NOT NULL,"
                           " sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
                           " size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),"
                           " media_type TEXT NOT NULL,"
                           " created_at TEXT NOT NULL,"
                           " UNIQUE (case_id, ordinal))"),
            QStringLiteral("CREATE INDEX pages_sha256 ON pages(sha256)"),
        } };
    return set;
}

} // namespace Tongban::Storage
