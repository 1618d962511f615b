// SPDX-License-Identifier: GPL-3.0-or-later
// An IMAP server that misbehaves (tests/integration/imap/FakeImapServer.h, on loopback): it never
// greets, stalls after login, stalls in the middle of a message literal, or closes the connection
// there. ImapSync must end with a clear error within its configured timeout (plus slack), keep the
// state of what it did deliver, and the next sync must fetch exactly the messages still missing.
#include "imap/FakeImapServer.h"

#include "sources/imap/ImapSync.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace authlens::sources::imap;

namespace {

constexpr int kConnectTimeoutMs = 1000;
constexpr int kCommandTimeoutMs = 1000;
constexpr int kSlackMs = 2500; // a loaded 2-core machine; never the default 20 s / 60 s

QByteArray message(int n)
{
    return "From: Ann <ann@example.com>\r\nTo: bob@example.org\r\nSubject: number " + QByteArray::number(n) +
           "\r\nMessage-ID: <fake-" + QByteArray::number(n) + "@example.com>\r\n\r\n" +
           QByteArray(2000 + n, 'x') + "\r\n";
}

struct SyncRun
{
    SyncReport report;
    QList<quint32> deliveredUids;
    qint64 elapsedMs = 0;
};

} // namespace

class TestBrokenImapPeers : public QObject
{
    Q_OBJECT

    ImapAccount account(quint16 port) const
    {
        ImapAccount a;
        a.host = QStringLiteral("127.0.0.1");
        a.port = port;
        a.security = ImapAccount::Security::Cleartext;
        a.allowCleartextAuth = true; // loopback test peer without TLS
        a.user = QStringLiteral("analyst");
        a.connectTimeoutMs = kConnectTimeoutMs;
        a.commandTimeoutMs = kCommandTimeoutMs;
        return a;
    }

    // Runs one sync against the fake server (same thread: the fake is event driven too).
    std::optional<SyncRun> sync(quint16 port, const SyncState& state)
    {
        SyncRun run;
        bool finished = false;
        ImapSync sync(account(port));
        QElapsedTimer clock;
        clock.start();
        sync.start(
            "s3cret", state, SyncOptions{},
            [&](const FetchedMessage& m, const SyncState&) { run.deliveredUids.append(m.uid); },
            [&](const SyncReport& r) {
                run.report = r;
                run.elapsedMs = clock.elapsed();
                finished = true;
            });
        // Far beyond the configured timeouts, so a hang shows as a failure, not a test timeout.
        if (!QTest::qWaitFor([&] { return finished; }, 30000))
            return std::nullopt;
        return run;
    }

    static void fill(FakeImapServer& server)
    {
        for (quint32 uid = 1; uid <= 3; ++uid)
            server.messages.insert(uid, message(int(uid)));
    }

private slots:
    void normalServerSyncsEverything()
    {
        FakeImapServer server;
        fill(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const auto run = sync(server.serverPort(), {});
        QVERIFY(run);
        QVERIFY2(run->report.result.ok(), qPrintable(run->report.result.reason));
        QCOMPARE(run->deliveredUids, (QList<quint32>{1, 2, 3}));
        QCOMPARE(run->report.state, (SyncState{42, 3}));
    }

    void neverGreetsTimesOut()
    {
        FakeImapServer server;
        server.behaviour = FakeImapServer::Behaviour::NeverGreets;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const auto run = sync(server.serverPort(), {});
        QVERIFY(run);
        qInfo("%lld ms: %s", run->elapsedMs, qPrintable(run->report.result.reason));
        QCOMPARE(run->report.result.status, ImapResult::Status::Timeout);
        QVERIFY2(run->report.result.reason.contains(
                     QStringLiteral("No answer from 127.0.0.1:%1 within 1 s").arg(server.serverPort())),
                 qPrintable(run->report.result.reason));
        QVERIFY(run->elapsedMs >= kConnectTimeoutMs * 9 / 10); // coarse timers may fire 5% early
        QVERIFY2(run->elapsedMs < kConnectTimeoutMs + kSlackMs, qPrintable(QString::number(run->elapsedMs)));
        QCOMPARE(server.connections.load(), 1);
    }

    void stallAfterLoginTimesOut()
    {
        FakeImapServer server;
        server.behaviour = FakeImapServer::Behaviour::StallAfterLogin;
        fill(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const auto run = sync(server.serverPort(), {});
        QVERIFY(run);
        qInfo("%lld ms: %s", run->elapsedMs, qPrintable(run->report.result.reason));
        QCOMPARE(run->report.result.status, ImapResult::Status::Timeout);
        QVERIFY2(run->elapsedMs < kCommandTimeoutMs + kSlackMs, qPrintable(QString::number(run->elapsedMs)));
        QVERIFY(run->deliveredUids.isEmpty());
        QCOMPARE(run->report.state, SyncState{});
    }

    // The server sends the first message whole, then half of the second's literal, then nothing: the
    // sync times out with the first message delivered and its state kept; the next sync (server
    // fixed) asks only for UID 2 onwards.
    void stallMidLiteralTimesOutAndTheNextSyncResumes_data()
    {
        QTest::addColumn<FakeImapServer::Behaviour>("behaviour");
        QTest::newRow("stalls mid-literal") << FakeImapServer::Behaviour::StallMidLiteral;
        QTest::newRow("closes mid-literal") << FakeImapServer::Behaviour::CloseMidLiteral;
        // A byte every 100 ms keeps the line busy but is no progress: the command timeout still applies.
        QTest::newRow("trickles mid-literal") << FakeImapServer::Behaviour::TrickleMidLiteral;
    }
    void stallMidLiteralTimesOutAndTheNextSyncResumes()
    {
        QFETCH(FakeImapServer::Behaviour, behaviour);
        FakeImapServer server;
        server.behaviour = behaviour;
        server.breakUid = 2;
        fill(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));

        const auto broken = sync(server.serverPort(), {});
        QVERIFY(broken);
        const ImapResult& result = broken->report.result;
        qInfo("%lld ms: %s", broken->elapsedMs, qPrintable(result.reason));
        if (behaviour == FakeImapServer::Behaviour::StallMidLiteral) {
            QCOMPARE(result.status, ImapResult::Status::Timeout);
            QVERIFY2(result.reason.contains(QStringLiteral("within 1 s")), qPrintable(result.reason));
            QVERIFY(broken->elapsedMs >= kCommandTimeoutMs * 9 / 10);
        } else if (behaviour == FakeImapServer::Behaviour::TrickleMidLiteral) {
            QCOMPARE(result.status, ImapResult::Status::Timeout);
            QVERIFY2(result.reason.contains(QStringLiteral("too slow to go on")), qPrintable(result.reason));
            QVERIFY(broken->elapsedMs >= kCommandTimeoutMs * 9 / 10);
        } else {
            QCOMPARE(result.status, ImapResult::Status::ConnectionLost);
            QVERIFY2(result.reason.contains(QStringLiteral("dropped the connection")),
                     qPrintable(result.reason));
        }
        QVERIFY2(broken->elapsedMs < kCommandTimeoutMs + kSlackMs,
                 qPrintable(QString::number(broken->elapsedMs)));
        QCOMPARE(broken->deliveredUids, QList<quint32>{1});
        QCOMPARE(broken->report.state, (SyncState{42, 1}));

        server.behaviour = FakeImapServer::Behaviour::Normal;
        server.commandsSeen.clear();
        const auto resumed = sync(server.serverPort(), broken->report.state);
        QVERIFY(resumed);
        QVERIFY2(resumed->report.result.ok(), qPrintable(resumed->report.result.reason));
        QCOMPARE(resumed->deliveredUids, (QList<quint32>{2, 3}));
        QCOMPARE(resumed->report.state, (SyncState{42, 3}));
        QVERIFY2(server.commandsSeen.contains("UID SEARCH UID 2:*"),
                 server.commandsSeen.join(" | ").constData());
    }

#ifdef AUTHLENS_CLI
    // The command line: --imap-timeout bounds the wait on a server that stalls mid-message over
    // implicit TLS (pinned certificate); the whole message before it is stored.
    void cliImportGivesUpAfterImapTimeout()
    {
        QTemporaryDir dir;
        FakeImapServer server;
        const FakeImapServer::TlsSetup tls = server.useFreshTls(dir.path());
        if (tls.opensslMissing)
            QSKIP("openssl is not installed");
        QVERIFY2(tls.error.isEmpty(), qPrintable(tls.error));
        server.behaviour = FakeImapServer::Behaviour::StallMidLiteral;
        server.breakUid = 2;
        fill(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QByteArray pin = ImapAccount::fingerprintOf(server.certificate());
        QFile records(dir.filePath(QStringLiteral("records.zone")));
        QVERIFY(records.open(QIODevice::WriteOnly));
        records.write("example.com. 300 IN TXT \"v=spf1 -all\"\n");
        records.close();

        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer clock;
        clock.start();
        cli.start(QStringLiteral(AUTHLENS_CLI),
                  {QStringLiteral("import"), QStringLiteral("--db"),
                   dir.filePath(QStringLiteral("db.authlens")), QStringLiteral("--records"),
                   records.fileName(), QStringLiteral("--imap-timeout"), QStringLiteral("1.5"),
                   QStringLiteral("--password-stdin"), QStringLiteral("--pin-sha256"),
                   QString::fromLatin1(pin), QStringLiteral("--quiet"),
                   QStringLiteral("imaps://analyst@127.0.0.1:%1/INBOX").arg(server.serverPort())});
        QVERIFY(cli.waitForStarted(30000));
        cli.write("s3cret\n");
        cli.closeWriteChannel();
        // The fake server runs on this thread: keep the event loop turning while the CLI works.
        QVERIFY(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 60000));
        const qint64 elapsed = clock.elapsed();
        const QByteArray output = cli.readAll();
        qInfo("%lld ms: %s", elapsed, output.constData());
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(output.contains(QStringLiteral("No answer from 127.0.0.1:%1 within 1.5 s")
                                     .arg(server.serverPort())
                                     .toLatin1()),
                 output.constData());
        QVERIFY2(output.contains("1 stored"), output.constData());
        // The error names its source once ("import: SOURCE: what happened").
        const QByteArray url =
            QStringLiteral("imaps://analyst@127.0.0.1:%1/INBOX").arg(server.serverPort()).toLatin1();
        QVERIFY2(output.contains("import: " + url + ": No answer from"), output.constData());
        QCOMPARE(output.count(url), qsizetype(1));
        QVERIFY2(elapsed < 1500 + 8000, qPrintable(QString::number(elapsed)));
    }
#endif

    // A wrong secret is refused with the server's words and never appears in the reason.
    void refusedLoginIsClearAndKeepsTheSecretOut()
    {
        FakeImapServer server;
        server.expectedSecret = "something else";
        fill(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const auto run = sync(server.serverPort(), {});
        QVERIFY(run);
        QCOMPARE(run->report.result.status, ImapResult::Status::AuthenticationFailed);
        QVERIFY(!run->report.result.reason.contains(QStringLiteral("s3cret")));
        const QByteArray plain = QByteArray("\0analyst\0s3cret", 15).toBase64(); // RFC 4616 message
        QVERIFY(!run->report.result.reason.contains(QString::fromLatin1(plain)));
        QVERIFY(server.commandsSeen.contains("AUTHENTICATE PLAIN " + plain)); // it was really sent
    }
};

QTEST_GUILESS_MAIN(TestBrokenImapPeers)
#include "tst_broken_imap_peers.moc"
