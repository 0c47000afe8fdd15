#pragma once

#include <QImage>
#include <QListWidget>
#include <QSet>

#include <functional>

namespace Tongban::Widgets {

/*!
 * The pages of one material as a horizontal strip of thumbnails, in order.
 *
 * The strip shows and edits the order; it never touches storage. Every
 * change the clerk asks for comes out as a signal with page ids:
 * - reorder by drag and drop or Ctrl+Left / Ctrl+Right: pageOrderChanged();
 * - rotate (Ctrl+R, context menu): rotateRequested(); the caller stores the
 *   rotation and calls setPageRotation();
 * - delete (Del, context menu): asks the confirmation callback, then removes
 *   the thumbnail and emits pageDeleted();
 * - retake (context menu): retakeRequested(); the caller captures and calls
 *   replacePage();
 * - insert before a page (context menu): insertRequested(index);
 * - open large (double-click, Enter): a dialog with zoom, and pageOpened().
 *
 * Thumbnails of large images are scaled on the thread pool; the strip shows
 * a placeholder until then. The full image given is kept (implicitly shared)
 * for the large view. Manage pages through this class's functions, not the
 * QListWidget items. GUI thread only.
 */
class PageStrip : public QListWidget
{
    Q_OBJECT
public:
    /// Asked before a delete; true to go ahead. \a pageNumber counts from 1.
    using ConfirmDelete = std::function<bool(const QString &pageId, int pageNumber)>;

    explicit PageStrip(QWidget *parent = nullptr);
    ~PageStrip() override;

    void addPage(const QString &pageId, const QImage &image, int rotationDegrees = 0);
    void insertPage(int index, const QString &pageId, const QImage &image, int rotationDegrees = 0);
    /// Puts \a newPageId in the place of \a oldPageId (a retake); false when not found.
    bool replacePage(const QString &oldPageId, const QString &newPageId, const QImage &image);
    /// Removes a page without asking (e.g. the caller deleted it elsewhere).
    bool removePage(const QString &pageId);
    /// The rotation the caller stored: 0, 90, 180 or 270 degrees clockwise.
    void setPageRotation(const QString &pageId, int degrees);
    int pageRotation(const QString &pageId) const;
    void clearPages();

    QStringList pageIds() const;
    int pageCount() const { return count() - (m_pending ? 1 : 0); }
    int indexOf(const QString &pageId) const;
    QString currentPageId() const;
    void setCurrentPage(const QString &pageId);
    QImage pageImage(const QString &pageId) const;
    /// True once the page's real thumbnail (not the placeholder) is available.
    bool hasThumbnail(const QString &pageId) const;

    /*!
     * A page still being processed: \a thumbnail (small: from a scaled decode of the
     * camera's still) shown as a card after the pages at once. The next page added, inserted
     * or put in place of another that was not in the strip when this was called takes the
     * card's place, showing this thumbnail until its own is made. Calling it again replaces
     * the thumbnail; clearPendingPage() drops the card (a rejected capture).
     */
    void showPendingPage(const QImage &thumbnail);
    void clearPendingPage();
    bool hasPendingPage() const { return m_pending != nullptr; }

    /// Replaces the default confirmation (a message box). Tests pass a lambda.
    void setDeleteConfirmation(ConfirmDelete confirm) { m_confirmDelete = std::move(confirm); }
    QSize sizeHint() const override;
    /// The height of one page card: follows the strip's height (96 to 260 px).
    int cardHeight() const;

    /// Images larger than this (pixels) get their thumbnail off the GUI thread.
    static constexpr qint64 kSyncThumbnailPixels = 600 * 800;

public slots:
    void moveCurrent(int delta);
    void rotateCurrent();
    void deleteCurrent();
    void retakeCurrent();
    void openCurrent();

signals:
    void pageOrderChanged(const QStringList &pageIds);
    void rotateRequested(const QString &pageId, int degreesClockwise);
    void pageDeleted(const QString &pageId);
    void retakeRequested(const QString &pageId);
    void insertRequested(int index);
    void pageOpened(const QString &pageId);
    void currentPageChanged(const QString &pageId);
    /// A page's real thumbnail was painted for the first time.
    void thumbnailShown(const QString &pageId);
    /// The early thumbnail of a page being processed (showPendingPage()) was painted.
    void pendingPageShown();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    friend class PageStripDelegate;
    QListWidgetItem *itemFor(const QString &pageId) const;
    QListWidgetItem *makeItem(const QString &pageId, const QImage &image, int rotationDegrees);
    void requestThumbnail(QListWidgetItem *item, const QImage &image);
    void notePainted(const QString &pageId);
    void takePendingPlace(QListWidgetItem *item);
    void notePendingPainted();
    void checkOrder();
    void openPage(QListWidgetItem *item);

    QStringList m_order;
    QSet<QString> m_shown;
    ConfirmDelete m_confirmDelete;
    quint64 m_generation = 0;
    QListWidgetItem *m_pending = nullptr; ///< the card of a page being processed
    QImage m_pendingThumb;
    QStringList m_pendingBefore; ///< the pages there when it was shown
    bool m_pendingPainted = false;
};

} // namespace Tongban::Widgets
