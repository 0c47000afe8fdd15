#pragma once

#include "DeviceRegistry.h"

#include <memory>

namespace Tongban::Drivers {

/*!
 * The one place that picks backends: UVC document cameras, SANE scanners and
 * the simulated camera, in that order. Lives in Tongban::Drivers (which links
 * every backend); TONGBAN_FAKE_DEVICES=1 leaves only the simulated one.
 */
std::unique_ptr<DeviceRegistry> createDeviceRegistry();

} // namespace Tongban::Drivers
