#include "AutoCapture.h"

#include <cmath>

namespace Tongban::Imaging {

AutoCapture::AutoCapture() = default;

AutoCapture::AutoCapture(const Options &options)
    : m_options(options)
{ }

void AutoCapture::setEnabled(bool enabled)
{
    if (enabled == isEnabled())
        return;
    m_state = enabled ? AutoCaptureState::Searching : AutoCaptureState::Disabled;
    m_stable = 0;
    m_last.clear();
}

void AutoCapture::reset()
{
    m_captured.clear();
    m_stable = 0;
    if (isEnabled())
        m_state = AutoCaptureState::Searching;
}

void AutoCapture::requireNewPage()
{
    m_holding = true;
    m_captured = m_last; // empty when no page is in view: the next one seen is held
    m_stable = 0;
    m_missing = 0;
    if (isEnabled())
        m_state = AutoCaptureState::Searching;
}

bool AutoCapture::feed(const QList<PageQuad> &quads, QSize frameSize, bool sharp)
{
    if (!isEnabled() || frameSize.isEmpty())
        return false;
    if (quads.isEmpty()) {
        m_last.clear();
        m_stable = 0;
        // The page was taken away: the next one (or this one put back) may be captured.
        if (++m_missing >= 3) {
            m_captured.clear();
            m_holding = false;
        }
        if (m_captured.isEmpty())
            m_state = AutoCaptureState::Searching;
        return false;
    }
    m_missing = 0;
    const QPolygonF quad = quads.first().corners;
    const double pxPerMm = frameSize.width() / m_options.padWidthMm;
    double motion = 1e9;
    if (m_last.size() == 4) {
        motion = 0;
        for (int i = 0; i < 4; ++i) {
            const QPointF d = quad[i] - m_last[i];
            motion = std::max(motion, std::hypot(d.x(), d.y()));
        }
        motion /= pxPerMm;
    }
    m_last = quad;
    if (m_holding && m_captured.isEmpty())
        m_captured = quad; // the page already lying there when the hold began
    if (!m_captured.isEmpty()) {
        if (quadIoU(quad, m_captured) >= m_options.samePageIoU) {
            m_state = AutoCaptureState::Captured;
            m_stable = 0;
            return false;
        }
        m_captured.clear(); // a different page, or the page moved well away
        m_holding = false;
    }
    m_stable = (motion <= m_options.maxMotionMm && sharp) ? m_stable + 1 : 0;
    m_state = AutoCaptureState::Settling;
    if (m_stable < m_options.stableFrames)
        return false;
    m_captured = quad;
    m_stable = 0;
    m_state = AutoCaptureState::Captured;
    return true;
}

} // namespace Tongban::Imaging
