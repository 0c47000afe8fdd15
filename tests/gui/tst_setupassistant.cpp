// The first-run assistant of a window (issue 16), through the real dialog on Xvfb and by the
// keyboard alone: an administrator's sign-in on tongban-hub in this process (127.0.0.1), the
// window's identity, the simulated devices, a test page on the CUPS fixture's cups-pdf
// printer, and the window's settings file it writes under the hall's. The platform's
// certificate is checked against a hub speaking TLS with the test CA's certificate
// (tests/unit/platform/data), and the window id against the hub's list of windows.

#include "LoneCharacters.h"
#include "MouseSpy.h"
#include "setup/DeviceCheckPage.h"
#include "setup/SetupAssistant.h"
#include "shell/MainWindow.h"

#include <widgets/CameraView.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCursor>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTextLayout>
#include <QTimer>

#include <InProcessHub.h>
#include <Translations.h>
#include <common/WindowSettings.h>
#include <common/Workstation.h>

using namespace Tongban;

namespace {
const QString Password = QStringLiteral("Tongban@2026");
const QString WindowName = QStringLiteral("新华区政务服务中心3号通办窗口");

QWidget *focus()
{
    return QApplication::focusWidget();
}

QString focusName()
{
    return focus() ? focus()->objectName() : QStringLiteral("<no focus>");
}

/// Types \a text where the focus is, Chinese through the input method as a Pinyin IME commits.
void type(const QString &text)
{
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 128;
    if (ascii) {
        QTest::keyClicks(focus(), text);
        return;
    }
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QApplication::sendEvent(focus(), &commit);
}

void press(Qt::Key key, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QTest::keyClick(focus(), key, mods);
}

/// A screenshot of \a assistant's page in build/<preset>/screenshots/setup, and the lone
/// characters of its wrapped labels appended to \a lone.
void shoot(QWidget *assistant, const QString &name, QStringList *lone)
{
    QTest::qWait(100);
    const QString dir = QStringLiteral(TONGBAN_SCREENSHOT_ROOT "/setup");
    QDir().mkpath(dir);
    assistant->grab().save(QStringLiteral("%1/%2.png").arg(dir, name));
    for (const QString &found : LoneCharacters::find(assistant))
        lone->append(name + QStringLiteral(": ") + found);
}

QString labelText(QWidget *root, const QString &name)
{
    auto *label = root->findChild<QLabel *>(name);
    if (!label)
        return QStringLiteral("<no %1>").arg(name);
    // What the clerk reads, without the word joiners that keep a window id on one line.
    return label->text().remove(QChar(0x2060));
}

const QString kData = QStringLiteral(TONGBAN_PLATFORM_TEST_DATA);

const QColor Filled(0x1d, 0x4e, 0x89); // tongban.qss: QPushButton, the main action
const QColor Outlined(Qt::white); // tongban.qss: QPushButton[secondary="true"]

/// A button's fill as drawn, inside its border and above its text (padding 8 px).
QColor fillOf(QAbstractButton *button)
{
    const QImage image = button->grab().toImage();
    return image.pixelColor(image.width() / 2, 4);
}

/// The texts of \a root's visible, enabled buttons drawn filled with the main action's blue.
QStringList filledButtons(QWidget *root)
{
    QStringList filled;
    for (QPushButton *button : root->findChildren<QPushButton *>())
        if (button->isVisible() && button->isEnabled() && fillOf(button) == Filled)
            filled.append(button->text());
    return filled;
}

/// One request to the hub at \a base as a workstation makes it; the answer's status.
int call(const QString &base, const QByteArray &method, const QString &path,
    const QJsonObject &body, const QByteArray &token = {}, QJsonObject *answer = nullptr)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(base + QStringLiteral("/api/v1") + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token);
    QNetworkReply *reply = network.sendCustomRequest(
        request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (answer)
        *answer = QJsonDocument::fromJson(reply->readAll()).object();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

/// The administrator's sign-in on the platform page, by its widgets.
void checkPlatform(Gui::SetupAssistant &assistant, const QString &ca = {})
{
    assistant.findChild<QLineEdit *>(QStringLiteral("platformCa"))->setText(ca);
    assistant.findChild<QLineEdit *>(QStringLiteral("adminAccount"))
        ->setText(QStringLiteral("pds-admin"));
    assistant.findChild<QLineEdit *>(QStringLiteral("adminPassword"))->setText(Password);
    assistant.findChild<QAbstractButton *>(QStringLiteral("checkPlatform"))->click();
}
} // namespace

class tst_SetupAssistant : public QObject
{
    Q_OBJECT

private:
    InProcessHub m_hub;
    QTemporaryDir m_dir;
    QString m_hallFile;
    QString m_dataDir;

    void writeHall(const QMap<QString, QVariant> &values)
    {
        QFile::remove(m_hallFile);
        QSettings hall(m_hallFile, QSettings::IniFormat);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            hall.setValue(it.key(), it.value());
        hall.sync();
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(installTranslations(QString()), QStringLiteral("zh_CN"));
        QFile style(QStringLiteral(":/tongban/ui/style/tongban.qss"));
        QVERIFY(style.open(QIODevice::ReadOnly));
        qApp->setStyleSheet(QString::fromUtf8(style.readAll()));
        const QString started = m_hub.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        // The hall's file as IT drops it: the platform and the printer, no window identity.
        const QString xdg = m_dir.filePath(QStringLiteral("xdg"));
        QVERIFY(QDir().mkpath(xdg + QStringLiteral("/tongban")));
        qputenv("XDG_CONFIG_DIRS", xdg.toUtf8());
        m_hallFile = xdg + QStringLiteral("/tongban/tongban.conf");
        m_dataDir = m_dir.filePath(QStringLiteral("window"));
        QVERIFY(QDir().mkpath(m_dataDir));
    }

    void init()
    {
        writeHall({ { QStringLiteral("platform/url"), m_hub.base },
            { QStringLiteral("printer/name"), QStringLiteral("TongbanPDF") } });
        QFile::remove(App::WindowSettings::windowFile(m_dataDir));
    }

    void aFirstStartIsSetUpByKeyboardAlone()
    {
        // GIVEN a window with the hall's settings and no identity yet
        QVERIFY(Gui::SetupAssistant::needsSetup(m_dataDir));
        Gui::SetupAssistant assistant(m_dataDir, true);
        assistant.show();
        QVERIFY(QTest::qWaitForWindowExposed(&assistant));
        assistant.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&assistant));
        MouseSpy spy;
        qApp->installEventFilter(&spy);
        QStringList lone;

        // WHEN a clerk's account signs in THEN the assistant refuses to go on
        QVERIFY2(!assistant.findChild<QLineEdit *>(QStringLiteral("platformUrl"))->text().isEmpty(),
            "the hall's platform address is offered");
        QTRY_COMPARE(focusName(), QStringLiteral("adminAccount"));
        type(QStringLiteral("xh-tb-03-wangli"));
        press(Qt::Key_Tab);
        type(Password);
        press(Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(labelText(&assistant, QStringLiteral("platformResult"))
                                      .contains(QStringLiteral("管理员")),
            qPrintable(labelText(&assistant, QStringLiteral("platformResult"))), 20000);
        QVERIFY(!assistant.button(QWizard::NextButton)->isEnabled());
        QCOMPARE(assistant.currentId(), int(Gui::SetupAssistant::PlatformPageId));
        shoot(&assistant, QStringLiteral("1-platform-refused"), &lone);

        // WHEN the administrator signs in THEN the platform and its certificate are checked
        press(Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(focusName(), QStringLiteral("adminAccount"));
        press(Qt::Key_A, Qt::ControlModifier);
        type(QStringLiteral("pds-admin"));
        press(Qt::Key_Tab);
        type(Password);
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(assistant.button(QWizard::NextButton)->isEnabled(), 20000);
        QVERIFY2(labelText(&assistant, QStringLiteral("platformResult"))
                     .contains(QStringLiteral("平台管理员")),
            qPrintable(labelText(&assistant, QStringLiteral("platformResult"))));
        // AND the certificate line says why there is none to check (the hub is on loopback)
        QVERIFY2(labelText(&assistant, QStringLiteral("certificateResult"))
                     .contains(QStringLiteral("无需 TLS")),
            qPrintable(labelText(&assistant, QStringLiteral("certificateResult"))));
        shoot(&assistant, QStringLiteral("2-platform-admin"), &lone);
        press(Qt::Key_Return);
        QCOMPARE(assistant.currentId(), int(Gui::SetupAssistant::IdentityPageId));

        // WHEN the window id is mistyped THEN the message names the key and the file
        QTRY_COMPARE(focusName(), QStringLiteral("windowId"));
        type(QStringLiteral("41-tb-3"));
        press(Qt::Key_Tab);
        type(WindowName);
        press(Qt::Key_Return);
        QCOMPARE(assistant.currentId(), int(Gui::SetupAssistant::IdentityPageId));
        const QString wrong = labelText(&assistant, QStringLiteral("identityResult"));
        QVERIFY2(wrong.contains(QStringLiteral("[window] id"))
                && wrong.contains(App::WindowSettings::windowFile(m_dataDir)),
            qPrintable(wrong));
        // AND the example id is not broken across lines at any width the page may have
        auto *message = assistant.findChild<QLabel *>(QStringLiteral("identityResult"));
        for (int width = 240; width <= 900; width += 7) {
            QTextLayout layout(message->text(), message->font());
            layout.beginLayout();
            for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
                line.setLineWidth(width);
                const QString part = message->text()
                                         .mid(line.textStart(), line.textLength())
                                         .remove(QChar(0x2060));
                QVERIFY2(!part.trimmed().endsWith(QStringLiteral("410402-"))
                        && !part.trimmed().endsWith(QStringLiteral("410402-tb-")),
                    qPrintable(QStringLiteral("%1 px: %2").arg(width).arg(part)));
            }
            layout.endLayout();
        }
        shoot(&assistant, QStringLiteral("3-identity-wrong"), &lone);
        // WHEN it is corrected (the keyboard is back on it, its text selected)
        // THEN the devices are checked
        QTRY_COMPARE(focusName(), QStringLiteral("windowId"));
        type(QStringLiteral("410402-tb-03"));
        press(Qt::Key_Return);
        QCOMPARE(assistant.currentId(), int(Gui::SetupAssistant::DevicesPageId));

        // THEN the simulated document camera shows its picture, the microphone a level
        auto *devices = qobject_cast<Gui::DeviceCheckPage *>(assistant.currentPage());
        QVERIFY(devices);
        auto *view = devices->findChild<Widgets::CameraView *>(QStringLiteral("setupCameraView"));
        QTRY_COMPARE_WITH_TIMEOUT(view->status(), Widgets::CameraView::Status::Live, 30000);
        QTRY_VERIFY(
            labelText(devices, QStringLiteral("documentCameraStatus")).startsWith(QChar(0x2713)));
        QTRY_VERIFY(devices->microphoneLevel() > 0);
        QVERIFY(
            labelText(devices, QStringLiteral("hdCameraStatus")).contains(QStringLiteral("模拟")));
        // AND the picture's badge says it is only checked here (Space plays the tone, it
        // captures nothing), not 手动拍摄：按空格键
        QCOMPARE(view->badgeText(), QStringLiteral("仅检查画面，不拍摄"));
        QVERIFY2(!view->toolTip().contains(QStringLiteral("空格")), qPrintable(view->toolTip()));
        // WHEN the tone is asked for (Space) THEN the simulated speaker says it played nothing
        QTRY_COMPARE(focusName(), QStringLiteral("playTone"));
        press(Qt::Key_Space);
        QVERIFY(
            labelText(devices, QStringLiteral("speakerStatus")).contains(QStringLiteral("模拟")));
        // WHEN a test page is printed on the hall's printer THEN CUPS took the job
        press(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("printerName"));
        QCOMPARE(qobject_cast<QLineEdit *>(focus())->text(), QStringLiteral("TongbanPDF"));
        press(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("printTestPage"));
        press(Qt::Key_Space);
        QTRY_VERIFY2_WITH_TIMEOUT(
            labelText(devices, QStringLiteral("printerStatus")).startsWith(QChar(0x2713)),
            qPrintable(labelText(devices, QStringLiteral("printerStatus"))), 30000);
        QVERIFY(labelText(devices, QStringLiteral("printerStatus"))
                    .contains(QStringLiteral("TongbanPDF")));
        shoot(&assistant, QStringLiteral("4-devices"), &lone);
        assistant.resize(1366, 768);
        shoot(&assistant, QStringLiteral("4-devices-1366x768"), &lone);
        assistant.resize(assistant.minimumSize());
        press(Qt::Key_Return);
        QCOMPARE(assistant.currentId(), int(Gui::SetupAssistant::FinishPageId));
        shoot(&assistant, QStringLiteral("5-finish"), &lone);

        // WHEN Finish (Enter) THEN the window's file has its identity, the hall's values stay
        // in the hall's file, and the workstation's own checks pass
        QCOMPARE(labelText(&assistant, QStringLiteral("summaryWindowId")),
            QStringLiteral("410402-tb-03"));
        QCOMPARE(labelText(&assistant, QStringLiteral("summaryWindowName")), WindowName);
        QCOMPARE(
            labelText(&assistant, QStringLiteral("summaryPrinter")), QStringLiteral("TongbanPDF"));
        QCOMPARE(labelText(&assistant, QStringLiteral("summaryFile")),
            App::WindowSettings::windowFile(m_dataDir));
        press(Qt::Key_Return);
        QTRY_VERIFY(!assistant.isVisible());
        QCOMPARE(assistant.result(), int(QDialog::Accepted));
        qApp->removeEventFilter(&spy);
        QCOMPARE(spy.count, 0);
        // AND no page left a character alone on a line
        QVERIFY2(lone.isEmpty(), qPrintable(lone.join(u'\n')));
        QCOMPARE(assistant.writtenFile(), App::WindowSettings::windowFile(m_dataDir));
        const QSettings written(assistant.writtenFile(), QSettings::IniFormat);
        QCOMPARE(
            written.value(QStringLiteral("window/id")).toString(), QStringLiteral("410402-tb-03"));
        QCOMPARE(written.value(QStringLiteral("window/name")).toString(), WindowName);
        QVERIFY(!written.contains(QStringLiteral("platform/url")));
        QVERIFY(!written.contains(QStringLiteral("printer/name")));
        QVERIFY(!Gui::SetupAssistant::needsSetup(m_dataDir));
        auto station = App::Workstation::open(m_dataDir);
        QVERIFY2(station.ok(), qPrintable(station ? QString() : station.error().toString()));
        QCOMPARE((*station)->windowId(), QStringLiteral("410402-tb-03"));
        QCOMPARE((*station)->windowName(), WindowName);
        QCOMPARE((*station)->printerName(), QStringLiteral("TongbanPDF"));
    }

    void theFilledActionFollowsTheSignIn()
    {
        // GIVEN the platform page as the assistant opens, the pointer over none of its buttons
        Gui::SetupAssistant assistant(m_dataDir, true);
        assistant.move(0, 0);
        assistant.show();
        QVERIFY(QTest::qWaitForWindowExposed(&assistant));
        QCursor::setPos(1365, 767);
        auto *check = assistant.findChild<QAbstractButton *>(QStringLiteral("checkPlatform"));
        QAbstractButton *next = assistant.button(QWizard::NextButton);
        // THEN 登录并检查 is the one filled action while 下一步 waits for it
        QVERIFY(!next->isEnabled());
        QCOMPARE(filledButtons(&assistant), QStringList { QStringLiteral("登录并检查") });
        // WHEN the administrator signed in
        checkPlatform(assistant);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 20000);
        // THEN 下一步 is the one filled action and the check is outlined (it was left filled:
        // two main actions side by side, the eye went back to the check already done)
        QCOMPARE(fillOf(check), Outlined);
        QCOMPARE(filledButtons(&assistant), QStringList { QStringLiteral("下一步") });
        // WHEN a field is changed after it THEN the check is the filled action again
        auto *account = assistant.findChild<QLineEdit *>(QStringLiteral("adminAccount"));
        account->setFocus();
        QTest::keyClick(account, Qt::Key_End);
        QTest::keyClick(account, Qt::Key_2);
        QVERIFY(!next->isEnabled());
        QCOMPARE(filledButtons(&assistant), QStringList { QStringLiteral("登录并检查") });
    }

    void theCertificateIsCheckedWithTheHallsCa()
    {
        // GIVEN a platform speaking TLS with a certificate of the test CA (CN 127.0.0.1)
        InProcessHub tlsHub;
        const QString started = tlsHub.start(
            {}, kData + QStringLiteral("/server.pem"), kData + QStringLiteral("/server.key"));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY(tlsHub.base.startsWith(QStringLiteral("https://")));
        writeHall({ { QStringLiteral("platform/url"), tlsHub.base } });
        Gui::SetupAssistant assistant(m_dataDir, true);
        assistant.show();
        QVERIFY(QTest::qWaitForWindowExposed(&assistant));
        const auto certificate = [&] {
            return labelText(&assistant, QStringLiteral("certificateResult"));
        };
        // WHEN the window has no CA for it THEN the certificate is refused, the message says
        // what to do (the CA file under CA 证书), and nobody signed in
        checkPlatform(assistant);
        QTRY_VERIFY2_WITH_TIMEOUT(
            certificate().contains(QStringLiteral("CA 证书")), qPrintable(certificate()), 15000);
        QVERIFY2(certificate().contains(QStringLiteral("不信任")), qPrintable(certificate()));
        QVERIFY(labelText(&assistant, QStringLiteral("platformResult")).isEmpty());
        QVERIFY(!assistant.button(QWizard::NextButton)->isEnabled());
        // WHEN it is given another CA THEN it is refused all the same
        checkPlatform(assistant, kData + QStringLiteral("/other-ca.pem"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            certificate().contains(QStringLiteral("不信任")), qPrintable(certificate()), 15000);
        QVERIFY(!assistant.button(QWizard::NextButton)->isEnabled());
        // WHEN a file without a certificate is given THEN the file is named
        checkPlatform(assistant, kData + QStringLiteral("/not-a-cert.pem"));
        QVERIFY2(
            certificate().contains(QStringLiteral("not-a-cert.pem")), qPrintable(certificate()));
        // WHEN it is given the hall's CA THEN the certificate's subject, issuer and expiry show
        // and the administrator signs in over TLS
        checkPlatform(assistant, kData + QStringLiteral("/ca.pem"));
        QTRY_VERIFY2_WITH_TIMEOUT(assistant.button(QWizard::NextButton)->isEnabled(),
            qPrintable(certificate() + QLatin1Char('|')
                + labelText(&assistant, QStringLiteral("platformResult"))),
            20000);
        QVERIFY2(certificate().contains(QStringLiteral("127.0.0.1"))
                && certificate().contains(QStringLiteral("Tongban Test CA"))
                && certificate().contains(QStringLiteral("2046-11-19")),
            qPrintable(certificate()));
        QVERIFY2(labelText(&assistant, QStringLiteral("platformResult"))
                     .contains(QStringLiteral("平台管理员")),
            qPrintable(labelText(&assistant, QStringLiteral("platformResult"))));
    }

    void theWindowIdIsCheckedAgainstThePlatform()
    {
        // GIVEN a workstation signed in at window 410402-tb-01 (online), by the platform's API
        QJsonObject session;
        QCOMPARE(call(m_hub.base, "POST", QStringLiteral("/session"),
                     { { QStringLiteral("account"), QStringLiteral("xh-tb-01-liuyang") },
                         { QStringLiteral("password"), Password },
                         { QStringLiteral("windowId"), QStringLiteral("410402-tb-01") } },
                     {}, &session),
            200);
        const QByteArray token = session.value(QStringLiteral("accessToken")).toString().toUtf8();
        QCOMPARE(call(m_hub.base, "PUT", QStringLiteral("/presence"),
                     { { QStringLiteral("status"), QStringLiteral("online") } }, token),
            204);
        Gui::SetupAssistant assistant(m_dataDir, true);
        assistant.show();
        QVERIFY(QTest::qWaitForWindowExposed(&assistant));
        checkPlatform(assistant);
        QTRY_VERIFY2_WITH_TIMEOUT(assistant.button(QWizard::NextButton)->isEnabled(),
            qPrintable(labelText(&assistant, QStringLiteral("platformResult"))), 20000);
        assistant.next();
        QCOMPARE(assistant.currentId(), int(Gui::SetupAssistant::IdentityPageId));
        auto *id = assistant.findChild<QLineEdit *>(QStringLiteral("windowId"));
        assistant.findChild<QLineEdit *>(QStringLiteral("windowName"))->setText(WindowName);
        const auto said = [&] {
            return labelText(&assistant, QStringLiteral("identityResult"));
        };
        // WHEN the id is well formed but the platform has no such window THEN it is refused
        id->setText(QStringLiteral("410402-tb-99"));
        assistant.next();
        QCOMPARE(assistant.currentId(), int(Gui::SetupAssistant::IdentityPageId));
        QVERIFY2(said().contains(QStringLiteral("没有窗口 410402-tb-99")), qPrintable(said()));
        // WHEN it is the window another workstation is signed in at THEN it is refused
        id->setText(QStringLiteral("410402-tb-01"));
        assistant.next();
        QCOMPARE(assistant.currentId(), int(Gui::SetupAssistant::IdentityPageId));
        QVERIFY2(said().contains(QStringLiteral("410402-tb-01"))
                && said().contains(QStringLiteral("正在使用")),
            qPrintable(said()));
        // WHEN it is a free window of the platform THEN the assistant goes on to the devices
        id->setText(QStringLiteral("410402-tb-02"));
        assistant.next();
        QCOMPARE(assistant.currentId(), int(Gui::SetupAssistant::DevicesPageId));
        QCOMPARE(call(m_hub.base, "DELETE", QStringLiteral("/session"), {}, token), 204);
    }

    void aWrongSettingIsNamedWithItsKeyAndFile()
    {
        // GIVEN a hall file with an idle lock of 999 minutes (1 to 240 are allowed)
        writeHall({ { QStringLiteral("platform/url"), m_hub.base },
            { QStringLiteral("security/idleLockMinutes"), 999 } });
        Gui::SetupAssistant assistant(m_dataDir, true);
        assistant.setField(QStringLiteral("windowId"), QStringLiteral("410402-tb-03"));
        assistant.setField(QStringLiteral("windowName"), WindowName);
        assistant.setField(QStringLiteral("platformUrl"), m_hub.base);
        // WHEN the settings are written
        // THEN they are refused, and the message names the key and the hall's file
        QVERIFY(!assistant.writeSettings());
        const QString said = labelText(&assistant, QStringLiteral("setupResult"));
        QVERIFY2(said.contains(QStringLiteral("[security] idleLockMinutes"))
                && said.contains(m_hallFile),
            qPrintable(said));
        QVERIFY(assistant.writtenFile().isEmpty());
    }

    void theSignInScreenOpensTheAssistant()
    {
        // GIVEN a set-up window at its sign-in screen
        QVERIFY(App::WindowSettings::writeIdentity(
            m_dataDir, QStringLiteral("410402-tb-03"), WindowName));
        auto station = App::Workstation::open(m_dataDir);
        QVERIFY(station.ok());
        Gui::MainWindow window(**station);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *setup = window.findChild<QAbstractButton *>(QStringLiteral("windowSetup"));
        QVERIFY(setup && setup->isVisible());
        QStringList lone;
        shoot(&window, QStringLiteral("0-signin-1366x768"), &lone);
        window.resize(1920, 1080);
        shoot(&window, QStringLiteral("0-signin-1920x1080"), &lone);
        window.resize(1366, 768);
        QVERIFY2(lone.isEmpty(), qPrintable(lone.join(u'\n')));
        // WHEN 窗口设置 is pressed THEN the assistant opens over it, starting at the platform
        QString opened;
        QTimer::singleShot(300, this, [&opened] {
            if (auto *assistant
                = qobject_cast<Gui::SetupAssistant *>(QApplication::activeModalWidget())) {
                opened = assistant->currentPage()->title();
                assistant->reject();
            }
        });
        setup->setFocus();
        QTest::keyClick(setup, Qt::Key_Space);
        QCOMPARE(opened, QStringLiteral("平台与管理员"));
    }
};

QTEST_MAIN(tst_SetupAssistant)
#include "tst_setupassistant.moc"
