#pragma once

#include "http/HttpTypes.h"

#include <QJsonObject>

namespace Tongban::Hub {

struct AuthContext;
class MailingService;

/// The HTTP side of mailings (contract §8) for MailingService.
class MailingRoutes
{
public:
    explicit MailingRoutes(MailingService &mailings);

    HttpResponse create(const QString &caseId, const QJsonObject &body, const AuthContext &context);
    HttpResponse list(const QString &caseId, const AuthContext &context);
    HttpResponse received(const QString &mailingId, const AuthContext &context);

private:
    MailingService &m_mailings;
};

} // namespace Tongban::Hub
