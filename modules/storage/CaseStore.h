#pragma once

#include "Database.h"

#include <core/Clock.h>
#include <core/Result.h>

namespace Tongban::Storage {

/*!
 * The durable identity of cases (办件): a client-generated id (UUID) written
 * on the first keystroke. The intake module builds the case workflow on top.
 *
 * Same thread as the Database it uses.
 */
class CaseStore
{
public:
    CaseStore(Database &db, const Core::Clock &clock);

    /// Creates a case for \a itemCode and returns its id once the row is durable.
    Core::Result<QString> create(const QString &itemCode);
    bool exists(const QString &caseId) const;
    qint64 count() const;

private:
    Database &m_db;
    const Core::Clock &m_clock;
};

} // namespace Tongban::Storage
