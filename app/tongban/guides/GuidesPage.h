#pragma once

#include <catalog/Catalog.h>
#include <catalog/CatalogSearch.h>

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QTextBrowser;

namespace Tongban::App {
class Workstation;
}
namespace Tongban::Widgets {
class SampleView;
}

namespace Tongban::Gui {

/*!
 * The unified guides (办事指南) of the catalogue in force: search by name,
 * code, keyword or pinyin initials; read the guide; go through its materials
 * and see each one's review points drawn on its sample. Read-only.
 */
class GuidesPage : public QWidget
{
    Q_OBJECT

public:
    explicit GuidesPage(App::Workstation &station, QWidget *parent = nullptr);

    /// Re-reads the catalogue in force (after an import).
    void reload();
    void search(const QString &query);
    void showItem(const QString &itemCode);
    void showMaterial(int index);

    QString currentItemCode() const;

private:
    void showGuideText(const Catalog::ServiceItem &item);

    App::Workstation &m_station;
    std::unique_ptr<Catalog::Catalog> m_catalog;
    std::unique_ptr<Catalog::CatalogIndex> m_index;
    const Catalog::ServiceItem *m_item = nullptr;
    QLabel *m_catalogLabel = nullptr;
    QLineEdit *m_query = nullptr;
    QListWidget *m_results = nullptr;
    QTextBrowser *m_guide = nullptr;
    QListWidget *m_materials = nullptr;
    QListWidget *m_points = nullptr;
    Widgets::SampleView *m_sample = nullptr;
};

} // namespace Tongban::Gui
