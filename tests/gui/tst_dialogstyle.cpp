// The workstation's dialogs are drawn with the application's style sheet
// (resources/style/tongban.qss, set on the QApplication as main.cpp does): a button marked
// secondary (property or object name) is outlined on white, every other enabled button is
// filled with the main action's blue (issue 16). The rating dialog's 跳过 was filled like
// 提交评价: QDialogButtonBox::addButton(text, role) polishes the new button at once, and a
// property set afterwards is not seen by the style sheet. Under Xvfb; the dialogs'
// screenshots land in TONGBAN_SCREENSHOT_DIR (build/<preset>/screenshots/dialogs).
// Each dialog shows one filled main action; dialogs have the main window's background
// (#f3f5f8, not Qt's grey); the rating comment's counter turns red over 500 characters.

#include "cases/GuideReportDialog.h"
#include "cases/RatingDialog.h"
#include "setup/SetupAssistant.h"

#include <widgets/PageViewer.h>

#include <QApplication>
#include <QCursor>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

#include <Translations.h>

using namespace Tongban;

namespace {

const QColor Filled(0x1d, 0x4e, 0x89); // QPushButton
const QColor Outlined(Qt::white); // QPushButton[secondary="true"], QPushButton#secondary
const QColor Background(0xf3, 0xf5, 0xf8); // QMainWindow's, and QDialog's

bool markedSecondary(const QPushButton *button)
{
    return button->property("secondary").toBool()
        || button->objectName() == QStringLiteral("secondary");
}

/// The button's fill, read inside its border and above its text (padding 8 px).
QColor fillOf(QPushButton *button)
{
    const QImage image = button->grab().toImage();
    return image.pixelColor(image.width() / 2, 4);
}

/// Every enabled button of \a dialog as the style sheet says, or what is drawn otherwise.
QString wrongButtons(QDialog &dialog, const QString &shot)
{
    dialog.move(0, 0);
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        return QStringLiteral("dialog not exposed");
    QCursor::setPos(1365, 767); // hovering nothing
    QTest::qWait(100);
    const QString dir = qEnvironmentVariable("TONGBAN_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        dialog.grab().save(dir + u'/' + shot);
    }
    QStringList wrong;
    const auto buttons = dialog.findChildren<QPushButton *>();
    if (buttons.size() < 2)
        return QStringLiteral("fewer than two buttons");
    QStringList filled;
    for (QPushButton *button : buttons) {
        if (!button->isEnabled() || !button->isVisible())
            continue;
        const QColor expected = markedSecondary(button) ? Outlined : Filled;
        const QColor drawn = fillOf(button);
        if (drawn != expected)
            wrong << QStringLiteral("%1 (%2) drawn %3 instead of %4")
                         .arg(button->text(), button->objectName(), drawn.name(), expected.name());
        if (drawn == Filled)
            filled << button->text();
    }
    if (filled.size() != 1)
        wrong << QStringLiteral("%1 buttons filled instead of one main action: %2")
                     .arg(filled.size())
                     .arg(filled.join(QStringLiteral(", ")));
    // The dialog's own ground, inside its layout's margin (top left, 3 px in).
    const QColor ground = dialog.grab().toImage().pixelColor(3, 3);
    if (ground != Background)
        wrong
            << QStringLiteral("background %1 instead of %2").arg(ground.name(), Background.name());
    return wrong.join(QStringLiteral("; "));
}

} // namespace

class TestDialogStyle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theRatingDialogsSkipIsOutlined();
    void theGuideReportDialogsCancelIsOutlined();
    void theRatingCommentsCounterTurnsRedOverTheLimit();
    void thePageViewerHasOneFilledAction();
    void theSetupAssistantsCancelAndBackAreOutlined();
};

void TestDialogStyle::initTestCase()
{
    QCOMPARE(installTranslations(QString()), QStringLiteral("zh_CN"));
    QFile style(QStringLiteral(":/tongban/ui/style/tongban.qss"));
    QVERIFY(style.open(QIODevice::ReadOnly));
    qApp->setStyleSheet(QString::fromUtf8(style.readAll()));
}

void TestDialogStyle::theRatingDialogsSkipIsOutlined()
{
    // GIVEN the application's style sheet and the rating dialog with a level chosen
    Gui::RatingDialog dialog(QStringLiteral("个体工商户设立登记 · 410402-TB03-20261202-0001"));
    auto *level = dialog.findChild<QRadioButton *>(QStringLiteral("rating_4"));
    QVERIFY(level);
    level->setChecked(true);
    auto *skip = dialog.findChild<QPushButton *>(QStringLiteral("skipRating"));
    QVERIFY(skip && markedSecondary(skip));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("sendRating"))->isEnabled());
    // WHEN it is shown
    const QString wrong = wrongButtons(dialog, QStringLiteral("rating.png"));
    // THEN 跳过 is outlined and 提交评价 filled
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
}

void TestDialogStyle::theGuideReportDialogsCancelIsOutlined()
{
    // GIVEN the application's style sheet and the guide-error report with a text written
    Gui::GuideReportDialog dialog(QStringLiteral("个体工商户设立登记"), QStringLiteral("营业执照"));
    auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("reportText"));
    QVERIFY(text);
    text->setPlainText(QStringLiteral("指南要求的材料与实际不符"));
    // WHEN it is shown
    const QString wrong = wrongButtons(dialog, QStringLiteral("guide-report.png"));
    // THEN 取消 is marked and drawn outlined, 发送到平台 (the one main action) filled
    int secondary = 0;
    for (const QPushButton *button : dialog.findChildren<QPushButton *>())
        secondary += markedSecondary(button) ? 1 : 0;
    QCOMPARE(secondary, 1);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
}

namespace {

/// How many of \a label's pixels are drawn clearly red (the text's strokes when red).
int redPixels(QLabel *label)
{
    const QImage image = label->grab().toImage();
    int red = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            red += c.red() - std::max(c.green(), c.blue()) > 80 ? 1 : 0;
        }
    return red;
}

} // namespace

void TestDialogStyle::theRatingCommentsCounterTurnsRedOverTheLimit()
{
    // GIVEN the rating dialog shown with a short comment: its counter is not red
    Gui::RatingDialog dialog(QStringLiteral("个体工商户设立登记 · 410402-TB03-20261202-0001"));
    auto *comment = dialog.findChild<QPlainTextEdit *>(QStringLiteral("ratingComment"));
    QVERIFY(comment);
    comment->setPlainText(QStringLiteral("办得很快"));
    dialog.move(0, 0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLabel *counter = nullptr;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        if (label->text().contains(QStringLiteral("500")))
            counter = label;
    QVERIFY(counter);
    QCOMPARE(redPixels(counter), 0);
    // WHEN the comment grows past 500 characters (after the dialog was styled)
    comment->setPlainText(QString(501, QChar(u'好')));
    QTest::qWait(50);
    const QString dir = qEnvironmentVariable("TONGBAN_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        dialog.grab().save(dir + QStringLiteral("/rating-too-long.png"));
    // THEN the counter says so in red (state=bad re-polished), and back when it is short again
    QCOMPARE(counter->property("state").toString(), QStringLiteral("bad"));
    QVERIFY2(redPixels(counter) > 20, qPrintable(QString::number(redPixels(counter))));
    comment->setPlainText(QString(500, QChar(u'好')));
    QTest::qWait(50);
    QCOMPARE(redPixels(counter), 0);
}

void TestDialogStyle::thePageViewerHasOneFilledAction()
{
    // GIVEN the application's style sheet and the page viewer with a page
    Widgets::PageViewer viewer;
    QImage page(600, 800, QImage::Format_RGB32);
    page.fill(Qt::white);
    viewer.setPage(page, 0, QStringLiteral("营业执照 · 第 1 页"));
    viewer.resize(700, 820);
    // WHEN it is shown
    const QString wrong = wrongButtons(viewer, QStringLiteral("page-viewer.png"));
    // THEN the zoom buttons are outlined and 关闭 alone filled, on the window's background
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    // AND the page is fitted to the window as opened (it was drawn at 3 %, 24 px high)
    int pageHeight = 0;
    for (const QLabel *label : viewer.findChildren<QLabel *>())
        pageHeight = std::max(pageHeight, label->pixmap().height());
    QVERIFY2(pageHeight > 600, qPrintable(QString::number(pageHeight)));
}

void TestDialogStyle::theSetupAssistantsCancelAndBackAreOutlined()
{
    // GIVEN the application's style sheet and the setup assistant of a fresh workstation
    QTemporaryDir data;
    QVERIFY(data.isValid());
    qputenv("XDG_CONFIG_DIRS", data.filePath(QStringLiteral("no-hall")).toUtf8());
    Gui::SetupAssistant assistant(data.path(), true);
    // WHEN its first screen is shown (取消; 登录并检查 is its action while 下一步 waits)
    QString wrong = wrongButtons(assistant, QStringLiteral("setup-platform.png"));
    // THEN 取消 is outlined and one button filled
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    // WHEN the last screen is reached from the devices' (上一步, 完成, 取消)
    assistant.setStartId(Gui::SetupAssistant::DevicesPageId);
    assistant.restart();
    assistant.next();
    QCOMPARE(assistant.currentId(), int(Gui::SetupAssistant::FinishPageId));
    QVERIFY(assistant.button(QWizard::BackButton)->isEnabled());
    wrong = wrongButtons(assistant, QStringLiteral("setup-finish.png"));
    // THEN 上一步 and 取消 are outlined, 完成 filled
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
}

QTEST_MAIN(TestDialogStyle)
#include "tst_dialogstyle.moc"
