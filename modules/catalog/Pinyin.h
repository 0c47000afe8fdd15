#pragma once

#include <QString>
#include <QStringList>

namespace Tongban::Catalog {

/*!
 * Pinyin initials of Chinese text, for search by initials (个体工商户 ->
 * "gtgsh"). Data: resources/catalog/pinyin-initials.txt (20,853 characters of
 * U+4E00-U+9FA5, every reading of a polyphonic character).
 *
 * Loaded once on first use; const and thread-safe afterwards.
 */
class Pinyin
{
public:
    /*!
     * The initials strings of \a text: one per combination of readings of its
     * polyphonic characters (at most \a maxAlternatives; beyond, the first
     * reading is used). ASCII letters and digits are kept, lower-cased; other
     * characters are skipped.
     */
    static QStringList initials(const QString &text, int maxAlternatives = 16);

    /// Whether the table was loaded (false only if the resource is missing).
    static bool available();
};

} // namespace Tongban::Catalog
