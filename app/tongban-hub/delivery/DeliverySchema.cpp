#include "DeliverySchema.h"

namespace Tongban::Hub {

Storage::MigrationSet deliverySchema()
{
    // Times are milliseconds since the epoch (UTC), like the hub's own tables.
    Storage::Migration first;
    first.version = 1;
    first.description = QStringLiteral("SMS delivery status, completion and delivery of results,"
                                       " ratings and rectifications, guide report answers");
    first.statements = {
        // Rows queued before (missed calls) keep their state; the purpose says why a message
        // was sent, case_id what about.
        QStringLiteral(
            "ALTER TABLE sms_outbox ADD COLUMN purpose TEXT NOT NULL DEFAULT 'missed_call'"),
        QStringLiteral("ALTER TABLE sms_outbox ADD COLUMN case_id TEXT"),
        QStringLiteral("ALTER TABLE sms_outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(
            "ALTER TABLE sms_outbox ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE sms_outbox ADD COLUMN sent_at BIGINT"),
        QStringLiteral("ALTER TABLE sms_outbox ADD COLUMN reference TEXT"),
        QStringLiteral("ALTER TABLE sms_outbox ADD COLUMN last_error TEXT"),
        QStringLiteral("CREATE INDEX sms_outbox_due ON sms_outbox(state, next_attempt_at)"),
        QStringLiteral("CREATE TABLE hub_completions (case_id TEXT PRIMARY KEY"
                       " REFERENCES hub_cases(id), document_sha256 TEXT NOT NULL,"
                       " completed_at BIGINT NOT NULL, by_account TEXT NOT NULL)"),
        QStringLiteral(
            "CREATE TABLE hub_deliveries (id TEXT PRIMARY KEY, case_id TEXT NOT NULL UNIQUE"
            " REFERENCES hub_cases(id), method TEXT NOT NULL, window_id TEXT NOT NULL,"
            " address TEXT NOT NULL, state TEXT NOT NULL, created_at BIGINT NOT NULL,"
            " due_at BIGINT NOT NULL, done_at BIGINT, handed_by TEXT, received_by TEXT,"
            " carrier TEXT, waybill TEXT, recorded_by TEXT)"),
        QStringLiteral("CREATE INDEX hub_deliveries_window ON hub_deliveries(window_id, state)"),
        QStringLiteral("CREATE TABLE hub_ratings (case_id TEXT NOT NULL REFERENCES hub_cases(id),"
                       " account TEXT NOT NULL, window_id TEXT NOT NULL, score INTEGER NOT NULL,"
                       " comment TEXT NOT NULL, rated_at BIGINT NOT NULL,"
                       " PRIMARY KEY (case_id, account))"),
        QStringLiteral(
            "CREATE TABLE hub_rectifications (id TEXT PRIMARY KEY, case_id TEXT NOT NULL,"
            " account TEXT NOT NULL, window_id TEXT NOT NULL, opened_at BIGINT NOT NULL,"
            " rectified_at BIGINT, rectified_by TEXT, rectification TEXT)"),
        QStringLiteral("ALTER TABLE hub_guide_reports ADD COLUMN status TEXT NOT NULL"
                       " DEFAULT 'open'"),
        QStringLiteral("ALTER TABLE hub_guide_reports ADD COLUMN answer TEXT"),
        QStringLiteral("ALTER TABLE hub_guide_reports ADD COLUMN answered_by TEXT"),
        QStringLiteral("ALTER TABLE hub_guide_reports ADD COLUMN answered_at BIGINT"),
        QStringLiteral("ALTER TABLE hub_guide_reports ADD COLUMN due_at BIGINT"),
    };
    return Storage::MigrationSet { QStringLiteral("hub_delivery"), { first } };
}

} // namespace Tongban::Hub
