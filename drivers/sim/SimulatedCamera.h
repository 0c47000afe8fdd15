#pragma once

#include "SimScene.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>

#include <drivers/api/DeviceRegistry.h>
#include <drivers/api/DocumentSource.h>

namespace Tongban::Drivers::Sim {

/*!
 * A simulated 高拍仪: preview frames (1024x768 at 15 fps, rendered directly
 * at that size) and 13 MP stills (4160x3120, JPEG like a real camera), both
 * from renderScene(). Options (as data) choose the scenario, the document
 * and the difficulties. The scenario "moveThenSettle" follows
 * moveThenSettleScene() frame by frame; a still shows the scene of the
 * latest preview frame.
 *
 * Stills render on the thread pool; results come back on the owner's thread.
 * simulateUnplug() behaves like a pulled cable.
 */
class SimulatedCamera : public DocumentSource
{
    Q_OBJECT
public:
    explicit SimulatedCamera(int index = 0, QObject *parent = nullptr);
    ~SimulatedCamera() override;

    SourceIdentity identity() const override;
    SourceCapabilities capabilities() const override;
    Core::Status open() override;
    void close() override;
    bool isOpen() const override { return m_open; }
    QList<OptionDescriptor> options() const override;
    QVariant option(const QString &id) const override;
    Core::Status setOption(const QString &id, const QVariant &value) override;
    Core::Status startPreview() override;
    void stopPreview() override;
    bool isPreviewing() const override { return m_timer.isActive(); }
    void captureStill() override;

    /// The scene the next preview frame shows (for tests).
    SceneSpec currentScene() const;
    /// Renders and emits one preview frame now (tests drive the clock themselves).
    void emitNextPreviewFrame();
    void simulateUnplug();

private:
    void finishStill();
    Core::Error notOpenError() const;

    int m_index;
    bool m_open = false;
    bool m_unplugged = false;
    int m_frameIndex = 0;
    OptionSet m_options;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QFutureWatcher<SimFrame> *m_still = nullptr;
};

/// The simulated backend: one camera ("sim:0"), two with TONGBAN_FAKE_DEVICES=2.
class SimulatedBackend : public DocumentSourceBackend
{
public:
    QString name() const override { return QStringLiteral("sim"); }
    bool isSimulated() const override { return true; }
    QList<SourceIdentity> enumerate() override;
    std::unique_ptr<DocumentSource> create(const QString &id) override;
};

} // namespace Tongban::Drivers::Sim
