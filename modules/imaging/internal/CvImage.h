#pragma once

// OpenCV stays inside the imaging module's .cpp files and this internal header.
#include <QImage>

#include <opencv2/core.hpp>

namespace Tongban::Imaging::Internal {

/// RGB888 (or Grayscale8) view or converted copy of \a image; channels stay in RGB order.
inline cv::Mat toMat(const QImage &image, QImage *keepAlive)
{
    QImage img = image;
    if (img.format() != QImage::Format_RGB888 && img.format() != QImage::Format_Grayscale8)
        img = img.convertToFormat(QImage::Format_RGB888);
    *keepAlive = img;
    const int type = img.format() == QImage::Format_Grayscale8 ? CV_8UC1 : CV_8UC3;
    return cv::Mat(img.height(), img.width(), type, const_cast<uchar *>(keepAlive->constBits()),
        size_t(keepAlive->bytesPerLine()));
}

/// A deep copy of an 8-bit 1- or 3-channel (RGB) matrix.
inline QImage toQImage(const cv::Mat &mat)
{
    const auto format = mat.channels() == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
    return QImage(mat.data, mat.cols, mat.rows, int(mat.step), format).copy();
}

/// A new \a width x \a height image of \a channels (1: Grayscale8, 3: RGB888) and, in
/// \a view, a matrix over its pixels: OpenCV writes the result there, no copy after.
inline QImage newImage(int width, int height, int channels, cv::Mat *view)
{
    QImage image(width, height, channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    *view = image.isNull() ? cv::Mat()
                           : cv::Mat(height, width, channels == 1 ? CV_8UC1 : CV_8UC3, image.bits(),
                               size_t(image.bytesPerLine()));
    return image;
}

} // namespace Tongban::Imaging::Internal
