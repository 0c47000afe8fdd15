#include "LineBreaks.h"

#include <QStringList>

namespace Tongban::Gui {

namespace {
constexpr QChar kWordJoiner(0x2060);

bool isHan(QChar c)
{
    return c.script() == QChar::Script_Han;
}

QString joinParagraph(QString paragraph)
{
    qsizetype last = paragraph.size() - 1;
    while (last >= 0 && (paragraph.at(last).isPunct() || paragraph.at(last).isSpace()))
        --last;
    if (last < 1 || !isHan(paragraph.at(last)) || !isHan(paragraph.at(last - 1)))
        return paragraph;
    paragraph.insert(last, kWordJoiner);
    return paragraph;
}
} // namespace

QString keepLastCharactersTogether(const QString &text)
{
    if (text.contains(kWordJoiner))
        return text; // already done
    QStringList paragraphs = text.split(QLatin1Char('\n'));
    for (QString &paragraph : paragraphs)
        paragraph = joinParagraph(paragraph);
    return paragraphs.join(QLatin1Char('\n'));
}

} // namespace Tongban::Gui
