#pragma once

#include "PageQuad.h"

#include <QList>
#include <QSize>

namespace Tongban::Imaging {

/// Where auto-capture stands; zero is invalid.
enum class AutoCaptureState { Invalid = 0, Disabled, Searching, Settling, Captured };

/*!
 * Decides when to take a still from the preview: when a page has lain still
 * (corners within a fraction of a millimetre) and sharp for N frames. Fires
 * once per page: after a capture the same page (same place, even nudged) is
 * never captured again; a new page, or the page taken away and put back,
 * arms it again. Disabled means manual capture only. Not thread-safe; feed it
 * from one thread, frame by frame.
 */
class AutoCapture
{
public:
    struct Options
    {
        int stableFrames = 8; ///< about half a second at 15 fps
        double maxMotionMm = 0.8; ///< corner movement between frames still called "still"
        double samePageIoU = 0.85; ///< at or above: the page already captured
        double padWidthMm = 448.0;
    };

    AutoCapture();
    explicit AutoCapture(const Options &options);

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_state != AutoCaptureState::Disabled; }
    AutoCaptureState state() const { return m_state; }
    /// Frames in a row the page has been still (for a progress ring).
    int stableCount() const { return m_stable; }

    /// One preview frame's detection; true when a still should be taken now.
    bool feed(const QList<PageQuad> &quads, QSize frameSize, bool sharp);
    /// Forget the captured page (e.g. the clerk deleted the capture).
    void reset();
    /*!
     * Fire again only for a newly placed page: whatever lies under the camera now (or is
     * first seen after this call) is taken as already captured, until the pad is empty
     * for a few frames or a page lies well apart from it. For a screen just opened, a
     * material just shown or a page just deleted (issue 14: the page still lying there
     * was added again each time).
     */
    void requireNewPage();
    bool isHolding() const { return m_holding; }

private:
    Options m_options;
    AutoCaptureState m_state = AutoCaptureState::Searching;
    QPolygonF m_last;
    QPolygonF m_captured;
    int m_stable = 0;
    int m_missing = 0;
    bool m_holding = false; ///< requireNewPage(): waiting for the page in place to go
};

} // namespace Tongban::Imaging
