#include "PersonalData.h"

#include <QRegularExpression>

#include <atomic>
#include <cstdio>
#include <mutex>

namespace Tongban::Security {

namespace {

// One pattern, so that each position is classified once. [0-9] rather than \d:
// Qt's \d would also match full-width and other Unicode digits.
// The look-around keeps numbers that are part of a longer digit run intact;
// "+86" directly before a mobile number is allowed.
const QRegularExpression &personalDataPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("(?:(?<![0-9])|(?<=\\+86))"
                       "(?:(?<id18>[0-9]{17}[0-9Xx])|(?<mobile>1[3-9][0-9]{9})|(?<id15>[0-9]{15}))"
                       "(?![0-9])"));
    return pattern;
}

QString masked(QStringView number, qsizetype keepFront, qsizetype keepBack)
{
    const qsizetype stars = number.size() - keepFront - keepBack;
    return number.first(keepFront).toString() + QString(stars, QLatin1Char('*'))
        + number.last(keepBack).toString();
}

std::atomic<QtMessageHandler> g_previousHandler { nullptr };
std::once_flag g_installOnce;

void maskingMessageHandler(
    QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString safe = maskPersonalData(message);
    if (const QtMessageHandler previous = g_previousHandler.load())
        previous(type, context, safe);
    else
        std::fputs(qPrintable(qFormatLogMessage(type, context, safe) + QLatin1Char('\n')), stderr);
}

} // namespace

QString maskPersonalData(QStringView text)
{
    QString result;
    result.reserve(text.size());
    qsizetype copiedUpTo = 0;
    QRegularExpressionMatchIterator it = personalDataPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += text.sliced(copiedUpTo, match.capturedStart() - copiedUpTo);
        const QStringView number = match.capturedView();
        if (match.hasCaptured(u"id18"))
            result += masked(number, 6, 4);
        else if (match.hasCaptured(u"mobile"))
            result += masked(number, 3, 4);
        else
            result += masked(number, 6, 3);
        copiedUpTo = match.capturedEnd();
    }
    result += text.sliced(copiedUpTo);
    return result;
}

void installMaskingMessageHandler()
{
    std::call_once(g_installOnce, [] {
        // Qt returns its default handler when none was installed. A message
        // logged by another thread before the previous handler is stored still
        // goes out masked, through the stderr fallback.
        g_previousHandler.store(qInstallMessageHandler(maskingMessageHandler));
    });
}

} // namespace Tongban::Security
