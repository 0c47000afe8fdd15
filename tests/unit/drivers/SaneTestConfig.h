#pragma once

#include <QDir>
#include <QFile>
#include <QString>

// A private SANE configuration with only the "test" backend (FIELD-NOTES.md):
// nothing under /etc/sane.d is read or changed. Call before the first SANE call.
inline bool writeSaneTestConfig(const QString &dir, const QByteArray &testConf)
{
    QDir().mkpath(dir);
    QFile dll(dir + QStringLiteral("/dll.conf"));
    QFile test(dir + QStringLiteral("/test.conf"));
    if (!dll.open(QIODevice::WriteOnly) || !test.open(QIODevice::WriteOnly))
        return false;
    dll.write("test\n");
    test.write(testConf);
    qputenv("SANE_CONFIG_DIR", dir.toLocal8Bit());
    return true;
}

// Two virtual devices; the colour test picture so that colour scans have colour.
inline const QByteArray kSaneTestConf = "number_of_devices 2\n"
                                        "mode Gray\n"
                                        "depth 8\n"
                                        "resolution 50.0\n"
                                        "test-picture \"Color pattern\"\n"
                                        "read-delay false\n"
                                        "tl_x 0.0\ntl_y 0.0\nbr_x 80.0\nbr_y 100.0\n";
