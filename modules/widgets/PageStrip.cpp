#include "PageStrip.h"

#include "PageViewer.h"
#include "Tr.h"

#include <QContextMenuEvent>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QResizeEvent>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTransform>
#include <QtConcurrent/QtConcurrentRun>

namespace Tongban::Widgets {

namespace {
enum Role {
    IdRole = Qt::UserRole + 1,
    ThumbRole,
    ImageRole,
    RotationRole,
    RetakeRole,
    InterimRole, ///< the thumbnail shown is a pending page's early one
    PendingRole, ///< the card of a page being processed
};
// Thumbnails are made for the largest card; cards follow the strip's height.
constexpr int kThumbW = 150, kThumbH = 200;
constexpr int kLabelH = 24, kMinCardH = 96, kMaxCardH = 260, kDefaultCardH = 196;

QImage makeThumbnail(const QImage &image, qreal dpr)
{
    return image.scaled(QSize(int(kThumbW * dpr), int(kThumbH * dpr)), Qt::KeepAspectRatio,
        Qt::SmoothTransformation);
}
} // namespace

/// Paints one page as a card: thumbnail (rotated as stored), number, selection.
class PageStripDelegate : public QStyledItemDelegate
{
public:
    explicit PageStripDelegate(PageStrip *strip)
        : QStyledItemDelegate(strip)
        , m_strip(strip)
    { }

    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        const int h = m_strip->cardHeight();
        return { int(h * 0.72), h };
    }

    void paint(
        QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setRenderHint(QPainter::SmoothPixmapTransform);
        const QRectF card = QRectF(option.rect).adjusted(6, 6, -6, -6);
        const bool selected = option.state & QStyle::State_Selected;
        const bool focused = selected && (option.state & QStyle::State_HasFocus);
        if (selected) {
            p->setPen(Qt::NoPen);
            p->setBrush(QColor(0x2f, 0x80, 0xed, focused ? 40 : 22));
            p->drawRoundedRect(card, 8, 8);
        }
        const QRectF area(
            card.left() + 4, card.top() + 4, card.width() - 8, card.height() - kLabelH - 8);
        const QImage thumb = index.data(ThumbRole).value<QImage>();
        const int rotation = index.data(RotationRole).toInt();
        QRectF paper;
        if (thumb.isNull()) {
            paper = QRectF(0, 0, area.height() * 0.707, area.height()).translated(0, 0);
            paper.moveCenter(area.center());
            p->setPen(QPen(QColor(0xc8, 0xcd, 0xd3), 1, Qt::DashLine));
            p->setBrush(QColor(0xf4, 0xf5, 0xf7));
            p->drawRect(paper);
            p->setPen(QColor(0x8a, 0x93, 0x9e));
            p->drawText(paper, Qt::AlignCenter, Tr::tr("Loading…"));
        } else {
            const qreal dpr = thumb.devicePixelRatio();
            QSizeF size = QSizeF(thumb.size()) / dpr;
            if (rotation % 180 != 0)
                size.transpose();
            size.scale(area.size() - QSizeF(4, 4), Qt::KeepAspectRatio);
            paper = QRectF(QPointF(), size);
            paper.moveCenter(area.center());
            // A soft shadow lifts the page off the strip.
            p->setPen(Qt::NoPen);
            p->setBrush(QColor(0, 0, 0, 28));
            p->drawRect(paper.translated(1.5, 2));
            p->translate(paper.center());
            p->rotate(rotation);
            QSizeF drawn = paper.size();
            if (rotation % 180 != 0)
                drawn.transpose();
            p->drawImage(QRectF(QPointF(-drawn.width() / 2, -drawn.height() / 2), drawn), thumb);
            p->resetTransform();
            p->setPen(QPen(QColor(0xd0, 0xd4, 0xda), 1));
            p->setBrush(Qt::NoBrush);
            p->drawRect(paper);
            if (index.data(PendingRole).toBool())
                m_strip->notePendingPainted();
            else if (!index.data(InterimRole).toBool())
                m_strip->notePainted(index.data(IdRole).toString());
        }
        if (index.data(RetakeRole).toBool()) {
            p->setPen(QPen(QColor(0xf2, 0xa6, 0x1d), 2, Qt::DashLine));
            p->setBrush(QColor(0xf2, 0xa6, 0x1d, 30));
            p->drawRect(paper.adjusted(-2, -2, 2, 2));
        }
        if (selected) {
            p->setPen(QPen(QColor(0x2f, 0x80, 0xed), 2.5));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(paper.adjusted(-3, -3, 3, 3), 3, 3);
        }
        // Page number under the card.
        const QRectF label(
            card.left(), area.bottom() + 6, card.width(), card.bottom() - area.bottom() - 6);
        QFont f = option.font;
        f.setBold(selected);
        p->setFont(f);
        p->setPen(selected ? QColor(0x1f, 0x5f, 0xbf) : QColor(0x4a, 0x52, 0x5c));
        QString text = Tr::tr("Page %1").arg(index.row() + 1);
        if (index.data(RetakeRole).toBool())
            text = Tr::tr("Retake page %1").arg(index.row() + 1);
        p->drawText(label, Qt::AlignHCenter | Qt::AlignTop, text);
        p->restore();
    }

private:
    PageStrip *m_strip;
};

PageStrip::PageStrip(QWidget *parent)
    : QListWidget(parent)
{
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::InternalMove);
    setDefaultDropAction(Qt::MoveAction);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSpacing(2);
    setItemDelegate(new PageStripDelegate(this));
    setMinimumHeight(kMinCardH + 2 * frameWidth());
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(Tr::tr("Captured pages"));
    m_confirmDelete = [this](const QString &, int pageNumber) {
        return QMessageBox::question(this, Tr::tr("Delete page"),
                   Tr::tr("Delete page %1 of this material? The picture is removed from the "
                          "case.")
                       .arg(pageNumber),
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    connect(this, &QListWidget::itemDoubleClicked, this, &PageStrip::openPage);
    connect(this, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        emit currentPageChanged(item ? item->data(IdRole).toString() : QString());
    });
    connect(model(), &QAbstractItemModel::rowsMoved, this, &PageStrip::checkOrder);
    // A drop may insert the copy first and remove the original after: check once settled.
    connect(model(), &QAbstractItemModel::rowsRemoved, this, &PageStrip::checkOrder,
        Qt::QueuedConnection);
}

QSize PageStrip::sizeHint() const
{
    return { 640,
        kDefaultCardH + 2 * frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8 };
}

int PageStrip::cardHeight() const
{
    // Room for a horizontal scroll bar is always kept, so cards do not jump when it shows.
    const int room = height() - 2 * frameWidth() - style()->pixelMetric(QStyle::PM_ScrollBarExtent)
        - 2 * spacing() - 4;
    return std::clamp(room, kMinCardH, kMaxCardH);
}

void PageStrip::resizeEvent(QResizeEvent *event)
{
    QListWidget::resizeEvent(event);
    if (event->oldSize().height() != event->size().height())
        doItemsLayout();
}

PageStrip::~PageStrip()
{
    ++m_generation; // thumbnails still being made are dropped
}

QListWidgetItem *PageStrip::makeItem(
    const QString &pageId, const QImage &image, int rotationDegrees)
{
    auto *item = new QListWidgetItem;
    item->setData(IdRole, pageId);
    item->setData(ImageRole, image);
    item->setData(RotationRole, ((rotationDegrees % 360) + 360) % 360);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    return item;
}

void PageStrip::requestThumbnail(QListWidgetItem *item, const QImage &image)
{
    const QString id = item->data(IdRole).toString();
    const qreal dpr = devicePixelRatioF();
    if (qint64(image.width()) * image.height() <= kSyncThumbnailPixels) {
        QImage thumb = makeThumbnail(image, dpr);
        thumb.setDevicePixelRatio(dpr);
        item->setData(ThumbRole, thumb);
        return;
    }
    auto *watcher = new QFutureWatcher<QImage>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id, image, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        QListWidgetItem *target = itemFor(id);
        // A retake may have replaced the image meanwhile: only the same picture counts.
        if (!target || target->data(ImageRole).value<QImage>().cacheKey() != image.cacheKey())
            return;
        target->setData(InterimRole, false);
        target->setData(ThumbRole, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([image, dpr] {
        QImage thumb = makeThumbnail(image, dpr);
        thumb.setDevicePixelRatio(dpr);
        return thumb;
    }));
}

void PageStrip::addPage(const QString &pageId, const QImage &image, int rotationDegrees)
{
    insertPage(count(), pageId, image, rotationDegrees);
}

void PageStrip::insertPage(
    int index, const QString &pageId, const QImage &image, int rotationDegrees)
{
    index = std::clamp(index, 0, count());
    QListWidgetItem *item = makeItem(pageId, image, rotationDegrees);
    insertItem(index, item);
    requestThumbnail(item, image);
    takePendingPlace(item);
    setCurrentItem(item);
    scrollToItem(item);
    m_order = pageIds();
}

bool PageStrip::replacePage(const QString &oldPageId, const QString &newPageId, const QImage &image)
{
    QListWidgetItem *item = itemFor(oldPageId);
    if (!item)
        return false;
    m_shown.remove(oldPageId);
    item->setData(IdRole, newPageId);
    item->setData(ImageRole, image);
    item->setData(RotationRole, 0);
    item->setData(RetakeRole, false);
    item->setData(ThumbRole, QImage());
    item->setData(InterimRole, false);
    requestThumbnail(item, image);
    takePendingPlace(item);
    m_order = pageIds();
    return true;
}

bool PageStrip::removePage(const QString &pageId)
{
    QListWidgetItem *item = itemFor(pageId);
    if (!item)
        return false;
    delete takeItem(row(item));
    m_shown.remove(pageId);
    m_order = pageIds();
    return true;
}

void PageStrip::setPageRotation(const QString &pageId, int degrees)
{
    if (QListWidgetItem *item = itemFor(pageId))
        item->setData(RotationRole, ((degrees % 360) + 360) % 360);
}

int PageStrip::pageRotation(const QString &pageId) const
{
    const QListWidgetItem *item = itemFor(pageId);
    return item ? item->data(RotationRole).toInt() : 0;
}

void PageStrip::showPendingPage(const QImage &thumbnail)
{
    const qreal dpr = devicePixelRatioF();
    m_pendingThumb = makeThumbnail(thumbnail, dpr);
    m_pendingThumb.setDevicePixelRatio(dpr);
    if (!m_pending) {
        m_pendingBefore = pageIds();
        m_pendingPainted = false;
        m_pending = new QListWidgetItem;
        m_pending->setData(PendingRole, true);
        m_pending->setFlags(Qt::ItemIsEnabled); // not selected, not dragged
        addItem(m_pending);
        scrollToItem(m_pending);
    }
    m_pending->setData(ThumbRole, m_pendingThumb);
}

void PageStrip::clearPendingPage()
{
    if (!m_pending)
        return;
    QListWidgetItem *pending = m_pending;
    m_pending = nullptr;
    delete takeItem(row(pending));
    m_order = pageIds();
}

void PageStrip::takePendingPlace(QListWidgetItem *item)
{
    if (!m_pending || m_pendingBefore.contains(item->data(IdRole).toString()))
        return;
    // The processed page: the early thumbnail until its own is made (then thumbnailShown()).
    if (item->data(ThumbRole).value<QImage>().isNull()) {
        item->setData(InterimRole, true);
        item->setData(ThumbRole, m_pendingThumb);
    }
    clearPendingPage();
}

void PageStrip::clearPages()
{
    ++m_generation;
    m_pending = nullptr; // deleted with the items
    clear();
    m_shown.clear();
    m_order.clear();
}

QStringList PageStrip::pageIds() const
{
    QStringList ids;
    for (int i = 0; i < count(); ++i) {
        if (item(i) != m_pending)
            ids << item(i)->data(IdRole).toString();
    }
    return ids;
}

int PageStrip::indexOf(const QString &pageId) const
{
    const QListWidgetItem *i = itemFor(pageId);
    return i ? row(i) : -1;
}

QListWidgetItem *PageStrip::itemFor(const QString &pageId) const
{
    for (int i = 0; i < count(); ++i) {
        if (item(i) != m_pending && item(i)->data(IdRole).toString() == pageId)
            return item(i);
    }
    return nullptr;
}

QString PageStrip::currentPageId() const
{
    return currentItem() ? currentItem()->data(IdRole).toString() : QString();
}

void PageStrip::setCurrentPage(const QString &pageId)
{
    if (QListWidgetItem *i = itemFor(pageId))
        setCurrentItem(i);
}

QImage PageStrip::pageImage(const QString &pageId) const
{
    const QListWidgetItem *i = itemFor(pageId);
    return i ? i->data(ImageRole).value<QImage>() : QImage();
}

bool PageStrip::hasThumbnail(const QString &pageId) const
{
    const QListWidgetItem *i = itemFor(pageId);
    return i && !i->data(ThumbRole).value<QImage>().isNull();
}

void PageStrip::notePainted(const QString &pageId)
{
    if (m_shown.contains(pageId))
        return;
    m_shown.insert(pageId);
    // Queued: the signal must not run the caller's code inside a paint event.
    QMetaObject::invokeMethod(
        this, [this, pageId] { emit thumbnailShown(pageId); }, Qt::QueuedConnection);
}

void PageStrip::notePendingPainted()
{
    if (m_pendingPainted)
        return;
    m_pendingPainted = true;
    QMetaObject::invokeMethod(
        this, [this] { emit pendingPageShown(); }, Qt::QueuedConnection);
}

void PageStrip::checkOrder()
{
    const QStringList ids = pageIds();
    if (ids == m_order)
        return;
    if (QSet<QString>(ids.cbegin(), ids.cend()).size() != ids.size())
        return; // halfway through a drop: the copy is in, the original not yet out
    m_order = ids;
    viewport()->update(); // page numbers follow the order
    emit pageOrderChanged(ids);
}

void PageStrip::moveCurrent(int delta)
{
    const int from = currentRow();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= count() || delta == 0)
        return;
    QListWidgetItem *item = takeItem(from);
    insertItem(to, item);
    setCurrentItem(item);
    scrollToItem(item);
    checkOrder();
}

void PageStrip::rotateCurrent()
{
    if (currentItem())
        emit rotateRequested(currentPageId(), 90);
}

void PageStrip::deleteCurrent()
{
    QListWidgetItem *item = currentItem();
    if (!item)
        return;
    const QString id = item->data(IdRole).toString();
    if (m_confirmDelete && !m_confirmDelete(id, row(item) + 1))
        return;
    const int at = row(item);
    removePage(id);
    if (count() > 0)
        setCurrentRow(std::min(at, count() - 1));
    emit pageDeleted(id);
}

void PageStrip::retakeCurrent()
{
    QListWidgetItem *item = currentItem();
    if (!item)
        return;
    item->setData(RetakeRole, true);
    emit retakeRequested(item->data(IdRole).toString());
}

void PageStrip::openCurrent()
{
    openPage(currentItem());
}

void PageStrip::openPage(QListWidgetItem *item)
{
    if (!item)
        return;
    const QString id = item->data(IdRole).toString();
    emit pageOpened(id);
    auto *viewer = new PageViewer(this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setPage(item->data(ImageRole).value<QImage>(), item->data(RotationRole).toInt(),
        Tr::tr("Page %1 of %2").arg(row(item) + 1).arg(count()));
    viewer->open();
}

void PageStrip::keyPressEvent(QKeyEvent *event)
{
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (ctrl) {
            moveCurrent(event->key() == Qt::Key_Left ? -1 : 1);
            event->accept();
            return;
        }
        break;
    case Qt::Key_Delete:
        deleteCurrent();
        event->accept();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        openCurrent();
        event->accept();
        return;
    case Qt::Key_R:
        if (ctrl) {
            rotateCurrent();
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QListWidget::keyPressEvent(event);
}

void PageStrip::dropEvent(QDropEvent *event)
{
    QListWidget::dropEvent(event);
    checkOrder();
}

void PageStrip::contextMenuEvent(QContextMenuEvent *event)
{
    QListWidgetItem *item = itemAt(viewport()->mapFromGlobal(event->globalPos()));
    if (!item)
        return;
    setCurrentItem(item);
    const int at = row(item);
    QMenu menu(this);
    menu.addAction(Tr::tr("Open large view\tEnter"), this, &PageStrip::openCurrent);
    menu.addAction(Tr::tr("Rotate right\tCtrl+R"), this, &PageStrip::rotateCurrent);
    menu.addSeparator();
    menu.addAction(Tr::tr("Move left\tCtrl+Left"), this, [this] { moveCurrent(-1); })
        ->setEnabled(at > 0);
    menu.addAction(Tr::tr("Move right\tCtrl+Right"), this, [this] { moveCurrent(1); })
        ->setEnabled(at < count() - 1);
    menu.addAction(
        Tr::tr("Insert a page before this one"), this, [this, at] { emit insertRequested(at); });
    menu.addSeparator();
    menu.addAction(Tr::tr("Retake this page"), this, &PageStrip::retakeCurrent);
    menu.addAction(Tr::tr("Delete page\tDel"), this, &PageStrip::deleteCurrent);
    menu.exec(event->globalPos());
}

} // namespace Tongban::Widgets
