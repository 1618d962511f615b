// SPDX-License-Identifier: GPL-3.0-or-later
// ImapClient and ImapSync against a scripted fake server on loopback (cleartext, explicitly allowed),
// for what a real Dovecot does not do on demand: XOAUTH2, garbage, silence, injection, odd ordering.
#include "sources/imap/ImapClient.h"
#include "sources/imap/ImapSync.h"
#include "sources/imap/MailboxName.h"

#include <QEventLoop>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

using namespace authlens::sources::imap;

namespace {

// Answers each command line (with any {n} literal folded in) through a handler; the handler returns
// the bytes to send back. An empty handler result sends nothing.
class FakeServer : public QObject
{
public:
    using Handler = std::function<QByteArray(const QByteArray& tag, const QByteArray& command)>;

    FakeServer(QByteArray greeting, Handler handler)
        : m_greeting(std::move(greeting))
        , m_handler(std::move(handler))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_socket = m_server.nextPendingConnection();
            m_socket->write(m_greeting);
            connect(m_socket, &QTcpSocket::readyRead, this, &FakeServer::onData);
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> received; // raw lines as received
    QTcpSocket* socket() const { return m_socket; }

private:
    void onData()
    {
        m_buffer += m_socket->readAll();
        qsizetype nl;
        while ((nl = m_buffer.indexOf("\r\n")) >= 0) {
            const QByteArray line = m_buffer.left(nl);
            m_buffer.remove(0, nl + 2);
            received << line;
            m_pending += line;
            if (line.endsWith('}')) {
                m_pending += "\r\n";
                m_socket->write("+ go on\r\n");
                continue;
            }
            const QByteArray command = m_pending;
            m_pending.clear();
            const qsizetype space = command.indexOf(' ');
            const QByteArray tag = space < 0 ? command : command.left(space);
            const QByteArray rest = space < 0 ? QByteArray() : command.mid(space + 1);
            const QByteArray reply = m_handler(tag, rest);
            if (reply == "<close>") {
                m_socket->disconnectFromHost();
                return;
            }
            if (!reply.isEmpty())
                m_socket->write(reply);
        }
    }

    QTcpServer m_server;
    QPointer<QTcpSocket> m_socket;
    QByteArray m_greeting;
    Handler m_handler;
    QByteArray m_buffer;
    QByteArray m_pending;
};

ImapAccount fakeAccount(quint16 port)
{
    ImapAccount a;
    a.host = QStringLiteral("127.0.0.1");
    a.port = port;
    a.security = ImapAccount::Security::Cleartext;
    a.allowCleartextAuth = true; // only for this fake server on loopback
    a.user = QStringLiteral("analyst");
    a.connectTimeoutMs = 3000;
    a.commandTimeoutMs = 3000;
    return a;
}

template <typename Start> ImapResult await(Start start)
{
    QEventLoop loop;
    ImapResult result;
    bool done = false;
    start([&](const ImapResult& r) {
        result = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

ImapResult openAndAuthenticate(ImapClient& client, const QByteArray& secret)
{
    ImapResult r = await([&](auto done) { client.open(done); });
    if (!r.ok())
        return r;
    return await([&](auto done) { client.authenticate(secret, done); });
}

} // namespace

class TestImapClient : public QObject
{
    Q_OBJECT

private slots:
    void formatsCommandArguments()
    {
        QCOMPARE(ImapClient::uidSet({1, 2, 3, 5, 7, 8, 4294967295u}), QByteArray("1:3,5,7:8,4294967295"));
        QCOMPARE(ImapClient::uidSet({}), QByteArray());
        QCOMPARE(*ImapClient::quoted("a \"b\" \\c"), QByteArray("\"a \\\"b\\\" \\\\c\""));
        QVERIFY(!ImapClient::quoted("line\r\nbreak"));
        QVERIFY(!ImapClient::quoted("p\xc3\xa4ss"));
        QCOMPARE(ImapClient::searchDate(QDate(1994, 2, 1)), QByteArray("1-Feb-1994"));
        QCOMPARE(ImapClient::searchDate(QDate(2026, 12, 31)), QByteArray("31-Dec-2026"));
    }

    void encodesMailboxNames()
    {
        // RFC 3501 5.1.3 examples
        QCOMPARE(MailboxName::encode(QStringLiteral("~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e")),
                 QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-"));
        QCOMPARE(MailboxName::encode(QStringLiteral("Tom & Jerry")), QByteArray("Tom &- Jerry"));
        QCOMPARE(*MailboxName::decode("~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
                 QStringLiteral("~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e"));
        QCOMPARE(*MailboxName::decode("Entw&APw-rfe"), QStringLiteral("Entw\u00fcrfe"));
        QVERIFY(!MailboxName::decode("&U,BTFw"));     // unterminated
        QVERIFY(!MailboxName::decode("&U,BT-"));      // odd number of bytes
        QVERIFY(!MailboxName::decode("caf\xc3\xa9")); // raw 8-bit is not modified UTF-7
    }

    void normalizesFingerprints()
    {
        QCOMPARE(ImapAccount::normalizedFingerprint("AB:cd:01 ef"), QByteArray("abcd01ef"));
        ImapAccount a;
        a.user = QStringLiteral("u");
        a.host = QStringLiteral("IMAP.Example.org");
        QCOMPARE(a.key(), QStringLiteral("u@imap.example.org:993"));
    }

    void xoauth2WithInitialResponse()
    {
        QByteArray sent;
        FakeServer server("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] fake\r\n",
                          [&](const QByteArray& tag, const QByteArray& command) -> QByteArray {
                              if (command.startsWith("AUTHENTICATE XOAUTH2 ")) {
                                  sent = QByteArray::fromBase64(command.mid(21));
                                  return tag + " OK [CAPABILITY IMAP4rev1 IDLE] welcome\r\n";
                              }
                              return tag + " BAD unexpected\r\n";
                          });
        ImapAccount a = fakeAccount(server.port());
        a.authMethod = ImapAccount::AuthMethod::XOAuth2;
        ImapClient client(a);
        const ImapResult r = openAndAuthenticate(client, "ya29.token");
        QVERIFY2(r.ok(), qPrintable(r.reason));
        QCOMPARE(sent, QByteArray("user=analyst\x01"
                                  "auth=Bearer ya29.token\x01\x01"));
        QVERIFY(client.hasCapability("IDLE")); // capabilities from the tagged OK
    }

    void xoauth2FailureReportsTheServerChallenge()
    {
        // Without SASL-IR: command, "+", our response, an error challenge, our empty line, NO.
        bool challenged = false;
        FakeServer server(
            "* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2] fake\r\n",
            [&](const QByteArray& tag, const QByteArray& command) -> QByteArray {
                if (command == "AUTHENTICATE XOAUTH2")
                    return "+ \r\n";
                if (!challenged) {
                    challenged = true;
                    return "+ " + QByteArray(R"({"status":"401","schemes":"bearer"})").toBase64() + "\r\n";
                }
                Q_UNUSED(tag);
                return "A0001 NO [AUTHENTICATIONFAILED] Invalid credentials\r\n";
            });
        ImapAccount a = fakeAccount(server.port());
        a.authMethod = ImapAccount::AuthMethod::XOAuth2;
        ImapClient client(a);
        const ImapResult r = openAndAuthenticate(client, "expired-token");
        QCOMPARE(r.status, ImapResult::Status::AuthenticationFailed);
        QVERIFY2(r.reason.contains(QStringLiteral("\"status\":\"401\"")), qPrintable(r.reason));
        QVERIFY(!r.reason.contains(QStringLiteral("expired-token")));
        QCOMPARE(server.received.size(), 3);
        QCOMPARE(server.received[2], QByteArray()); // the empty line answering the challenge
    }

    void plainWithoutInitialResponse()
    {
        QByteArray payload;
        FakeServer server("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake\r\n",
                          [&](const QByteArray& tag, const QByteArray& command) -> QByteArray {
                              if (command == "AUTHENTICATE PLAIN")
                                  return "+ \r\n";
                              payload = QByteArray::fromBase64(tag); // the response line has no tag
                              return "A0001 OK [CAPABILITY IMAP4rev1] in\r\n";
                          });
        ImapClient client(fakeAccount(server.port()));
        const ImapResult r = openAndAuthenticate(client, "p4ss");
        QVERIFY2(r.ok(), qPrintable(r.reason));
        QCOMPARE(payload, QByteArray("\0analyst\0p4ss", 13)); // RFC 4616
    }

    void loginSendsUnquotableSecretsAsLiterals()
    {
        FakeServer server("* OK [CAPABILITY IMAP4rev1] fake\r\n",
                          [&](const QByteArray& tag, const QByteArray& command) -> QByteArray {
                              if (command == "LOGIN \"analyst\" {7}\r\np\xc3\xa4ss\xe2\x82")
                                  return tag + " OK [CAPABILITY IMAP4rev1] in\r\n";
                              return tag + " NO [AUTHENTICATIONFAILED] got " + command.toHex() + "\r\n";
                          });
        ImapClient client(fakeAccount(server.port()));
        const ImapResult r = openAndAuthenticate(client, "p\xc3\xa4ss\xe2\x82");
        QVERIFY2(r.ok(), qPrintable(r.reason));
    }

    void refusesCleartextUnlessAllowed()
    {
        FakeServer server("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake\r\n",
                          [](const QByteArray& tag, const QByteArray&) { return tag + " OK\r\n"; });
        ImapAccount a = fakeAccount(server.port());
        a.allowCleartextAuth = false;
        ImapClient client(a);
        const ImapResult r = openAndAuthenticate(client, "secret");
        QCOMPARE(r.status, ImapResult::Status::CleartextRefused);
        QCOMPARE(server.received.size(), 0); // nothing at all was sent
    }

    void garbageIsAProtocolErrorWithPosition()
    {
        FakeServer server("* OK fake\r\n", [](const QByteArray&, const QByteArray&) -> QByteArray {
            return QByteArray("* CAPABILITY IMAP4rev1\r\n\x16\x03\x01\x02garbage\r\n", 37);
        });
        ImapClient client(fakeAccount(server.port()));
        const ImapResult r = await([&](auto done) { client.open(done); });
        QCOMPARE(r.status, ImapResult::Status::ProtocolError);
        QVERIFY2(r.reason.contains(QStringLiteral("at byte 35")), qPrintable(r.reason));
        QVERIFY(r.reason.contains(QStringLiteral("\\x16")));
    }

    void silenceIsATimeout()
    {
        FakeServer server("* OK fake\r\n", [](const QByteArray&, const QByteArray&) { return QByteArray(); });
        ImapAccount a = fakeAccount(server.port());
        a.connectTimeoutMs = 300;
        ImapClient client(a);
        const ImapResult r = await([&](auto done) { client.open(done); });
        QCOMPARE(r.status, ImapResult::Status::Timeout);
        QVERIFY(r.reason.contains(QStringLiteral("No answer")));
    }

    void refusesDataInjectedBeforeStartTls()
    {
        FakeServer server("* OK [CAPABILITY IMAP4rev1 STARTTLS] fake\r\n",
                          [](const QByteArray& tag, const QByteArray& command) -> QByteArray {
                              if (command == "STARTTLS")
                                  return tag +
                                         " OK go\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n";
                              return tag + " BAD\r\n";
                          });
        ImapAccount a = fakeAccount(server.port());
        a.security = ImapAccount::Security::StartTls;
        ImapClient client(a);
        const ImapResult r = await([&](auto done) { client.open(done); });
        QCOMPARE(r.status, ImapResult::Status::ProtocolError);
        QVERIFY2(r.reason.contains(QStringLiteral("injection")), qPrintable(r.reason));
    }

    void startTlsMissingIsAClearError()
    {
        FakeServer server("* OK [CAPABILITY IMAP4rev1] fake\r\n",
                          [](const QByteArray& tag, const QByteArray&) { return tag + " OK\r\n"; });
        ImapAccount a = fakeAccount(server.port());
        a.security = ImapAccount::Security::StartTls;
        ImapClient client(a);
        const ImapResult r = await([&](auto done) { client.open(done); });
        QCOMPARE(r.status, ImapResult::Status::StartTlsUnavailable);
    }

    void byeDuringACommandIsReported()
    {
        FakeServer server("* OK [CAPABILITY IMAP4rev1] fake\r\n",
                          [](const QByteArray&, const QByteArray&) -> QByteArray {
                              return "* BYE [UNAVAILABLE] Server shutting down.\r\n";
                          });
        ImapClient client(fakeAccount(server.port()));
        QVERIFY(await([&](auto done) { client.open(done); }).ok());
        ImapResult r = await([&](auto done) {
            client.list([done](const ImapResult& lr, const QList<MailboxInfo>&) { done(lr); });
            QTimer::singleShot(100, server.socket(), [&] {
                if (QTcpSocket* socket = server.socket())
                    socket->disconnectFromHost();
            });
        });
        QCOMPARE(r.status, ImapResult::Status::ServerBye);
        QVERIFY2(r.reason.contains(QStringLiteral("Server shutting down")), qPrintable(r.reason));
    }

    void syncDeliversInUidOrderWhateverTheServerOrder()
    {
        // FETCH responses arrive 3, 1, 2 (RFC 3501 does not promise order); delivery is 1, 2, 3 and the
        // state always covers exactly what was delivered. UID 4 vanished between SEARCH and FETCH.
        FakeServer server(
            "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] fake\r\n",
            [](const QByteArray& tag, const QByteArray& command) -> QByteArray {
                if (command.startsWith("AUTHENTICATE"))
                    return tag + " OK [CAPABILITY IMAP4rev1] in\r\n";
                if (command.startsWith("EXAMINE"))
                    return "* 4 EXISTS\r\n* OK [UIDVALIDITY 77] ok\r\n" + tag + " OK [READ-ONLY] done\r\n";
                if (command == "UID SEARCH UID 1:* SINCE 1-Jan-2026" ||
                    command == "UID SEARCH SINCE 1-Jan-2026")
                    return "* SEARCH 2 1 3 4\r\n" + tag + " OK\r\n";
                if (command == "UID FETCH 1:4 (UID RFC822.SIZE)")
                    return "* 1 FETCH (UID 1 RFC822.SIZE 1)\r\n* 2 FETCH (UID 2 RFC822.SIZE 2)\r\n"
                           "* 3 FETCH (UID 3 RFC822.SIZE 3)\r\n" +
                           tag + " OK\r\n";
                if (command.startsWith("UID FETCH 1:4 (UID BODY.PEEK[] INTERNALDATE RFC822.SIZE)"))
                    return "* 3 FETCH (UID 3 BODY[] {3}\r\nccc)\r\n"
                           "* 1 FETCH (UID 1 BODY[] {1}\r\na)\r\n"
                           "* 1 FETCH (FLAGS (\\Seen))\r\n"
                           "* 2 FETCH (UID 2 BODY[] {2}\r\nbb INTERNALDATE \"01-Jan-2026 00:00:00 "
                           "+0000\")\r\n" +
                           tag + " OK\r\n";
                if (command == "LOGOUT")
                    return "* BYE\r\n" + tag + " OK\r\n";
                return tag + " BAD " + command + "\r\n";
            });
        SyncOptions options;
        options.since = QDate(2026, 1, 1);
        QList<quint32> order;
        QList<SyncState> states;
        const SyncReport report = ImapSync::runBlocking(fakeAccount(server.port()), "pw", {}, options,
                                                        [&](const FetchedMessage& m, const SyncState& s) {
                                                            order << m.uid;
                                                            states << s;
                                                            QCOMPARE(m.bytes.size(), qsizetype(m.uid));
                                                        });
        QVERIFY2(report.result.ok(), qPrintable(report.result.reason));
        QCOMPARE(order, (QList<quint32>{1, 2, 3}));
        QCOMPARE(states.last().highestUid, 3u);
        QCOMPARE(report.state.uidValidity, 77u);
        QCOMPARE(report.state.highestUid, 4u); // the vanished UID 4 will not be asked for again
        QVERIFY(report.notes.join(' ').contains(QStringLiteral("deleted on the server")));
        QCOMPARE(report.found, 4);
        QCOMPARE(report.delivered, 3);
    }

    void oversizedMessagesAreSkippedNotFatal()
    {
        // UID 2 is announced as 5 GB: it is never fetched, the others are, and the state moves past
        // it so the next sync does not trip over it again.
        QList<QByteArray> commands;
        FakeServer server(
            "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] fake\r\n",
            [&](const QByteArray& tag, const QByteArray& command) -> QByteArray {
                commands << command;
                if (command.startsWith("AUTHENTICATE"))
                    return tag + " OK [CAPABILITY IMAP4rev1] in\r\n";
                if (command.startsWith("EXAMINE"))
                    return "* 3 EXISTS\r\n* OK [UIDVALIDITY 5] ok\r\n" + tag + " OK [READ-ONLY] done\r\n";
                if (command == "UID SEARCH ALL")
                    return "* SEARCH 1 2 3\r\n" + tag + " OK\r\n";
                if (command == "UID FETCH 1:3 (UID RFC822.SIZE)")
                    return "* 1 FETCH (UID 1 RFC822.SIZE 1)\r\n* 2 FETCH (UID 2 RFC822.SIZE 5000000000)\r\n"
                           "* 3 FETCH (UID 3 RFC822.SIZE 1)\r\n" +
                           tag + " OK\r\n";
                if (command.startsWith("UID FETCH 1,3 (UID BODY.PEEK[]"))
                    return "* 1 FETCH (UID 1 BODY[] {1}\r\na)\r\n* 3 FETCH (UID 3 BODY[] {1}\r\nc)\r\n" +
                           tag + " OK\r\n";
                if (command == "LOGOUT")
                    return "* BYE\r\n" + tag + " OK\r\n";
                return tag + " BAD " + command + "\r\n";
            });
        QList<quint32> order;
        const SyncReport report =
            ImapSync::runBlocking(fakeAccount(server.port()), "pw", {}, {},
                                  [&](const FetchedMessage& m, const SyncState&) { order << m.uid; });
        QVERIFY2(report.result.ok(), qPrintable(report.result.reason + " " + commands.join(" | ")));
        QCOMPARE(order, (QList<quint32>{1, 3}));
        QCOMPARE(report.skipped.size(), 1);
        QCOMPARE(report.skipped.first().uid, 2u);
        QVERIFY(report.skipped.first().reason.contains(QStringLiteral("over the limit")));
        QCOMPARE(report.state.highestUid, 3u);
    }

    void parserLimitIsTheBackstopForALyingServer()
    {
        // The server says 1 byte, then sends a literal over the limit: a clear protocol error.
        FakeServer server("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] fake\r\n",
                          [&](const QByteArray& tag, const QByteArray& command) -> QByteArray {
                              if (command.startsWith("AUTHENTICATE"))
                                  return tag + " OK [CAPABILITY IMAP4rev1] in\r\n";
                              if (command.startsWith("EXAMINE"))
                                  return "* 1 EXISTS\r\n* OK [UIDVALIDITY 5] ok\r\n" + tag +
                                         " OK [READ-ONLY] done\r\n";
                              if (command == "UID SEARCH ALL")
                                  return "* SEARCH 1\r\n" + tag + " OK\r\n";
                              if (command == "UID FETCH 1 (UID RFC822.SIZE)")
                                  return "* 1 FETCH (UID 1 RFC822.SIZE 1)\r\n" + tag + " OK\r\n";
                              return "* 1 FETCH (UID 1 BODY[] {999999999}\r\n";
                          });
        SyncOptions options;
        options.maxMessageSize = 1000;
        const SyncReport report = ImapSync::runBlocking(fakeAccount(server.port()), "pw", {}, options, {});
        QCOMPARE(report.result.status, ImapResult::Status::ProtocolError);
        QVERIFY2(report.result.reason.contains(QStringLiteral("larger than the limit")),
                 qPrintable(report.result.reason));
        QCOMPARE(report.state.highestUid, 0u); // not passed: the next sync tries again
    }
};

QTEST_GUILESS_MAIN(TestImapClient)
#include "tst_imap_client.moc"
