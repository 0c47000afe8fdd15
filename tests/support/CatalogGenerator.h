#pragma once

#include <QByteArray>

namespace Tongban::TestSupport {

/*!
 * A valid catalogue of \a itemCount generated items (3 materials of 2 review
 * points each, realistic Chinese names built from a word list), labelled
 * \a version. Deterministic for a given \a seed. Used by the 5,000-item
 * benchmark and the import crash test.
 */
QByteArray generateCatalog(int itemCount, const QByteArray &version, quint32 seed = 1);

} // namespace Tongban::TestSupport
