#pragma once

#include <QString>

class QAbstractItemView;
class QLabel;

namespace Tongban::Gui {

/*!
 * Gives \a view a readable empty state: while its model has no row, a line
 * such as 暂无办件 shows in the middle of the view (a QLabel named
 * "emptyState" on the viewport), instead of the headers alone (issue 14).
 * It follows the model by itself (rows added or removed, reset) and the
 * viewport's size. \a text may be changed later with setEmptyText() again.
 *
 * Returns the label (owned by the view's viewport). GUI thread only.
 */
QLabel *setEmptyText(QAbstractItemView *view, const QString &text);

/// The label setEmptyText() gave \a view, or null.
QLabel *emptyStateOf(const QAbstractItemView *view);

} // namespace Tongban::Gui
