#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Tongban {

namespace {
/*!
 * lupdate cannot always tell which namespace a module's Tr struct belongs to
 * (inside anonymous or nested namespaces it sometimes files the string under
 * the bare context "Tr"), while at run time the context is the module's
 * ("Tongban::Imaging"). This translator looks in "Tr" when the module's
 * context has no entry, so such strings are translated all the same.
 */
class ModuleTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        const QString found = QTranslator::translate(context, sourceText, disambiguation, n);
        if (!found.isEmpty() || qstrcmp(context, "Tr") == 0)
            return found;
        return QTranslator::translate("Tr", sourceText, disambiguation, n);
    }
};
} // namespace

QString installTranslations(QString language)
{
    if (language.isEmpty())
        language = QStringLiteral("zh_CN");
    if (language != QLatin1String("zh_CN") && language != QLatin1String("en")) {
        qWarning("unknown language %s, using zh_CN", qPrintable(language));
        language = QStringLiteral("zh_CN");
    }
    QLocale::setDefault(QLocale(language));

    auto *ours = new ModuleTranslator(QCoreApplication::instance());
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
