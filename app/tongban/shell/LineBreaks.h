#pragma once

#include <QString>

namespace Tongban::Gui {

/*!
 * \a text with its last two Chinese characters of each paragraph joined by a
 * WORD JOINER (U+2060, invisible, no width): when a word-wrapped label breaks
 * the paragraph, the last line has at least two characters, never one alone
 * (issue 14). Trailing punctuation stays with them. Text without two Chinese
 * characters at a paragraph's end is returned unchanged. Pure function.
 */
QString keepLastCharactersTogether(const QString &text);

} // namespace Tongban::Gui
