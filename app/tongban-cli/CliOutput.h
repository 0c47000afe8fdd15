#pragma once

#include <QJsonObject>
#include <QString>

namespace Tongban::Cli {

/// Exit codes scripts can rely on.
enum ExitCode { Ok = 0, Invalid = 1, Usage = 2 };

/*!
 * Prints either human text or one JSON object per command, as --json asks.
 * Human text goes to stdout; errors to stderr.
 */
class CliOutput
{
public:
    explicit CliOutput(bool json)
        : m_json(json)
    { }
    bool json() const { return m_json; }
    void human(const QString &text) const;
    void error(const QString &text) const;
    void emitJson(const QJsonObject &object) const;

private:
    bool m_json;
};

} // namespace Tongban::Cli
