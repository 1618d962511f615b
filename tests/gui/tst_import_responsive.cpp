// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's import runs off the GUI thread: while it waits on a DNS server that never answers, or
// on an IMAP server that stalls in the middle of a message, the GUI thread's event loop keeps turning
// (a 10 ms timer never waits anywhere near the peer's timeout), and the import ends by itself with
// temperror verdicts or a clear error within the configured timeout.
#include "../integration/imap/FakeImapServer.h"
#include "../unit/pipeline/ImportSamples.h"

#include "Session.h"
#include "import/ImportController.h"
#include "sources/imap/ImapAccount.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

using namespace authlens;
using importsamples::Samples;

namespace {

// Far below any peer timeout used here (1.5 s), far above a busy 2-core machine's scheduling hiccups.
constexpr qint64 kMaxGapMs = 750;

// Measures how long the GUI thread's event loop ever went without running a 10 ms timer.
class EventLoopWatch
{
public:
    EventLoopWatch()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_maxGapMs = std::max(m_maxGapMs, m_sinceTick.restart());
            ++m_ticks;
        });
        m_sinceTick.start();
        m_timer.start();
    }
    qint64 maxGapMs() const { return std::max(m_maxGapMs, m_sinceTick.elapsed()); }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_maxGapMs = 0;
    int m_ticks = 0;
};

qint64 scalar(const QString& db, const QString& sql)
{
    auto opened = store::Database::open(db, {std::nullopt, true});
    if (!opened.database)
        return -1;
    QSqlQuery query(opened.database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

class TestImportResponsive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Samples m_samples;

    // Runs an import through the desktop's controller until it finishes on its own.
    pipeline::ImportSummary runImport(desktop::Session& session, const QStringList& sources,
                                      const pipeline::ImportOptions& options, qint64& maxGapMs,
                                      qint64& elapsedMs)
    {
        desktop::ImportController controller(&session);
        bool finished = false;
        connect(&controller, &desktop::ImportController::finished, this, [&] { finished = true; });
        EventLoopWatch watch;
        QElapsedTimer clock;
        clock.start();
        if (!controller.start(sources, options))
            return {};
        if (!QTest::qWaitFor([&] { return finished; }, 60000)) {
            controller.cancel();
            controller.wait();
        }
        elapsedMs = clock.elapsed();
        maxGapMs = watch.maxGapMs();
        qInfo("import took %lld ms; the GUI thread's longest wait %lld ms over %d ticks", elapsedMs, maxGapMs,
              watch.ticks());
        return controller.lastSummary();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_samples.ok());
    }

    void dnsThatNeverAnswers()
    {
        // A bound UDP socket nobody reads: queries vanish without an ICMP error, as with a dead server.
        QUdpSocket blackHole;
        QVERIFY(blackHole.bind(QHostAddress::LocalHost, 0));
        desktop::Session session;
        const QString db = m_dir.filePath(QStringLiteral("dns.authlens"));
        QVERIFY(session.openDatabase(db));
        dns::ResolverRequest request;
        request.dnsServer = QStringLiteral("127.0.0.1:%1").arg(blackHole.localPort());
        request.timeoutMs = 1500;
        QVERIFY2(session.setResolver(request), qPrintable(session.lastError()));

        const QString mbox = m_dir.filePath(QStringLiteral("three.mbox"));
        QVERIFY(Samples::write(mbox, Samples::mbox({m_samples.message(1, "dns"), m_samples.message(2, "dns"),
                                                    m_samples.message(3, "dns")})));
        pipeline::ImportOptions options;
        options.jobs = 2;
        qint64 maxGap = 0;
        qint64 elapsed = 0;
        const pipeline::ImportSummary summary = runImport(session, {mbox}, options, maxGap, elapsed);
        QCOMPARE(summary.stored, 3);
        QVERIFY2(elapsed >= 1400, "the import did not wait on the DNS server: the test proves nothing");
        QVERIFY2(maxGap < kMaxGapMs, qPrintable(QString::number(maxGap)));
        // Every verdict that needed DNS is temperror, none a failure.
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'temperror'")),
                 3);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE spf_result = 'temperror'")),
                 3);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'fail' OR "
                                           "spf_result = 'fail' OR dmarc_result = 'fail'")),
                 0);
    }

    void imapThatStallsMidMessage()
    {
        // A fresh self-signed certificate, pinned for the import.
        FakeImapServer server;
        const FakeImapServer::TlsSetup tls = server.useFreshTls(m_dir.path());
        if (tls.opensslMissing)
            QSKIP("openssl is not installed");
        QVERIFY2(tls.error.isEmpty(), qPrintable(tls.error));
        server.behaviour = FakeImapServer::Behaviour::StallMidLiteral;
        server.breakUid = 2;
        for (quint32 uid = 1; uid <= 3; ++uid) {
            QByteArray crlf = m_samples.message(int(uid), "imap");
            crlf.replace("\n", "\r\n");
            server.messages.insert(uid, crlf);
        }
        QVERIFY(server.listen(QHostAddress::LocalHost));

        desktop::Session session;
        const QString db = m_dir.filePath(QStringLiteral("imap.authlens"));
        QVERIFY(session.openDatabase(db));
        const QString records = m_dir.filePath(QStringLiteral("records.zone"));
        QVERIFY(Samples::write(records, m_samples.records()));
        dns::ResolverRequest request;
        request.recordsFile = records;
        QVERIFY2(session.setResolver(request), qPrintable(session.lastError()));

        pipeline::ImportOptions options;
        options.imapSecret = "s3cret";
        options.imapPinnedSha256 = sources::imap::ImapAccount::fingerprintOf(server.certificate());
        options.imapCommandTimeoutMs = 1500;
        options.imapConnectTimeoutMs = 1500;
        qint64 maxGap = 0;
        qint64 elapsed = 0;
        const pipeline::ImportSummary summary = runImport(
            session, {QStringLiteral("imaps://analyst@127.0.0.1:%1/INBOX").arg(server.serverPort())}, options,
            maxGap, elapsed);
        QCOMPARE(summary.sources.size(), 1);
        const QString error = summary.sources.first().error;
        QVERIFY2(error.contains(
                     QStringLiteral("No answer from 127.0.0.1:%1 within 1.5 s").arg(server.serverPort())),
                 qPrintable(error));
        QVERIFY2(elapsed >= 1400 && elapsed < 1500 + 5000, qPrintable(QString::number(elapsed)));
        QVERIFY2(maxGap < kMaxGapMs, qPrintable(QString::number(maxGap)));
        // The message that arrived whole is stored, with its verdict; the next import goes on from UID 2.
        QCOMPARE(summary.stored, 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE imap_uid = 1 AND "
                                           "dkim_result = 'pass'")),
                 1);

        server.behaviour = FakeImapServer::Behaviour::Normal;
        server.commandsSeen.clear();
        const pipeline::ImportSummary again = runImport(
            session, {QStringLiteral("imaps://analyst@127.0.0.1:%1/INBOX").arg(server.serverPort())}, options,
            maxGap, elapsed);
        QVERIFY2(again.sources.value(0).error.isEmpty(), qPrintable(again.sources.value(0).error));
        QCOMPARE(again.stored, 2);
        QVERIFY2(server.commandsSeen.contains("UID SEARCH UID 2:*"),
                 server.commandsSeen.join(" | ").constData());
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'pass'")), 3);
    }
};

QTEST_MAIN(TestImportResponsive)
#include "tst_import_responsive.moc"
