#include "CliOutput.h"

#include <QJsonDocument>

#include <cstdio>

namespace Tongban::Cli {

void CliOutput::human(const QString &text) const
{
    if (!m_json) {
        std::fputs(text.toUtf8().constData(), stdout);
        std::fputc('\n', stdout);
    }
}

void CliOutput::error(const QString &text) const
{
    std::fputs(text.toUtf8().constData(), stderr);
    std::fputc('\n', stderr);
}

void CliOutput::emitJson(const QJsonObject &object) const
{
    if (m_json) {
        std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputc('\n', stdout);
    }
}

} // namespace Tongban::Cli
