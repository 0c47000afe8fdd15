#include "HubSchema.h"

namespace Tongban::Hub {

Storage::MigrationSet hubSchema()
{
    // Times are milliseconds since the epoch (UTC).
    Storage::Migration first;
    first.version = 1;
    first.description
        = QStringLiteral("accounts, windows, tokens, cases, uploads, results, events");
    first.statements = {
        QStringLiteral(
            "CREATE TABLE hub_windows (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
            " role TEXT NOT NULL, jurisdiction_code TEXT NOT NULL,"
            " jurisdiction_name TEXT NOT NULL, presence TEXT NOT NULL DEFAULT 'offline')"),
        QStringLiteral(
            "CREATE TABLE hub_accounts (account TEXT PRIMARY KEY, name TEXT NOT NULL,"
            " role TEXT NOT NULL, jurisdiction_code TEXT NOT NULL,"
            " salt BLOB NOT NULL, hash BLOB NOT NULL, iterations INTEGER NOT NULL,"
            " disabled INTEGER NOT NULL DEFAULT 0, failed_count INTEGER NOT NULL DEFAULT 0,"
            " locked_until INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE hub_account_windows (account TEXT NOT NULL"
                       " REFERENCES hub_accounts(account), window_id TEXT NOT NULL"
                       " REFERENCES hub_windows(id), PRIMARY KEY (account, window_id))"),
        QStringLiteral("CREATE TABLE hub_tokens (hash BLOB PRIMARY KEY, kind TEXT NOT NULL,"
                       " session_id TEXT NOT NULL, account TEXT NOT NULL, window_id TEXT,"
                       " expires_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX hub_tokens_session ON hub_tokens(session_id)"),
        QStringLiteral(
            "CREATE TABLE hub_cases (id TEXT PRIMARY KEY, client_case_id TEXT NOT NULL UNIQUE,"
            " body_sha256 TEXT NOT NULL, body TEXT NOT NULL, account TEXT NOT NULL,"
            " window_id TEXT NOT NULL, item_code TEXT NOT NULL,"
            " home_jurisdiction TEXT NOT NULL, status TEXT NOT NULL,"
            " case_number TEXT, created_at INTEGER NOT NULL, submitted_at INTEGER)"),
        QStringLiteral(
            "CREATE TABLE hub_pages (client_page_id TEXT PRIMARY KEY,"
            " case_id TEXT NOT NULL REFERENCES hub_cases(id), material_id TEXT NOT NULL,"
            " sha256 TEXT NOT NULL, size_bytes INTEGER NOT NULL, media_type TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX hub_pages_case ON hub_pages(case_id)"),
        QStringLiteral(
            "CREATE TABLE hub_case_sequences (jurisdiction TEXT NOT NULL, day TEXT NOT NULL,"
            " last INTEGER NOT NULL, PRIMARY KEY (jurisdiction, day))"),
        QStringLiteral(
            "CREATE TABLE hub_uploads (id TEXT PRIMARY KEY, client_page_id TEXT NOT NULL,"
            " case_id TEXT NOT NULL, length INTEGER NOT NULL, upload_offset INTEGER NOT NULL,"
            " sha256 TEXT NOT NULL, media_type TEXT NOT NULL, created_at INTEGER NOT NULL,"
            " expires_at INTEGER NOT NULL, state TEXT NOT NULL, failure TEXT)"),
        QStringLiteral("CREATE INDEX hub_uploads_page ON hub_uploads(client_page_id)"),
        QStringLiteral(
            "CREATE TABLE hub_results (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
            " id TEXT NOT NULL UNIQUE, case_id TEXT NOT NULL UNIQUE REFERENCES hub_cases(id),"
            " decision TEXT NOT NULL, reasons TEXT NOT NULL, issued_at INTEGER NOT NULL,"
            " document_sha256 TEXT NOT NULL, by_account TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE hub_events (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " window_id TEXT NOT NULL, type TEXT NOT NULL, at INTEGER NOT NULL,"
                       " data TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX hub_events_window ON hub_events(window_id, id)"),
    };
    Storage::Migration second;
    second.version = 2;
    second.description = QStringLiteral(
        "mailings, guide reports, idempotency keys, calls, missed calls, SMS outbox");
    second.statements = {
        QStringLiteral("ALTER TABLE hub_windows ADD COLUMN phone TEXT NOT NULL DEFAULT ''"),
        QStringLiteral(
            "CREATE TABLE hub_mailings (id TEXT PRIMARY KEY, client_mailing_id TEXT NOT NULL,"
            " account TEXT NOT NULL, case_id TEXT NOT NULL REFERENCES hub_cases(id),"
            " body_sha256 TEXT NOT NULL, carrier TEXT NOT NULL, waybill TEXT NOT NULL,"
            " sent_at TEXT NOT NULL, materials TEXT NOT NULL, created_at INTEGER NOT NULL,"
            " received_at INTEGER, received_by TEXT,"
            " UNIQUE (case_id, client_mailing_id))"),
        QStringLiteral(
            "CREATE TABLE hub_guide_reports (id TEXT PRIMARY KEY,"
            " client_report_id TEXT NOT NULL, account TEXT NOT NULL, window_id TEXT NOT NULL,"
            " body_sha256 TEXT NOT NULL, kind TEXT NOT NULL, item_code TEXT NOT NULL,"
            " material_id TEXT, case_id TEXT, text TEXT NOT NULL,"
            " jurisdiction_code TEXT NOT NULL, created_at INTEGER NOT NULL,"
            " UNIQUE (account, client_report_id))"),
        QStringLiteral(
            "CREATE TABLE hub_idempotency (account TEXT NOT NULL, key TEXT NOT NULL,"
            " request_sha256 TEXT NOT NULL, status INTEGER NOT NULL, headers TEXT NOT NULL,"
            " body BLOB NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (account, key))"),
        QStringLiteral("CREATE TABLE hub_calls (id TEXT PRIMARY KEY, caller_window TEXT NOT NULL,"
                       " item_code TEXT NOT NULL, case_id TEXT, jurisdiction_code TEXT NOT NULL,"
                       " state TEXT NOT NULL, answered_by TEXT, started_at INTEGER NOT NULL,"
                       " ended_at INTEGER)"),
        QStringLiteral(
            "CREATE TABLE hub_missed_calls (call_id TEXT NOT NULL REFERENCES hub_calls(id),"
            " window_id TEXT NOT NULL, month TEXT NOT NULL, at INTEGER NOT NULL,"
            " PRIMARY KEY (call_id, window_id))"),
        QStringLiteral(
            "CREATE INDEX hub_missed_calls_window ON hub_missed_calls(window_id, month)"),
        QStringLiteral(
            "CREATE TABLE sms_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " window_id TEXT NOT NULL, phone TEXT NOT NULL, text TEXT NOT NULL,"
            " call_id TEXT, state TEXT NOT NULL DEFAULT 'queued', created_at INTEGER NOT NULL)"),
    };
    Storage::Migration third;
    third.version = 3;
    third.description = QStringLiteral("one live session per account: replaced tokens");
    // A token of a session that a sign-in elsewhere replaced is kept, marked, so that its
    // holder learns why it stopped working (401 session_replaced, §2) and from where.
    third.statements = {
        QStringLiteral("ALTER TABLE hub_tokens ADD COLUMN replaced_at INTEGER"),
        QStringLiteral("ALTER TABLE hub_tokens ADD COLUMN replaced_by_window TEXT"),
        QStringLiteral("CREATE INDEX hub_tokens_account ON hub_tokens(account)"),
    };
    Storage::Migration calendar;
    calendar.version = 4;
    calendar.description
        = QStringLiteral("working-day calendar years imported by the administrator");
    calendar.statements = {
        QStringLiteral("CREATE TABLE hub_calendar_years (year INTEGER PRIMARY KEY,"
                       " body TEXT NOT NULL, source TEXT NOT NULL, imported_at BIGINT NOT NULL)"),
    };
    return Storage::MigrationSet { QStringLiteral("hub"), { first, second, third, calendar } };
}

Storage::MigrationSet hubOwnershipSchema()
{
    // Its own set (module "hub_ownership"), applied after hubSchema(): the migration
    // engine requires consecutive versions per module, so this does not take a number in
    // the "hub" sequence that others extend concurrently.
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral(
        "clientCaseId and Idempotency-Key scoped to the window, upload quota indexes (issue 13)");
    // SQLite cannot drop the UNIQUE of a column: hub_cases is rebuilt. Pages, results and
    // mailings refer to it; the rows come back with the same ids before the commit, which
    // checks the (deferred) foreign keys. The column list is hub_cases as of hub version 3.
    const QString caseColumns
        = QStringLiteral("id, client_case_id, body_sha256, body, account, window_id, item_code,"
                         " home_jurisdiction, status, case_number, created_at, submitted_at");
    first.statements = {
        QStringLiteral("PRAGMA defer_foreign_keys = ON"),
        QStringLiteral("CREATE TABLE hub_cases_before AS SELECT * FROM hub_cases"),
        QStringLiteral("DROP TABLE hub_cases"),
        QStringLiteral("CREATE TABLE hub_cases (id TEXT PRIMARY KEY, client_case_id TEXT NOT NULL,"
                       " body_sha256 TEXT NOT NULL, body TEXT NOT NULL, account TEXT NOT NULL,"
                       " window_id TEXT NOT NULL, item_code TEXT NOT NULL,"
                       " home_jurisdiction TEXT NOT NULL, status TEXT NOT NULL,"
                       " case_number TEXT, created_at INTEGER NOT NULL, submitted_at INTEGER,"
                       " UNIQUE (window_id, client_case_id))"),
        QStringLiteral("INSERT INTO hub_cases (%1) SELECT %1 FROM hub_cases_before")
            .arg(caseColumns),
        QStringLiteral("DROP TABLE hub_cases_before"),
        // Stored answers keep their account; those stored before the window was part of the
        // key get window '' (department and admin sessions have no window).
        QStringLiteral("ALTER TABLE hub_idempotency RENAME TO hub_idempotency_before"),
        QStringLiteral("CREATE TABLE hub_idempotency (account TEXT NOT NULL,"
                       " window_id TEXT NOT NULL, key TEXT NOT NULL,"
                       " request_sha256 TEXT NOT NULL, status INTEGER NOT NULL,"
                       " headers TEXT NOT NULL, body BLOB NOT NULL, created_at INTEGER NOT NULL,"
                       " PRIMARY KEY (account, window_id, key))"),
        QStringLiteral("INSERT INTO hub_idempotency (account, window_id, key, request_sha256,"
                       " status, headers, body, created_at) SELECT account, '', key,"
                       " request_sha256, status, headers, body, created_at"
                       " FROM hub_idempotency_before"),
        QStringLiteral("DROP TABLE hub_idempotency_before"),
        // The window quota (open uploads of a window's cases) and the expiry sweep.
        QStringLiteral("CREATE INDEX hub_uploads_case ON hub_uploads(case_id, state)"),
        QStringLiteral("CREATE INDEX hub_uploads_expiry ON hub_uploads(state, expires_at)"),
    };
    return Storage::MigrationSet { QStringLiteral("hub_ownership"), { first } };
}

} // namespace Tongban::Hub
