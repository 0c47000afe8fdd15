#pragma once

#include "SimScene.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QThreadPool>
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
 * Threading (DocumentSource's contract): preview frames and stills render on the
 * camera's own two-thread pool, never on the owner's thread; signals arrive in the
 * owner's thread. A preview tick that comes while the previous frame still renders
 * is dropped (droppedPreviewFrames()), like a camera that cannot keep up, so frames
 * never queue; the frames that are emitted are still numbered 0, 1, 2... so the
 * sequence is the same for the same seed. close() and simulateUnplug() do not wait
 * for a render in flight (its result is discarded); the destructor does.
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
    /*!
     * Starts rendering the next preview frame; previewFrame() follows from the event
     * loop (tests drive the clock themselves). Dropped, with no signal, while the
     * previous frame is still rendering or the camera is closed.
     */
    void emitNextPreviewFrame();
    /// Preview ticks dropped because the previous frame was still rendering.
    int droppedPreviewFrames() const { return m_droppedPreviews; }
    /// True while a preview frame renders.
    bool isRenderingPreview() const { return m_preview != nullptr; }
    void simulateUnplug();

private:
    void finishStill();
    void finishPreview();
    void discardStill();
    void discardPreview();
    Core::Error notOpenError() const;

    int m_index;
    bool m_open = false;
    bool m_unplugged = false;
    int m_frameIndex = 0;
    int m_droppedPreviews = 0;
    qint64 m_previewTimestampMs = 0;
    OptionSet m_options;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QFutureWatcher<SimFrame> *m_still = nullptr;
    QFutureWatcher<SimFrame> *m_preview = nullptr;
    QThreadPool m_pool; // last: destroyed first, waiting for renders in flight
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
