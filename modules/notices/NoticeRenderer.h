#pragma once

#include "Notice.h"

#include <core/Result.h>

#include <QByteArray>

class QPagedPaintDevice;

namespace Tongban::Notices {

/*!
 * Lays out a notice on A4 and renders it to PDF or to a printer.
 *
 * The document text is Chinese whatever the interface language: a notice is
 * an administrative document handed to the applicant (行政许可法 §32). It is
 * set in WenQuanYi Micro Hei, whose glyph tables give correct text when the
 * PDF is searched or copied (Noto CJK's shared radical glyphs come out as
 * Kangxi radicals, so "一" would not be found).
 *
 * GUI thread or any thread with a QGuiApplication (fonts); stateless.
 */
/// How a notice is rendered.
struct RenderOptions
{
    bool reprint = false; ///< mark the copy 补打
    QDateTime reprintedAt;
    /// The reprint carries the platform's official case number, which the original lacked;
    /// the mark says so (the copy is not the original word for word).
    bool caseNumberAdded = false;
};

class NoticeRenderer
{
public:
    using Options = RenderOptions;

    /// The notice as a PDF document (A4 portrait).
    static Core::Result<QByteArray> renderPdf(
        const NoticeContent &content, const Options &options = {});

    /// Paints the notice on \a device (a QPrinter or QPdfWriter), page by page.
    static Core::Status paint(
        const NoticeContent &content, QPagedPaintDevice &device, const Options &options = {});

    /// The HTML the layout is built from (for previews and tests).
    static QString html(const NoticeContent &content, const Options &options = {});

    /// The handover slip printed with a result (one A4 page; issue 17).
    static Core::Result<QByteArray> renderResultSlipPdf(const ResultSlipContent &content);
    static QString resultSlipHtml(const ResultSlipContent &content);
};

} // namespace Tongban::Notices
