#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Tongban {

QString installTranslations(QString language)
{
    if (language.isEmpty())
        language = QStringLiteral("zh_CN");
    if (language != QLatin1String("zh_CN") && language != QLatin1String("en")) {
        qWarning("unknown language %s, using zh_CN", qPrintable(language));
        language = QStringLiteral("zh_CN");
    }
    QLocale::setDefault(QLocale(language));

    auto *ours = new QTranslator(QCoreApplication::instance());
    if (ours->load(QStringLiteral(":/tongban/i18n/tongban_") + language + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(ours);
    else
        qWarning("translation %s missing from resources", qPrintable(language));

    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return language;
}

} // namespace Tongban
