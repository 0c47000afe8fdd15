#pragma once

#include <imaging/AutoCapture.h>
#include <imaging/PageQuad.h>

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QPainter;

namespace Tongban::Imaging {
class CaptureSession;
struct ProcessedPage;
} // namespace Tongban::Imaging

namespace Tongban::Widgets {

/*!
 * The live picture of the document camera for the checklist screen: the
 * latest preview frame scaled to fit, each detected page outlined (green when
 * still, amber while settling, red when a quality gate warns; dashed violet
 * when detection was unsure, PageQuad::isTentative()), a state badge,
 * the quality hint, and a full-widget message when there is no device or it
 * was unplugged. Space asks for a capture now (captureRequested(), and
 * CaptureSession::captureNow() when a session is attached).
 *
 * The clerk corrects the first page's outline by dragging a corner with the
 * mouse, or by keyboard: 1-4 choose a corner (top left, top right, bottom
 * right, bottom left), the arrow keys move it (Shift: ten times as far),
 * Escape drops the correction. The corrected outline goes to the session
 * (CaptureSession::setCorrectedQuad) and is what the next still uses.
 *
 * Shows what it is given; stores nothing. GUI thread only.
 */
class CameraView : public QWidget
{
    Q_OBJECT
public:
    /// Connecting: a device was opened and its first frame has not come yet.
    enum class Status { Invalid = 0, NoDevice, Live, Lost, Connecting };
    /// How long showConnecting() waits for the first frame before it says there is none.
    static constexpr int kDefaultConnectTimeoutMs = 8000;

    explicit CameraView(QWidget *parent = nullptr);
    ~CameraView() override;

    /// Follows \a session: its preview, captures, rejections and loss (not owned).
    void setSession(Imaging::CaptureSession *session);

    Status status() const { return m_status; }
    QImage frame() const { return m_frame; }
    QList<Imaging::PageQuad> quads() const { return m_quads; }
    Imaging::AutoCaptureState captureState() const { return m_state; }
    QString qualityHint() const { return m_hint; }
    /// The transient message (capture rejected or taken), empty when none shows.
    QString notice() const { return m_notice; }
    /// Where the frame is drawn, in widget coordinates.
    QRectF frameRect() const;
    /// A point of the frame (its pixels) in widget coordinates, and back.
    QPointF toWidget(const QPointF &framePoint) const;
    QPointF toFrame(const QPointF &widgetPoint) const;
    /// The hint shown under an unsure (tentative) outline.
    static QString tentativeHint();
    /// The corner chosen for the keyboard (0-3 from the top left, clockwise), -1 when none.
    int selectedCorner() const { return m_selected; }
    /*!
     * Preview only (the first-run assistant's device check): the picture and the outline
     * are shown, Space and the corners capture or correct nothing, and the badge says that
     * the picture is only being checked.
     */
    void setPreviewOnly(bool previewOnly);
    bool isPreviewOnly() const { return m_previewOnly; }
    /// The state badge's text over the picture (empty when none shows).
    QString badgeText() const;

    QSize sizeHint() const override { return { 640, 480 }; }
    QSize minimumSizeHint() const override { return { 240, 180 }; }

public slots:
    void showPreview(const QImage &frame, const QList<Tongban::Imaging::PageQuad> &quads,
        Tongban::Imaging::AutoCaptureState state, const QString &qualityHint);
    /*!
     * A device was opened: "Connecting to the document camera…" until its first
     * frame (showPreview()), never "no camera" meanwhile (issue 14). Without a
     * frame after \a timeoutMs it shows the no-device message, saying so.
     */
    void showConnecting(int timeoutMs = kDefaultConnectTimeoutMs);
    /// No device at all: a full-widget message, with \a detail when the backend has one.
    void showNoDevice(const QString &detail = {});
    /// The device was unplugged: a full-widget message.
    void showSourceLost(const QString &message);
    /// A capture failed a gate: shown over the picture for a few seconds.
    void showRejected(const QString &message);
    /// A page was taken: a short confirmation.
    void showCaptured();

signals:
    /// Space (or a click on the capture hint) asked for a capture now.
    void captureRequested();
    /// The clerk corrected the first page's outline (\a quad in frame pixels).
    void quadCorrected(const Tongban::Imaging::PageQuad &quad);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    enum class NoticeKind { None, Success, Error };
    void setNotice(const QString &text, NoticeKind kind, int durationMs);
    void paintFrame(QPainter &p, const QRectF &target) const;
    void paintBadge(QPainter &p, const QRectF &target) const;
    void paintBanner(QPainter &p, const QRectF &target, const QString &text, const QColor &colour,
        bool top) const;
    void paintMessage(QPainter &p, const QString &title, const QString &detail) const;
    QColor quadColour() const;
    /// The corner of the first quad within reach of \a widgetPoint, -1 when none.
    int cornerAt(const QPointF &widgetPoint) const;
    void moveCorner(int corner, const QPointF &framePoint);
    void commitCorrection();

    QPointer<Imaging::CaptureSession> m_session;
    Status m_status = Status::NoDevice;
    QImage m_frame;
    QList<Imaging::PageQuad> m_quads;
    Imaging::AutoCaptureState m_state = Imaging::AutoCaptureState::Invalid;
    QString m_hint;
    QString m_lostMessage;
    QString m_noDeviceDetail;
    QString m_notice;
    NoticeKind m_noticeKind = NoticeKind::None;
    QTimer m_noticeTimer;
    QTimer m_connectTimer;
    int m_dragging = -1; ///< the corner under the mouse, -1 when not dragging
    int m_selected = -1; ///< the corner the keyboard moves
    bool m_previewOnly = false;
};

} // namespace Tongban::Widgets
