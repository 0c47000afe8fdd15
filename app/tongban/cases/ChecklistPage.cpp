#include "ChecklistPage.h"

#include "CapturePane.h"
#include "CaseController.h"
#include "shell/EmptyState.h"
#include "shell/LineBreaks.h"

#include <widgets/PageStrip.h>
#include <widgets/SampleView.h>

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <common/Workstation.h>

namespace Tongban::Gui {

using Intake::CaseDraft;
using Intake::MaterialStatus;
using Intake::ReviewVerdict;

namespace {

QString statusMark(MaterialStatus status)
{
    switch (status) {
    case MaterialStatus::Received:
        return QStringLiteral("✓");
    case MaterialStatus::Tolerated:
        return QStringLiteral("◐");
    case MaterialStatus::Missing:
        return QStringLiteral("✗");
    case MaterialStatus::Deficient:
        return QStringLiteral("!");
    case MaterialStatus::Unchecked:
        break;
    }
    return QStringLiteral("○");
}

QColor statusColour(MaterialStatus status)
{
    switch (status) {
    case MaterialStatus::Received:
        return QColor(0x23, 0x78, 0x04);
    case MaterialStatus::Tolerated:
        return QColor(0x87, 0x38, 0x00);
    case MaterialStatus::Missing:
    case MaterialStatus::Deficient:
        return QColor(0xa8, 0x07, 0x1a);
    case MaterialStatus::Unchecked:
        break;
    }
    return QColor(0x52, 0x60, 0x6d);
}

QString quantity(const Catalog::MaterialRequirement &m)
{
    QStringList parts;
    if (m.originals > 0)
        parts << ChecklistPage::tr("originals: %1").arg(m.originals);
    if (m.copies > 0)
        parts << ChecklistPage::tr("copies: %1").arg(m.copies);
    switch (m.medium) {
    case Catalog::Medium::Paper:
        parts << ChecklistPage::tr("paper");
        break;
    case Catalog::Medium::Electronic:
        parts << ChecklistPage::tr("electronic");
        break;
    case Catalog::Medium::Both:
        parts << ChecklistPage::tr("paper and electronic");
        break;
    case Catalog::Medium::Unknown:
        break;
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

ChecklistPage::ChecklistPage(
    App::Workstation &station, CaseController &cases, CapturePane *capture, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
    , m_cases(cases)
    , m_capture(capture)
{
    setObjectName(QStringLiteral("checklistPage"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(12);

    // Left: the materials of the case.
    auto *left = new QVBoxLayout;
    auto *title = new QLabel(tr("Material checking"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    left->addWidget(title);
    m_caseLine = new QLabel(this);
    m_caseLine->setObjectName(QStringLiteral("fieldName"));
    m_caseLine->setWordWrap(true);
    left->addWidget(m_caseLine);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("materialList"));
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // names wrap instead
    setEmptyText(m_list, tr("No material yet: the case's materials are listed here."));
    left->addWidget(m_list, 1);
    m_decide = new QPushButton(tr("To the decision"), this);
    m_decide->setObjectName(QStringLiteral("toDecision"));
    m_decide->setToolTip(tr("To the decision (Ctrl+D)"));
    left->addWidget(m_decide);
    auto *leftHolder = new QWidget(this);
    leftHolder->setLayout(left);
    leftHolder->setFixedWidth(230);
    layout->addWidget(leftHolder);

    auto *split = new QSplitter(Qt::Horizontal, this);
    // Middle: requirement, sample, review points.
    auto *scroll = new QScrollArea(split);
    m_scroll = scroll;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *middle = new QWidget(scroll);
    auto *mid = new QVBoxLayout(middle);
    mid->setContentsMargins(0, 0, 6, 0);
    mid->setSpacing(8);
    m_materialName = new QLabel(middle);
    m_materialName->setObjectName(QStringLiteral("cardTitle"));
    m_materialName->setWordWrap(true);
    mid->addWidget(m_materialName);
    m_requirement = new QLabel(middle);
    m_requirement->setObjectName(QStringLiteral("fieldName"));
    m_requirement->setWordWrap(true);
    mid->addWidget(m_requirement);
    m_correctionNote = new QLabel(middle);
    m_correctionNote->setObjectName(QStringLiteral("notBuiltBanner"));
    m_correctionNote->setWordWrap(true);
    m_correctionNote->hide();
    mid->addWidget(m_correctionNote);
    m_sample = new Widgets::SampleView(middle);
    m_sample->setMinimumHeight(300);
    m_sample->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_pointsBox = new QFrame(middle);
    m_pointsBox->setObjectName(QStringLiteral("card"));
    m_points = new QVBoxLayout(m_pointsBox);
    m_points->setContentsMargins(12, 10, 12, 10);
    m_points->setSpacing(8);
    mid->addWidget(m_pointsBox);

    auto *options = new QFrame(middle);
    options->setObjectName(QStringLiteral("card"));
    auto *optionsLayout = new QVBoxLayout(options);
    optionsLayout->setContentsMargins(12, 10, 12, 10);
    m_original = new QCheckBox(tr("Original verified against the copy (核验原件)"), options);
    m_original->setObjectName(QStringLiteral("originalVerified"));
    optionsLayout->addWidget(m_original);
    m_absent = new QCheckBox(tr("The applicant did not bring this material"), options);
    m_absent->setObjectName(QStringLiteral("absent"));
    optionsLayout->addWidget(m_absent);
    m_tolerated = new QCheckBox(tr("Accept now, submit later (容缺受理)"), options);
    m_tolerated->setObjectName(QStringLiteral("tolerated"));
    optionsLayout->addWidget(m_tolerated);
    // The applicant signs the guide's own commitment; the window never writes its own.
    m_commitment = new QLabel(options);
    m_commitment->setObjectName(QStringLiteral("commitment"));
    m_commitment->setWordWrap(true);
    m_commitment->setTextInteractionFlags(Qt::TextSelectableByMouse);
    optionsLayout->addWidget(m_commitment);
    m_unlock = new QPushButton(tr("Supervisor: unlock this material…"), options);
    m_unlock->setObjectName(QStringLiteral("unlockMaterial"));
    m_unlock->setProperty("secondary", true);
    optionsLayout->addWidget(m_unlock);
    mid->addWidget(options);
    m_todo = new QLabel(middle);
    m_todo->setObjectName(QStringLiteral("warning"));
    m_todo->setWordWrap(true);
    mid->addWidget(m_todo);
    // The sample, for reference, after what the clerk acts on.
    auto *sampleTitle = new QLabel(tr("Sample with the review points"), middle);
    sampleTitle->setObjectName(QStringLiteral("fieldName"));
    mid->addWidget(sampleTitle);
    mid->addWidget(m_sample, 1);

    auto *nav = new QHBoxLayout;
    auto *report = new QPushButton(tr("Report a guide error"), middle);
    report->setObjectName(QStringLiteral("secondary"));
    nav->addWidget(report);
    auto *assist = new QPushButton(tr("Video assistance"), middle);
    assist->setObjectName(QStringLiteral("assistButton"));
    assist->setProperty("secondary", true);
    nav->addWidget(assist);
    m_sharePage = new QPushButton(tr("Show this page in the call"), middle);
    m_sharePage->setObjectName(QStringLiteral("sharePageInCallButton"));
    m_sharePage->setToolTip(tr("The home window of the call under way sees this page at full "
                               "resolution and can mark it."));
    m_sharePage->setVisible(false);
    nav->addWidget(m_sharePage);
    nav->addStretch();
    m_previous = new QPushButton(tr("Previous"), middle);
    m_previous->setToolTip(tr("Previous material (Ctrl+Up)"));
    m_previous->setObjectName(QStringLiteral("secondary"));
    nav->addWidget(m_previous);
    m_next = new QPushButton(tr("Next material"), middle);
    m_next->setToolTip(tr("Next material (Ctrl+Down)"));
    m_next->setObjectName(QStringLiteral("nextMaterial"));
    nav->addWidget(m_next);
    scroll->setWidget(middle);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *middleColumn = new QWidget(split);
    auto *middleLayout = new QVBoxLayout(middleColumn);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(scroll, 1);
    middleLayout->addLayout(nav); // always in reach, whatever the scroll
    split->addWidget(middleColumn);

    // Right: capture.
    if (m_capture) {
        m_capture->setParent(split);
        split->addWidget(m_capture);
    }
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_loading || row < 0)
            return;
        showMaterial(m_list->item(row)->data(Qt::UserRole).toString());
    });
    connect(m_original, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading)
            return;
        m_cases.edit([&](CaseDraft &d) { d.materialState(m_material).originalVerified = on; });
    });
    connect(m_absent, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading)
            return;
        m_cases.edit([&](CaseDraft &d) {
            auto &m = d.materialState(m_material);
            m.absent = on;
            if (on) {
                m.tolerated = false;
                m.commitment.clear();
            }
        });
    });
    connect(m_tolerated, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading)
            return;
        const Catalog::MaterialRequirement *req = currentRequirement();
        m_cases.edit([&](CaseDraft &d) {
            auto &m = d.materialState(m_material);
            m.tolerated = on;
            m.commitment = on && req ? req->toleranceCommitment : QString();
            if (on)
                m.absent = false;
        });
        rebuildMaterial();
    });
    connect(m_unlock, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString reason = QInputDialog::getText(this, tr("Unlock a material"),
            tr("Why must this material, accepted at the first visit, change? The reason is kept "
               "in the trail under your account."),
            QLineEdit::Normal, QString(), &ok);
        if (ok && m_cases.unlock(m_material, reason))
            rebuildMaterial();
    });
    connect(m_previous, &QPushButton::clicked, this, [this] { step(-1); });
    connect(m_next, &QPushButton::clicked, this, [this] { step(1); });
    connect(m_decide, &QPushButton::clicked, this, &ChecklistPage::decisionRequested);
    connect(report, &QPushButton::clicked, this, [this] { emit guideReportRequested(m_material); });
    connect(assist, &QPushButton::clicked, this, [this] { emit assistanceRequested(m_material); });
    connect(m_sharePage, &QPushButton::clicked, this, [this] {
        const QString page = currentPageId();
        if (!page.isEmpty())
            emit sharePageRequested(m_material, page);
    });
    const auto shortcut = [this](QKeySequence keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Down), [this] { step(1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Up), [this] { step(-1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_D), [this] { emit decisionRequested(); });
    // The checklist by keyboard alone (issue 14): a number goes to that review point, Y marks
    // it met and goes on, N marks it not met and opens its reason, F2 captures a page. A text
    // field keeps its digits and letters (it overrides shortcuts for the keys it types).
    for (int i = 0; i < 9; ++i)
        shortcut(QKeySequence(Qt::Key(Qt::Key_1 + i)), [this, i] { focusPoint(i); });
    shortcut(QKeySequence(Qt::Key_Y), [this] { markCurrentPoint(true); });
    shortcut(QKeySequence(Qt::Key_N), [this] { markCurrentPoint(false); });
    shortcut(QKeySequence(Qt::Key_F2), [this] {
        if (m_capture)
            m_capture->captureNow();
    });
    connect(&m_cases, &CaseController::caseChanged, this, [this] {
        if (!m_loading)
            updateStatus();
    });
}

const Catalog::MaterialRequirement *ChecklistPage::currentRequirement() const
{
    const Catalog::ServiceItem *item = m_cases.item();
    if (!item)
        return nullptr;
    for (const Catalog::MaterialRequirement &m : item->materials) {
        if (m.id == m_material)
            return &m;
    }
    return nullptr;
}

void ChecklistPage::refresh()
{
    if (!m_cases.hasCase() || !m_cases.item()) {
        m_caseLine->setText(tr("No case is open. Start one under New case, or open a case "
                               "awaiting correction from Today."));
        m_list->clear();
        m_material.clear();
        rebuildMaterial();
        return;
    }
    const CaseDraft &d = m_cases.draft();
    QString material = d.currentMaterial;
    const Intake::Assessment a = m_cases.assessment();
    if (!a.material(material))
        material = a.materials.isEmpty() ? QString() : a.materials.first().requirement->id;
    m_material = material;
    m_cases.setPosition(QStringLiteral("checklist"), material);
    rebuildList();
    rebuildMaterial();
    // Arriving on the screen, the keyboard is on the first point still to mark.
    if (isVisible() && !m_pointRows.isEmpty())
        focusFirstPointLater();
}

void ChecklistPage::focusFirstPointLater()
{
    // Once the new rows are shown (a layout shows added widgets on the next pass): focus
    // given to a widget not yet shown moved on through the focus chain to the material list.
    QTimer::singleShot(0, this, [this, material = m_material] {
        if (m_material == material && !m_pointRows.isEmpty() && isVisible())
            focusPoint(firstUnmarkedPoint());
    });
}

void ChecklistPage::showMaterial(const QString &materialId)
{
    if (materialId == m_material && m_list->count() > 0)
        return;
    m_material = materialId;
    m_cases.setPosition(QStringLiteral("checklist"), materialId);
    rebuildMaterial();
    updateStatus();
}

void ChecklistPage::step(int delta)
{
    const int row = m_list->currentRow() + delta;
    if (row >= 0 && row < m_list->count())
        m_list->setCurrentRow(row);
    else if (delta > 0)
        emit decisionRequested();
}

void ChecklistPage::rebuildList()
{
    m_loading = true;
    m_list->clear();
    const Intake::Assessment a = m_cases.assessment();
    for (const Intake::MaterialAssessment &m : a.materials) {
        auto *row = new QListWidgetItem(m_list);
        row->setData(Qt::UserRole, m.requirement->id);
        if (m.requirement->id == m_material)
            m_list->setCurrentItem(row);
    }
    m_loading = false;
    updateStatus();
}

void ChecklistPage::updateStatus()
{
    if (!m_cases.hasCase() || !m_cases.item())
        return;
    const CaseDraft &d = m_cases.draft();
    const Intake::Assessment a = m_cases.assessment();
    if (a.materials.size() != m_list->count()) {
        rebuildList();
        return;
    }
    m_caseLine->setText(
        tr("%1\n%2 · %3")
            .arg(m_cases.item()->name, d.provisionalNumber,
                d.applicant.name.isEmpty() ? tr("applicant not entered") : d.applicant.name));
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *row = m_list->item(i);
        const Intake::MaterialAssessment *m = a.material(row->data(Qt::UserRole).toString());
        if (!m)
            continue;
        const Intake::MaterialState *state = d.material(m->requirement->id);
        const int pages = state ? int(state->pages.size()) : 0;
        const bool toCorrect = d.submission > 1 && d.openMaterials.contains(m->requirement->id);
        row->setText(
            QStringLiteral("%1  %2\n     %3%4")
                .arg(statusMark(m->status), m->requirement->name, Intake::statusName(m->status),
                    (pages > 0 ? tr(" · %n page(s)", nullptr, pages) : QString())
                        + (toCorrect ? tr(" · to correct") : QString())));
        row->setForeground(statusColour(m->status));
    }
    const Intake::MaterialAssessment *current = a.material(m_material);
    if (current) {
        QStringList lines = current->todo;
        m_todo->setText(lines.join(QLatin1Char('\n')));
        m_todo->setVisible(!lines.isEmpty());
    }
    m_decide->setText(a.decidable
            ? tr("To the decision")
            : tr("To the decision · %n left", nullptr, int(a.count(MaterialStatus::Unchecked))));
    if (m_capture)
        m_capture->refreshPages();
}

void ChecklistPage::rebuildMaterial()
{
    m_loading = true;
    const bool hadFocus = isVisible() && isAncestorOf(QApplication::focusWidget());
    const QString shownBefore = m_shownMaterial;
    m_shownMaterial = m_material;
    m_pointRows.clear();
    m_currentPoint = -1;
    while (QLayoutItem *child = m_points->takeAt(0)) {
        if (QWidget *widget = child->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete child;
    }
    const Catalog::ServiceItem *item = m_cases.item();
    const Catalog::MaterialRequirement *req = nullptr;
    if (item) {
        for (const Catalog::MaterialRequirement &m : item->materials) {
            if (m.id == m_material)
                req = &m;
        }
    }
    const bool has = req && m_cases.hasCase();
    for (QWidget *w : std::initializer_list<QWidget *> { m_pointsBox, m_original, m_absent,
             m_tolerated, m_commitment, m_previous, m_next, m_sample })
        w->setVisible(has);
    m_unlock->setVisible(false);
    if (m_capture)
        m_capture->setMaterial(has ? m_material : QString());
    if (!has) {
        m_materialName->setText(QString());
        m_requirement->setText(QString());
        m_correctionNote->hide();
        m_todo->hide();
        m_loading = false;
        return;
    }
    const CaseDraft &d = m_cases.draft();
    const Intake::MaterialState *state = d.material(m_material);
    const bool editable = m_cases.isMaterialEditable(m_material);
    m_materialName->setText(req->name);
    QString requirement = quantity(*req);
    if (!req->basis.isEmpty())
        requirement += QStringLiteral("\n") + tr("Basis: %1").arg(req->basis);
    if (!req->source.isEmpty())
        requirement += QStringLiteral("\n") + tr("Source: %1").arg(req->source);
    if (req->paperArchive)
        requirement
            += QStringLiteral("\n") + tr("The paper original goes to the home department by mail.");
    m_requirement->setText(requirement);
    const bool toCorrect = d.submission > 1 && d.openMaterials.contains(m_material);
    m_correctionNote->setText(toCorrect ? tr("Listed on the one-time notice: check it again now.")
            : editable
            ? tr("Unlocked by a supervisor: changes are recorded in the trail.")
            : tr("Accepted at the first visit: read-only (a supervisor can unlock it)."));
    m_correctionNote->setVisible(d.submission > 1);

    if (const Catalog::Sample *sample = m_cases.catalog().sample(req->sampleRef)) {
        m_sample->setSample(QStringLiteral(":/tongban/catalog/") + sample->image,
            QSize(sample->width, sample->height), *req);
    } else {
        m_sample->clear();
    }

    auto *pointsTitle = new QLabel(tr("Review points"), m_pointsBox);
    pointsTitle->setObjectName(QStringLiteral("cardTitle"));
    m_points->addWidget(pointsTitle);
    int number = 0;
    for (const Catalog::ReviewPoint &point : req->reviewPoints) {
        ++number;
        const ReviewVerdict verdict = state ? state->verdicts.value(point.id) : ReviewVerdict {};
        auto *row = new QWidget(m_pointsBox);
        row->setAttribute(Qt::WA_StyledBackground);
        row->setObjectName(QStringLiteral("point_") + point.id);
        auto *rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(0, 4, 0, 4);
        rowLayout->setSpacing(4);
        auto *top = new QHBoxLayout;
        // The column is narrow at 1366 wide: never one character alone under the rest.
        auto *text = new QLabel(
            keepLastCharactersTogether(QStringLiteral("%1. %2").arg(number).arg(point.text)), row);
        text->setWordWrap(true);
        text->setToolTip(point.standard.isEmpty()
                ? point.method
                : QStringLiteral("%1 · %2").arg(point.method, point.standard));
        top->addWidget(text, 1);
        text->setToolTip(text->toolTip() + QLatin1Char('\n')
            + tr("Key %1 goes to this review point.").arg(number));
        auto *pass = new QPushButton(tr("Met"), row);
        pass->setToolTip(tr("Met (Y, or Space on this button)"));
        pass->setObjectName(QStringLiteral("pass"));
        pass->setCheckable(true);
        pass->setChecked(verdict.verdict == ReviewVerdict::Verdict::Pass);
        auto *fail = new QPushButton(tr("Not met"), row);
        fail->setToolTip(tr("Not met (N): then choose the reason with the arrow keys"));
        fail->setObjectName(QStringLiteral("fail"));
        fail->setCheckable(true);
        fail->setChecked(verdict.verdict == ReviewVerdict::Verdict::Fail);
        auto *group = new QButtonGroup(row);
        group->setExclusive(false);
        group->addButton(pass);
        group->addButton(fail);
        top->addWidget(pass);
        top->addWidget(fail);
        rowLayout->addLayout(top);
        auto *reasonRow = new QHBoxLayout;
        auto *reason = new QComboBox(row);
        reason->setObjectName(QStringLiteral("reason"));
        // The clerk picks the guide's reason; nothing is picked for them.
        reason->addItem(tr("Choose the guide's reason…"), QString());
        for (const Catalog::Deficiency &standard : point.deficiencies)
            reason->addItem(standard.reason, standard.code);
        reason->setCurrentIndex(std::max(0, reason->findData(verdict.deficiencyCode)));
        reasonRow->addWidget(reason, 1);
        auto *remark = new QLineEdit(verdict.remark, row);
        remark->setObjectName(QStringLiteral("remark"));
        remark->setPlaceholderText(tr("Remark explaining the reason (optional)"));
        reasonRow->addWidget(remark, 1);
        const bool failed = verdict.verdict == ReviewVerdict::Verdict::Fail;
        reason->setVisible(failed);
        remark->setVisible(failed);
        rowLayout->addLayout(reasonRow);
        m_points->addWidget(row);
        for (QWidget *w : std::initializer_list<QWidget *> { pass, fail })
            w->installEventFilter(this);
        m_pointRows.append({ point.id, row, pass, fail, reason, remark });

        const QString pointId = point.id;
        const auto record = [this, pointId, pass, fail, reason, remark] {
            ReviewVerdict v;
            v.verdict = pass->isChecked() ? ReviewVerdict::Verdict::Pass
                : fail->isChecked()       ? ReviewVerdict::Verdict::Fail
                                          : ReviewVerdict::Verdict::Unmarked;
            if (v.verdict == ReviewVerdict::Verdict::Fail) {
                v.deficiencyCode = reason->currentData().toString();
                v.remark = remark->text().trimmed();
            }
            reason->setVisible(v.verdict == ReviewVerdict::Verdict::Fail);
            remark->setVisible(v.verdict == ReviewVerdict::Verdict::Fail);
            // The store records the mark in the trail under the signed-in clerk.
            m_cases.edit(
                [&](CaseDraft &draft) { draft.materialState(m_material).verdicts[pointId] = v; });
            m_sample->highlightReviewPoint(pointId);
        };
        connect(pass, &QPushButton::clicked, this, [pass, fail, record] {
            if (pass->isChecked())
                fail->setChecked(false);
            record();
        });
        connect(fail, &QPushButton::clicked, this, [pass, fail, reason, record] {
            if (fail->isChecked())
                pass->setChecked(false);
            record();
            if (fail->isChecked())
                reason->setFocus();
        });
        connect(reason, &QComboBox::activated, this, [record] { record(); });
        connect(remark, &QLineEdit::editingFinished, this, [record] { record(); });
        for (QWidget *w : std::initializer_list<QWidget *> { pass, fail, reason, remark })
            w->setEnabled(editable);
    }
    m_original->setVisible(req->originals > 0);
    m_original->setChecked(state && state->originalVerified);
    m_absent->setChecked(state && state->absent);
    m_tolerated->setVisible(req->tolerable);
    m_tolerated->setChecked(state && state->tolerated);
    const bool tolerated = state && state->tolerated;
    if (tolerated) {
        bool provisional = false;
        const QDate due = m_cases.commitmentDue(*req, &provisional);
        m_commitment->setText(
            tr("The applicant signs: %1\nBring it by %2%3.")
                .arg(req->toleranceCommitment, QLocale().toString(due, QLocale::LongFormat),
                    provisional ? tr(" (provisional: next year's calendar is not in yet)")
                                : QString()));
    } else {
        m_commitment->setText(req->tolerable
                ? tr("If the applicant commits to bring it later, they sign: %1")
                      .arg(req->toleranceCommitment)
                : QString());
    }
    m_commitment->setVisible(req->tolerable);
    for (QWidget *w : std::initializer_list<QWidget *> { m_original, m_absent, m_tolerated })
        w->setEnabled(editable);
    m_unlock->setVisible(d.state == CaseDraft::State::Open && !editable);
    m_unlock->setEnabled(m_cases.clerk().role == QLatin1String("admin"));
    m_unlock->setToolTip(m_unlock->isEnabled()
            ? QString()
            : tr("Only a supervisor's account can unlock what the first visit accepted."));
    m_loading = false;
    updateStatus();
    // Keyboard path: the order a clerk works in, the 委托 of the list and then each point.
    QWidget *previous = m_list;
    for (const PointRow &r : std::as_const(m_pointRows)) {
        for (QWidget *w : std::initializer_list<QWidget *> { r.pass, r.fail, r.reason, r.remark }) {
            setTabOrder(previous, w);
            previous = w;
        }
    }
    for (QWidget *w :
        std::initializer_list<QWidget *> { m_original, m_absent, m_tolerated, m_next }) {
        setTabOrder(previous, w);
        previous = w;
    }
    if (m_material != shownBefore) {
        // A new material starts at its top, not at the previous one's scroll position.
        m_scroll->verticalScrollBar()->setValue(0);
        if (hadFocus && !m_pointRows.isEmpty())
            focusFirstPointLater();
    }
}

int ChecklistPage::firstUnmarkedPoint() const
{
    for (int i = 0; i < m_pointRows.size(); ++i) {
        if (!m_pointRows[i].pass->isChecked() && !m_pointRows[i].fail->isChecked())
            return i;
    }
    return 0;
}

void ChecklistPage::selectPoint(int index)
{
    if (index < 0 || index >= m_pointRows.size())
        return;
    m_currentPoint = index;
    const PointRow &r = m_pointRows[index];
    for (int i = 0; i < m_pointRows.size(); ++i) {
        QWidget *row = m_pointRows[i].row;
        row->setProperty("current", i == index);
        row->style()->unpolish(row);
        row->style()->polish(row);
    }
    m_scroll->ensureWidgetVisible(r.row);
    m_sample->highlightReviewPoint(r.pointId);
}

void ChecklistPage::focusPoint(int index)
{
    if (index < 0 || index >= m_pointRows.size())
        return;
    selectPoint(index);
    if (m_pointRows[index].pass->isEnabled())
        m_pointRows[index].pass->setFocus(Qt::ShortcutFocusReason);
}

void ChecklistPage::markCurrentPoint(bool met)
{
    if (m_pointRows.isEmpty())
        return;
    if (m_currentPoint < 0 || m_currentPoint >= m_pointRows.size())
        m_currentPoint = firstUnmarkedPoint();
    const PointRow r = m_pointRows[m_currentPoint];
    QPushButton *button = met ? r.pass : r.fail;
    if (!button->isEnabled())
        return;
    if (!button->isChecked())
        button->click(); // records it, as a click does
    if (!met)
        return; // the fail button's click put the focus on the reason
    if (m_currentPoint + 1 < m_pointRows.size())
        focusPoint(m_currentPoint + 1);
    else if (m_original->isVisible() && m_original->isEnabled() && !m_original->isChecked())
        m_original->setFocus(Qt::ShortcutFocusReason); // Space ticks it
    else
        m_next->setFocus(Qt::ShortcutFocusReason);
}

bool ChecklistPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        for (int i = 0; i < m_pointRows.size(); ++i) {
            if (watched == m_pointRows[i].pass || watched == m_pointRows[i].fail) {
                if (m_currentPoint != i)
                    selectPoint(i);
            }
        }
    } else if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const auto mods = static_cast<QKeyEvent *>(event)->modifiers();
        if ((key == Qt::Key_Up || key == Qt::Key_Down) && mods == Qt::NoModifier) {
            const int to = m_currentPoint + (key == Qt::Key_Down ? 1 : -1);
            if (to >= 0 && to < m_pointRows.size())
                focusPoint(to);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString ChecklistPage::currentPageId() const
{
    if (m_capture && m_capture->material() == m_material) {
        if (const QString current = m_capture->strip()->currentPageId(); !current.isEmpty())
            return current;
    }
    if (!m_cases.hasCase())
        return {};
    for (const Intake::MaterialState &material : m_cases.draft().materials) {
        if (material.materialId == m_material && !material.pages.isEmpty())
            return material.pages.first().pageId;
    }
    return {};
}

void ChecklistPage::setCallActive(bool active)
{
    m_sharePage->setVisible(active);
}

} // namespace Tongban::Gui
