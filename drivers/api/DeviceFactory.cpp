#include "DeviceFactory.h"

#include <drivers/sim/SimulatedCamera.h>
#ifdef TONGBAN_HAVE_UVC
#include <drivers/uvc/UvcBackend.h>
#endif
#ifdef TONGBAN_HAVE_SANE
#include <drivers/sane/SaneBackend.h>
#endif

namespace Tongban::Drivers {

std::unique_ptr<DeviceRegistry> createDeviceRegistry()
{
    auto registry = std::make_unique<DeviceRegistry>();
#ifdef TONGBAN_HAVE_UVC
    registry->addBackend(std::make_unique<Uvc::UvcBackend>());
#endif
#ifdef TONGBAN_HAVE_SANE
    registry->addBackend(std::make_unique<Sane::SaneBackend>());
#endif
    registry->addBackend(std::make_unique<Sim::SimulatedBackend>());
    return registry;
}

} // namespace Tongban::Drivers
