#pragma once

#include <assist/PageShare.h>

#include <QHash>
#include <QImage>
#include <QSet>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;

namespace Tongban::App {
class Workstation;
}
namespace Tongban::Assist {
class CallPages;
class MarkupKeeper;
} // namespace Tongban::Assist
namespace Tongban::Widgets {
class MarkupView;
struct Mark;
} // namespace Tongban::Widgets

namespace Tongban::Gui {

class CaseController;

/*!
 * The page both windows of a call look at (issue 15, "Looking at the same page"), under the
 * call screen. The application clerk chooses a page of the case and shows it; its
 * full-resolution file goes through the platform (Assist::CallPages), the other side fetches
 * it and shows it in a Widgets::MarkupView (zoom, pan). Both sides draw on it; an
 * Assist::PageShare carries the marks in page coordinates through the Send given to start()
 * (the call's data channel, or the platform while it is not open). At the caller the marks
 * go to the Assist::MarkupKeeper, which keeps them with the call.
 *
 * GUI thread.
 */
class SharedPagePanel : public QWidget
{
    Q_OBJECT
public:
    /// \a pages is null without a platform; \a keeper keeps the caller's marks.
    SharedPagePanel(App::Workstation &station, CaseController &cases, Assist::CallPages *pages,
        Assist::MarkupKeeper &keeper, QWidget *parent = nullptr);
    ~SharedPagePanel() override;

    /// Call \a callId is active: shown, its page share made; the caller shows \a firstPage
    /// (a page id, may be empty) at once.
    void start(
        const QString &callId, bool caller, Assist::PageShare::Send send, const QString &firstPage);
    /// The call ended: the caller's last marks kept, the page put away, hidden.
    void stop();
    /// Shows page \a pageId of the case to the other side (caller); false when no call is
    /// active or the page cannot be read.
    bool sharePage(const QString &pageId);
    /// A message of the other side's PageShare.
    void handleMessage(const QString &message);

    Assist::PageShare *pageShare() const { return m_pageShare.get(); }
    Widgets::MarkupView *markupView() const { return m_viewer; }

signals:
    /// Page \a sha256 is on the platform for call \a callId (shared by this window).
    void pageShared(const QString &callId, const QString &sha256);

private:
    void fillPageChoice();
    void showChosenPage();
    void onSharedPage(const QString &sha256, int pageNumber);
    void showMarks();
    void onMarkDrawn(const Widgets::Mark &mark);
    void showStatus(const QString &text, bool problem = false);

    App::Workstation &m_station;
    CaseController &m_cases;
    Assist::CallPages *m_callPages = nullptr;
    Assist::MarkupKeeper &m_keeper;
    QString m_callId;
    bool m_caller = false;

    QComboBox *m_pageChoice = nullptr;
    QPushButton *m_shareButton = nullptr;
    QLabel *m_status = nullptr;
    Widgets::MarkupView *m_viewer = nullptr;

    std::unique_ptr<Assist::PageShare> m_pageShare;
    QHash<QString, QImage> m_pageImages; ///< by SHA-256: the pages of this call seen here
    QHash<QString, int> m_pageNumbers; ///< by SHA-256
    QSet<QString> m_uploaded; ///< pages of this call on the platform
};

} // namespace Tongban::Gui
