#pragma once

#include <QImage>
#include <QWidget>

namespace Tongban::Widgets {

/*!
 * A picture of a call (or any moving picture), scaled to fit on a dark ground, or a line
 * saying what it waits for. Shows the last image given; GUI thread.
 */
class VideoView : public QWidget
{
    Q_OBJECT
public:
    VideoView(const QString &placeholder, QWidget *parent = nullptr);

    void setImage(const QImage &image);
    void clear();
    const QImage &image() const { return m_image; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholder;
    QImage m_image;
};

} // namespace Tongban::Widgets
