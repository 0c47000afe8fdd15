#include "CapturePane.h"

#include "CaseController.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <common/Workstation.h>

namespace Tongban::Gui {

CapturePane::CapturePane(App::Workstation &station, CaseController &cases, QWidget *parent)
    : QWidget(parent)
    , m_station(station)
    , m_cases(cases)
{
    auto *layout = new QVBoxLayout(this);
    m_camera = new QLabel(this);
    m_camera->setMinimumSize(320, 240);
    layout->addWidget(m_camera, 1);
    m_strip = new QListWidget(this);
    m_strip->setViewMode(QListView::IconMode);
    layout->addWidget(m_strip);
}

CapturePane::~CapturePane() = default;

void CapturePane::setMaterial(const QString &materialId)
{
    m_material = materialId;
    refreshPages();
}

void CapturePane::refreshPages()
{
    m_strip->clear();
}

void CapturePane::setActive(bool) { }

} // namespace Tongban::Gui
