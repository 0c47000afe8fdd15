#include "NotBuiltPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Tongban::Gui {

NotBuiltPage::NotBuiltPage(
    const QString &title, const QString &purpose, const QStringList &plannedSteps, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("notBuiltPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(14);

    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    layout->addWidget(heading);

    auto *banner = new QLabel(tr("Not built yet: this screen cannot be used on this version "
                                 "of the workstation."),
        this);
    banner->setObjectName(QStringLiteral("notBuiltBanner"));
    banner->setWordWrap(true);
    layout->addWidget(banner);

    auto *what = new QLabel(purpose, this);
    what->setWordWrap(true);
    layout->addWidget(what);

    if (!plannedSteps.isEmpty()) {
        auto *plannedTitle = new QLabel(tr("What it will do:"), this);
        plannedTitle->setObjectName(QStringLiteral("fieldName"));
        layout->addWidget(plannedTitle);
        for (const QString &step : plannedSteps) {
            auto *line = new QLabel(QStringLiteral("•  ") + step, this);
            line->setWordWrap(true);
            line->setTextFormat(Qt::PlainText);
            layout->addWidget(line);
        }
    }
    layout->addStretch();
}

} // namespace Tongban::Gui
