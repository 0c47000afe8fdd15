#pragma once

#include "http/HttpTypes.h"

#include <QJsonObject>

namespace Tongban::Hub {

struct AuthContext;
class SerialBlockService;

/*!
 * The HTTP side of serial blocks (contract §3.1): POST /windows/{id}/serial-blocks and the
 * public HTML page GET /n/{serial} a notice's QR code opens (no token, no personal data).
 */
class SerialBlockRoutes
{
public:
    explicit SerialBlockRoutes(SerialBlockService &serials);

    HttpResponse reserve(
        const QString &windowId, const QJsonObject &body, const AuthContext &context);
    HttpResponse publicPage(const QString &serial) const;

private:
    SerialBlockService &m_serials;
};

} // namespace Tongban::Hub
