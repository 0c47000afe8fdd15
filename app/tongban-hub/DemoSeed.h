#pragma once

#include <core/Result.h>

#include <QString>

namespace Tongban::Hub {

class Hub;

/// One demo clerk, for the README and tests.
struct DemoAccount
{
    const char *account;
    const char *name;
    const char *role;
    const char *jurisdiction;
    const char *windowId; ///< empty for department and admin accounts
};

/// The demo clerks seeded by --seed-demo; they all share DemoPassword.
QList<DemoAccount> demoAccounts();
inline constexpr const char *DemoPassword = "Tongban@2026";

/*!
 * Seeds the demo: every home window named in the catalogue in force (role
 * "both"), and demoAccounts(). Accounts that already exist are left alone,
 * so seeding twice changes nothing.
 */
Core::Status seedDemo(Hub &hub);

} // namespace Tongban::Hub
