#pragma once

#include "shell/Card.h"

#include <platform/AfterWindowClient.h>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Tongban::App {
class Workstation;
}

namespace Tongban::Gui {

class CaseController;

/*!
 * The window's cases after transmission (issue 17), on the Today screen:
 *
 * - "Waiting on the home department": this window's cases whose acceptance or decision
 *   runs at the home department, each with its due date on the platform's working-day
 *   calendar, overdue ones in red (GET /deadlines).
 * - Opening a one-time notice issued at another hall: the clerk types or scans its serial,
 *   the text of its QR code, or the applicant's identity number; the notice is found on the
 *   platform and its correction visit opens here with only the listed materials
 *   (App::openNoticeFromAnotherHall).
 *
 * - "The home department asks for correction" (issue 17, 000 第二十条): the requests kept by
 *   App::CorrectionInbox, each with its due date; the clerk prints the one-time notice
 *   listing the department's deficiencies, and reopens the case for exactly the listed
 *   materials when the applicant is back (its pages then go to the same platform case).
 *
 * Without a transport (no platform) the first two say so instead.
 */
class AfterWindowCard : public Card
{
    Q_OBJECT
public:
    AfterWindowCard(App::Workstation &station, CaseController &cases, QWidget *parent = nullptr);
    ~AfterWindowCard() override;

    /// Where the requests go (the clerk's Session); null: no platform.
    void setTransport(Platform::Transport *transport);
    /// Reads the waiting cases again.
    void refresh();

    /// How \a text names a notice: QR text (a link to /n/), an identity number or credit
    /// code (18 letters and digits, or 15 digits), otherwise a serial.
    static Platform::NoticeKey keyOf(const QString &text);

signals:
    void caseRequested(const QString &caseId, bool forCorrection);

private:
    void showDeadlines(const Core::Result<QList<Platform::CaseDeadline>> &deadlines);
    void showCorrections();
    void printCorrection();
    void reopenCorrection();
    void findNotice();
    void openNotice(const Platform::PlatformNotice &notice, const QString &applicantId);

    App::Workstation &m_station;
    CaseController &m_cases;
    std::unique_ptr<Platform::AfterWindowClient> m_client;
    QTreeWidget *m_waiting = nullptr;
    QLabel *m_waitingMessage = nullptr;
    QLineEdit *m_noticeKey = nullptr;
    QPushButton *m_open = nullptr;
    QLabel *m_noticeMessage = nullptr;
    QTreeWidget *m_corrections = nullptr;
    QPushButton *m_printCorrection = nullptr;
    QPushButton *m_reopenCorrection = nullptr;
    QLabel *m_correctionMessage = nullptr;
};

} // namespace Tongban::Gui
