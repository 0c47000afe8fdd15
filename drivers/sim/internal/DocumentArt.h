#pragma once

#include "../SimScene.h"

#include <QImage>

namespace Tongban::Drivers::Sim::Internal {

/*!
 * The flat artwork of a document at \a pixelsPerMm (RGB888), variant-dependent
 * text. Cached: the same arguments return the same shared image. Thread-safe.
 */
QImage documentArt(DocumentKind kind, int variant, double pixelsPerMm, bool whiteOnWhite);

} // namespace Tongban::Drivers::Sim::Internal
