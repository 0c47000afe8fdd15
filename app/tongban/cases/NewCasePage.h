#pragma once

#include <catalog/CatalogSearch.h>

#include <QWidget>

#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTextBrowser;

namespace Tongban::App {
class Workstation;
}

namespace Tongban::Gui {

class CaseController;

/*!
 * New case (新建办件): find the item (name, code, keyword or pinyin
 * initials), read its guide, start the case, enter the applicant (identity
 * number or credit code checked as typed), the agent when there is one, and
 * answer the questions (情形) that decide which materials apply.
 *
 * The case is created when the clerk picks the item and saved on every
 * keystroke after that (CaseController::edit).
 */
class NewCasePage : public QWidget
{
    Q_OBJECT
public:
    NewCasePage(App::Workstation &station, CaseController &cases, QWidget *parent = nullptr);

    /// Re-reads the catalogue in force (after a sync) and the open case.
    void refresh();

signals:
    /// The clerk is done here: go to the checklist.
    void checklistRequested();

private:
    void search(const QString &query);
    void showItem(const QString &itemCode);
    void startCase();
    void loadFromCase();
    /// Cancels the open case after asking (only one with no page captured).
    void cancelCase();
    void applicantEdited();
    void buildQuestions();
    /// Puts the case's answers in the question combos already built.
    void showAnswers();
    bool eventFilter(QObject *watched, QEvent *event) override;
    void updateValidation();

    App::Workstation &m_station;
    CaseController &m_cases;
    Catalog::Catalog m_catalog;
    std::unique_ptr<Catalog::CatalogIndex> m_index;
    QString m_shownItem;
    bool m_loading = false;

    QLineEdit *m_query = nullptr;
    QListWidget *m_results = nullptr;
    QTextBrowser *m_guide = nullptr;
    QPushButton *m_start = nullptr;
    QWidget *m_caseBox = nullptr;
    QLabel *m_caseTitle = nullptr;
    QRadioButton *m_natural = nullptr;
    QRadioButton *m_legal = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_idNumber = nullptr;
    QLabel *m_idNumberLabel = nullptr;
    QLabel *m_idCheck = nullptr;
    QLineEdit *m_representative = nullptr;
    QLabel *m_representativeLabel = nullptr;
    QLineEdit *m_phone = nullptr;
    QWidget *m_agentBox = nullptr;
    QLineEdit *m_agentName = nullptr;
    QLineEdit *m_agentId = nullptr;
    QLabel *m_agentCheck = nullptr;
    QFormLayout *m_questions = nullptr;
    /// What the questions were built for (item, editable, submission): rebuilt only when it
    /// changes, never from a combo's own signal (issue 14: the window closed).
    QString m_questionsKey;
    QList<QComboBox *> m_factCombos;
    QWidget *m_questionsBox = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_materialsPreview = nullptr;
    QPushButton *m_toChecklist = nullptr;
    QPushButton *m_cancelCase = nullptr;
};

} // namespace Tongban::Gui
