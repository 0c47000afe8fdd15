#pragma once

#include <QPointer>
#include <QPrintPreviewWidget>
#include <QWidget>

class QLabel;

class QPushButton;
class QTableWidget;

namespace Tongban::App {
class Workstation;
}

namespace Tongban::Gui {

class PlatformStatus;

class CaseController;
class ResultDeliveryBox;

/*!
 * The decision (受理决定): the whole case at a glance; a complete case gets
 * its receipt (收件回执) and goes to the outbox, with a mailing slip when
 * paper originals must be mailed; an incomplete one gets the one-time
 * notice (一次性告知书) listing every deficiency and waits for correction.
 *
 * Notices print on the window's printer ([printer] name in tongban.conf,
 * else the system default) through Notices::NoticePrinter, exactly as stored;
 * a reprint is a stored copy marked 补打, counted once a printer accepted it.
 */
class DecisionPage : public QWidget
{
    Q_OBJECT
public:
    /// The preview's view while it is open (null otherwise).
    QPrintPreviewWidget *openPreview() const { return m_lastPreview; }
    /// What the screen says about the platform (the header's source; may be null).
    void setPlatformStatus(PlatformStatus *status);
    DecisionPage(App::Workstation &station, CaseController &cases, QWidget *parent = nullptr);

    void refresh();
    /// The keyboard on the issue button (or back to the checklist when nothing can be issued).
    void takeFocus();
    /// Issues (and prints) the notice the case calls for; what the main button does.
    bool issue();
    /// Prints a copy of every notice of the case again, marked 补打.
    bool reprintLast();
    /*!
     * The applicant's 好差评 of the finished case (issue 17): the rating dialog, its answer
     * queued for the platform; false when skipped or refused. What the rating button
     * (Ctrl+R) does.
     */
    bool rate();
    /// Printer used (tests set it); empty = system default.
    void setPrinterName(const QString &name) { m_printerName = name; }

signals:
    void backToChecklist();
    void nextCaseRequested();

private:
    PlatformStatus *m_platformStatus = nullptr;
    QString m_messageCase; ///< the case the message below the verdict is about
    QPointer<QPrintPreviewWidget> m_lastPreview; ///< while the preview is open (tests)
    bool print(qint64 noticeId, bool reprint);
    void showMessage(const QString &text, bool error);
    /// True without a status (tests without platform); else only while connected.
    bool platformReachable() const;
    /// The notice in a preview window, page as wide as the view.
    void preview();

    App::Workstation &m_station;
    CaseController &m_cases;
    QString m_printerName;
    QLabel *m_caseLine = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_verdict = nullptr;
    ResultDeliveryBox *m_delivery = nullptr; ///< issue 17: asked for a complete case
    QLabel *m_message = nullptr;
    QLabel *m_issued = nullptr;
    QPushButton *m_issue = nullptr;
    QPushButton *m_preview = nullptr;
    QPushButton *m_reprint = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_rate = nullptr; ///< issue 17: 好差评 once the receipt is issued
};

} // namespace Tongban::Gui
