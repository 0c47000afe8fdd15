#include "DocumentArt.h"

#include <QFont>
#include <QHash>
#include <QMutex>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

namespace Tongban::Drivers::Sim::Internal {

namespace {

struct Art
{
    QPainter &p;
    double ppm;

    QPointF at(double xMm, double yMm) const { return { xMm * ppm, yMm * ppm }; }
    QRectF rect(double x, double y, double w, double h) const
    {
        return { x * ppm, y * ppm, w * ppm, h * ppm };
    }
    void font(double heightMm, bool bold = false, bool serif = false)
    {
        QFont f(serif ? QStringLiteral("Noto Serif CJK SC") : QStringLiteral("Noto Sans CJK SC"));
        f.setPixelSize(qMax(1, qRound(heightMm * ppm)));
        f.setBold(bold);
        p.setFont(f);
    }
    void pen(const QColor &c, double widthMm) { p.setPen(QPen(c, qMax(1.0, widthMm * ppm))); }
    void text(double x, double y, const QString &t) { p.drawText(at(x, y), t); }
    void line(double x1, double y1, double x2, double y2) { p.drawLine(at(x1, y1), at(x2, y2)); }

    // A red official seal: ring, star and the organisation's name around it.
    void seal(double cx, double cy, double radiusMm, const QString &name)
    {
        const QColor red(205, 30, 35);
        p.save();
        pen(red, radiusMm * 0.07);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(at(cx, cy), radiusMm * ppm, radiusMm * ppm);
        QPainterPath star;
        for (int i = 0; i < 10; ++i) {
            const double r = (i % 2 ? 0.4 : 1.0) * radiusMm * 0.35;
            const double a = -M_PI / 2 + i * M_PI / 5;
            const QPointF pt = at(cx + r * qCos(a), cy + r * qSin(a));
            if (i == 0)
                star.moveTo(pt);
            else
                star.lineTo(pt);
        }
        star.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(red);
        p.drawPath(star);
        p.setPen(red);
        font(radiusMm * 0.28, true);
        const int n = int(name.size());
        for (int i = 0; i < n; ++i) {
            const double a = -M_PI * 0.95 + (i + 0.5) * (M_PI * 0.9 / n) - M_PI * 0.05;
            p.save();
            p.translate(at(cx + radiusMm * 0.72 * qCos(a), cy + radiusMm * 0.72 * qSin(a)));
            p.rotate(qRadiansToDegrees(a) + 90);
            const double w = radiusMm * 0.3 * ppm;
            p.drawText(QRectF(-w / 2, -w / 2, w, w), Qt::AlignCenter, name.mid(i, 1));
            p.restore();
        }
        p.restore();
    }
};

const QStringList kNames = { QStringLiteral("张伟"), QStringLiteral("王芳"), QStringLiteral("李娜"),
    QStringLiteral("刘洋") };

void drawA4Form(Art &a, int variant)
{
    const QString titles[] = { QStringLiteral("不动产登记申请表"),
        QStringLiteral("个体工商户设立登记申请书"), QStringLiteral("住房公积金提取申请表") };
    a.p.setPen(Qt::black);
    a.font(7, true, true);
    a.p.drawText(a.rect(0, 18, 210, 12), Qt::AlignCenter, titles[variant % 3]);
    a.font(3.2);
    a.text(20, 40, QStringLiteral("编号：") + QString::number(440300 + variant * 17));
    a.pen(Qt::black, 0.35);
    const double left = 20, right = 190, top = 45, rowH = 12;
    const int rows = 16;
    for (int r = 0; r <= rows; ++r)
        a.line(left, top + r * rowH, right, top + r * rowH);
    a.line(left, top, left, top + rows * rowH);
    a.line(right, top, right, top + rows * rowH);
    a.line(55, top, 55, top + rows * rowH);
    a.line(110, top, 110, top + 8 * rowH);
    a.line(140, top, 140, top + 8 * rowH);
    const QStringList labels = { QStringLiteral("申请人"), QStringLiteral("身份证号"),
        QStringLiteral("联系电话"), QStringLiteral("通讯地址"), QStringLiteral("不动产坐落"),
        QStringLiteral("申请事项"), QStringLiteral("权利类型"), QStringLiteral("面积"),
        QStringLiteral("备注"), QStringLiteral("代理人"), QStringLiteral("材料清单"),
        QStringLiteral("受理意见"), QStringLiteral("审核意见"), QStringLiteral("登簿"),
        QStringLiteral("领证"), QStringLiteral("签字") };
    a.font(3.6);
    for (int r = 0; r < rows; ++r)
        a.text(23, top + r * rowH + 8, labels[r % labels.size()]);
    a.p.setPen(QColor(20, 40, 150));
    a.font(4.2);
    a.text(60, top + 8, kNames[variant % kNames.size()]);
    a.text(60, top + rowH + 8,
        QStringLiteral("110105198001010000").left(6) + QStringLiteral("********")
            + QStringLiteral("002X"));
    a.text(60, top + 3 * rowH + 8, QStringLiteral("北京市朝阳区建国路88号院3号楼"));
    a.p.setPen(Qt::black);
    a.font(3.0);
    for (int i = 0; i < 6; ++i)
        a.text(60, top + (10 + i % 3) * rowH + 8,
            QStringLiteral("本人承诺所提交材料真实有效，如有虚假愿承担法律责任。"));
    a.text(120, 262, QStringLiteral("申请人（签章）：          年    月    日"));
    a.seal(150, 250, 20, QStringLiteral("某某市政务服务中心专用章"));
}

void drawA5Note(Art &a, int variant)
{
    a.p.setPen(Qt::black);
    a.font(6, true, true);
    a.p.drawText(a.rect(0, 12, 148, 10), Qt::AlignCenter, QStringLiteral("委托书"));
    a.font(3.4);
    for (int i = 0; i < 12; ++i)
        a.text(14, 34 + i * 9,
            i % 3 == 2 ? QStringLiteral("特此委托。")
                       : QStringLiteral("兹委托%1代为办理相关登记手续，受托人权限如下。")
                             .arg(kNames[(variant + i) % kNames.size()]));
    a.seal(105, 175, 16, QStringLiteral("某某有限公司公章"));
}

void drawIdFront(Art &a, int variant)
{
    // Light blue-grey guilloche background.
    a.p.fillRect(a.rect(0, 0, 85.6, 54), QColor(222, 232, 238));
    a.pen(QColor(190, 210, 225), 0.2);
    for (int i = 0; i < 30; ++i)
        a.p.drawEllipse(a.at(60, 27), (10 + i * 2.2) * a.ppm, (6 + i * 1.3) * a.ppm);
    a.p.fillRect(a.rect(58, 8, 24, 30), QColor(236, 238, 240));
    a.p.setBrush(QColor(200, 160, 130));
    a.p.setPen(Qt::NoPen);
    a.p.drawEllipse(a.rect(63, 12, 14, 17));
    a.p.setBrush(QColor(40, 40, 50));
    a.p.drawChord(a.rect(62, 10, 16, 12), 0, 180 * 16);
    a.p.drawRect(a.rect(60, 30, 20, 8));
    a.p.setPen(QColor(60, 60, 60));
    a.font(2.6);
    a.text(5, 10, QStringLiteral("姓名"));
    a.text(5, 17, QStringLiteral("性别        民族"));
    a.text(5, 24, QStringLiteral("出生"));
    a.text(5, 31, QStringLiteral("住址"));
    a.text(5, 47, QStringLiteral("公民身份号码"));
    a.p.setPen(Qt::black);
    a.font(3.2);
    a.text(14, 10, kNames[variant % kNames.size()]);
    a.text(14, 17, QStringLiteral("男            汉"));
    a.text(14, 24, QStringLiteral("1980  年  1  月  1  日"));
    a.font(2.8);
    a.text(14, 31, QStringLiteral("北京市朝阳区建国路"));
    a.text(14, 36, QStringLiteral("88号院3号楼"));
    a.font(3.4, true);
    a.text(25, 47, QStringLiteral("110105********002X"));
}

void drawIdBack(Art &a, int)
{
    a.p.fillRect(a.rect(0, 0, 85.6, 54), QColor(228, 236, 232));
    a.pen(QColor(200, 220, 210), 0.2);
    for (int i = 0; i < 25; ++i)
        a.p.drawEllipse(a.at(43, 30), (8 + i * 2.5) * a.ppm, (5 + i * 1.5) * a.ppm);
    a.p.setPen(Qt::NoPen);
    a.p.setBrush(QColor(210, 40, 40));
    a.p.drawEllipse(a.rect(6, 5, 17, 17));
    a.p.setBrush(QColor(240, 200, 60));
    a.p.drawEllipse(a.rect(11, 10, 7, 7));
    a.p.setPen(Qt::black);
    a.font(4.2, true, true);
    a.text(28, 12, QStringLiteral("中华人民共和国"));
    a.font(5.2, true, true);
    a.text(26, 22, QStringLiteral("居民身份证"));
    a.font(2.8);
    a.text(12, 40, QStringLiteral("签发机关    北京市公安局朝阳分局"));
    a.text(12, 47, QStringLiteral("有效期限    2015.01.01-2035.01.01"));
}

void drawLicence(Art &a, int variant)
{
    a.p.fillRect(a.rect(0, 0, 297, 210), QColor(250, 246, 236));
    a.pen(QColor(190, 140, 50), 2.5);
    a.p.setBrush(Qt::NoBrush);
    a.p.drawRect(a.rect(8, 8, 281, 194));
    a.pen(QColor(200, 40, 40), 0.8);
    a.p.drawRect(a.rect(12, 12, 273, 186));
    a.p.setPen(Qt::black);
    a.font(14, true, true);
    a.p.drawText(a.rect(0, 22, 297, 22), Qt::AlignCenter, QStringLiteral("营 业 执 照"));
    a.font(4.2);
    const QStringList rows = { QStringLiteral("统一社会信用代码  91110105MA01234567"),
        QStringLiteral("名        称  北京某某科技有限公司"),
        QStringLiteral("类        型  有限责任公司（自然人投资或控股）"),
        QStringLiteral("法定代表人  ") + kNames[variant % kNames.size()],
        QStringLiteral("经营范围  技术开发、技术咨询、技术服务；软件开发。"),
        QStringLiteral("注册资本  人民币100万元"), QStringLiteral("成立日期  2018年05月18日"),
        QStringLiteral("住        所  北京市朝阳区建国路88号") };
    for (int i = 0; i < rows.size(); ++i)
        a.text(30, 64 + i * 13, rows[i]);
    // A QR-like block.
    a.p.setPen(Qt::NoPen);
    a.p.setBrush(Qt::black);
    for (int y = 0; y < 21; ++y)
        for (int x = 0; x < 21; ++x)
            if (((x * 7 + y * 13 + variant) % 5) < 2
                || (x < 7 && y < 7 && (x % 6 == 0 || y % 6 == 0)))
                a.p.drawRect(a.rect(240 + x * 1.6, 60 + y * 1.6, 1.6, 1.6));
    a.p.setPen(Qt::black);
    a.font(4);
    a.text(190, 180, QStringLiteral("登记机关"));
    a.seal(225, 168, 21, QStringLiteral("某某市市场监督管理局"));
}

QImage render(DocumentKind kind, int variant, double ppm, bool whiteOnWhite)
{
    const QSizeF mm = documentSizeMm(kind);
    QImage image(qMax(1, qRound(mm.width() * ppm)), qMax(1, qRound(mm.height() * ppm)),
        QImage::Format_RGB888);
    // White on white uses plain copier paper, the hardest case.
    image.fill(whiteOnWhite ? QColor(252, 252, 250) : QColor(248, 247, 243));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    // Artwork is laid out in millimetres of the physical size.
    Art a { p, double(image.width()) / mm.width() };
    switch (kind) {
    case DocumentKind::A4Form:
        drawA4Form(a, variant);
        break;
    case DocumentKind::A5Note:
        drawA5Note(a, variant);
        break;
    case DocumentKind::IdCardFront:
        drawIdFront(a, variant);
        break;
    case DocumentKind::IdCardBack:
        drawIdBack(a, variant);
        break;
    case DocumentKind::Licence:
        drawLicence(a, variant);
        break;
    case DocumentKind::Invalid:
        break;
    }
    return image;
}

} // namespace

QImage documentArt(DocumentKind kind, int variant, double pixelsPerMm, bool whiteOnWhite)
{
    static QMutex mutex;
    static QHash<QString, QImage> cache;
    const QString key = QString::number(int(kind)) + QLatin1Char('/') + QString::number(variant)
        + QLatin1Char('/') + QString::number(qRound(pixelsPerMm * 100)) + QLatin1Char('/')
        + QString::number(int(whiteOnWhite));
    {
        QMutexLocker lock(&mutex);
        const auto it = cache.constFind(key);
        if (it != cache.constEnd())
            return *it;
    }
    QImage art = render(kind, variant, pixelsPerMm, whiteOnWhite);
    QMutexLocker lock(&mutex);
    if (cache.size() > 64)
        cache.clear();
    cache.insert(key, art);
    return art;
}

} // namespace Tongban::Drivers::Sim::Internal
