#pragma once

#include <QDialog>
#include <QImage>

class QLabel;
class QScrollArea;

namespace Tongban::Widgets {

/*!
 * A captured page at full size with zoom: fit to window, 100 %, zoom in and
 * out (buttons, + / - / 0 keys, Ctrl+wheel). Shows the page turned by its
 * stored rotation; changes nothing. GUI thread only.
 */
class PageViewer : public QDialog
{
    Q_OBJECT
public:
    explicit PageViewer(QWidget *parent = nullptr);

    void setPage(const QImage &image, int rotationDegrees, const QString &title);
    /// 1.0 is one image pixel per screen pixel; 0 means fit to the window.
    void setZoom(double factor);
    double zoom() const { return m_zoom; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void render();
    double effectiveZoom() const;

    QImage m_image;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_canvas = nullptr;
    QLabel *m_zoomLabel = nullptr;
    double m_zoom = 0;
};

} // namespace Tongban::Widgets
