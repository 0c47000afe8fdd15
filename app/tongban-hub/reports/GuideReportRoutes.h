#pragma once

#include "http/HttpTypes.h"

#include <QJsonObject>

namespace Tongban::Hub {

struct AuthContext;
class GuideReportService;

/// The HTTP side of guide error reports (contract §9) for GuideReportService.
class GuideReportRoutes
{
public:
    explicit GuideReportRoutes(GuideReportService &reports);

    HttpResponse create(const QJsonObject &body, const AuthContext &context);
    HttpResponse list(const QUrlQuery &query, const AuthContext &context);

private:
    GuideReportService &m_reports;
};

} // namespace Tongban::Hub
