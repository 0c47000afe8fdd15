#include "CallDeviceCheck.h"

#include "CallTr.h"
#include "setup/DeviceCheckPage.h"

#include <QWizard>

#include <common/WindowSettings.h>
#include <common/Workstation.h>

namespace Tongban::Gui {

void checkCallDevices(QWidget *parent, App::Workstation &station, bool simulated)
{
    QWizard dialog(parent);
    dialog.setWindowTitle(CallTr::tr("Check devices"));
    dialog.setOption(QWizard::NoBackButtonOnStartPage);
    dialog.setOption(QWizard::NoCancelButton);
    dialog.setButtonText(QWizard::FinishButton, CallTr::tr("Close"));
    dialog.addPage(new DeviceCheckPage(
        App::WindowSettings::load(station.dataDirectory()), simulated, &dialog));
    dialog.resize(900, 640);
    dialog.exec();
}

} // namespace Tongban::Gui
