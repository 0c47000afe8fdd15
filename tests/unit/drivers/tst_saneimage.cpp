// SANE frames to images for the formats SANE's test backend does not send here:
// 1-bit line art, 16-bit samples, three-pass colour, hand-scanner height, short data.
#include <QTest>

#include <drivers/api/DriverErrors.h>
#include <drivers/sane/internal/SaneImage.h>

using namespace Tongban;
using namespace Tongban::Drivers;
using Tongban::Drivers::Sane::Internal::framesToImage;
using Tongban::Drivers::Sane::Internal::SaneFrame;

namespace {
SaneFrame frame(SANE_Frame format, int depth, int width, int lines, int bytesPerLine,
    const QByteArray &data, bool last = true)
{
    SaneFrame f;
    f.params.format = format;
    f.params.last_frame = last ? SANE_TRUE : SANE_FALSE;
    f.params.depth = depth;
    f.params.pixels_per_line = width;
    f.params.lines = lines;
    f.params.bytes_per_line = bytesPerLine;
    f.data = data;
    return f;
}
} // namespace

class TestSaneImage : public QObject
{
    Q_OBJECT
private slots:
    void lineArtOneIsBlack()
    {
        // GIVEN 10 pixels of 1-bit grey, bits 1010000011 (two bytes per line, padded)
        const QByteArray row("\xA0\xC0", 2);
        const auto image = framesToImage({ frame(SANE_FRAME_GRAY, 1, 10, 2, 2, row + row) });
        QVERIFY(image.ok());
        QCOMPARE(image->format(), QImage::Format_Grayscale8);
        QCOMPARE(image->size(), QSize(10, 2));
        const int expected[] = { 0, 255, 0, 255, 255, 255, 255, 255, 0, 0 };
        for (int x = 0; x < 10; ++x)
            QCOMPARE(qGray(image->pixel(x, 1)), expected[x]);
    }

    void sixteenBitKeepsTheHighByte()
    {
        const quint16 samples[] = { 0x1234, 0xFF00, 0x0080 }; // RGB of one pixel, host order
        const QByteArray data(reinterpret_cast<const char *>(samples), sizeof samples);
        const auto image = framesToImage({ frame(SANE_FRAME_RGB, 16, 1, 1, 6, data) });
        QVERIFY(image.ok());
        QCOMPARE(image->format(), QImage::Format_RGB888);
        QCOMPARE(image->pixel(0, 0), qRgb(0x12, 0xFF, 0x00));
    }

    void threePassColourIsCombined()
    {
        const auto image
            = framesToImage({ frame(SANE_FRAME_RED, 8, 2, 1, 2, QByteArray("\x10\x20", 2), false),
                frame(SANE_FRAME_GREEN, 8, 2, 1, 2, QByteArray("\x30\x40", 2), false),
                frame(SANE_FRAME_BLUE, 8, 2, 1, 2, QByteArray("\x50\x60", 2)) });
        QVERIFY(image.ok());
        QCOMPARE(image->pixel(0, 0), qRgb(0x10, 0x30, 0x50));
        QCOMPARE(image->pixel(1, 0), qRgb(0x20, 0x40, 0x60));
    }

    void handScannerHeightComesFromTheData()
    {
        const auto image
            = framesToImage({ frame(SANE_FRAME_GRAY, 8, 3, -1, 4, QByteArray(4 * 5, '\x7F')) });
        QVERIFY(image.ok());
        QCOMPARE(image->size(), QSize(3, 5));
    }

    void shortOrStrangeDataIsAClearError()
    {
        const auto shortData
            = framesToImage({ frame(SANE_FRAME_GRAY, 8, 10, 10, 10, QByteArray(50, '\0')) });
        QVERIFY(!shortData.ok());
        QCOMPARE(shortData.error().code, int(CaptureFailed));
        QVERIFY(!shortData.error().message.isEmpty());
        QVERIFY(!framesToImage({}).ok());
        QVERIFY(!framesToImage({ frame(SANE_FRAME_GRAY, 4, 2, 1, 1, QByteArray(1, '\0')) }).ok());
    }
};

QTEST_GUILESS_MAIN(TestSaneImage)
#include "tst_saneimage.moc"
