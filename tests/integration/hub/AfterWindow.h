#pragma once

// Shared by the tests of deadlines and corrections (issue 17): a case of the demo
// application window 410402-tb-03, uploaded and submitted over HTTP at the hub clock's time.

#include "HubTestClient.h"
#include "InProcessHub.h"

#include <storage/Database.h>

#include <QSqlQuery>

#include <DemoSeed.h>

namespace AfterWindow {

inline const QString Password = QString::fromUtf8(Tongban::Hub::DemoPassword);
inline const QString AppClerk = QStringLiteral("xh-tb-03-wangli");
inline const QString AppWindow = QStringLiteral("410402-tb-03");
inline const QString Department = QStringLiteral("xh-scjg-chenjing");
inline const QString OtherDepartment = QStringLiteral("wd-scjg-wutao");

/// Creates, uploads and submits a case as \a client (signed in at the application window);
/// its caseId, or empty (with a warning) when a step failed.
inline QString submittedCase(HubTestClient &client)
{
    QStringList pageIds;
    const QByteArray file = HubTestClient::randomFile(700, 5);
    const Reply created = client.postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(
            QUuid::createUuid().toString(QUuid::WithoutBraces), { file }, &pageIds));
    const QString caseId = created.json().value(QStringLiteral("caseId")).toString();
    if (created.status != 201) {
        qWarning() << "create" << created.status << created.body;
        return {};
    }
    const Reply upload = client.createUpload(caseId, pageIds.first(), file);
    const Reply patched = client.patch(QString::fromLatin1(upload.header("Location")), 0, file);
    if (patched.status != 204) {
        qWarning() << "upload" << patched.status << patched.body;
        return {};
    }
    const Reply submitted = client.send(
        "POST", QString(QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit")));
    if (submitted.status != 200) {
        qWarning() << "submit" << submitted.status << submitted.body;
        return {};
    }
    return caseId;
}

/// Events stored for \a windowId of \a type, oldest first (their data).
inline QList<QJsonObject> eventsOf(
    Tongban::Hub::Hub &hub, const QString &windowId, const QString &type)
{
    QSqlQuery query(hub.database().connection());
    query.prepare(
        QStringLiteral("SELECT data FROM hub_events WHERE window_id = ? AND type = ? ORDER BY id"));
    query.addBindValue(windowId);
    query.addBindValue(type);
    QList<QJsonObject> list;
    if (query.exec()) {
        while (query.next())
            list.append(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
    }
    return list;
}

inline QDateTime chinaTime(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
}

} // namespace AfterWindow
