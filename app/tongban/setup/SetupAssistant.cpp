#include "SetupAssistant.h"

#include "DeviceCheckPage.h"

#include <core/Alive.h>
#include <platform/ApiClient.h>

#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <common/WindowSettings.h>
#include <memory>
#include <optional>

namespace Tongban::Gui {

namespace {

QLabel *messageLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

/// Focus once the page shows (the wizard gives the first field the focus as it shows a page).
void focusLater(QWidget *widget)
{
    QTimer::singleShot(0, widget, [widget] { widget->setFocus(); });
}

void showProblem(QLabel *label, const QString &text, bool problem)
{
    // A window id such as 410402-tb-03 (and any word joined by hyphens) is never broken at
    // its hyphen when the message wraps: word joiners (U+2060) hold its parts together.
    static const QRegularExpression hyphenated(
        QStringLiteral("[0-9A-Za-z._]+(?:-[0-9A-Za-z._]+)+"));
    QString shown;
    qsizetype from = 0;
    for (const QRegularExpressionMatch &m : hyphenated.globalMatch(text)) {
        shown += text.mid(from, m.capturedStart() - from);
        shown += m.captured().replace(u'-', QStringLiteral("\u2060-\u2060"));
        from = m.capturedEnd();
    }
    shown += text.mid(from);
    label->setText(shown);
    label->setProperty("state", problem ? QStringLiteral("bad") : QString());
    label->setStyleSheet(
        problem ? QStringLiteral("color: #b42318;") : QStringLiteral("color: #1e7b46;"));
}

/// A window as the platform lists it (GET /windows, docs/platform-api.md §3).
struct PlatformWindow
{
    QString name;
    QString presence; ///< online, busy, away: a workstation is signed in there now
};

/// How long the certificate check waits for the platform's TLS handshake.
constexpr int kCertificateTimeoutMs = 10000;

/*!
 * The platform's address and CA: first its certificate, checked on a TLS
 * connection of its own (subject, issuer, expiry shown), then an
 * administrator's sign-in, whose session reads the platform's list of windows
 * (for the identity page) and is ended.
 */
class PlatformPage : public QWizardPage
{
public:
    PlatformPage(const App::WindowSettings &settings, QWidget *parent)
        : QWizardPage(parent)
    {
        setTitle(SetupAssistant::tr("Platform and administrator"));
        setSubTitle(SetupAssistant::tr(
            "Only an administrator of the platform sets up a window. The sign-in also checks "
            "the platform's address and its certificate."));
        // The form at the top and the space below it: the rows do not move apart or together
        // as the check's messages come and go.
        auto *page = new QVBoxLayout(this);
        auto *form = new QFormLayout;
        page->addLayout(form);
        page->addStretch();
        m_url = new QLineEdit(settings.value(QStringLiteral("platform/url")).toString(), this);
        m_url->setObjectName(QStringLiteral("platformUrl"));
        m_url->setPlaceholderText(QStringLiteral("https://tongban.example.gov.cn"));
        form->addRow(SetupAssistant::tr("Platform address"), m_url);
        m_ca = new QLineEdit(settings.value(QStringLiteral("platform/ca")).toString(), this);
        m_ca->setObjectName(QStringLiteral("platformCa"));
        m_ca->setPlaceholderText(
            SetupAssistant::tr("CA certificate file (PEM), if the hall has one"));
        form->addRow(SetupAssistant::tr("CA certificate"), m_ca);
        m_account = new QLineEdit(this);
        m_account->setObjectName(QStringLiteral("adminAccount"));
        form->addRow(SetupAssistant::tr("Administrator account"), m_account);
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("adminPassword"));
        m_password->setEchoMode(QLineEdit::Password);
        form->addRow(SetupAssistant::tr("Password"), m_password);
        m_check = new QPushButton(SetupAssistant::tr("Sign in and check"), this);
        m_check->setObjectName(QStringLiteral("checkPlatform"));
        m_check->setAutoDefault(false);
        auto *checkRow = new QHBoxLayout;
        checkRow->addWidget(m_check);
        checkRow->addStretch();
        form->addRow(QString(), checkRow);
        m_certificate = messageLabel(this, QStringLiteral("certificateResult"));
        form->addRow(m_certificate);
        m_result = messageLabel(this, QStringLiteral("platformResult"));
        form->addRow(m_result);
        if (!m_url->text().isEmpty()) {
            // The hall's file gave the address: the keyboard starts at the account (the
            // wizard focuses the first field of a page in its focus chain as it shows it).
            setTabOrder(m_check, m_url);
            setTabOrder(m_url, m_ca);
        }
        registerField(QStringLiteral("platformUrl"), m_url);
        registerField(QStringLiteral("platformCa"), m_ca);
        connect(m_check, &QPushButton::clicked, this, [this] { runCheck(); });
        connect(m_password, &QLineEdit::returnPressed, this, [this] { runCheck(); });
        for (QLineEdit *edit : { m_url, m_ca, m_account, m_password }) {
            connect(edit, &QLineEdit::textEdited, this, [this] {
                if (m_checked)
                    setChecked(false);
            });
        }
    }

    bool isComplete() const override { return m_checked; }

    void initializePage() override { (m_url->text().isEmpty() ? m_url : m_account)->setFocus(); }

    QString platformUrl() const { return m_url->text().trimmed(); }
    /// The window \a id as the platform listed it at the sign-in; none when it has no such window.
    std::optional<PlatformWindow> window(const QString &id) const
    {
        const auto found = m_windows.constFind(id);
        return found == m_windows.cend() ? std::nullopt : std::optional(*found);
    }

private:
    /// Whether the administrator's sign-in succeeded with what the fields say now. The one
    /// filled action follows it: 登录并检查 until then, 下一步 (outlined check) afterwards.
    void setChecked(bool checked)
    {
        m_checked = checked;
        m_check->setProperty("secondary", checked);
        m_check->style()->unpolish(m_check);
        m_check->style()->polish(m_check);
        emit completeChanged();
    }

    void runCheck()
    {
        m_windows.clear();
        m_certificate->clear();
        m_result->clear();
        delete m_probe;
        setChecked(false);
        const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()) {
            showProblem(m_result,
                SetupAssistant::tr("Write the platform's address as https://host[:port]."), true);
            return;
        }
        if (const Core::Status allowed = Platform::ApiClient::checkUrlAllowed(url); !allowed) {
            showProblem(m_result, allowed.error().message, true);
            return;
        }
        if (m_account->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
            showProblem(m_result,
                SetupAssistant::tr("Enter the administrator's account and password."), true);
            return;
        }
        delete m_api;
        m_api = new Platform::ApiClient(url, this);
        const QString ca = m_ca->text().trimmed();
        if (!ca.isEmpty()) {
            if (const Core::Status added = m_api->addCaCertificateFile(ca); !added) {
                showProblem(m_certificate,
                    added.error().message + QLatin1Char(' ') + added.error().detail, true);
                return;
            }
        }
        if (url.scheme() != QLatin1String("https")) {
            showProblem(m_certificate,
                SetupAssistant::tr("Platform on this machine: no TLS needed (demo, training)."),
                false);
            signIn(url);
            return;
        }
        checkCertificate(url);
    }

    /// A TLS connection of its own to the platform, with the CA the window will use: the
    /// certificate's subject, issuer and expiry when it is trusted, else what to do.
    void checkCertificate(const QUrl &url)
    {
        showProblem(
            m_certificate, SetupAssistant::tr("Checking the platform's certificate…"), false);
        m_probe = new QSslSocket(this);
        m_probe->setSslConfiguration(m_api->sslConfiguration());
        QPointer<QSslSocket> probe = m_probe;
        auto sslErrors = std::make_shared<QList<QSslError>>();
        connect(probe, &QSslSocket::sslErrors, this,
            [sslErrors](const QList<QSslError> &errors) { sslErrors->append(errors); });
        connect(probe, &QSslSocket::encrypted, this, [this, probe, url] {
            if (!probe || probe != m_probe)
                return;
            const QSslCertificate peer = probe->peerCertificate();
            m_probe = nullptr; // its closing is no failure
            probe->disconnectFromHost();
            probe->deleteLater();
            const QString subject
                = peer.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
            const QString issuer
                = peer.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
            const QDateTime expiry = peer.expiryDate();
            const qint64 days = QDateTime::currentDateTimeUtc().daysTo(expiry);
            QString text = SetupAssistant::tr("Certificate verified: %1, issued by %2, valid "
                                              "until %3 (%4 days).")
                               .arg(subject.isEmpty() ? peer.subjectDisplayName() : subject,
                                   issuer.isEmpty() ? peer.issuerDisplayName() : issuer,
                                   expiry.toString(QStringLiteral("yyyy-MM-dd")))
                               .arg(days);
            if (days < 30)
                text += QLatin1Char(' ')
                    + SetupAssistant::tr("Ask the platform's operators for the renewed "
                                         "certificate before it expires.");
            showProblem(m_certificate, text, false);
            signIn(url);
        });
        connect(probe, &QAbstractSocket::errorOccurred, this, [this, probe, url, sslErrors] {
            if (!probe || probe != m_probe)
                return;
            certificateFailed(url, *sslErrors, probe->errorString());
        });
        QTimer::singleShot(kCertificateTimeoutMs, probe, [this, probe, url] {
            if (!probe || probe != m_probe || probe->isEncrypted())
                return;
            certificateFailed(url, {},
                SetupAssistant::tr("no answer within %1 seconds")
                    .arg(kCertificateTimeoutMs / 1000));
        });
        probe->connectToHostEncrypted(url.host(), quint16(url.port(443)));
    }

    void certificateFailed(const QUrl &url, const QList<QSslError> &errors, const QString &why)
    {
        if (m_probe) {
            m_probe->abort();
            m_probe->deleteLater();
            m_probe = nullptr;
        }
        QStringList reasons;
        bool expired = false;
        for (const QSslError &error : errors) {
            expired = expired || error.error() == QSslError::CertificateExpired;
            reasons.append(error.errorString());
        }
        reasons.removeDuplicates();
        const QString detail = reasons.isEmpty() ? why : reasons.join(QStringLiteral("; "));
        const QString host = url.toString(QUrl::RemoveUserInfo | QUrl::RemovePath);
        QString text;
        if (expired)
            text = SetupAssistant::tr("The platform's certificate has expired (%1). Ask the "
                                      "platform's operators to renew it: no window can connect "
                                      "until then.")
                       .arg(detail);
        else if (!errors.isEmpty())
            text = SetupAssistant::tr("The certificate of %1 is not trusted here (%2). Enter "
                                      "the file of the hall's CA certificate (PEM, from the "
                                      "platform's operators) under CA certificate, and check "
                                      "that the address is the name in the platform's "
                                      "certificate.")
                       .arg(host, detail);
        else
            text = SetupAssistant::tr("No secure connection to %1 (%2). Check the platform's "
                                      "address and port and the network cable, then check again.")
                       .arg(host, detail);
        showProblem(m_certificate, text, true);
    }

    void signIn(const QUrl &url)
    {
        showProblem(m_result, SetupAssistant::tr("Signing in…"), false);
        Platform::ApiRequest request;
        request.method = QByteArrayLiteral("POST");
        request.path = QStringLiteral("/session");
        request.authenticated = false;
        request.timeoutMs = 15000;
        request.body = QJsonDocument(
            QJsonObject { { QStringLiteral("account"), m_account->text().trimmed() },
                { QStringLiteral("password"), m_password->text() } })
                           .toJson(QJsonDocument::Compact);
        Platform::ApiClient *const client = m_api.data();
        if (!client)
            return;
        const Core::Alive<Platform::ApiClient> api(client);
        client->send(request, [this, api, url](Core::Result<Platform::ApiResponse> answer) {
            if (!api)
                return;
            answer = Platform::requireSuccess(std::move(answer));
            if (!answer) {
                showProblem(m_result, answer.error().message, true);
                return;
            }
            const QJsonObject body = QJsonDocument::fromJson(answer->body).object();
            const QJsonObject clerk = body.value(QStringLiteral("clerk")).toObject();
            // The session is not kept: the assistant needed the proof and the list of
            // windows, not the token.
            api->setBearerToken(body.value(QStringLiteral("accessToken")).toString().toUtf8());
            const QString role = clerk.value(QStringLiteral("role")).toString();
            const QString name = clerk.value(QStringLiteral("name")).toString();
            if (role != QLatin1String("admin")) {
                endSession(*api);
                showProblem(m_result,
                    SetupAssistant::tr("%1 is not an administrator's account: a window is set up "
                                       "by an administrator of the platform (role admin).")
                        .arg(clerk.value(QStringLiteral("account")).toString()),
                    true);
                return;
            }
            readWindows(api, name, url);
        });
    }

    /// The platform's windows (§3), for the identity page; then the session ends.
    void readWindows(
        const Core::Alive<Platform::ApiClient> &api, const QString &name, const QUrl &url)
    {
        Platform::ApiRequest list;
        list.method = QByteArrayLiteral("GET");
        list.path = QStringLiteral("/windows");
        list.timeoutMs = 15000;
        api->send(list, [this, api, name, url](Core::Result<Platform::ApiResponse> answer) {
            if (!api)
                return;
            endSession(*api);
            answer = Platform::requireSuccess(std::move(answer));
            if (!answer) {
                showProblem(m_result,
                    SetupAssistant::tr("Administrator %1 signed in, but the platform's list of "
                                       "windows could not be read: %2")
                        .arg(name, answer.error().message),
                    true);
                return;
            }
            const QJsonArray windows = QJsonDocument::fromJson(answer->body)
                                           .object()
                                           .value(QStringLiteral("windows"))
                                           .toArray();
            for (const QJsonValue &value : windows) {
                const QJsonObject window = value.toObject();
                m_windows.insert(window.value(QStringLiteral("id")).toString(),
                    PlatformWindow { window.value(QStringLiteral("name")).toString(),
                        window.value(QStringLiteral("presence")).toString() });
            }
            showProblem(m_result,
                SetupAssistant::tr("Administrator %1 signed in; the platform %2 lists %3 windows. "
                                   "Press Enter to go on.")
                    .arg(name, url.toString(QUrl::RemoveUserInfo))
                    .arg(m_windows.size()),
                false);
            m_password->clear();
            setChecked(true);
            if (QAbstractButton *next = wizard()->button(QWizard::NextButton))
                next->setFocus();
        });
    }

    static void endSession(Platform::ApiClient &api)
    {
        Platform::ApiRequest end;
        end.method = QByteArrayLiteral("DELETE");
        end.path = QStringLiteral("/session");
        api.send(end, [](Core::Result<Platform::ApiResponse>) {});
    }

    QLineEdit *m_url = nullptr;
    QLineEdit *m_ca = nullptr;
    QLineEdit *m_account = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_check = nullptr;
    QLabel *m_certificate = nullptr;
    QLabel *m_result = nullptr;
    QPointer<Platform::ApiClient> m_api;
    QPointer<QSslSocket> m_probe;
    QHash<QString, PlatformWindow> m_windows;
    bool m_checked = false;
};

/// The window's id and name, checked as `tongban-cli setup` checks them.
class IdentityPage : public QWizardPage
{
public:
    IdentityPage(const App::WindowSettings &settings, const QString &dataDir,
        const PlatformPage *platform, QWidget *parent)
        : QWizardPage(parent)
        , m_dataDir(dataDir)
        , m_platform(platform)
    {
        setTitle(SetupAssistant::tr("This window"));
        setSubTitle(SetupAssistant::tr("The window's id as the platform knows it, and its name as "
                                       "printed on notices."));
        auto *form = new QFormLayout(this);
        m_id = new QLineEdit(settings.value(QStringLiteral("window/id")).toString(), this);
        m_id->setObjectName(QStringLiteral("windowId"));
        m_id->setPlaceholderText(QStringLiteral("410402-tb-03"));
        form->addRow(SetupAssistant::tr("Window id"), m_id);
        m_name = new QLineEdit(settings.value(QStringLiteral("window/name")).toString(), this);
        m_name->setObjectName(QStringLiteral("windowName"));
        m_name->setPlaceholderText(QStringLiteral("新华区政务服务中心3号通办窗口"));
        form->addRow(SetupAssistant::tr("Window name"), m_name);
        m_result = messageLabel(this, QStringLiteral("identityResult"));
        form->addRow(m_result);
        registerField(QStringLiteral("windowId*"), m_id);
        registerField(QStringLiteral("windowName*"), m_name);
    }

    void initializePage() override { focusLater(m_id); }

    bool validatePage() override
    {
        const Core::Status ok
            = App::WindowSettings::checkIdentity(m_dataDir, m_id->text(), m_name->text());
        if (!ok) {
            showProblem(m_result, ok.error().message, true);
            // The keyboard goes to the field to correct.
            QLineEdit *wrong
                = App::WindowSettings::isWindowId(m_id->text().trimmed()) ? m_name : m_id;
            wrong->setFocus();
            wrong->selectAll();
            return false;
        }
        // The platform's list, read at the administrator's sign-in: the window must exist
        // there, and no other workstation may be signed in at it now.
        const QString id = m_id->text().trimmed();
        const std::optional<PlatformWindow> known = m_platform->window(id);
        QString problem;
        if (!known) {
            problem = SetupAssistant::tr("The platform %1 has no window %2. Check the id against "
                                         "the platform's list of windows, or ask its "
                                         "administrators to add the window first.")
                          .arg(m_platform->platformUrl(), id);
        } else if (!known->presence.isEmpty() && known->presence != QLatin1String("offline")) {
            problem = SetupAssistant::tr("Window %1 (%2) is in use: a workstation is signed in "
                                         "there now. Each workstation needs its own window id: "
                                         "check the id, or sign out at the other workstation "
                                         "first.")
                          .arg(id, known->name);
        }
        if (!problem.isEmpty()) {
            showProblem(m_result, problem, true);
            m_id->setFocus();
            m_id->selectAll();
            return false;
        }
        m_result->clear();
        return true;
    }

private:
    QString m_dataDir;
    const PlatformPage *m_platform = nullptr;
    QLineEdit *m_id = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_result = nullptr;
};

/// What Finish writes, and where; a wrong setting keeps the assistant open here.
class FinishPage : public QWizardPage
{
public:
    FinishPage(SetupAssistant *assistant)
        : QWizardPage(assistant)
        , m_assistant(assistant)
    {
        setTitle(SetupAssistant::tr("Write the settings"));
        // A subtitle as on the other pages: without one the wizard draws this page's title
        // elsewhere and without its rule, as if it were another dialog.
        setSubTitle(SetupAssistant::tr("Check what Finish writes, then press Finish."));
        auto *layout = new QVBoxLayout(this);
        // One value a line, so that the technician compares them at a glance and no path or
        // quoted word is broken in the middle of a sentence.
        auto *form = new QFormLayout;
        m_windowId = messageLabel(this, QStringLiteral("summaryWindowId"));
        form->addRow(SetupAssistant::tr("Window id"), m_windowId);
        m_windowName = messageLabel(this, QStringLiteral("summaryWindowName"));
        form->addRow(SetupAssistant::tr("Window name"), m_windowName);
        m_platform = messageLabel(this, QStringLiteral("summaryPlatform"));
        form->addRow(SetupAssistant::tr("Platform"), m_platform);
        m_printer = messageLabel(this, QStringLiteral("summaryPrinter"));
        form->addRow(SetupAssistant::tr("Printer"), m_printer);
        m_file = messageLabel(this, QStringLiteral("summaryFile"));
        form->addRow(SetupAssistant::tr("Settings file"), m_file);
        layout->addLayout(form);
        m_summary = messageLabel(this, QStringLiteral("setupSummary"));
        m_summary->setText(SetupAssistant::tr("Finish writes these settings to the settings file. "
                                              "Restart the workstation afterwards so that it uses "
                                              "them."));
        layout->addWidget(m_summary);
        m_result = messageLabel(this, QStringLiteral("setupResult"));
        layout->addWidget(m_result);
        layout->addStretch();
    }

    void initializePage() override
    {
        m_result->clear();
        const QString printer = field(QStringLiteral("printerName")).toString().trimmed();
        m_windowId->setText(field(QStringLiteral("windowId")).toString().trimmed());
        m_windowName->setText(field(QStringLiteral("windowName")).toString().trimmed());
        m_platform->setText(field(QStringLiteral("platformUrl")).toString().trimmed());
        m_printer->setText(printer.isEmpty() ? SetupAssistant::tr("the default printer") : printer);
        m_file->setText(App::WindowSettings::windowFile(m_assistant->dataDirectory()));
        if (QAbstractButton *finish = wizard()->button(QWizard::FinishButton))
            focusLater(finish);
    }

    bool validatePage() override { return m_assistant->writeSettings(); }

    void showResult(const QString &text, bool problem) { showProblem(m_result, text, problem); }

private:
    SetupAssistant *m_assistant = nullptr;
    QLabel *m_windowId = nullptr;
    QLabel *m_windowName = nullptr;
    QLabel *m_platform = nullptr;
    QLabel *m_printer = nullptr;
    QLabel *m_file = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace

SetupAssistant::SetupAssistant(const QString &dataDir, bool fakeDevices, QWidget *parent)
    : QWizard(parent)
    , m_dataDir(dataDir)
{
    setObjectName(QStringLiteral("setupAssistant"));
    setWindowTitle(tr("Window setup"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setMinimumSize(880, 680);
    setButtonText(QWizard::BackButton, tr("Back"));
    setButtonText(QWizard::NextButton, tr("Next"));
    setButtonText(QWizard::FinishButton, tr("Finish"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    // 上一步 and 取消 outlined: 下一步 / 完成 is the one filled action, or, while 下一步 waits
    // for it, the platform page's 登录并检查 (PlatformPage::setChecked outlines it once the
    // sign-in succeeded). Re-polished in case the wizard already polished the buttons it made.
    for (const WizardButton which : { QWizard::BackButton, QWizard::CancelButton }) {
        if (QAbstractButton *secondary = button(which)) {
            secondary->setProperty("secondary", true);
            secondary->style()->unpolish(secondary);
            secondary->style()->polish(secondary);
        }
    }
    const App::WindowSettings settings = App::WindowSettings::load(dataDir);
    auto *platform = new PlatformPage(settings, this);
    setPage(PlatformPageId, platform);
    setPage(IdentityPageId, new IdentityPage(settings, dataDir, platform, this));
    m_devices = new DeviceCheckPage(settings, fakeDevices, this);
    setPage(DevicesPageId, m_devices);
    setPage(FinishPageId, new FinishPage(this));
}

SetupAssistant::~SetupAssistant() = default;

bool SetupAssistant::needsSetup(const QString &dataDir)
{
    return App::WindowSettings::load(dataDir)
        .value(QStringLiteral("window/id"))
        .toString()
        .trimmed()
        .isEmpty();
}

bool SetupAssistant::writeSettings()
{
    auto *finish = static_cast<FinishPage *>(page(FinishPageId));
    const App::WindowSettings before = App::WindowSettings::load(m_dataDir);
    QMap<QString, QVariant> values {
        { QStringLiteral("window/id"), field(QStringLiteral("windowId")).toString().trimmed() },
        { QStringLiteral("window/name"), field(QStringLiteral("windowName")).toString().trimmed() },
    };
    // The hall's values stay in the hall's file: only what differs goes to the window's.
    for (const QString &key : { QStringLiteral("platform/url"), QStringLiteral("platform/ca"),
             QStringLiteral("printer/name") }) {
        const QString field = key == QLatin1String("platform/url") ? QStringLiteral("platformUrl")
            : key == QLatin1String("platform/ca")                  ? QStringLiteral("platformCa")
                                                                   : QStringLiteral("printerName");
        const QString wanted = this->field(field).toString().trimmed();
        if (wanted != before.value(key).toString().trimmed())
            values.insert(key, wanted);
    }
    if (const Core::Status written = App::WindowSettings::writeWindowValues(m_dataDir, values);
        !written) {
        finish->showResult(written.error().message, true);
        return false;
    }
    // Read back as the workstation will at its next start: the same checks, the same words.
    const App::WindowSettings after = App::WindowSettings::load(m_dataDir);
    if (const Core::Status valid = after.validate(); !valid) {
        finish->showResult(valid.error().message, true);
        return false;
    }
    if (const QStringList missing = after.missing(); !missing.isEmpty()) {
        finish->showResult(missing.join(QLatin1Char('\n')), true);
        return false;
    }
    m_writtenFile = App::WindowSettings::windowFile(m_dataDir);
    return true;
}

} // namespace Tongban::Gui
