#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QSize>
#include <QSizeF>
#include <QString>

namespace Tongban::Drivers::Sim {

/// What lies on the pad; zero is invalid.
enum class DocumentKind { Invalid = 0, A4Form, A5Note, IdCardFront, IdCardBack, Licence };

QString documentKindName(DocumentKind kind);
/// Physical size in millimetres, width x height as it lies (Licence is landscape).
QSizeF documentSizeMm(DocumentKind kind);

/*!
 * One simulated photo of the pad, fully described by data; rendering the same
 * spec at the same size always gives the same pixels.
 */
struct SceneSpec
{
    quint32 seed = 1; ///< placement, document content, lighting
    quint32 frameSeed = 0; ///< sensor noise only (consecutive frames of a still scene)
    DocumentKind kind = DocumentKind::A4Form;
    int documentCount = 1; ///< 0: empty pad; 2: two documents side by side
    double blurSigmaMm = 0; ///< optical blur, in millimetres on the pad (scale-free)
    bool glare = false;
    bool cutCorner = false; ///< one corner of the page outside the frame
    bool hand = false; ///< a hand (skin-coloured) in the frame, over the page edge
    bool whiteOnWhite = false; ///< white pad instead of the dark one
    double motion = 0; ///< 0: settled; 1: page displaced by about 60 mm (moving in)
    int jpegQuality = 0; ///< 0: no JPEG round trip; otherwise the camera's quality
    double noiseSigma = 2.5; ///< sensor noise, grey levels
    // The broadened conditions (issue 18); the defaults render as before.
    QColor paperTint; ///< invalid: white paper; else multiplies the paper (lavender, cream, ...)
    QColor padColour; ///< invalid: the dark or white pad; else the pad's base colour
    enum class Glare { OnPage, OverCorner, OverEdge };
    Glare glareAt = Glare::OnPage; ///< where the glare spot lies when glare is set
    double shadow = 0; ///< depth (0 ... 0.6) of a soft hand or lamp shadow over part of the frame
    double lightLevel = 1.0; ///< exposure; 0.45 is a dim hall (noise rises with the gain)
    /*!
     * A curled page: one side (curlSide 0..3: top, right, bottom, left as the page lies)
     * bows outward by curlMm in its middle, its corners stay (the outline is no longer a
     * straight-sided quad).
     */
    double curlMm = 0;
    int curlSide = 0;
    /*!
     * A folded page: the part beyond a crease at foldAt (0..1 from side foldSide) is lifted
     * by foldDeg towards the camera: foreshortened, magnified (nearer the lens) and lit
     * differently. The truth corners are where the page's corners are seen.
     */
    double foldDeg = 0;
    double foldAt = 0.5;
    int foldSide = 0;
};

/// Ground truth of one document: corners TL, TR, BR, BL of the page as printed.
struct DocumentTruth
{
    DocumentKind kind = DocumentKind::Invalid;
    QPolygonF corners; ///< image pixels, pixel centres at integer coordinates
    QSizeF sizeMm;
};

struct SimFrame
{
    QImage image; ///< Format_RGB888
    QByteArray jpeg; ///< set when SceneSpec::jpegQuality > 0
    QList<DocumentTruth> documents;
};

/// The field of view on the pad, millimetres (4:3, like the 13 MP sensor).
inline constexpr double kPadWidthMm = 448.0;
inline constexpr double kPadHeightMm = 336.0;
inline constexpr int kStillWidth = 4160;
inline constexpr int kStillHeight = 3120;
inline constexpr int kPreviewWidth = 1024;
inline constexpr int kPreviewHeight = 768;

/*!
 * Renders simulated document-camera photos with known document corners:
 * textured pad, perspective, uneven light, shadow, sensor noise, optional
 * blur, glare, cut-off corner, hand, white-on-white, two documents, JPEG.
 *
 * Thread-safe (document templates are cached under a mutex). Needs a
 * QGuiApplication for fonts. \a size may be any 4:3 size.
 */
SimFrame renderScene(const SceneSpec &spec, QSize size);

/// A varied scene for test sets: kind, and the listed flags, from \a seed.
SceneSpec randomScene(quint32 seed);

/*!
 * A scene from the broadened set (issue 18), on top of randomScene's cases: tinted,
 * recycled and coloured paper; pads of common colours including light grey and
 * near-white; glare over a corner or an edge; a hand's or lamp's shadow; low light with
 * its noise; the camera's own JPEG. Split the seeds: tune on some ranges only and report
 * the others as held out.
 */
SceneSpec broadScene(quint32 seed);

/*!
 * The "page moves then settles" scenario, frame by frame at 15 fps: a page
 * slides in for 10 frames, rests for 35, is taken away for 10 (empty pad),
 * and the next page (seed + 1) follows. Returns the scene of frame \a index;
 * \a pageIndex receives which page it is (or -1 during the empty gap).
 */
SceneSpec moveThenSettleScene(quint32 seed, int index, int *pageIndex = nullptr);
inline constexpr int kMoveFrames = 10;
inline constexpr int kRestFrames = 35;
inline constexpr int kGapFrames = 10;

} // namespace Tongban::Drivers::Sim
