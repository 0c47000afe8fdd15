#include "GuidesPage.h"

#include "shell/EmptyState.h"

#include <widgets/SampleView.h>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <common/Workstation.h>

namespace Tongban::Gui {

namespace {
QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td class='k'>%1</td><td>%2</td></tr>").arg(esc(label), value);
}

QString joined(const QStringList &list)
{
    QStringList escaped;
    for (const QString &s : list)
        escaped << esc(s);
    return escaped.join(QStringLiteral("<br>"));
}
} // namespace

GuidesPage::GuidesPage(App::Workstation &station, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
{
    setObjectName(QStringLiteral("guidesPage"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(16);

    // Left: search and results.
    auto *left = new QVBoxLayout;
    auto *title = new QLabel(tr("Unified guides"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    left->addWidget(title);
    m_catalogLabel = new QLabel(this);
    m_catalogLabel->setObjectName(QStringLiteral("fieldName"));
    m_catalogLabel->setWordWrap(true);
    left->addWidget(m_catalogLabel);
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("guideSearch"));
    m_query->setPlaceholderText(tr("Name, code, keyword or pinyin initials (e.g. gtgsh)"));
    m_query->setClearButtonEnabled(true);
    left->addWidget(m_query);
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("guideResults"));
    m_results->setWordWrap(true);
    left->addWidget(m_results, 1);
    auto *leftHolder = new QWidget(this);
    leftHolder->setLayout(left);
    leftHolder->setFixedWidth(300);
    layout->addWidget(leftHolder);

    // Middle: the guide, then the materials and their review points. Right: the sample at
    // the window's full height, where it can be read (issue 14: four small panes).
    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *middle = new QSplitter(Qt::Vertical, split);
    m_guide = new QTextBrowser(middle);
    m_guide->setObjectName(QStringLiteral("guideText"));
    m_guide->setOpenLinks(false);
    auto *materialsBox = new QWidget(middle);
    auto *materialsLayout = new QVBoxLayout(materialsBox);
    materialsLayout->setContentsMargins(0, 0, 0, 0);
    auto *materialsTitle = new QLabel(tr("Materials"), materialsBox);
    materialsTitle->setObjectName(QStringLiteral("cardTitle"));
    materialsLayout->addWidget(materialsTitle);
    m_materials = new QListWidget(materialsBox);
    m_materials->setObjectName(QStringLiteral("guideMaterials"));
    m_materials->setWordWrap(true);
    materialsLayout->addWidget(m_materials, 1);
    auto *pointsTitle = new QLabel(tr("Review points"), materialsBox);
    pointsTitle->setObjectName(QStringLiteral("cardTitle"));
    materialsLayout->addWidget(pointsTitle);
    m_points = new QListWidget(materialsBox);
    m_points->setObjectName(QStringLiteral("guidePoints"));
    m_points->setWordWrap(true);
    materialsLayout->addWidget(m_points, 1);
    m_sample = new Widgets::SampleView(split);
    m_sample->setObjectName(QStringLiteral("sampleView"));
    setEmptyText(m_results, tr("No guide: the catalogue has not been loaded yet."));
    setEmptyText(m_materials, tr("Choose an item to see its materials."));
    setEmptyText(m_points, tr("Choose a material to see its review points."));
    for (QListWidget *list : { m_results, m_materials, m_points }) {
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setResizeMode(QListView::Adjust);
    }
    middle->setSizes({ 300, 400 });
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    connect(m_query, &QLineEdit::textChanged, this, &GuidesPage::search);
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        if (m_results->count() > 0) {
            m_results->setCurrentRow(0);
            m_results->setFocus();
        }
    });
    connect(m_results, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *current) {
        if (current)
            showItem(current->data(Qt::UserRole).toString());
    });
    connect(m_materials, &QListWidget::currentRowChanged, this, &GuidesPage::showMaterial);
    connect(m_points, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && m_item && m_materials->currentRow() >= 0) {
            const auto &material = m_item->materials.at(m_materials->currentRow());
            if (row < material.reviewPoints.size())
                m_sample->highlightReviewPoint(material.reviewPoints.at(row).id);
        }
    });
    reload();
}

void GuidesPage::reload()
{
    m_item = nullptr;
    m_index.reset();
    m_catalog.reset();
    auto catalog = m_station.catalogs().active();
    if (!catalog) {
        m_catalogLabel->setText(catalog.error().message);
        m_results->clear();
        return;
    }
    m_catalog = std::make_unique<Catalog::Catalog>(std::move(catalog).value());
    m_index = std::make_unique<Catalog::CatalogIndex>(*m_catalog);
    m_catalogLabel->setText(
        tr("Catalogue %1, %n item(s), published by %2", nullptr, int(m_catalog->items.size()))
            .arg(m_catalog->catalogVersion, m_catalog->publisher));
    search(m_query->text());
}

void GuidesPage::search(const QString &query)
{
    m_results->clear();
    if (!m_catalog)
        return;
    QList<const Catalog::ServiceItem *> items;
    if (query.trimmed().isEmpty()) {
        for (const auto &item : m_catalog->items)
            items << &item;
    } else {
        for (const auto &hit : m_index->search(query, 100))
            items << hit.item;
    }
    for (const Catalog::ServiceItem *item : std::as_const(items)) {
        auto *entry
            = new QListWidgetItem(QStringLiteral("%1\n%2 · %3")
                                      .arg(item->name, item->homeJurisdiction.name, item->itemCode),
                m_results);
        entry->setData(Qt::UserRole, item->itemCode);
    }
    if (items.isEmpty())
        new QListWidgetItem(tr("No item matches \"%1\".").arg(query.trimmed()), m_results);
    else
        m_results->setCurrentRow(0);
}

QString GuidesPage::currentItemCode() const
{
    return m_item ? m_item->itemCode : QString();
}

void GuidesPage::showItem(const QString &itemCode)
{
    m_item = m_catalog ? m_catalog->item(itemCode) : nullptr;
    m_materials->clear();
    m_points->clear();
    m_sample->clear();
    if (!m_item)
        return;
    showGuideText(*m_item);
    for (const auto &material : m_item->materials) {
        QStringList tags;
        tags << tr("%1 original(s), %2 copy(ies)").arg(material.originals).arg(material.copies);
        switch (material.medium) {
        case Catalog::Medium::Paper:
            tags << tr("paper");
            break;
        case Catalog::Medium::Electronic:
            tags << tr("electronic");
            break;
        case Catalog::Medium::Both:
            tags << tr("paper and electronic");
            break;
        case Catalog::Medium::Unknown:
            break;
        }
        if (material.tolerable)
            tags << tr("tolerated absence allowed");
        if (material.paperArchive)
            tags << tr("paper original mailed");
        if (!material.condition.isAlways())
            tags << tr("only when: %1").arg(material.condition.text());
        new QListWidgetItem(
            material.name + QStringLiteral("\n") + tags.join(QStringLiteral(" · ")), m_materials);
    }
    if (!m_item->materials.isEmpty())
        m_materials->setCurrentRow(0);
}

void GuidesPage::showMaterial(int index)
{
    m_points->clear();
    if (!m_item || index < 0 || index >= m_item->materials.size())
        return;
    const auto &material = m_item->materials.at(index);
    int number = 0;
    for (const auto &point : material.reviewPoints) {
        // The method in Chinese brackets (【核对】), not ASCII ones against Chinese text.
        new QListWidgetItem(
            tr("%1. [%2] %3\n%4").arg(++number).arg(point.method, point.text, point.standard),
            m_points);
    }
    const Catalog::Sample *sample = m_catalog->sample(material.sampleRef);
    if (sample) {
        m_sample->setSample(QStringLiteral(":/tongban/catalog/") + sample->image,
            QSize(sample->width, sample->height), material);
        m_sample->setToolTip(sample->title);
    } else {
        m_sample->clear();
    }
}

void GuidesPage::showGuideText(const Catalog::ServiceItem &item)
{
    QString scope;
    switch (item.scope) {
    case Catalog::Scope::Citywide:
        scope = tr("citywide");
        break;
    case Catalog::Scope::Provincewide:
        scope = tr("provincewide");
        break;
    case Catalog::Scope::CrossProvince:
        scope = tr("across provinces");
        break;
    case Catalog::Scope::Unknown:
        break;
    }
    QStringList windows;
    for (const auto &window : item.homeWindows)
        windows << window.name;
    QString html
        = QStringLiteral("<style>td{padding:3px 10px 3px 0;vertical-align:top}"
                         "td.k{color:#52606d;white-space:nowrap}h2{color:#12355c}</style>");
    html += QStringLiteral("<h2>%1</h2><table>").arg(esc(item.name));
    html += row(tr("Item code"), esc(item.itemCode));
    html += row(tr("Type"), esc(item.type));
    html += row(tr("Scope"), esc(scope));
    html += row(tr("Home jurisdiction"), esc(item.homeJurisdiction.name));
    html += row(tr("Home windows"), joined(windows));
    html += row(tr("Implementing body"), esc(item.implementingBody));
    html += row(tr("Time limits"),
        esc(tr("legal %1 working days, promised %2 working days")
                .arg(item.legalTimeLimitDays)
                .arg(item.promisedTimeLimitDays)));
    html += row(tr("Result"), esc(item.resultName));
    html += row(tr("Fees"), esc(item.feeCharged ? item.feeStandard : tr("free of charge")));
    html += row(tr("Acceptance conditions"), joined(item.acceptanceConditions));
    html += row(tr("Basis"), joined(item.basis));
    html += row(tr("Process"), esc(item.process.join(QStringLiteral(" → "))));
    html += row(
        tr("Location and hours"), esc(item.location) + QStringLiteral("<br>") + esc(item.hours));
    html += row(tr("Contact"), esc(item.contact));
    html += row(tr("Complaints"), esc(item.complaint));
    html += QStringLiteral("</table>");
    m_guide->setHtml(html);
}

} // namespace Tongban::Gui
