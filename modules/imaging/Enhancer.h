#pragma once

#include <QImage>

namespace Tongban::Imaging {

/// Output rendering of a page; zero is invalid.
enum class EnhanceMode { Invalid = 0, Colour, Grey, BlackWhite, Auto };

QString enhanceModeName(EnhanceMode mode);
EnhanceMode enhanceModeFromName(const QString &name);

/*!
 * Document enhancement of a rectified page: uneven light removed and the
 * paper whitened (per channel, so red seals stay red), then the mode's
 * rendering. Auto keeps colour when the page has seals or photos, grey
 * otherwise; \a chosen receives the mode actually used. Thread-safe.
 */
QImage enhancePage(const QImage &page, EnhanceMode mode, EnhanceMode *chosen = nullptr);

} // namespace Tongban::Imaging
