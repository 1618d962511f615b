// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/MboxReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens::sources;

namespace {

struct ReadResult
{
    std::vector<SourceItem> items;
    std::vector<SourceError> errors;
};

ReadResult readAll(MessageSource& source)
{
    ReadResult result;
    while (auto item = source.next()) {
        result.items.push_back(std::move(*item));
        for (auto& e : source.takeErrors())
            result.errors.push_back(std::move(e));
    }
    for (auto& e : source.takeErrors())
        result.errors.push_back(std::move(e));
    return result;
}

ReadResult readFile(const QString& path, ReaderOptions options = {})
{
    MboxReader reader(path, options);
    return readAll(reader);
}

bool hasError(const ReadResult& r, SourceError::Severity severity, const QString& part)
{
    for (const auto& e : r.errors) {
        if (e.severity == severity && e.message.contains(part))
            return true;
    }
    return false;
}

// The line endings of a LF text turned into CRLF.
QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

const QByteArray postmark1 = "From alice@example.com Mon Jan  1 10:00:00 2024\n";
const QByteArray postmark2 = "From bob@example.org Tue Jan  2 11:30:00 2024\n";
const QByteArray postmark3 = "From - Wed Jan  3 12:45:00 2024\n";
const QByteArray message1 = "From: alice@example.com\nSubject: one\n\nHello\n";
const QByteArray message2 = "From: bob@example.org\nSubject: two\n\nfirst\n\nlast\n";
const QByteArray message3 = "From: carol@example.net\nSubject: three\n\nbye\n";

} // namespace

class TestMboxReader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString write(const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.mbox").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write test file");
        return path;
    }

    // Every feature at once, for the chunk-size comparison.
    QByteArray mixedMbox()
    {
        QByteArray mbox = "garbage before the first postmark\n\n";
        mbox += postmark1 + message1 + "\n";
        mbox += postmark2 + "From: x@y.z\nContent-Length: 19\n\nFrom inside body\nx\n\n";
        mbox += postmark3 + "Subject: quoted\n\n>From a\n>>From b\nFrom here on no split\n";
        mbox += "\n" + postmark2 + "Subject: nul\n\nab" + QByteArray(3, '\0') + "cd\n\n";
        mbox += "From c@d.e Thu Jan  4 00:00:00 2024\r\nSubject: crlf\r\n\r\n" + QByteArray(70000, 'L') +
                "\r\n\r\n";
        mbox += postmark1 + "Content-Length: 99999\n\nbogus length\n\n";
        mbox += postmark2 + "Subject: truncated\n\nno final line break";
        return mbox;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void splitsAtPostmarksAndDropsTheSeparators()
    {
        const QByteArray mbox =
            postmark1 + message1 + "\n" + postmark2 + message2 + "\n" + postmark3 + message3;
        const QString path = write(mbox);
        const ReadResult r = readFile(path);
        QCOMPARE(r.items.size(), size_t(3));
        QCOMPARE(r.items[0].bytes, message1);
        QCOMPARE(r.items[1].bytes, message2); // the empty line inside the body stays
        QCOMPARE(r.items[2].bytes, message3);
        QCOMPARE(r.items[0].envelopeFrom, postmark1.chopped(1));
        QCOMPARE(r.items[2].envelopeFrom, postmark3.chopped(1));
        QCOMPARE(r.items[0].offset, qint64(0));
        QCOMPARE(r.items[1].offset, qint64(mbox.indexOf(postmark2)));
        QCOMPARE(r.items[2].offset, qint64(mbox.indexOf(postmark3)));
        QCOMPARE(r.items[1].index, qint64(1));
        QCOMPARE(r.items[1].locator(), path + QStringLiteral("#2"));
        QCOMPARE(r.items[1].length, r.items[2].offset - r.items[1].offset);
        QCOMPARE(r.items[2].resumeAfter.offset, qint64(mbox.size()));
        QVERIFY(r.errors.empty());
    }

    void headerOnlyMessageKeepsItsEmptyLine()
    {
        const ReadResult r = readFile(write(postmark1 + "Subject: a\n\n" + postmark2 + message2));
        QCOMPARE(r.items.size(), size_t(2));
        QCOMPARE(r.items[0].bytes, QByteArray("Subject: a\n\n"));
    }

    void mboxoUnquotesOnlyOneLevel()
    {
        const QByteArray body = "Subject: q\n\n>From a\n>>From b\n>>>From c\n> From d\n";
        ReaderOptions options;
        options.mboxQuoting = MboxQuoting::Mboxo;
        const ReadResult r = readFile(write(postmark1 + body), options);
        QCOMPARE(r.items.size(), size_t(1));
        QCOMPARE(r.items[0].bytes, QByteArray("Subject: q\n\nFrom a\n>>From b\n>>>From c\n> From d\n"));
    }

    void mboxrdRemovesOneQuoteFromEveryQuotedFromLine()
    {
        const QByteArray body = "Subject: q\n\n>From a\n>>From b\n>>>From c\n> From d\n";
        ReaderOptions options;
        options.mboxQuoting = MboxQuoting::Mboxrd;
        const ReadResult r = readFile(write(postmark1 + body), options);
        QCOMPARE(r.items[0].bytes, QByteArray("Subject: q\n\nFrom a\n>From b\n>>From c\n> From d\n"));
    }

    void autoDetectsQuoting()
    {
        MboxReader rd(write(postmark1 + "Subject: q\n\n>>From b\n"));
        QCOMPARE(rd.quoting(), MboxQuoting::Mboxrd);
        QVERIFY(rd.quotingReason().contains(QStringLiteral(">>From")));
        QCOMPARE(rd.next()->bytes, QByteArray("Subject: q\n\n>From b\n"));

        MboxReader o(write(postmark1 + "Subject: q\n\n>From b\n"));
        QCOMPARE(o.quoting(), MboxQuoting::Mboxo);
        QCOMPARE(o.next()->bytes, QByteArray("Subject: q\n\nFrom b\n"));
    }

    void bodyFromLineWithoutEmptyLineBeforeItDoesNotSplit()
    {
        // "From here" after a text line is body (RFC 4155 wants an empty line before a postmark)...
        const ReadResult r = readFile(write(postmark1 + "Subject: a\n\ntext\nFrom here on\n"));
        QCOMPARE(r.items.size(), size_t(1));
        QCOMPARE(r.items[0].bytes, QByteArray("Subject: a\n\ntext\nFrom here on\n"));
        // ...but a line with a postmark's shape splits even without it.
        const ReadResult r2 = readFile(write(postmark1 + "Subject: a\n\ntext\n" + postmark2 + message2));
        QCOMPARE(r2.items.size(), size_t(2));
        QCOMPARE(r2.items[0].bytes, QByteArray("Subject: a\n\ntext\n"));
    }

    void postmarkShape()
    {
        QVERIFY(MboxReader::looksLikePostmark("From a@b.c Mon Jan  1 10:00:00 2024\n"));
        QVERIFY(MboxReader::looksLikePostmark("From - Mon Jan 01 10:00:00 2024\r\n"));
        QVERIFY(!MboxReader::looksLikePostmark("From here on 10:30 we meet"));
        QVERIFY(!MboxReader::looksLikePostmark("From Jan on, 10:30 daily"));
        QVERIFY(MboxReader::looksLikePostmark("From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n"));
        QVERIFY(!MboxReader::looksLikePostmark("From \n"));
        QVERIFY(!MboxReader::looksLikePostmark("From"));
        QVERIFY(!MboxReader::looksLikePostmark(">From a@b 10:00"));
    }

    void mboxcl2ContentLengthKeepsUnquotedFromLines()
    {
        const QByteArray body1 = "line\n\nFrom the body, unquoted\n";
        const QByteArray m1 =
            "Subject: cl\nContent-Length: " + QByteArray::number(body1.size()) + "\n\n" + body1;
        const QByteArray mbox = postmark1 + m1 + "\n" + postmark2 + message2;
        MboxReader reader(write(mbox));
        const ReadResult r = readAll(reader);
        QCOMPARE(r.items.size(), size_t(2));
        QCOMPARE(r.items[0].bytes, m1);
        QCOMPARE(r.items[1].bytes, message2);
        QCOMPARE(r.items[1].offset, qint64(mbox.indexOf(postmark2)));
        QCOMPARE(reader.contentLengthMessages(), qint64(1));
        QVERIFY(r.errors.empty());
    }

    void bogusContentLengthFallsBackWithANote()
    {
        const QByteArray m1 = "Subject: cl\nContent-Length: 3\n\nline\n";
        const QByteArray m2 = "Subject: big\nContent-Length: 123456789\n\nx\n";
        const QByteArray mbox = postmark1 + m1 + "\n" + postmark2 + m2 + "\n" + postmark3 + message3;
        MboxReader reader(write(mbox));
        const ReadResult r = readAll(reader);
        QCOMPARE(r.items.size(), size_t(3));
        QCOMPARE(r.items[0].bytes, m1);
        QCOMPARE(r.items[1].bytes, m2);
        QCOMPARE(reader.contentLengthMessages(), qint64(0));
        QCOMPARE(r.errors.size(), size_t(2));
        QCOMPARE(r.errors[0].severity, SourceError::Severity::Note);
        QVERIFY(r.errors[0].message.contains(QStringLiteral("Content-Length 3")));
        QCOMPARE(r.errors[0].offset, qint64(0));
        QCOMPARE(r.errors[1].offset, qint64(mbox.indexOf(postmark2)));
    }

    void crlfFile()
    {
        const QByteArray mbox = crlf(postmark1 + message1 + "\n" + postmark2 + message2);
        const ReadResult r = readFile(write(mbox));
        QCOMPARE(r.items.size(), size_t(2));
        QCOMPARE(r.items[0].bytes, crlf(message1));
        QCOMPARE(r.items[1].bytes, crlf(message2));
        QCOMPARE(r.items[0].envelopeFrom, postmark1.chopped(1));
        QCOMPARE(r.items[1].offset, qint64(mbox.indexOf("From bob")));
        QVERIFY(r.errors.empty());
    }

    void offsetsAreExactAndReadableAgain()
    {
        const QByteArray mbox = mixedMbox();
        const QString path = write(mbox);
        const ReadResult all = readFile(path);
        QCOMPARE(all.items.size(), size_t(7));
        for (const SourceItem& item : all.items) {
            QVERIFY(mbox.sliced(item.offset).startsWith("From "));
            QVERIFY(item.offset == 0 || mbox[item.offset - 1] == '\n');
            MboxReader again(path);
            QVERIFY(again.seek({item.offset, item.index}));
            const auto reread = again.next();
            QVERIFY(reread);
            QCOMPARE(reread->bytes, item.bytes);
            QCOMPARE(reread->index, item.index);
            QCOMPARE(reread->offset, item.offset);
            // Resuming after it gives the rest, unchanged.
            MboxReader rest(path);
            QVERIFY(rest.seek(item.resumeAfter));
            const ReadResult after = readAll(rest);
            QCOMPARE(after.items.size(), all.items.size() - size_t(item.index) - 1);
            if (!after.items.empty())
                QCOMPARE(after.items.front().offset, all.items[size_t(item.index) + 1].offset);
        }
        MboxReader bad(path);
        QVERIFY(!bad.seek({5, 0})); // inside a line
        QVERIFY(!bad.seek({mbox.indexOf("Subject: quoted"), 0}));
        QVERIFY(!bad.seek({-1, 0}));
        QVERIFY(!bad.seek({mbox.size() + 10, 0}));
        QCOMPARE(bad.takeErrors().size(), size_t(4));
    }

    void truncatedFileStillGivesTheLastMessage()
    {
        const ReadResult midLine =
            readFile(write(postmark1 + message1 + "\n" + postmark2 + "Subject: t\n\nhal"));
        QCOMPARE(midLine.items.size(), size_t(2));
        QCOMPARE(midLine.items[1].bytes, QByteArray("Subject: t\n\nhal"));
        QVERIFY(hasError(midLine, SourceError::Severity::Warning, QStringLiteral("middle of a line")));

        const ReadResult inHeader = readFile(write(postmark1 + "Subject: t\nFrom: a@b"));
        QCOMPARE(inHeader.items.size(), size_t(1));
        QCOMPARE(inHeader.items[0].bytes, QByteArray("Subject: t\nFrom: a@b"));
        QVERIFY(hasError(inHeader, SourceError::Severity::Warning, QStringLiteral("inside the header")));

        const ReadResult postmarkOnly = readFile(write(postmark1));
        QCOMPARE(postmarkOnly.items.size(), size_t(1));
        QVERIFY(postmarkOnly.items[0].bytes.isEmpty());
    }

    void nulBytesAreKeptWithAWarning()
    {
        const QByteArray m = QByteArray("Subject: n\n\na\0b\n", 16);
        const QByteArray mbox = postmark1 + m;
        const ReadResult r = readFile(write(mbox));
        QCOMPARE(r.items.size(), size_t(1));
        QCOMPARE(r.items[0].bytes, m);
        QCOMPARE(r.errors.size(), size_t(1));
        QCOMPARE(r.errors[0].severity, SourceError::Severity::Warning);
        QCOMPARE(r.errors[0].offset, qint64(postmark1.size() + 13));
    }

    void lineOverOneMegabyte()
    {
        const QByteArray longLine = QByteArray(1536 * 1024, 'x');
        const QByteArray m = "Subject: long\n\n" + longLine + "\nend\n";
        const ReadResult r = readFile(write(postmark1 + m + "\n" + postmark2 + message2));
        QCOMPARE(r.items.size(), size_t(2));
        QCOMPARE(r.items[0].bytes, m);
        QCOMPARE(r.items[1].bytes, message2);
    }

    void oversizedMessageIsSkippedAndTheRestRead()
    {
        const QByteArray big = "Subject: big\n\n" + QByteArray(5000, 'b') + "\n";
        const QByteArray bigCl = "Content-Length: 5000\n\n" + QByteArray(4999, 'c') + "\n";
        const QByteArray mbox = postmark1 + message1 + "\n" + postmark2 + big + "\n" + postmark3 + bigCl +
                                "\n" + postmark1 + message3;
        ReaderOptions options;
        options.maxMessageSize = 1000;
        const ReadResult r = readFile(write(mbox), options);
        QCOMPARE(r.items.size(), size_t(2));
        QCOMPARE(r.items[0].bytes, message1);
        QCOMPARE(r.items[1].bytes, message3);
        QCOMPARE(r.items[1].index, qint64(3)); // numbering counts the skipped ones
        QCOMPARE(r.errors.size(), size_t(2));
        QCOMPARE(r.errors[0].severity, SourceError::Severity::Error);
        QCOMPARE(r.errors[0].offset, qint64(mbox.indexOf(postmark2)));
        QVERIFY(r.errors[0].message.contains(QStringLiteral("over the limit")));
        QCOMPARE(r.errors[1].offset, qint64(mbox.indexOf(postmark3)));
    }

    void bytesBeforeTheFirstPostmarkAreReported()
    {
        const ReadResult r = readFile(write("not mail\nat all\n\n" + postmark1 + message1));
        QCOMPARE(r.items.size(), size_t(1));
        QCOMPARE(r.items[0].bytes, message1);
        QCOMPARE(r.errors.size(), size_t(1));
        QCOMPARE(r.errors[0].offset, qint64(0));
        QCOMPARE(r.errors[0].severity, SourceError::Severity::Error);

        const ReadResult binary = readFile(write(QByteArray(100000, '\xff')));
        QVERIFY(binary.items.empty());
        QCOMPARE(binary.errors.size(), size_t(1));
    }

    void emptyAndMissingFiles()
    {
        QVERIFY(readFile(write(QByteArray())).items.empty());
        MboxReader missing(m_dir.filePath(QStringLiteral("missing.mbox")));
        QVERIFY(!missing.openError().isEmpty());
        QVERIFY(!missing.next());
        QCOMPARE(missing.takeErrors().size(), size_t(1));
    }

    void chunkSizeDoesNotChangeTheResult()
    {
        const QString path = write(mixedMbox());
        ReaderOptions large;
        large.chunkSize = 1024 * 1024;
        const ReadResult reference = readFile(path, large);
        QCOMPARE(reference.items.size(), size_t(7));
        QCOMPARE(reference.items[1].bytes,
                 QByteArray("From: x@y.z\nContent-Length: 19\n\nFrom inside body\nx\n"));
        QCOMPARE(reference.items[2].bytes.left(36), QByteArray("Subject: quoted\n\nFrom a\n>From b\nFrom"));
        QCOMPARE(reference.items[3].bytes, QByteArray("Subject: nul\n\nab\0\0\0cd\n", 22));
        QCOMPARE(reference.items[4].bytes.size(), qsizetype(15 + 2 + 70000 + 2));
        QCOMPARE(reference.items[6].bytes, QByteArray("Subject: truncated\n\nno final line break"));
        for (const qint64 chunk : {1, 2, 3, 5, 7, 64, 1000, 1023, 1025, 4096, 65536}) {
            ReaderOptions options;
            options.chunkSize = chunk;
            const ReadResult r = readFile(path, options);
            QCOMPARE(r.items.size(), reference.items.size());
            for (size_t i = 0; i < r.items.size(); ++i) {
                QCOMPARE(r.items[i].bytes, reference.items[i].bytes);
                QCOMPARE(r.items[i].offset, reference.items[i].offset);
                QCOMPARE(r.items[i].length, reference.items[i].length);
                QCOMPARE(r.items[i].envelopeFrom, reference.items[i].envelopeFrom);
            }
            QCOMPARE(r.errors.size(), reference.errors.size());
            for (size_t i = 0; i < r.errors.size(); ++i)
                QCOMPARE(r.errors[i].toString(), reference.errors[i].toString());
        }
    }

    void hostileBytesGiveTheSameResultAtEveryChunkSize()
    {
        // Random lines built from the pieces that steer the reader: postmarks with and without the empty
        // line, quoted From lines, Content-Length headers (right, wrong, huge), CR, NUL, long runs.
        const QList<QByteArray> parts = {"From ",
                                         "From a@b Mon Jan  1 00:00:00 2024",
                                         ">From ",
                                         ">>From x",
                                         "\n",
                                         "\r\n",
                                         "\r",
                                         QByteArray(1, '\0'),
                                         "Content-Length: ",
                                         "Content-Length: 5",
                                         "Content-Length: 999999999999",
                                         "Subject: s",
                                         ":",
                                         " ",
                                         "x",
                                         QByteArray(1500, '>'),
                                         QByteArray(3000, 'y')};
        quint32 seed = 12345;
        auto random = [&seed](quint32 n) {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 8) % n;
        };
        for (int round = 0; round < 20; ++round) {
            QByteArray mbox;
            const int pieces = 50 + int(random(400));
            for (int i = 0; i < pieces; ++i) {
                mbox += parts[int(random(quint32(parts.size())))];
                if (random(3) == 0)
                    mbox += QByteArray::number(random(40));
            }
            const QString path = write(mbox);
            ReaderOptions options;
            options.maxMessageSize = 2000 + random(4000);
            const ReadResult reference = readFile(path, options);
            qint64 lastOffset = -1;
            for (const SourceItem& item : reference.items) {
                QVERIFY(item.offset > lastOffset);
                QVERIFY(item.offset + item.length <= mbox.size());
                QVERIFY(mbox.sliced(item.offset).startsWith("From "));
                lastOffset = item.offset;
            }
            for (const qint64 chunk : {3, 17, 1024, 1025}) {
                options.chunkSize = chunk;
                const ReadResult r = readFile(path, options);
                QCOMPARE(r.items.size(), reference.items.size());
                for (size_t i = 0; i < r.items.size(); ++i) {
                    QCOMPARE(r.items[i].bytes, reference.items[i].bytes);
                    QCOMPARE(r.items[i].offset, reference.items[i].offset);
                }
                QCOMPARE(r.errors.size(), reference.errors.size());
            }
        }
    }

    void progressReachesTheFileSize()
    {
        const QByteArray mbox = mixedMbox();
        MboxReader reader(write(mbox));
        QCOMPARE(reader.progress().bytesTotal, qint64(mbox.size()));
        readAll(reader);
        QCOMPARE(reader.progress().bytesRead, qint64(mbox.size()));
        QCOMPARE(reader.progress().messages, qint64(7));
    }
};

QTEST_GUILESS_MAIN(TestMboxReader)
#include "tst_mbox_reader.moc"
