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
// One base per resource service (50 codes each), so that a code names its service.
inline constexpr int Uploads = Base + 100;
inline constexpr int Mailings = Base + 150;
inline constexpr int Serials = Base + 200;
inline constexpr int Reports = Base + 250;
inline constexpr int Catalogue = Base + 300;
inline constexpr int Accounts = Base + 350;
inline constexpr int Events = Base + 400;
inline constexpr int Calls = Base + 450;
inline constexpr int Presence = Base + 500;
inline constexpr int Recordings = Base + 550;
inline constexpr int Oversight = Base + 600;
inline constexpr int LineTest = Base + 650;
inline constexpr int Corrections = Base + 700;
inline constexpr int Deadlines = Base + 750;
inline constexpr int Delivery = Base + 800;
inline constexpr int Sms = Base + 850;
inline constexpr int Stats = Base + 900;
inline constexpr int Audit = Base + 950;
inline constexpr int End = Base + 1000;
} // namespace HubError

} // namespace Tongban::Hub
