// SPDX-License-Identifier: GPL-3.0-or-later
// RawMessageCodec: zstd round trips byte-exact, rows written with qCompress still read, and damaged or
// crafted blobs give a clear error (never a crash, never a huge allocation) also through the store.
#include "StoreSamples.h"

#include "store/BatchWriter.h"
#include "store/Database.h"
#include "store/MessageQueries.h"
#include "store/RawMessageCodec.h"
#include "store/VerificationRuns.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace authlens::store;

namespace {

QByteArray mailText()
{
    QByteArray text = "From: Sender <a@example.com>\r\nTo: b@example.net\r\nSubject: codec\r\n"
                      "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1; bh=abc=; b=def=\r\n\r\n";
    for (int i = 0; i < 400; ++i)
        text += "Line " + QByteArray::number(i) + " of a plain text body, with trailing space \r\n";
    return text;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& c : bytes)
        c = char(random.bounded(256));
    return bytes;
}

// Big-endian 4-byte length, like qCompress's header.
QByteArray legacyHeader(quint32 length)
{
    QByteArray header(4, '\0');
    header[0] = char(length >> 24);
    header[1] = char((length >> 16) & 0xff);
    header[2] = char((length >> 8) & 0xff);
    header[3] = char(length & 0xff);
    return header;
}

} // namespace

class TestRawMessageCodec : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsByteExact_data();
    void roundTripsByteExact();
    void compressesMail();
    void legacyRowsDecode_data();
    void legacyRowsDecode();
    void damagedBlobsGiveErrors_data();
    void damagedBlobsGiveErrors();
    void everyTruncationAndBitFlipIsCaught();
    void statedSizeOverLimitIsRefused();
    void randomBlobsNeverCrash();
    void encodesOnManyThreads();
    void storeReadsBothFormatsAndReportsDamage();
};

void TestRawMessageCodec::roundTripsByteExact_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArray("x");
    QTest::newRow("mail") << mailText();
    QTest::newRow("bare LF and NUL") << QByteArray("a\nb\0c\r\r\n", 9);
    QTest::newRow("incompressible 300 KB") << randomBytes(300 * 1024, 7);
    QTest::newRow("3 MB of A") << QByteArray(3 * 1024 * 1024, 'A');
}

void TestRawMessageCodec::roundTripsByteExact()
{
    QFETCH(QByteArray, raw);
    for (int level : {1, 3, 19}) {
        const QByteArray stored = RawMessageCodec::encode(raw, level);
        QVERIFY(!stored.isEmpty());
        QCOMPARE(stored.front(), RawMessageCodec::kZstdTag);
        QCOMPARE(RawMessageCodec::formatOf(stored), RawMessageCodec::Format::Zstd);
        const RawMessageCodec::Decoded decoded = RawMessageCodec::decode(stored);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.raw.size(), raw.size());
        QCOMPARE(decoded.raw, raw);
    }
}

void TestRawMessageCodec::compressesMail()
{
    const QByteArray raw = mailText();
    const QByteArray stored = RawMessageCodec::encode(raw);
    // Repetitive text: well under a fifth, about as small as zlib gets it.
    QVERIFY2(stored.size() * 5 < raw.size(), qPrintable(QString::number(stored.size())));
    QVERIFY(stored.size() < qCompress(raw, 1).size() * 2);
    // A 3 MB run is a few hundred bytes, and decodes without a 3 MB guess up front going wrong.
    QVERIFY(RawMessageCodec::encode(QByteArray(3 * 1024 * 1024, 'A')).size() < 1000);
}

void TestRawMessageCodec::legacyRowsDecode_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("level");
    QTest::newRow("empty") << QByteArray() << 6;
    QTest::newRow("mail level 1") << mailText() << 1;
    QTest::newRow("mail level 6") << mailText() << 6;
    QTest::newRow("mail level 9") << mailText() << 9;
    QTest::newRow("random") << randomBytes(100000, 3) << 6;
    QTest::newRow("starts with the zstd tag") << (QByteArray(1, RawMessageCodec::kZstdTag) + mailText()) << 6;
}

void TestRawMessageCodec::legacyRowsDecode()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, level);
    const QByteArray stored = qCompress(raw, level);
    QCOMPARE(RawMessageCodec::formatOf(stored), RawMessageCodec::Format::LegacyZlib);
    const RawMessageCodec::Decoded decoded = RawMessageCodec::decode(stored);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QCOMPARE(decoded.raw, raw);
}

void TestRawMessageCodec::damagedBlobsGiveErrors_data()
{
    QTest::addColumn<QByteArray>("stored");
    QTest::addColumn<QString>("expected"); // a part of the error
    const QByteArray good = RawMessageCodec::encode(mailText());
    const QByteArray tag(1, RawMessageCodec::kZstdTag);
    QTest::newRow("empty blob") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("tag only") << tag << QStringLiteral("no zstd frame");
    QTest::newRow("tag and text") << (tag + "hello, not zstd at all") << QStringLiteral("no zstd frame");
    QTest::newRow("frame cut short") << good.left(good.size() / 2) << QStringLiteral("damaged");
    QTest::newRow("bytes after the frame")
        << (good + "xyz") << QStringLiteral("3 bytes after the zstd frame");
    QTest::newRow("two frames") << (good + good.mid(1)) << QStringLiteral("after the zstd frame");
    QTest::newRow("legacy too short") << QByteArray("\0\0", 2) << QStringLiteral("too short");
    QTest::newRow("legacy garbage") << (legacyHeader(1000) + "this is not a zlib stream")
                                    << QStringLiteral("does not decompress");
    const QByteArray legacy = qCompress(mailText());
    QTest::newRow("legacy cut short") << legacy.left(legacy.size() / 2) << QStringLiteral("cut short");
    // A zlib bomb: the header states 1,000 bytes, the stream holds 50 MB of zeros.
    QTest::newRow("legacy yields more than stated")
        << (legacyHeader(1000) + qCompress(QByteArray(50 * 1024 * 1024, '\0'), 9).mid(4))
        << QStringLiteral("yields more than the stated 1000 bytes");
    QByteArray lyingLength = legacy;
    lyingLength[3] = char(lyingLength[3] + 1); // the stream yields one byte fewer than stated
    QTest::newRow("legacy wrong length") << lyingLength << QStringLiteral("stated");
    QTest::newRow("legacy huge length")
        << (legacyHeader(0x7fffffffu) + legacy.mid(4)) << QStringLiteral("over the");
}

void TestRawMessageCodec::damagedBlobsGiveErrors()
{
    QFETCH(QByteArray, stored);
    QFETCH(QString, expected);
    const RawMessageCodec::Decoded decoded = RawMessageCodec::decode(stored);
    QVERIFY(!decoded.ok());
    QVERIFY(decoded.raw.isEmpty());
    QVERIFY2(decoded.error.contains(expected), qPrintable(decoded.error));
}

void TestRawMessageCodec::everyTruncationAndBitFlipIsCaught()
{
    const QByteArray raw = mailText();
    const QByteArray good = RawMessageCodec::encode(raw);
    for (qsizetype length = 0; length < good.size(); ++length) {
        const RawMessageCodec::Decoded decoded = RawMessageCodec::decode(good.left(length));
        QVERIFY2(!decoded.ok(), qPrintable(QStringLiteral("prefix of %1 bytes decoded").arg(length)));
    }
    // Any one byte changed after the tag: an error, or (never) other bytes than were stored. The frame's
    // checksum is what catches changes inside literal data.
    int errors = 0;
    for (qsizetype at = 1; at < good.size(); ++at) {
        QByteArray damaged = good;
        damaged[at] = char(damaged[at] ^ 0x20);
        const RawMessageCodec::Decoded decoded = RawMessageCodec::decode(damaged);
        if (decoded.ok())
            QCOMPARE(decoded.raw, raw);
        else
            ++errors;
    }
    QVERIFY(errors >= good.size() - 4);
}

void TestRawMessageCodec::statedSizeOverLimitIsRefused()
{
    const QByteArray raw(5000, 'b');
    const QByteArray stored = RawMessageCodec::encode(raw);
    const RawMessageCodec::Decoded refused = RawMessageCodec::decode(stored, 4999);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error.contains(QStringLiteral("claims 5000")), qPrintable(refused.error));
    QVERIFY(RawMessageCodec::decode(stored, 5000).ok());
    const RawMessageCodec::Decoded legacy = RawMessageCodec::decode(qCompress(raw), 4999);
    QVERIFY(!legacy.ok());
    QVERIFY2(legacy.error.contains(QStringLiteral("claims 5000 bytes")), qPrintable(legacy.error));
}

void TestRawMessageCodec::randomBlobsNeverCrash()
{
    // Hostile bytes in both formats' clothes: decoding may fail, but only with a reason.
    QRandomGenerator random(20261123);
    const QByteArray good = RawMessageCodec::encode(mailText());
    for (int round = 0; round < 3000; ++round) {
        QByteArray blob;
        switch (round % 3) {
        case 0:
            blob = QByteArray(1, RawMessageCodec::kZstdTag) +
                   randomBytes(random.bounded(1, 200), random.generate());
            break;
        case 1:
            blob = legacyHeader(random.bounded(0, 1 << 20)) +
                   randomBytes(random.bounded(0, 200), random.generate());
            break;
        default:
            blob = good;
            for (int n = random.bounded(1, 6); n > 0; --n)
                blob[random.bounded(1, int(blob.size()))] = char(random.bounded(256));
            break;
        }
        const RawMessageCodec::Decoded decoded = RawMessageCodec::decode(blob);
        QVERIFY(decoded.ok() || !decoded.error.isEmpty());
        QVERIFY(decoded.ok() || decoded.raw.isEmpty());
    }
}

void TestRawMessageCodec::encodesOnManyThreads()
{
    // Each thread keeps its own zstd context: results must not mix.
    QList<QByteArray> inputs;
    for (int i = 0; i < 8; ++i)
        inputs << mailText() + QByteArray(i * 1000, char('a' + i)) + randomBytes(i * 500, quint32(i));
    QList<QByteArray> outputs(inputs.size());
    std::vector<std::thread> threads;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        threads.emplace_back([&, i] {
            for (int round = 0; round < 50; ++round)
                outputs[i] = RawMessageCodec::encode(inputs.at(i));
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    for (qsizetype i = 0; i < inputs.size(); ++i)
        QCOMPARE(RawMessageCodec::decode(outputs.at(i)).raw, inputs.at(i));
}

void TestRawMessageCodec::storeReadsBothFormatsAndReportsDamage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto opened = Database::open(dir.filePath(QStringLiteral("codec.authlens")));
    QVERIFY2(opened.database, qPrintable(opened.error));
    Database& database = *opened.database;
    const qint64 runId = VerificationRuns(database).begin(QStringLiteral("import"));
    QVERIFY(runId > 0);

    BatchWriter writer(database);
    auto fresh = samples::message(1, QStringLiteral("example.com"), runId);
    auto legacy = samples::message(2, QStringLiteral("example.com"), runId);
    legacy.compressedRaw = qCompress(legacy.raw, 6); // a row from before zstd
    auto damaged = samples::message(3, QStringLiteral("example.com"), runId);
    const BatchWriter::Outcome freshOutcome = writer.write(fresh); // the writer compresses itself
    const BatchWriter::Outcome legacyOutcome = writer.write(legacy);
    const BatchWriter::Outcome damagedOutcome = writer.write(damaged);
    QVERIFY(freshOutcome.ok && legacyOutcome.ok && damagedOutcome.ok);
    QVERIFY(writer.flush());

    QSqlQuery query(database.connection());
    QVERIFY(query.exec(
        QStringLiteral("SELECT raw_compressed FROM messages WHERE id = %1").arg(freshOutcome.messageId)));
    QVERIFY(query.next());
    QCOMPARE(RawMessageCodec::formatOf(query.value(0).toByteArray()), RawMessageCodec::Format::Zstd);
    query.finish();
    QSqlQuery damage(database.connection());
    damage.prepare(QStringLiteral("UPDATE messages SET raw_compressed = ? WHERE id = ?"));
    damage.addBindValue(QByteArray(1, RawMessageCodec::kZstdTag) + QByteArray("\x28\xb5\x2f\xfd garbage"));
    damage.addBindValue(damagedOutcome.messageId);
    QVERIFY(damage.exec());

    MessageQueries queries(database);
    QCOMPARE(queries.rawMessage(freshOutcome.messageId).value_or(QByteArray()), fresh.raw);
    QCOMPARE(queries.rawMessage(legacyOutcome.messageId).value_or(QByteArray()), legacy.raw);
    QVERIFY(!queries.rawMessage(damagedOutcome.messageId));
    QVERIFY2(queries.lastError().contains(QStringLiteral("message %1").arg(damagedOutcome.messageId)),
             qPrintable(queries.lastError()));
    QVERIFY2(queries.lastError().contains(QStringLiteral("damaged")), qPrintable(queries.lastError()));
}

QTEST_GUILESS_MAIN(TestRawMessageCodec)
#include "tst_raw_message_codec.moc"
