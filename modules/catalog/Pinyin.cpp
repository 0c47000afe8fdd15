#include "Pinyin.h"

#include "Logging.h"

#include <QFile>
#include <QHash>

namespace Tongban::Catalog {

namespace {
struct Table
{
    QHash<char16_t, QString> letters; // character -> its initial letters ("hx")

    Table()
    {
        QFile file(QStringLiteral(":/tongban/catalog/pinyin-initials.txt"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCCritical(lcCatalog) << "pinyin table missing from resources";
            return;
        }
        const QString text = QString::fromUtf8(file.readAll());
        for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const qsizetype tab = line.indexOf(QLatin1Char('\t'));
            if (tab <= 0)
                continue;
            const QString initials = line.left(tab).toString();
            for (const QChar c : line.mid(tab + 1))
                letters.insert(c.unicode(), initials);
        }
    }
};

const Table &table()
{
    static const Table instance;
    return instance;
}
} // namespace

bool Pinyin::available()
{
    return !table().letters.isEmpty();
}

QStringList Pinyin::initials(const QString &text, int maxAlternatives)
{
    const Table &t = table();
    QStringList results { QString() };
    for (const QChar c : text) {
        QString options;
        if (c.unicode() < 128) {
            if (c.isLetterOrNumber())
                options = c.toLower();
        } else {
            options = t.letters.value(c.unicode());
        }
        if (options.isEmpty())
            continue;
        if (options.size() == 1 || results.size() * options.size() > maxAlternatives) {
            for (QString &r : results)
                r += options.at(0);
            continue;
        }
        QStringList next;
        next.reserve(results.size() * options.size());
        for (const QString &r : std::as_const(results)) {
            for (const QChar letter : options)
                next << r + letter;
        }
        results = next;
    }
    results.removeDuplicates();
    return results;
}

} // namespace Tongban::Catalog
