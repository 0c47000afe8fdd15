// The figures every benchmark prints: percentiles, means, the machine's load. One copy, so two
// benchmarks' "p95" are the same statistic.
#pragma once

#include <QFile>

#include <algorithm>
#include <numeric>
#include <vector>

namespace Tongban::Bench {

/// The value at fraction \a p (0..1) of the sorted values, rounded to the nearest index
/// (p = 0.95 over 20 values is the 19th of 20). 0 when there are none.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

/// The nearest-rank percentile: the smallest value with at least \a percent % of the values at
/// or below it (95 over 20 values is the 19th of 20). 0 when there are none.
inline double nearestRankPercentile(std::vector<double> values, int percent)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t rank = std::max<size_t>(1, (values.size() * size_t(percent) + 99) / 100);
    return values[rank - 1];
}

inline double mean(const std::vector<double> &values)
{
    return values.empty()
        ? 0
        : std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

/// The one-minute load average (/proc/loadavg), -1 where there is none.
inline double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().split(' ').value(0).toDouble();
}

} // namespace Tongban::Bench
