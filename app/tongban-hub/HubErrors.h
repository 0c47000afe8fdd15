#pragma once

#include <core/Error.h>

namespace Tongban::Hub {

/*!
 * The hub's own error codes (issue 13): 20000-20999, apart from the workstation's
 * ranges (its platform client is ErrorRange::Platform), so a code in a log says which side
 * failed. Services may number their own codes from their base below.
 */
namespace HubError {
/// Above every range of Core::ErrorRange (the workstation's modules and app).
inline constexpr int Base = 20000;
static_assert(Base > Core::ErrorRange::App + 1000, "the hub's range overlaps the workstation's");
inline constexpr int CatalogueUnreadable = Base + 1;
inline constexpr int CatalogueInvalid = Base + 2;
inline constexpr int PlainHttpNotLoopback = Base + 3;
inline constexpr int TlsFiles = Base + 4;
inline constexpr int Listen = Base + 5;
inline constexpr int DemoSeed = Base + 6;
inline constexpr int DataKey = Base + 7; ///< security/Secrets: key missing, wrong, not fitting
inline constexpr int Cases = Base + 10; ///< CaseService::ErrorCode
inline constexpr int Calendar = Base + 60; ///< CalendarService
inline constexpr int End = Base + 1000;
} // namespace HubError

} // namespace Tongban::Hub
