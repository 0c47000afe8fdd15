// Synthetic flatbed / sheet-scanner scans, for tst_deskew and bench_imaging.
//
// What a SANE flatbed delivers at 200 dpi: the whole glass (here 1800 x 2480 px, about
// 229 x 315 mm), a near-white lid (240-250, mild sensor noise, no light fall-off, no
// perspective), and a white page (252-255) with content (title, text lines, a ruled table,
// a red seal), rotated by a known angle about its centre and sometimes offset. Two harder
// cases: a dark photo near the page's edge, and a lid shadow line along the top border of
// the glass (the lid not closed flat), once on a short note (little text). Deterministic: a pure
// function of the index.
#pragma once

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QtMath>

#include <vector>

namespace Tongban::Imaging::Testing {

struct FlatbedScan
{
    QImage image; ///< RGB888, 200 dpi
    double angleDeg = 0; ///< the page's rotation, clockwise on screen (QPainter::rotate)
    QString label;
};

struct FlatbedSpec
{
    double angleDeg = 0;
    QPointF offset; ///< the page's centre from the glass's centre, px
    int lid = 245; ///< lid grey level
    bool photo = false; ///< a dark photo near the page's right edge
    bool shadow = false; ///< a lid shadow line along the glass's top border
    const char *label = "";
    bool sparse = false; ///< a short note: a title, three lines and the seal
};

inline const std::vector<FlatbedSpec> &flatbedSpecs()
{
    static const std::vector<FlatbedSpec> specs = {
        { 1.0, { 0, 0 }, 245, false, false, "+1.0" },
        { -2.2, { -20, 15 }, 242, false, false, "-2.2 offset" },
        { 0.4, { 10, -30 }, 248, false, false, "+0.4" },
        { -0.4, { 0, 20 }, 244, false, false, "-0.4" },
        { 3.0, { -15, 0 }, 246, false, false, "+3.0" },
        { -3.0, { 18, -12 }, 240, false, false, "-3.0" },
        { 1.7, { 0, 10 }, 245, true, false, "+1.7 photo" },
        { -1.3, { 25, 40 }, 243, false, true, "-1.3 lid shadow" },
        { 2.5, { -10, 60 }, 241, false, true, "+2.5 short note, lid shadow", true },
    };
    return specs;
}

/// The page alone: A4 at 200 dpi (1654 x 2339), white with content.
inline QImage flatbedPage(quint32 seed, bool photo, bool sparse = false)
{
    QRandomGenerator rng(seed);
    QImage page(1654, 2339, QImage::Format_RGB888);
    page.fill(QColor(254, 254, 253));
    QPainter p(&page);
    p.setPen(Qt::NoPen);
    const QColor ink(35, 35, 40);
    // A line of "words": glyph-sized boxes with ascenders and descenders.
    auto textLine = [&](int x0, int x1, int baseline, int xHeight) {
        int x = x0;
        while (x < x1) {
            const int word = 3 + int(rng.bounded(7));
            for (int g = 0; g < word && x < x1; ++g) {
                const int w = xHeight * 6 / 10 + int(rng.bounded(xHeight / 2 + 1));
                const int kind = int(rng.bounded(10));
                int top = baseline - xHeight, bottom = baseline;
                if (kind < 2)
                    top -= xHeight / 2; // ascender
                else if (kind < 3)
                    bottom += xHeight / 3; // descender
                p.fillRect(x, top, std::max(2, w - 3), bottom - top, ink);
                x += w;
            }
            x += xHeight;
        }
    };
    // Title.
    textLine(520, 1130, 230, 34);
    if (sparse) {
        for (int l = 0; l < 3; ++l)
            textLine(175, l == 2 ? 800 : 1480, 330 + 46 * l, 20);
    }
    // Body paragraphs; on the photo page the text is narrower.
    const int right = photo ? 1000 : 1480;
    int y = 330;
    for (int para = 0; para < (sparse ? 0 : 3); ++para) {
        const int lines = 5 + int(rng.bounded(4));
        for (int l = 0; l < lines; ++l, y += 46)
            textLine(para == 0 && l == 0 ? 230 : 175, l == lines - 1 ? 900 : right, y, 20);
        y += 40;
    }
    // A ruled table (not on the short note).
    const int tableTop = y + 20, rows = sparse ? 0 : 8, rowH = 60;
    const int cols[] = { 175, 480, 820, 1150, 1480 };
    for (int r = 0; r <= rows && !sparse; ++r)
        p.fillRect(175, tableTop + r * rowH, 1305, 3, ink);
    for (int c : cols)
        if (!sparse)
            p.fillRect(c, tableTop, 3, rows * rowH + 3, ink);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < 4; ++c)
            textLine(cols[c] + 20, cols[c] + 20 + 80 + int(rng.bounded(160)),
                tableTop + r * rowH + 42, 18);
    // Closing lines and signature.
    y = tableTop + rows * rowH + 90;
    for (int l = 0; l < (sparse ? 0 : 4); ++l, y += 46)
        textLine(175, l == 3 ? 700 : 1480, y, 20);
    textLine(1050, 1450, 2150, 20);
    // The red seal over the signature.
    p.setRenderHint(QPainter::Antialiasing);
    QPen ring(QColor(205, 40, 40), 9);
    p.setPen(ring);
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QPointF(1250, 2080), 150, 150);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(205, 40, 40));
    QPainterPath star;
    for (int k = 0; k < 10; ++k) {
        const double a = -M_PI / 2 + k * M_PI / 5, r = k % 2 ? 22 : 55;
        const QPointF pt(1250 + r * std::cos(a), 2080 + r * std::sin(a));
        k ? star.lineTo(pt) : star.moveTo(pt);
    }
    star.closeSubpath();
    p.drawPath(star);
    if (photo) {
        // A dark photo (a portrait-like gradient) near the right edge.
        QLinearGradient g(1090, 300, 1590, 900);
        g.setColorAt(0, QColor(25, 28, 35));
        g.setColorAt(0.5, QColor(90, 70, 60));
        g.setColorAt(1, QColor(20, 20, 25));
        p.setBrush(g);
        p.drawRect(1090, 300, 500, 640);
    }
    p.end();
    return page;
}

inline FlatbedScan renderFlatbedScan(size_t index)
{
    const FlatbedSpec &spec = flatbedSpecs().at(index);
    const QImage page = flatbedPage(quint32(9100 + index), spec.photo, spec.sparse);
    QImage scan(1800, 2480, QImage::Format_RGB888);
    scan.fill(QColor(spec.lid, spec.lid, spec.lid - 1));
    QPainter p(&scan);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(scan.width() / 2.0 + spec.offset.x(), scan.height() / 2.0 + spec.offset.y());
    p.rotate(spec.angleDeg);
    p.drawImage(QPointF(-page.width() / 2.0, -page.height() / 2.0), page);
    p.resetTransform();
    if (spec.shadow) {
        // The lid's edge casts a soft dark line along the glass's top border.
        for (int r = 0; r < 14; ++r) {
            const int v = 70 + r * r;
            p.fillRect(0, 4 + r, scan.width(), 1, QColor(v, v, v));
        }
    }
    p.end();
    // Sensor noise (about +-2 levels), deterministic.
    QRandomGenerator noise(quint32(77 + index));
    for (int yy = 0; yy < scan.height(); ++yy) {
        uchar *line = scan.scanLine(yy);
        for (int x = 0; x < scan.width() * 3; x += 4) {
            const quint32 r = noise.generate();
            for (int k = 0; k < 4 && x + k < scan.width() * 3; ++k) {
                const int d = int((r >> (8 * k)) & 7) - 3; // -3..4, mean about 0.5
                line[x + k] = uchar(std::clamp(int(line[x + k]) + (d > 2 ? 2 : d), 0, 255));
            }
        }
    }
    return { scan, spec.angleDeg, QString::fromLatin1(spec.label) };
}

inline size_t flatbedScanCount()
{
    return flatbedSpecs().size();
}

} // namespace Tongban::Imaging::Testing
