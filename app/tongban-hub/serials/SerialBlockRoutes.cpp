#include "SerialBlockRoutes.h"

#include "serials/SerialBlockService.h"

namespace Tongban::Hub {

namespace {

HttpResponse htmlPage(int status, const QString &title, const QString &text)
{
    HttpResponse response;
    response.status = status;
    response.addHeader(
        QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8"));
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.body = QString(QStringLiteral("<!DOCTYPE html><html lang='zh-CN'><head>"
                                           "<meta charset='utf-8'><meta name='viewport' "
                                           "content='width=device-width,initial-scale=1'>"
                                           "<title>")
        + title.toHtmlEscaped() + QStringLiteral("</title></head><body><h1>")
        + title.toHtmlEscaped() + QStringLiteral("</h1>") + text + QStringLiteral("</body></html>"))
                        .toUtf8();
    return response;
}

} // namespace

SerialBlockRoutes::SerialBlockRoutes(SerialBlockService &serials)
    : m_serials(serials)
{ }

HttpResponse SerialBlockRoutes::reserve(
    const QString &windowId, const QJsonObject &body, const AuthContext &context)
{
    const auto block = m_serials.reserve(windowId, body, context);
    if (!block) {
        const Core::Error &error = block.error();
        switch (error.code) {
        case SerialBlockService::Forbidden:
            return errorResponse(403, QStringLiteral("forbidden"), error.message, error.detail);
        case SerialBlockService::ValidationFailed:
            return errorResponse(
                422, QStringLiteral("validation_failed"), error.message, error.detail);
        default:
            return internalError(error.detail);
        }
    }
    return jsonResponse(201,
        QJsonObject { { QStringLiteral("windowId"), block->windowId },
            { QStringLiteral("serialPrefix"), block->prefix },
            { QStringLiteral("first"), block->first }, { QStringLiteral("last"), block->last } });
}

HttpResponse SerialBlockRoutes::publicPage(const QString &serial) const
{
    const auto found = m_serials.lookup(serial);
    if (!found) {
        return htmlPage(404, QStringLiteral("未找到此编号"),
            QStringLiteral("<p>统一受理平台没有分配过这个文书编号。请核对编号，或向开具文书的"
                           "窗口咨询。</p>"));
    }
    return htmlPage(200, found->kind,
        QStringLiteral("<p>编号：%1</p><p>文书：%2（%3年）</p><p>开具窗口：%4</p>"
                       "<p>此编号由统一受理平台分配给该窗口。本页不显示申请人"
                       "信息；办理进度请凭此编号到任一通办窗口查询。</p>")
            .arg(found->serial.toHtmlEscaped(), found->kind, found->year,
                found->windowName.toHtmlEscaped()));
}

} // namespace Tongban::Hub
