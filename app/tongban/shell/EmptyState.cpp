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
        if (!m_view || !m_label)
            return;
        if (m_view->model() != m_model)
            watch(m_view->model());
        const bool empty = !m_model || m_model->rowCount(m_view->rootIndex()) == 0;
        m_label->setGeometry(m_view->viewport()->rect().adjusted(12, 12, -12, -12));
        m_label->setVisible(empty);
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
