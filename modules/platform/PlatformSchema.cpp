#include "PlatformSchema.h"

#include "Outbox.h"

namespace Tongban::Platform {

Storage::MigrationSet platformSchema()
{
    Storage::MigrationSet set = Outbox::schema();
    Storage::Migration m2;
    m2.version = 2;
    m2.description = QStringLiteral("result feed, results, catalogue/calendar sync, request queue");
    m2.statements = {
        QStringLiteral("CREATE TABLE platform_feed_state (window_id TEXT PRIMARY KEY,"
                       " last_event_id INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
        QStringLiteral(
            "CREATE TABLE platform_results (result_id TEXT PRIMARY KEY, window_id TEXT NOT NULL,"
            " event_id INTEGER NOT NULL, case_id TEXT NOT NULL, case_number TEXT,"
            " decision TEXT NOT NULL, reasons TEXT, issued_at TEXT,"
            " document_sha256 TEXT NOT NULL, document BLOB NOT NULL,"
            " stored_at INTEGER NOT NULL, printed_at INTEGER)"),
        QStringLiteral("CREATE INDEX platform_results_unprinted ON platform_results(printed_at,"
                       " stored_at)"),
        QStringLiteral("CREATE TABLE platform_sync (resource TEXT PRIMARY KEY, etag TEXT,"
                       " body_sha256 TEXT, body BLOB, updated_at INTEGER NOT NULL)"),
        QStringLiteral(
            "CREATE TABLE platform_requests (client_id TEXT PRIMARY KEY, kind TEXT NOT NULL,"
            " method TEXT NOT NULL, path TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL,"
            " server_id TEXT, attempts INTEGER NOT NULL DEFAULT 0,"
            " next_attempt_at INTEGER NOT NULL DEFAULT 0, last_error TEXT,"
            " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
    };
    set.migrations.append(m2);
    return set;
}

} // namespace Tongban::Platform
