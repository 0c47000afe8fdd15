#pragma once

#include "http/HttpTypes.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace Tongban::Hub {

struct AuthContext;
class CaseService;

/*!
 * The HTTP side of cases (contract §5) and results (§7): parses what CaseService needs,
 * maps its errors to the contract's status and wire code, builds the JSON.
 */
class CaseRoutes
{
public:
    explicit CaseRoutes(CaseService &cases);

    HttpResponse create(const QJsonObject &body, const AuthContext &context);
    HttpResponse get(const QString &caseId, const AuthContext &context);
    HttpResponse submit(const QString &caseId, const AuthContext &context);
    HttpResponse decisionRequest(
        const QString &caseId, const QJsonObject &body, const AuthContext &context);
    HttpResponse results(const QUrlQuery &query, const AuthContext &context);
    HttpResponse resultDocument(const QString &resultId, const AuthContext &context);

private:
    CaseService &m_cases;
};

} // namespace Tongban::Hub
