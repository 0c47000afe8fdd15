#include "Error.h"

namespace Tongban::Core {

QString Error::toString() const
{
    QString text = message;
    text += QStringLiteral(" (") + QString::number(code);
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    text += QLatin1Char(')');
    return text;
}

} // namespace Tongban::Core
