#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QPixmap>
#include <QPointF>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QToolButton;

namespace Tongban::Widgets {

/// One mark on a page, in the page's own pixel coordinates.
struct Mark
{
    enum class Kind {
        Pen = 0, ///< a free line through points
        Arrow, ///< from points[0] to points[1], head at points[1]
        Box, ///< the rectangle with corners points[0] and points[1]
        Text, ///< text written at points[0]
    };
    Kind kind = Kind::Pen;
    QList<QPointF> points;
    QString text;
    QColor color = QColor(220, 30, 30);
    qreal width = 6;

    /// Draws \a marks with \a painter, whose coordinates are the page's pixels.
    static void paint(QPainter &painter, const QList<Mark> &marks);
};

/*!
 * A page at full resolution that can be looked at closely and drawn on (issue 15, the page
 * shared in a call): zoom with the wheel, the + and - buttons or keys, fit (button, 0 key);
 * pan by dragging (the Move tool, or the right or middle button with any tool). The tools
 * Pen, Arrow, Box and Text draw marks in the page's pixel coordinates: a finished mark is
 * emitted (markDrawn) and shown once it comes back through setMarks(), so what is shown is
 * always what the owner holds. Undo and Clear are only asked for (undoRequested,
 * clearRequested). Knows nothing of calls or networks. GUI thread.
 */
class MarkupView : public QWidget
{
    Q_OBJECT
public:
    enum class Tool { Move = 0, Pen, Arrow, Box, Text };
    Q_ENUM(Tool)

    explicit MarkupView(QWidget *parent = nullptr);

    /// Shows \a page (fit to the view) with no marks; \a title in a corner of the view.
    void setPage(const QImage &page, const QString &title = {});
    /// No page: \a placeholder says why.
    void clearPage(const QString &placeholder);
    void setMarks(const QList<Mark> &marks);
    /// Off: the tools and undo/clear are hidden, zoom and pan stay (a side that only looks).
    void setDrawingEnabled(bool enabled);

    QImage page() const { return m_page; }
    QList<Mark> marks() const { return m_marks; }
    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    /// Screen pixels per page pixel.
    double scale() const { return m_scale; }
    /// Zooms by \a factor about the view's centre (or \a anchor, in view coordinates).
    void zoomBy(double factor, QPointF anchor = QPointF(-1, -1));
    void fit();
    /// Where page point \a point is on the canvas, and back.
    QPointF toCanvas(QPointF point) const;
    QPointF toPage(QPointF canvasPoint) const;
    /// The drawing surface (mouse events go there).
    QWidget *canvas() const { return m_canvas; }
    /// The text a Text mark writes.
    QLineEdit *noteField() const { return m_note; }

signals:
    void markDrawn(const Tongban::Widgets::Mark &mark);
    void undoRequested();
    void clearRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void paintCanvas();
    void clampOffset();
    void updateZoomLabel();
    QToolButton *toolButton(Tool tool, const QString &text, const QString &name);

    QImage m_page;
    QPixmap m_pixmap;
    QString m_placeholder;
    QList<Mark> m_marks;
    std::optional<Mark> m_drawing; ///< the mark under the mouse now
    Tool m_tool = Tool::Pen;
    bool m_fit = true;
    double m_scale = 1;
    QPointF m_offset; ///< canvas position of the page's top-left corner
    bool m_panning = false;
    QPointF m_panFrom;

    QWidget *m_canvas = nullptr;
    QWidget *m_tools = nullptr;
    QWidget *m_zoomBox = nullptr;
    QButtonGroup *m_toolGroup = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_zoom = nullptr;
};

} // namespace Tongban::Widgets
