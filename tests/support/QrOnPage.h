#pragma once

// Test helper (header-only): the QR codes a phone reads on the first page of a PDF. The page is
// drawn by pdftoppm and read by zbar through GStreamer's zbar element
// (gstreamer1.0-plugins-bad), an independent reader. Link the test with gstreamer-1.0.

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <gst/gst.h>

namespace Tongban::Testing {

/// Every QR code zbar reads on the first page of \a pdf.
inline QStringList qrCodesOnFirstPage(const QByteArray &pdf)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("n.pdf")));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(pdf);
    file.close();
    QProcess::execute(QStringLiteral("pdftoppm"),
        { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-f"),
            QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
            QStringLiteral("-singlefile"), file.fileName(), dir.filePath(QStringLiteral("page")) });
    gst_init(nullptr, nullptr);
    GError *error = nullptr;
    const QByteArray description = QByteArrayLiteral("filesrc location=\"")
        + dir.filePath(QStringLiteral("page.png")).toUtf8()
        + QByteArrayLiteral("\" ! pngdec ! videoconvert ! video/x-raw,format=I420 ! zbar ! "
                            "fakesink");
    GstElement *pipeline = gst_parse_launch(description.constData(), &error);
    if (!pipeline) {
        g_clear_error(&error);
        return {};
    }
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    GstBus *bus = gst_element_get_bus(pipeline);
    QStringList symbols;
    for (;;) {
        GstMessage *message = gst_bus_timed_pop_filtered(bus, 20 * GST_SECOND,
            GstMessageType(GST_MESSAGE_ELEMENT | GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
        if (!message)
            break;
        const GstMessageType type = GST_MESSAGE_TYPE(message);
        if (type == GST_MESSAGE_ELEMENT) {
            const GstStructure *s = gst_message_get_structure(message);
            if (gst_structure_has_name(s, "barcode"))
                symbols << QString::fromUtf8(gst_structure_get_string(s, "symbol"));
        }
        gst_message_unref(message);
        if (type != GST_MESSAGE_ELEMENT)
            break;
    }
    gst_object_unref(bus);
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(pipeline);
    return symbols;
}

} // namespace Tongban::Testing
