#include "SharedPagePanel.h"

#include "CallTr.h"
#include "cases/CaseController.h"

#include <assist/CallPages.h>
#include <assist/MarkupKeeper.h>
#include <catalog/Catalog.h>
#include <widgets/MarkupView.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <common/Workstation.h>

namespace Tongban::Gui {

namespace {

Widgets::Mark toMark(const Assist::Stroke &stroke)
{
    Widgets::Mark mark;
    mark.kind = Widgets::Mark::Kind(int(stroke.kind));
    mark.points = stroke.points;
    mark.text = stroke.text;
    mark.color = stroke.color;
    mark.width = stroke.width;
    return mark;
}

Assist::Stroke toStroke(const Widgets::Mark &mark)
{
    Assist::Stroke stroke;
    stroke.kind = Assist::Stroke::Kind(int(mark.kind));
    stroke.points = mark.points;
    stroke.text = mark.text;
    stroke.color = mark.color;
    stroke.width = mark.width;
    return stroke;
}

} // namespace

SharedPagePanel::SharedPagePanel(App::Workstation &station, CaseController &cases,
    Assist::CallPages *pages, Assist::MarkupKeeper &keeper, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
    , m_cases(cases)
    , m_callPages(pages)
    , m_keeper(keeper)
{
    setObjectName(QStringLiteral("sharePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *row = new QHBoxLayout;
    m_pageChoice = new QComboBox(this);
    m_pageChoice->setObjectName(QStringLiteral("sharedPageChoice"));
    m_pageChoice->setMinimumWidth(220);
    m_shareButton = new QPushButton(CallTr::tr("Show this page"), this);
    m_shareButton->setObjectName(QStringLiteral("sharePageButton"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("shareStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    row->addWidget(m_pageChoice);
    row->addWidget(m_shareButton);
    row->addWidget(m_status, 1);
    layout->addLayout(row);
    m_viewer = new Widgets::MarkupView(this);
    m_viewer->setObjectName(QStringLiteral("sharedPageView"));
    layout->addWidget(m_viewer, 1);
    setVisible(false);

    connect(m_shareButton, &QPushButton::clicked, this, &SharedPagePanel::showChosenPage);
    connect(m_viewer, &Widgets::MarkupView::markDrawn, this, &SharedPagePanel::onMarkDrawn);
    connect(m_viewer, &Widgets::MarkupView::undoRequested, this, [this] {
        if (m_pageShare)
            (void)m_pageShare->undo();
    });
    connect(m_viewer, &Widgets::MarkupView::clearRequested, this, [this] {
        if (m_pageShare)
            (void)m_pageShare->clear();
    });
}

SharedPagePanel::~SharedPagePanel() = default;

void SharedPagePanel::start(
    const QString &callId, bool caller, Assist::PageShare::Send send, const QString &firstPage)
{
    m_callId = callId;
    m_caller = caller;
    m_pageShare = std::make_unique<Assist::PageShare>(m_station.windowId(), std::move(send));
    connect(
        m_pageShare.get(), &Assist::PageShare::pageChanged, this, &SharedPagePanel::onSharedPage);
    connect(
        m_pageShare.get(), &Assist::PageShare::strokesChanged, this, [this](const QString &sha256) {
            if (sha256 == m_pageShare->currentPage())
                showMarks(); // drawn before the journal is written (on its own thread)
            if (m_caller)
                m_keeper.marksChanged(sha256);
        });
    m_pageImages.clear();
    m_pageNumbers.clear();
    m_uploaded.clear();
    m_pageChoice->clear();
    m_viewer->clearPage(caller
            ? CallTr::tr("Choose a page of the case and press “Show this page”: the home window "
                         "sees it at full resolution and can mark it.")
            : CallTr::tr("The page the application window shows appears here at full resolution. "
                         "Mark it with the pen, arrow, box or note; the other window sees your "
                         "marks."));
    m_shareButton->setText(
        caller ? CallTr::tr("Show this page") : CallTr::tr("Show this page again"));
    fillPageChoice();
    showStatus({});
    setVisible(true);
    if (caller) {
        m_keeper.startCall(
            callId, m_cases.hasCase() ? m_cases.draft().caseId : QString(), m_pageShare.get());
        if (!firstPage.isEmpty())
            sharePage(firstPage);
    }
}

void SharedPagePanel::stop()
{
    if (m_caller && m_pageShare)
        m_keeper.endCall(); // the last marks, before the call's page is put away
    m_pageShare.reset();
    setVisible(false);
    m_viewer->clearPage({});
    m_pageImages.clear();
    m_pageNumbers.clear();
    m_uploaded.clear();
    m_callId.clear();
}

void SharedPagePanel::handleMessage(const QString &message)
{
    if (m_pageShare)
        m_pageShare->handleMessage(message);
}

void SharedPagePanel::showChosenPage()
{
    if (m_pageChoice->currentIndex() < 0)
        return;
    const QString key = m_pageChoice->currentData().toString();
    if (!m_caller) {
        if (m_pageShare && m_pageImages.contains(key))
            (void)m_pageShare->showPage(
                key, m_pageImages.value(key).size(), m_pageNumbers.value(key));
    } else {
        sharePage(key);
    }
}

void SharedPagePanel::fillPageChoice()
{
    if (!m_caller)
        return; // the pages shown so far are added as they come
    m_pageChoice->clear();
    if (!m_cases.hasCase())
        return;
    const Intake::CaseDraft &draft = m_cases.draft();
    const Catalog::ServiceItem *item = m_cases.item();
    int number = 0;
    for (const Intake::MaterialState &material : draft.materials) {
        QString name = material.materialId;
        if (item) {
            for (const Catalog::MaterialRequirement &requirement : item->materials) {
                if (requirement.id == material.materialId)
                    name = requirement.name;
            }
        }
        for (qsizetype i = 0; i < material.pages.size(); ++i) {
            ++number;
            m_pageChoice->addItem(CallTr::tr("Page %1: %2, page %3 of %4")
                                      .arg(number)
                                      .arg(name)
                                      .arg(i + 1)
                                      .arg(material.pages.size()),
                material.pages.at(i).pageId);
        }
    }
    if (m_pageChoice->count() == 0)
        showStatus(CallTr::tr("The case has no captured page yet: capture one on the checklist."));
}

bool SharedPagePanel::sharePage(const QString &pageId)
{
    if (!m_pageShare || !m_callPages || !m_caller)
        return false;
    const int index = m_pageChoice->findData(pageId);
    if (index >= 0)
        m_pageChoice->setCurrentIndex(index);
    const auto bytes = m_station.pages().read(pageId);
    if (!bytes) {
        showStatus(bytes.error().message, true);
        return false;
    }
    const QImage image = QImage::fromData(*bytes);
    if (image.isNull()) {
        showStatus(CallTr::tr("This page cannot be read. Capture it again."), true);
        return false;
    }
    const QString sha = Assist::CallPages::sha256Hex(*bytes);
    const int number = index + 1;
    m_pageImages.insert(sha, image);
    m_pageNumbers.insert(sha, number);
    if (m_uploaded.contains(sha)) {
        (void)m_pageShare->showPage(sha, image.size(), number);
        return true;
    }
    showStatus(CallTr::tr("Sending the page to the platform…"));
    const QString callId = m_callId;
    m_callPages->upload(
        callId, *bytes, [this, callId, sha, image, number](Core::Result<QString> stored) {
            if (!m_pageShare || callId != m_callId)
                return; // the call ended meanwhile
            if (!stored) {
                showStatus(stored.error().message, true);
                return;
            }
            m_uploaded.insert(sha);
            m_keeper.pageOnPlatform(sha, image);
            showStatus({});
            emit pageShared(callId, sha);
            if (const Core::Status shown = m_pageShare->showPage(sha, image.size(), number); !shown)
                showStatus(shown.error().message, true);
        });
    return true;
}

void SharedPagePanel::onSharedPage(const QString &sha256, int pageNumber)
{
    m_pageNumbers.insert(sha256, pageNumber);
    const QString title = CallTr::tr("Page %1").arg(pageNumber);
    if (!m_caller) {
        if (m_pageChoice->findData(sha256) < 0)
            m_pageChoice->addItem(title, sha256);
        m_pageChoice->setCurrentIndex(m_pageChoice->findData(sha256));
    } else {
        for (int i = 0; i < m_pageChoice->count(); ++i) {
            const auto page = m_station.pages().page(m_pageChoice->itemData(i).toString());
            if (page && page->sha256 == sha256)
                m_pageChoice->setCurrentIndex(i);
        }
    }
    if (m_pageImages.contains(sha256)) {
        m_viewer->setPage(m_pageImages.value(sha256), title);
        showMarks();
        return;
    }
    if (!m_callPages)
        return;
    showStatus(CallTr::tr("Fetching the page at full resolution…"));
    const QString callId = m_callId;
    m_callPages->fetch(
        callId, sha256, [this, callId, sha256, title](Core::Result<QByteArray> bytes) {
            if (!m_pageShare || callId != m_callId)
                return;
            if (!bytes) {
                showStatus(bytes.error().message, true);
                return;
            }
            const QImage image = QImage::fromData(*bytes);
            if (image.isNull()) {
                showStatus(
                    CallTr::tr("The shared page cannot be shown: it is not a picture."), true);
                return;
            }
            m_pageImages.insert(sha256, image);
            showStatus({});
            if (m_pageShare->currentPage() == sha256) {
                m_viewer->setPage(image, title);
                showMarks();
            }
        });
}

void SharedPagePanel::showMarks()
{
    if (!m_pageShare)
        return;
    QList<Widgets::Mark> marks;
    for (const Assist::Stroke &stroke : m_pageShare->strokes(m_pageShare->currentPage()))
        marks.append(toMark(stroke));
    m_viewer->setMarks(marks);
}

void SharedPagePanel::onMarkDrawn(const Widgets::Mark &mark)
{
    if (!m_pageShare || m_pageShare->currentPage().isEmpty())
        return;
    if (const auto added = m_pageShare->addStroke(toStroke(mark)); !added)
        showStatus(added.error().message, true);
}

void SharedPagePanel::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setProperty("problem", problem);
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);
}

} // namespace Tongban::Gui
