#pragma once

class QWidget;

namespace Tongban::App {
class Workstation;
}

namespace Tongban::Gui {

/// The first-run assistant's device check (document camera, HD camera, microphone level,
/// test tone, test page) in a dialog over \a parent, for the window of \a station; with
/// \a simulated devices the simulations stand in. Modal; returns when the clerk closes it.
void checkCallDevices(QWidget *parent, App::Workstation &station, bool simulated);

} // namespace Tongban::Gui
