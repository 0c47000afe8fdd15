#pragma once

#include <QCoreApplication>

namespace Tongban::Catalog {
/// Translation context of the catalog module.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tongban::Catalog)
};
} // namespace Tongban::Catalog
