// SPDX-License-Identifier: GPL-3.0-or-later
// Input limits end to end through authlens-cli: an mbox where single messages break the header-fields,
// line-length and message-size limits given with --limit. Each such message is an error in the import
// log naming the file, its offset and the limit; every other message imports. Without the --limit
// options the same mbox imports whole, so the limits are what refused them.
#include "../unit/pipeline/ImportSamples.h"

#include "store/Database.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;
using importsamples::Samples;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(AUTHLENS_CLI), arguments);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

struct LogEntry
{
    QString path;
    qint64 offset = -1;
    QString message;
};

} // namespace

class TestCliLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_mbox;
    QString m_records;
    QList<qint64> m_starts; // offset of each message's postmark, and the file size at the end

    qint64 scalar(const QString& db, const QString& sql) const
    {
        auto opened = store::Database::open(db, {std::nullopt, true});
        if (!opened.database)
            return -1;
        QSqlQuery query(opened.database->connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    QList<LogEntry> errors(const QString& db) const
    {
        QList<LogEntry> entries;
        auto opened = store::Database::open(db, {std::nullopt, true});
        if (!opened.database)
            return entries;
        QSqlQuery query(opened.database->connection());
        if (!query.exec(QStringLiteral("SELECT path, byte_offset, message FROM import_errors "
                                       "WHERE message LIKE 'error:%' ORDER BY byte_offset")))
            return entries;
        while (query.next())
            entries.append(
                {query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toString()});
        return entries;
    }

    // The message whose postmark..next postmark range holds `offset`, or -1.
    int messageAt(qint64 offset) const
    {
        for (int n = 0; n + 1 < m_starts.size(); ++n) {
            if (offset >= m_starts[n] && offset < m_starts[n + 1])
                return n;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Samples samples;
        QVERIFY(samples.ok());
        QList<QByteArray> messages;
        for (int n = 0; n < 7; ++n)
            messages.append(samples.message(n, "limits"));
        // 1: 30 more header fields (on top, unsigned, so DKIM still passes without limits).
        QByteArray extra;
        for (int n = 0; n < 30; ++n)
            extra += "X-Extra-" + QByteArray::number(n) + ": value\n";
        messages[1].prepend(extra);
        // 3: a body line of 2000 bytes; 5: 12,000 bytes of ordinary lines.
        messages[3] =
            samples.message(3, "limits", false, std::nullopt, std::nullopt, QByteArray(2000, 'x') + "\n");
        QByteArray lines;
        while (lines.size() < 12000)
            lines += "An ordinary line of text in a long but harmless message body.\n";
        messages[5] = samples.message(5, "limits", false, std::nullopt, std::nullopt, lines);

        const QByteArray box = Samples::mbox(messages);
        qint64 at = 0;
        for (const QByteArray& message : messages) {
            m_starts.append(at);
            at += Samples::postmark().size() + message.size() + 1;
        }
        m_starts.append(at);
        QCOMPARE(at, box.size());
        m_mbox = m_dir.filePath(QStringLiteral("limits.mbox"));
        m_records = m_dir.filePath(QStringLiteral("records.zone"));
        QVERIFY(Samples::write(m_mbox, box));
        QVERIFY(Samples::write(m_records, samples.records()));
    }

    void withoutLimitOptionsEverythingImports()
    {
        const QString db = m_dir.filePath(QStringLiteral("all.authlens"));
        const Run run = cli({QStringLiteral("import"), QStringLiteral("--db"), db,
                             QStringLiteral("--records"), m_records, QStringLiteral("--quiet"), m_mbox});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages")), qint64(7));
        QCOMPARE(errors(db).size(), 0);
    }

    void messagesOverALimitAreLoggedAndTheRestImport()
    {
        const QString db = m_dir.filePath(QStringLiteral("limited.authlens"));
        const Run run =
            cli({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--records"), m_records,
                 QStringLiteral("--quiet"), QStringLiteral("--limit"), QStringLiteral("header-fields=20"),
                 QStringLiteral("--limit"), QStringLiteral("line-length=1500"), QStringLiteral("--limit"),
                 QStringLiteral("message-size=10K"), m_mbox});
        QCOMPARE(run.exitCode, 1); // some messages could not be imported
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages")), qint64(4));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'pass'")),
                 qint64(4));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE message_id_header IN "
                                           "('<limits-1@example.com>', '<limits-3@example.com>', "
                                           "'<limits-5@example.com>')")),
                 qint64(0));
        QCOMPARE(scalar(db, QStringLiteral("SELECT SUM(messages_failed) FROM imports")), qint64(3));

        const QList<LogEntry> logged = errors(db);
        for (const LogEntry& e : logged)
            qInfo("%s @%lld: %s", qPrintable(e.path), e.offset, qPrintable(e.message));
        QCOMPARE(logged.size(), 3);
        for (const LogEntry& e : logged)
            QCOMPARE(e.path, m_mbox);
        QCOMPARE(messageAt(logged[0].offset), 1);
        QVERIFY(
            logged[0].message.contains(QLatin1String("header field 21 (line 21) is over the header-fields "
                                                     "limit of 20 fields")));
        QCOMPARE(messageAt(logged[1].offset), 3);
        QVERIFY(
            logged[1].message.contains(QLatin1String("is 2000 bytes long: over the line-length limit of 1500 "
                                                     "bytes")));
        QCOMPARE(logged[2].offset, m_starts[5]);
        QVERIFY(logged[2].message.contains(QLatin1String("over the limit of 10240 bytes (message-size)")));
    }

    void verifyReportsTheSameMessagesAndGoesOn()
    {
        const Run run = cli({QStringLiteral("verify"), QStringLiteral("--records"), m_records,
                             QStringLiteral("--limit"), QStringLiteral("header-fields=20"), m_mbox});
        QCOMPARE(run.exitCode, 2); // a message could not be verified
        QVERIFY2(
            run.err.contains("limits.mbox#2: header field 21 (line 21) is over the header-fields limit of "
                             "20 fields"),
            run.err.constData());
        QCOMPARE(run.out.count("dkim=pass"), 6);

        const Run bad = cli(
            {QStringLiteral("verify"), QStringLiteral("--limit"), QStringLiteral("spf-lookups=x"), m_mbox});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("spf-lookups: \"x\" is not a whole number"));
        // In an mbox, a message the reader skips for its size is an error too: not every message verified.
        const Run sized =
            cli({QStringLiteral("verify"), QStringLiteral("--records"), m_records, QStringLiteral("--json"),
                 QStringLiteral("--limit"), QStringLiteral("message-size=10K"), m_mbox});
        QCOMPARE(sized.exitCode, 2);
        QVERIFY2(sized.err.contains("over the limit of 10240 bytes (message-size)"), sized.err.constData());
        QVERIFY2(sized.out.contains("limits.mbox#6") && sized.out.contains("\"error\""),
                 sized.out.constData());
        // One JSON line per message, verified or not (m_starts ends with the file size).
        QCOMPARE(sized.out.count('\n'), qsizetype(m_starts.size() - 1));
        // A single .eml over message-size is refused before it is read.
        const QString eml = m_dir.filePath(QStringLiteral("big.eml"));
        QVERIFY(Samples::write(eml, QByteArray("Subject: big\n\n") + QByteArray(3000, 'x')));
        const Run big = cli({QStringLiteral("verify"), QStringLiteral("--records"), m_records,
                             QStringLiteral("--limit"), QStringLiteral("message-size=2K"), eml});
        QCOMPARE(big.exitCode, 2);
        QVERIFY2(big.err.contains(
                     "the file is 3014 bytes, over the message-size limit of 2048 bytes; not verified"),
                 big.err.constData());

        const Run help = cli({QStringLiteral("verify"), QStringLiteral("--limit"), QStringLiteral("help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("imap-literal      default 100M"));
    }
};

QTEST_GUILESS_MAIN(TestCliLimits)
#include "tst_cli_limits.moc"
