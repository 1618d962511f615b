// SPDX-License-Identifier: GPL-3.0-or-later
// Streams large generated mbox files and checks that peak memory stays flat: a 200 MB file must not
// cost more than a few chunks, and a 100 MB message only about that message. Also prints the read
// throughput. Slow (writes 300 MB to a temporary folder): labelled integration.
#include "sources/MboxReader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens::sources;

namespace {

// Peak resident set size so far, in bytes (VmHWM, Linux).
qint64 peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

constexpr qint64 MB = 1024 * 1024;

// AddressSanitizer keeps freed memory in quarantine and pads every allocation, so resident memory
// measures the sanitizer, not the reader; these bounds are checked by the plain build.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

} // namespace

class TestMboxMemory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (peakRss() < 0)
            QSKIP("/proc/self/status has no VmHWM here");
        if (kAddressSanitizer)
            QSKIP("resident memory under AddressSanitizer measures its quarantine; the dev build checks it");
    }

    void twoHundredMegabytesStreamWithFlatMemory()
    {
        const QString path = m_dir.filePath(QStringLiteral("big.mbox"));
        qint64 written = 0;
        qint64 messages = 0;
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray bodyLine = QByteArray(76, 'a') + "\n";
            QByteArray block;
            // AUTHLENS_MBOX_TEST_MB=2048 repeats the measurement on a 2 GB file.
            const qint64 target = qEnvironmentVariableIntValue("AUTHLENS_MBOX_TEST_MB") > 0
                                      ? qEnvironmentVariableIntValue("AUTHLENS_MBOX_TEST_MB") * MB
                                      : 200 * MB;
            while (written < target) {
                block.clear();
                for (int i = 0; i < 64; ++i, ++messages) {
                    block += "From sender" + QByteArray::number(messages) +
                             "@example.com Mon Jan  1 10:00:00 2024\n";
                    block += "From: a@example.com\nTo: b@example.org\nSubject: message " +
                             QByteArray::number(messages) +
                             "\nDKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=sel; bh=x; b=y\n\n";
                    for (int l = 0; l < 20 + int(messages % 50); ++l)
                        block += bodyLine;
                    if (messages % 7 == 0)
                        block += ">From a quoted line\n";
                    block += "\n";
                }
                QCOMPARE(file.write(block), qint64(block.size()));
                written += block.size();
            }
        }
        const qint64 before = peakRss();
        MboxReader reader(path);
        QElapsedTimer timer;
        timer.start();
        qint64 count = 0;
        qint64 bytes = 0;
        while (auto item = reader.next()) {
            ++count;
            bytes += item->bytes.size();
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const qint64 growth = peakRss() - before;
        qInfo("mbox read: %lld messages, %.1f MB in %.2f s = %.0f MB/s; peak RSS growth %.1f MB", count,
              double(written) / double(MB), seconds, double(written) / double(MB) / seconds,
              double(growth) / double(MB));
        QCOMPARE(count, messages);
        QVERIFY(reader.takeErrors().empty());
        QCOMPARE(reader.progress().bytesRead, written);
        QVERIFY2(growth < 16 * MB, qPrintable(QStringLiteral("peak RSS grew by %1 bytes").arg(growth)));
        QFile::remove(path);
    }

    void hundredMegabyteMessageCostsAboutItsSize()
    {
        const QString path = m_dir.filePath(QStringLiteral("one.mbox"));
        const qint64 messageSize = 100 * MB;
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("From a@example.com Mon Jan  1 10:00:00 2024\nSubject: small\n\nhi\n\n");
            file.write("From b@example.com Mon Jan  1 10:00:00 2024\nSubject: big\n\n");
            const QByteArray line = QByteArray(999, 'b') + "\n";
            for (qint64 n = 0; n < messageSize; n += line.size())
                file.write(line);
            file.write("\nFrom c@example.com Mon Jan  1 10:00:00 2024\nSubject: after\n\nbye\n");
        }
        const qint64 before = peakRss();
        ReaderOptions options;
        options.maxMessageSize = 128 * MB;
        MboxReader reader(path, options);
        QStringList subjects;
        qint64 biggest = 0;
        while (auto item = reader.next()) {
            subjects << QString::fromLatin1(item->bytes.mid(9, item->bytes.indexOf('\n') - 9));
            biggest = std::max<qint64>(biggest, item->bytes.size());
        }
        const qint64 growth = peakRss() - before;
        qInfo("100 MB message: peak RSS growth %.1f MB", double(growth) / double(MB));
        QCOMPARE(subjects,
                 QStringList({QStringLiteral("small"), QStringLiteral("big"), QStringLiteral("after")}));
        QVERIFY(biggest >= messageSize);
        // The message itself, plus the slack of a growing buffer; never a second copy of the file.
        QVERIFY2(growth < 2 * messageSize + 16 * MB,
                 qPrintable(QStringLiteral("peak RSS grew by %1 bytes").arg(growth)));

        // With the default limit (64 MB) it is skipped with an error naming its offset, and the rest read.
        MboxReader limited(path);
        int returned = 0;
        while (limited.next())
            ++returned;
        QCOMPARE(returned, 2);
        const auto errors = limited.takeErrors();
        QCOMPARE(errors.size(), size_t(1));
        QVERIFY(errors[0].offset > 0);
        QVERIFY(errors[0].message.contains(QStringLiteral("over the limit")));
    }
};

QTEST_GUILESS_MAIN(TestMboxMemory)
#include "tst_mbox_memory.moc"
