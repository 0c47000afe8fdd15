#include "NewCasePage.h"

#include "CaseController.h"
#include "shell/EmptyState.h"

#include <core/CreditCode.h>
#include <core/IdentityNumber.h>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <common/Workstation.h>

namespace Tongban::Gui {

using Intake::Applicant;
using Intake::CaseDraft;

namespace {

QFrame *card(QWidget *parent, const QString &title, QVBoxLayout **layout)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("card"));
    auto *l = new QVBoxLayout(frame);
    l->setContentsMargins(18, 14, 18, 16);
    l->setSpacing(10);
    auto *label = new QLabel(title, frame);
    label->setObjectName(QStringLiteral("cardTitle"));
    l->addWidget(label);
    *layout = l;
    return frame;
}

QLineEdit *field(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setMinimumHeight(32);
    return edit;
}

void setVerdict(QLabel *label, bool good, const QString &text)
{
    label->setObjectName(QStringLiteral("verdict"));
    label->setProperty("state", good ? QStringLiteral("good") : QStringLiteral("bad"));
    label->setText(text);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

NewCasePage::NewCasePage(App::Workstation &station, CaseController &cases, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
    , m_cases(cases)
{
    setObjectName(QStringLiteral("newCasePage"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(16);

    // Left: find the item.
    auto *left = new QVBoxLayout;
    auto *title = new QLabel(tr("New case"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    left->addWidget(title);
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("itemSearch"));
    m_query->setPlaceholderText(tr("Item name, code or pinyin initials"));
    m_query->setClearButtonEnabled(true);
    m_query->setMinimumHeight(34);
    left->addWidget(m_query);
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("itemResults"));
    m_results->setWordWrap(true);
    setEmptyText(m_results, tr("No item found: try its name, code or pinyin initials."));
    left->addWidget(m_results, 1);
    auto *leftHolder = new QWidget(this);
    leftHolder->setLayout(left);
    leftHolder->setFixedWidth(330);
    layout->addWidget(leftHolder);

    // Right: the guide, then the case.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *right = new QWidget(scroll);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 8, 0);
    rightLayout->setSpacing(14);

    QVBoxLayout *guideLayout = nullptr;
    auto *guideCard = card(right, tr("Unified guide"), &guideLayout);
    m_guide = new QTextBrowser(guideCard);
    m_guide->setObjectName(QStringLiteral("guideSummary"));
    m_guide->setMinimumHeight(150);
    m_guide->setMaximumHeight(230);
    m_guide->setFrameShape(QFrame::NoFrame);
    guideLayout->addWidget(m_guide);
    auto *startRow = new QHBoxLayout;
    startRow->addStretch();
    m_start = new QPushButton(tr("Start a case for this item"), guideCard);
    m_start->setObjectName(QStringLiteral("startCase"));
    m_start->setEnabled(false);
    startRow->addWidget(m_start);
    guideLayout->addLayout(startRow);
    rightLayout->addWidget(guideCard);

    m_caseBox = new QWidget(right);
    auto *caseLayout = new QVBoxLayout(m_caseBox);
    caseLayout->setContentsMargins(0, 0, 0, 0);
    caseLayout->setSpacing(14);

    QVBoxLayout *applicantLayout = nullptr;
    auto *applicantCard = card(m_caseBox, tr("Applicant"), &applicantLayout);
    m_caseTitle = new QLabel(applicantCard);
    m_caseTitle->setObjectName(QStringLiteral("fieldName"));
    applicantLayout->addWidget(m_caseTitle);
    auto *kindRow = new QHBoxLayout;
    m_natural = new QRadioButton(tr("Natural person"), applicantCard);
    m_legal = new QRadioButton(tr("Legal person or organisation"), applicantCard);
    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_natural);
    kinds->addButton(m_legal);
    m_natural->setChecked(true);
    kindRow->addWidget(m_natural);
    kindRow->addWidget(m_legal);
    kindRow->addStretch();
    applicantLayout->addLayout(kindRow);
    auto *form = new QFormLayout;
    form->setSpacing(8);
    m_name = field(applicantCard, QStringLiteral("applicantName"));
    form->addRow(tr("Name"), m_name);
    m_idNumber = field(applicantCard, QStringLiteral("applicantId"));
    m_idNumber->setMaxLength(18);
    m_idNumberLabel = new QLabel(tr("Identity number"), applicantCard);
    form->addRow(m_idNumberLabel, m_idNumber);
    m_idCheck = new QLabel(applicantCard);
    form->addRow(QString(), m_idCheck);
    m_representative = field(applicantCard, QStringLiteral("representative"));
    m_representativeLabel = new QLabel(tr("Legal representative"), applicantCard);
    form->addRow(m_representativeLabel, m_representative);
    m_phone = field(applicantCard, QStringLiteral("applicantPhone"));
    form->addRow(tr("Phone (optional)"), m_phone);
    applicantLayout->addLayout(form);
    caseLayout->addWidget(applicantCard);

    QVBoxLayout *questionsLayout = nullptr;
    auto *questionsCard
        = card(m_caseBox, tr("Questions that decide the materials"), &questionsLayout);
    m_questionsBox = questionsCard;
    m_questions = new QFormLayout;
    m_questions->setSpacing(8);
    questionsLayout->addLayout(m_questions);
    caseLayout->addWidget(questionsCard);

    QVBoxLayout *agentLayout = nullptr;
    auto *agentCard = card(m_caseBox, tr("Agent"), &agentLayout);
    m_agentBox = agentCard;
    auto *agentForm = new QFormLayout;
    m_agentName = field(agentCard, QStringLiteral("agentName"));
    agentForm->addRow(tr("Name"), m_agentName);
    m_agentId = field(agentCard, QStringLiteral("agentId"));
    m_agentId->setMaxLength(18);
    agentForm->addRow(tr("Identity number"), m_agentId);
    m_agentCheck = new QLabel(agentCard);
    agentForm->addRow(QString(), m_agentCheck);
    agentLayout->addLayout(agentForm);
    caseLayout->addWidget(agentCard);

    QVBoxLayout *nextLayout = nullptr;
    auto *nextCard = card(m_caseBox, tr("Materials to check"), &nextLayout);
    m_materialsPreview = new QLabel(nextCard);
    m_materialsPreview->setWordWrap(true);
    nextLayout->addWidget(m_materialsPreview);
    m_problems = new QLabel(nextCard);
    m_problems->setObjectName(QStringLiteral("warning"));
    m_problems->setWordWrap(true);
    nextLayout->addWidget(m_problems);
    auto *nextRow = new QHBoxLayout;
    m_cancelCase = new QPushButton(tr("Cancel this case"), nextCard);
    m_cancelCase->setObjectName(QStringLiteral("cancelCase"));
    m_cancelCase->setProperty("secondary", true);
    m_cancelCase->setToolTip(
        tr("The applicant left before any page was captured: the case is kept in the trail "
           "as cancelled."));
    nextRow->addWidget(m_cancelCase);
    nextRow->addStretch();
    m_toChecklist = new QPushButton(tr("Check the materials (Ctrl+Enter)"), nextCard);
    m_toChecklist->setObjectName(QStringLiteral("toChecklist"));
    nextRow->addWidget(m_toChecklist);
    nextLayout->addLayout(nextRow);
    caseLayout->addWidget(nextCard);
    caseLayout->addStretch();

    rightLayout->addWidget(m_caseBox);
    rightLayout->addStretch();
    scroll->setWidget(right);
    layout->addWidget(scroll, 1);

    connect(m_query, &QLineEdit::textChanged, this, &NewCasePage::search);
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
    connect(m_results, &QListWidget::itemActivated, this, [this] { startCase(); });
    connect(m_start, &QPushButton::clicked, this, &NewCasePage::startCase);
    for (QLineEdit *edit :
        { m_name, m_idNumber, m_representative, m_phone, m_agentName, m_agentId })
        connect(edit, &QLineEdit::textEdited, this, &NewCasePage::applicantEdited);
    connect(m_natural, &QRadioButton::toggled, this, &NewCasePage::applicantEdited);
    connect(m_toChecklist, &QPushButton::clicked, this, &NewCasePage::checklistRequested);
    connect(m_cancelCase, &QPushButton::clicked, this, &NewCasePage::cancelCase);
    auto *go = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    go->setContext(Qt::WidgetWithChildrenShortcut);
    connect(go, &QShortcut::activated, m_toChecklist, &QPushButton::click);
    connect(&m_cases, &CaseController::caseChanged, this, [this] {
        if (isVisible())
            loadFromCase();
    });

    refresh();
}

void NewCasePage::refresh()
{
    auto active = m_station.catalogs().active();
    if (active && active->catalogVersion != m_catalog.catalogVersion) {
        m_catalog = std::move(active).value();
        m_index = std::make_unique<Catalog::CatalogIndex>(m_catalog);
    }
    search(m_query->text());
    loadFromCase();
    // Keyboard first: with no case open, the clerk types the item at once.
    if (isVisible() && !m_caseBox->isVisible())
        m_query->setFocus(Qt::OtherFocusReason);
}

void NewCasePage::search(const QString &query)
{
    m_results->clear();
    if (!m_index)
        return;
    const QList<Catalog::SearchHit> hits
        = query.trimmed().isEmpty() ? QList<Catalog::SearchHit>() : m_index->search(query, 40);
    if (query.trimmed().isEmpty()) {
        for (const Catalog::ServiceItem &item : m_catalog.items) {
            auto *row = new QListWidgetItem(item.name, m_results);
            row->setData(Qt::UserRole, item.itemCode);
            row->setToolTip(item.itemCode);
        }
        return;
    }
    for (const Catalog::SearchHit &hit : hits) {
        auto *row = new QListWidgetItem(hit.item->name, m_results);
        row->setData(Qt::UserRole, hit.item->itemCode);
        row->setToolTip(hit.item->itemCode);
    }
}

void NewCasePage::showItem(const QString &itemCode)
{
    const Catalog::ServiceItem *item = m_catalog.item(itemCode);
    if (!item)
        return;
    m_shownItem = itemCode;
    QStringList materials;
    for (const Catalog::MaterialRequirement &m : item->materials) {
        materials << (m.condition.isAlways()
                ? m.name.toHtmlEscaped()
                : tr("%1 (in some cases)").arg(m.name.toHtmlEscaped()));
    }
    m_guide->setHtml(
        QStringLiteral("<h3 style='margin:0'>%1</h3><p style='color:#52606d'>%2 · %3</p>"
                       "<p>%4</p><p><b>%5</b><br>%6</p>")
            .arg(item->name.toHtmlEscaped(), item->itemCode.toHtmlEscaped(),
                tr("Decided by %1 (%2)")
                    .arg(item->implementingBody.toHtmlEscaped(),
                        item->homeJurisdiction.name.toHtmlEscaped()),
                tr("Promised time limit: %n working day(s)", nullptr, item->promisedTimeLimitDays)
                    + QStringLiteral(" · ")
                    + (item->feeCharged ? tr("Fee: %1").arg(item->feeStandard.toHtmlEscaped())
                                        : tr("No fee")),
                tr("Materials"), materials.join(QStringLiteral("<br>"))));
    m_start->setEnabled(true);
}

void NewCasePage::startCase()
{
    if (m_shownItem.isEmpty())
        return;
    if (m_cases.hasCase() && m_cases.draft().state == CaseDraft::State::Open
        && m_cases.draft().itemCode == m_shownItem && m_cases.draft().applicant.name.isEmpty()) {
        m_name->setFocus(); // the empty case just started for the same item
        return;
    }
    if (m_cases.hasCase() && m_cases.draft().state == CaseDraft::State::Open) {
        // Never silently: the first case would be left half-done (issue 14).
        const CaseDraft &open = m_cases.draft();
        QMessageBox ask(QMessageBox::Question, tr("A case is open"),
            tr("Case %1 (%2) is not finished. It stays on Today if you start a new case, and "
               "you can open it again from there.")
                .arg(open.provisionalNumber,
                    open.applicant.name.isEmpty() ? tr("applicant not entered")
                                                  : open.applicant.name),
            QMessageBox::NoButton, this);
        QPushButton *goOn = ask.addButton(tr("Go on with it"), QMessageBox::RejectRole);
        QPushButton *another = ask.addButton(tr("Start a new case"), QMessageBox::AcceptRole);
        QPushButton *cancelFirst = m_cases.canAbandon()
            ? ask.addButton(tr("Cancel it, then start a new case"), QMessageBox::DestructiveRole)
            : nullptr;
        ask.setDefaultButton(goOn);
        ask.setEscapeButton(goOn);
        ask.exec();
        if (ask.clickedButton() == cancelFirst && cancelFirst) {
            if (!m_cases.abandon(QStringLiteral("cancelled before a new case")))
                return;
        } else if (ask.clickedButton() != another) {
            loadFromCase();
            m_name->setFocus();
            return;
        }
    }
    if (m_cases.start(m_shownItem)) {
        loadFromCase();
        m_name->setFocus();
    }
}

void NewCasePage::cancelCase()
{
    if (!m_cases.canAbandon())
        return;
    const auto answer = QMessageBox::question(this, tr("Cancel this case"),
        tr("Cancel case %1? Nothing was captured for it; it is kept in the trail as cancelled "
           "and cannot be opened again.")
            .arg(m_cases.draft().provisionalNumber),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    if (m_cases.abandon(QStringLiteral("cancelled at the window"))) {
        loadFromCase();
        m_query->setFocus();
    }
}

void NewCasePage::loadFromCase()
{
    const bool open = m_cases.hasCase() && m_cases.draft().state == CaseDraft::State::Open;
    m_caseBox->setVisible(open);
    if (!open)
        return;
    const CaseDraft &d = m_cases.draft();
    if (m_shownItem != d.itemCode)
        showItem(d.itemCode);
    m_loading = true;
    m_caseTitle->setText(tr("Case %1 · saved as you type").arg(d.provisionalNumber));
    const bool legal = d.applicant.kind == Applicant::Kind::LegalPerson;
    m_legal->setChecked(legal);
    m_natural->setChecked(!legal);
    const auto setText = [](QLineEdit *edit, const QString &text) {
        if (edit->text() != text)
            edit->setText(text);
    };
    setText(m_name, d.applicant.name);
    setText(m_idNumber, legal ? d.applicant.creditCode : d.applicant.idNumber);
    setText(m_representative, d.applicant.representative);
    setText(m_phone, d.applicant.phone);
    setText(m_agentName, d.agent.name);
    setText(m_agentId, d.agent.idNumber);
    m_idNumberLabel->setText(legal ? tr("Unified social credit code") : tr("Identity number"));
    m_representative->setVisible(legal);
    m_representativeLabel->setVisible(legal);
    buildQuestions();
    m_agentBox->setVisible(d.facts.value(QStringLiteral("agentApplies")).toBool());
    m_cancelCase->setVisible(m_cases.canAbandon());
    m_loading = false;
    updateValidation();
}

void NewCasePage::buildQuestions()
{
    const Catalog::ServiceItem *item = m_cases.item();
    const CaseDraft &d = m_cases.draft();
    const QString key = item ? QStringLiteral("%1|%2|%3|%4|%5")
                                   .arg(d.caseId, item->itemCode)
                                   .arg(m_cases.areFactsEditable())
                                   .arg(d.submission)
                                   .arg(m_cases.clerk().role)
                             : QString();
    if (key == m_questionsKey && !key.isEmpty()) {
        // Same questions: only the answers may have changed. Rebuilding here would delete
        // the combo whose activated() signal led here (the crash of issue 14).
        showAnswers();
        return;
    }
    m_questionsKey = key;
    m_factCombos.clear();
    while (m_questions->rowCount() > 0) {
        // Taken out and deleted later, never under a signal of one of them.
        const QFormLayout::TakeRowResult row = m_questions->takeRow(0);
        for (QLayoutItem *part : { row.labelItem, row.fieldItem }) {
            if (!part)
                continue;
            if (QWidget *widget = part->widget()) {
                widget->hide();
                widget->deleteLater();
            }
            delete part;
        }
    }
    if (!item)
        return;
    int shown = 0;
    QWidget *previous = m_phone;
    for (const QString &factId : item->factIds()) {
        const Catalog::Fact *fact = m_cases.catalog().fact(factId);
        if (!fact || factId == QLatin1String("applicantType"))
            continue; // the applicant's kind answers it
        auto *combo = new QComboBox(m_questionsBox);
        combo->setObjectName(QStringLiteral("fact_") + factId);
        combo->setProperty("factId", factId);
        combo->setMinimumHeight(32);
        // The wheel scrolls the form; it changes an answer only once the clerk chose the box.
        combo->setFocusPolicy(Qt::StrongFocus);
        combo->installEventFilter(this);
        if (fact->type == Catalog::Fact::Type::Bool) {
            combo->addItem(tr("No"), false);
            combo->addItem(tr("Yes"), true);
        } else {
            combo->addItem(tr("Choose…"), QVariant());
            for (const Catalog::Fact::Option &option : fact->options)
                combo->addItem(option.label, option.value);
        }
        // On a correction visit the answers stay as accepted (a supervisor can unlock them).
        combo->setEnabled(m_cases.areFactsEditable());
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, factId] {
            if (m_loading)
                return;
            const QVariant value = combo->currentData();
            if (value == m_cases.draft().facts.value(factId))
                return;
            m_cases.edit([&](CaseDraft &draft) {
                if (value.isValid())
                    draft.facts.insert(factId, value);
                else
                    draft.facts.remove(factId);
                if (factId == QLatin1String("agentApplies") && !value.toBool())
                    draft.agent = {};
            });
        });
        m_questions->addRow(fact->question, combo);
        m_factCombos << combo;
        setTabOrder(previous, combo);
        previous = combo;
        ++shown;
    }
    setTabOrder(previous, m_agentName);
    setTabOrder(m_agentName, m_agentId);
    setTabOrder(m_agentId, m_toChecklist);
    showAnswers();
    if (shown > 0 && !m_cases.areFactsEditable() && d.submission > 1) {
        auto *locked = new QLabel(tr("Answered at the first visit: read-only on a correction "
                                     "visit, so that no new material can be demanded."),
            m_questionsBox);
        locked->setObjectName(QStringLiteral("factsLocked"));
        locked->setWordWrap(true);
        auto *unlock = new QPushButton(tr("Supervisor: unlock the answers…"), m_questionsBox);
        unlock->setObjectName(QStringLiteral("unlockFacts"));
        unlock->setProperty("secondary", true);
        unlock->setEnabled(m_cases.clerk().role == QLatin1String("admin"));
        if (!unlock->isEnabled())
            unlock->setToolTip(tr("Only a supervisor's account can unlock the answers."));
        connect(unlock, &QPushButton::clicked, this, [this] {
            bool ok = false;
            const QString reason = QInputDialog::getText(this, tr("Unlock the answers"),
                tr("Why must the answers accepted at the first visit change? The reason is "
                   "kept in the trail under your account."),
                QLineEdit::Normal, QString(), &ok);
            if (ok && m_cases.unlock(QStringLiteral("facts"), reason)) {
                m_questionsKey.clear();
                buildQuestions();
            }
        });
        m_questions->addRow(locked);
        m_questions->addRow(unlock);
    }
    m_questionsBox->setVisible(shown > 0);
}

void NewCasePage::showAnswers()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    for (QComboBox *combo : std::as_const(m_factCombos)) {
        const QVariant current = m_cases.draft().facts.value(combo->property("factId").toString());
        const int index = current.isValid() ? combo->findData(current) : 0;
        if (combo->currentIndex() != std::max(0, index))
            combo->setCurrentIndex(std::max(0, index));
    }
    m_loading = wasLoading;
}

bool NewCasePage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *combo = qobject_cast<QComboBox *>(watched);
        if (combo && !combo->hasFocus()) {
            event->ignore(); // to the scroll area around the form
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void NewCasePage::applicantEdited()
{
    if (m_loading || !m_cases.hasCase())
        return;
    const bool legal = m_legal->isChecked();
    m_cases.edit([&](CaseDraft &d) {
        const bool kindChanged = legal != (d.applicant.kind == Applicant::Kind::LegalPerson);
        d.applicant.kind = legal ? Applicant::Kind::LegalPerson : Applicant::Kind::NaturalPerson;
        d.applicant.name = m_name->text().trimmed();
        const QString id = m_idNumber->text().trimmed().toUpper();
        if (kindChanged) {
            // The number typed belonged to the other kind of applicant.
            d.applicant.idNumber.clear();
            d.applicant.creditCode.clear();
        } else if (legal) {
            d.applicant.creditCode = id;
        } else {
            d.applicant.idNumber = id;
        }
        d.applicant.representative = m_representative->text().trimmed();
        d.applicant.phone = m_phone->text().trimmed();
        d.agent.name = m_agentName->text().trimmed();
        d.agent.idNumber = m_agentId->text().trimmed().toUpper();
        if (m_cases.item()) {
            const QStringList facts = m_cases.item()->factIds();
            if (facts.contains(QStringLiteral("applicantType"))) {
                d.facts.insert(QStringLiteral("applicantType"),
                    legal ? QStringLiteral("legalPerson") : QStringLiteral("naturalPerson"));
            }
        }
    });
}

void NewCasePage::updateValidation()
{
    if (!m_cases.hasCase())
        return;
    const CaseDraft &d = m_cases.draft();
    const bool legal = d.applicant.kind == Applicant::Kind::LegalPerson;
    const QString id = legal ? d.applicant.creditCode : d.applicant.idNumber;
    if (id.isEmpty()) {
        m_idCheck->clear();
    } else if (legal) {
        const auto code = Core::CreditCode::parse(id);
        setVerdict(m_idCheck, bool(code),
            code ? tr("✓ Valid credit code") : QStringLiteral("✗ ") + code.error().message);
    } else if (id.size() < 18) {
        setVerdict(m_idCheck, true, tr("%1 of 18 characters").arg(id.size()));
    } else {
        const auto number = Core::IdentityNumber::parse(id);
        setVerdict(m_idCheck, bool(number),
            number ? tr("✓ Valid identity number") : QStringLiteral("✗ ") + number.error().message);
    }
    if (d.agent.idNumber.isEmpty()) {
        m_agentCheck->clear();
    } else {
        const auto number = Core::IdentityNumber::parse(d.agent.idNumber);
        setVerdict(m_agentCheck, bool(number),
            number ? tr("✓ Valid identity number") : QStringLiteral("✗ ") + number.error().message);
    }
    const Intake::Assessment a = m_cases.assessment();
    QStringList names;
    for (const Intake::MaterialAssessment &m : a.materials)
        names << m.requirement->name;
    m_materialsPreview->setText(
        tr("%n material(s) apply to these answers: ", nullptr, int(names.size()))
        + names.join(tr(", ")));
    m_problems->setText(a.applicantProblems.join(QLatin1Char('\n')));
    m_problems->setVisible(!a.applicantProblems.isEmpty());
}

} // namespace Tongban::Gui
