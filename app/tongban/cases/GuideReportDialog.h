#pragma once

#include <QDialog>

class QComboBox;
class QPlainTextEdit;

namespace Tongban::Gui {

/*!
 * A guide error report (纠错, 000 §8, §28) from a material: what is wrong
 * (the guide itself, a material demanded outside the list, a review point
 * that does not match) and the clerk's words. The caller sends it.
 */
class GuideReportDialog : public QDialog
{
    Q_OBJECT
public:
    GuideReportDialog(
        const QString &itemName, const QString &materialName, QWidget *parent = nullptr);

    /// guide_wrong, extra_material_demanded or review_point_mismatch (docs/platform-api.md §9).
    QString kind() const;
    QString text() const;

private:
    QComboBox *m_kind = nullptr;
    QPlainTextEdit *m_text = nullptr;
};

} // namespace Tongban::Gui
