#include <core/Hash.h>

#include <QBuffer>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace Tongban::Core;

/// Page identity rests on these digests: they must be SHA-256, whatever computes them.
class tst_Hash : public QObject
{
    Q_OBJECT

private slots:
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("hex");
        // FIPS 180-2 appendix B
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb924"
                                                 "27ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QStringLiteral("ba7816bf8f01cfea414140de5dae2223"
                                               "b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("a million a") << QByteArray(1000000, 'a')
                                     << QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67"
                                                       "f1809a48a497200e046d39ccc7112cd0");
    }
    void knownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, hex);
        QCOMPARE(sha256Hex(input), hex);
        QCOMPARE(sha256(input).toHex(), hex.toLatin1());
    }

    void piecesFilesAndQtAgree()
    {
        // GIVEN 3 MB of random bytes (bigger than the device reader's buffer)
        QByteArray bytes(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        QRandomGenerator random(42);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        const QByteArray expected = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
        QCOMPARE(sha256(bytes), expected);

        // WHEN fed in uneven pieces, THEN the same digest, and the object starts again empty
        Sha256 hash;
        for (qsizetype at = 0; at < bytes.size(); at += 65521)
            hash.addData(
                QByteArrayView(bytes).sliced(at, qMin<qsizetype>(65521, bytes.size() - at)));
        QCOMPARE(hash.result(), expected);
        QCOMPARE(hash.result().toHex(),
            QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

        // AND read from a device
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QVERIFY(hash.addData(&buffer));
        QCOMPARE(hash.result(), expected);
    }

    void unreadableDeviceIsAnError()
    {
        QBuffer closed;
        Sha256 hash;
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::read (QBuffer): device not open");
        QVERIFY(!hash.addData(&closed));
    }
};

QTEST_APPLESS_MAIN(tst_Hash)
#include "tst_hash.moc"
