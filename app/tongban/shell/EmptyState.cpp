#include "EmptyState.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>
#include <QLabel>
#include <QPointer>

namespace Tongban::Gui {

namespace {
const QString kName = QStringLiteral("emptyState");

/// Keeps the label over the viewport and shown exactly while the model is empty.
class EmptyStateFollower : public QObject
{
public:
    EmptyStateFollower(QAbstractItemView *view, QLabel *label)
        : QObject(label)
        , m_view(view)
        , m_label(label)
    {
        view->viewport()->installEventFilter(this);
        watch(view->model());
        update();
    }

    void update()
    {
        // Each guard read once (a QPointer's -> reads it again: -Wnull-dereference, issue 16).
        QAbstractItemView *const view = m_view.data();
        QLabel *const label = m_label.data();
        if (!view || !label)
            return;
        if (view->model() != m_model)
            watch(view->model());
        const QAbstractItemModel *model = m_model.data();
        const bool empty = !model || model->rowCount(view->rootIndex()) == 0;
        label->setGeometry(view->viewport()->rect().adjusted(12, 12, -12, -12));
        label->setVisible(empty);
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Resize || event->type() == QEvent::Show)
            update();
        return false;
    }

private:
    void watch(QAbstractItemModel *model)
    {
        if (m_model)
            m_model->disconnect(this);
        m_model = model;
        if (!model)
            return;
        const auto later = [this] {
            update();
        };
        connect(model, &QAbstractItemModel::rowsInserted, this, later);
        connect(model, &QAbstractItemModel::rowsRemoved, this, later);
        connect(model, &QAbstractItemModel::modelReset, this, later);
        connect(model, &QAbstractItemModel::layoutChanged, this, later);
    }

    QPointer<QAbstractItemView> m_view;
    QPointer<QLabel> m_label;
    QPointer<QAbstractItemModel> m_model;
};
} // namespace

QLabel *setEmptyText(QAbstractItemView *view, const QString &text)
{
    if (QLabel *existing = emptyStateOf(view)) {
        existing->setText(text);
        return existing;
    }
    auto *label = new QLabel(text, view->viewport());
    label->setObjectName(kName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    new EmptyStateFollower(view, label);
    return label;
}

QLabel *emptyStateOf(const QAbstractItemView *view)
{
    return view->viewport()->findChild<QLabel *>(kName, Qt::FindDirectChildrenOnly);
}

} // namespace Tongban::Gui
