#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QImage>
#include <QList>

#include <sane/sane.h>

namespace Tongban::Drivers::Sane::Internal {

/// One frame as sane_read() delivered it, with its parameters.
struct SaneFrame
{
    SANE_Parameters params;
    QByteArray data;
};

/*!
 * The frames of one page (one, or three for a three-pass scanner) as an
 * image: Grayscale8 for grey and line-art (1 bit: 1 is black), RGB888 for
 * colour; 16-bit samples keep their high byte. CaptureFailed for anything
 * else or for short data. Hand scanners (lines = -1) take the height from
 * the data. Only the sane/ .cpp files include this.
 */
Core::Result<QImage> framesToImage(const QList<SaneFrame> &frames);

} // namespace Tongban::Drivers::Sane::Internal
