#pragma once

#include <QWizard>

namespace Tongban::Gui {

class DeviceCheckPage;

/*!
 * The first-run assistant of a window (issue 16), for hall IT staff: shown at
 * the first start of a window that has no identity yet, and later from the
 * sign-in screen (窗口设置). Behind the administrator role: nothing goes on
 * until a platform account with the role admin signed in.
 *
 * Pages: the platform (address and CA certificate: the certificate checked on
 * a TLS connection of its own, its subject and expiry shown; then the
 * administrator's sign-in, whose session reads the platform's windows), the
 * window's identity (id and name, checked as `tongban-cli setup` checks them,
 * then against the platform: the window exists there and no workstation is
 * signed in at it now), the devices (the
 * document camera's picture, the HD camera, the microphone's level, a test
 * tone, a test page to the printer; simulated devices when the window has
 * none), and a summary. Finish writes the window's file
 * (<dataDir>/tongban.conf: the identity, and the platform and printer where
 * they differ from the hall's file), then loads all settings again and
 * checks them: a wrong value keeps the assistant open with a message naming
 * the key and the file.
 *
 * The administrator's session is ended as soon as it has been checked; the
 * assistant keeps no token. GUI thread only.
 */
class SetupAssistant : public QWizard
{
    Q_OBJECT

public:
    enum PageId { PlatformPageId = 0, IdentityPageId, DevicesPageId, FinishPageId };

    /// \a fakeDevices: use the simulated devices ([devices] fake, TONGBAN_FAKE_DEVICES).
    explicit SetupAssistant(const QString &dataDir, bool fakeDevices, QWidget *parent = nullptr);
    ~SetupAssistant() override;

    /// Whether a window with the data folder \a dataDir has no identity yet (first start).
    static bool needsSetup(const QString &dataDir);

    QString dataDirectory() const { return m_dataDir; }
    /// The file Finish wrote (empty until then).
    QString writtenFile() const { return m_writtenFile; }

    /// Writes the settings and checks them again; false with the message shown when wrong.
    bool writeSettings();

private:
    QString m_dataDir;
    QString m_writtenFile;
    DeviceCheckPage *m_devices = nullptr;
};

} // namespace Tongban::Gui
