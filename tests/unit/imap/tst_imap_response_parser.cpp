// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/ResponseParser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace authlens::sources::imap;

namespace {

std::vector<Response> feedAll(ResponseParser& parser, QByteArrayView bytes)
{
    std::vector<Response> out;
    parser.feed(bytes);
    while (parser.hasResponse())
        out.push_back(parser.takeResponse());
    return out;
}

// A compact, comparable rendering of a response, to check that chunking never changes the result.
QByteArray render(const Value& v)
{
    switch (v.kind) {
    case Value::Kind::Atom:
        return "A:" + v.text;
    case Value::Kind::String:
        return (v.fromLiteral ? "L:" : "S:") + v.text.toHex();
    case Value::Kind::Nil:
        return "NIL";
    case Value::Kind::List: {
        QByteArray out = "(";
        for (const Value& item : v.items)
            out += render(item) + ' ';
        return out + ')';
    }
    }
    return {};
}

QByteArray render(const Response& r)
{
    QByteArray out = QByteArray::number(int(r.kind)) + '|' + r.tag + '|' + QByteArray::number(int(r.status)) +
                     '|' + r.code + '|' + r.codeArguments + '|' + r.text + '|' +
                     (r.number ? QByteArray::number(*r.number) : "-") + '|' + r.name + '|' +
                     QByteArray::number(r.streamOffset) + '|';
    for (const Value& v : r.data)
        out += render(v) + ' ';
    if (r.fetch) {
        out += "|F" + QByteArray::number(r.fetch->uid.value_or(0)) + ':' +
               (r.fetch->body ? r.fetch->body->toHex() : "none") + ':' + r.fetch->internalDate + ':' +
               QByteArray::number(r.fetch->rfc822Size.value_or(0));
    }
    return out;
}

QByteArray renderAll(const std::vector<Response>& responses)
{
    QByteArray out;
    for (const Response& r : responses)
        out += render(r) + '\n';
    return out;
}

const char kSessionText[] =
    "* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE STARTTLS AUTH=PLAIN] Dovecot ready.\r\n"
    "* CAPABILITY IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE AUTH=PLAIN AUTH=LOGIN\r\n"
    "A1 OK Pre-login capabilities listed, post-login capabilities have more.\r\n"
    "+ \r\n"
    "+ eyJzdGF0dXMiOiI0MDEifQ==\r\n"
    "A2 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n"
    "* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\n"
    "* LIST (\\HasNoChildren) \".\" \"Quoted \\\"name\\\" \\\\ here\"\r\n"
    "* LIST (\\Noselect) NIL {7}\r\nLit/Box\r\n"
    "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
    "* OK [PERMANENTFLAGS ()] Read-only mailbox.\r\n"
    "* 5000 EXISTS\r\n"
    "* 0 RECENT\r\n"
    "* OK [UIDVALIDITY 1700000000] UIDs valid\r\n"
    "* OK [UIDNEXT 5001] Predicted next UID\r\n"
    "A3 OK [READ-ONLY] Examine completed (0.001 + 0.000 secs).\r\n"
    "* SEARCH 1 2 3 4294967295\r\n"
    "* SEARCH\r\n"
    "A4 OK Search completed\r\n"
    "* 1 FETCH (UID 17 RFC822.SIZE 13 INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" BODY[] {13}\r\n"
    "ab\r\n{5}\r\n)\"\\x)\r\n"
    "* 2 FETCH (UID 18 BODY[] ~{3}\r\n\x00\xff\r FLAGS (\\Seen) RFC822.SIZE 3)\r\n"
    "* 3 FETCH (UID 19 BODY[] NIL)\r\n"
    "* 4 FETCH (UID 20 BODY[] \"quoted \\\"body\\\"\")\r\n"
    "A5 OK Fetch completed.\r\n"
    "* BYE Logging out\r\n"
    "A6 OK Logout completed.\r\n";
const QByteArray kSession(kSessionText, sizeof(kSessionText) - 1);

} // namespace

class TestImapResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void parsesSessionWhole()
    {
        ResponseParser parser;
        const auto responses = feedAll(parser, kSession);
        QVERIFY2(!parser.error(), parser.error() ? qPrintable(parser.error()->toString()) : "");
        QCOMPARE(responses.size(), std::size_t(26));

        const Response& greeting = responses[0];
        QCOMPARE(greeting.kind, Response::Kind::Untagged);
        QCOMPARE(greeting.status, Response::Status::Ok);
        QCOMPARE(greeting.code, QByteArray("CAPABILITY"));
        QVERIFY(greeting.codeWords().contains("STARTTLS"));
        QCOMPARE(greeting.text, QByteArray("Dovecot ready."));

        const Response& caps = responses[1];
        QCOMPARE(caps.name, QByteArray("CAPABILITY"));
        QCOMPARE(caps.data.size(), std::size_t(9));
        QVERIFY(caps.data[8].isAtom("auth=login"));

        QCOMPARE(responses[2].kind, Response::Kind::Tagged);
        QCOMPARE(responses[2].tag, QByteArray("A1"));
        QCOMPARE(responses[2].status, Response::Status::Ok);

        QCOMPARE(responses[3].kind, Response::Kind::Continuation);
        QCOMPARE(responses[3].text, QByteArray());
        QCOMPARE(responses[4].text, QByteArray("eyJzdGF0dXMiOiI0MDEifQ=="));

        QCOMPARE(responses[5].status, Response::Status::No);
        QCOMPARE(responses[5].code, QByteArray("AUTHENTICATIONFAILED"));
        QCOMPARE(responses[5].text, QByteArray("Authentication failed."));

        const Response& list = responses[6];
        QCOMPARE(list.name, QByteArray("LIST"));
        QCOMPARE(list.data.size(), std::size_t(3));
        QCOMPARE(list.data[0].kind, Value::Kind::List);
        QCOMPARE(list.data[0].items[1].text, QByteArray("\\Sent"));
        QCOMPARE(list.data[1].text, QByteArray("/"));
        QCOMPARE(list.data[2].text, QByteArray("Sent"));
        QCOMPARE(responses[7].data[2].text, QByteArray("Quoted \"name\" \\ here"));
        QCOMPARE(responses[8].data[1].kind, Value::Kind::Nil);
        QCOMPARE(responses[8].data[2].text, QByteArray("Lit/Box"));
        QVERIFY(responses[8].data[2].fromLiteral);

        QCOMPARE(responses[9].name, QByteArray("FLAGS"));
        QCOMPARE(responses[9].data[0].items.size(), std::size_t(5));
        QCOMPARE(responses[10].code, QByteArray("PERMANENTFLAGS"));
        QCOMPARE(responses[10].codeArguments, QByteArray("()"));
        QCOMPARE(responses[11].name, QByteArray("EXISTS"));
        QCOMPARE(responses[11].number, std::optional<quint32>(5000));
        QCOMPARE(responses[12].name, QByteArray("RECENT"));
        QCOMPARE(responses[13].code, QByteArray("UIDVALIDITY"));
        QCOMPARE(responses[13].codeNumber(), std::optional<quint64>(1700000000));
        QCOMPARE(responses[14].codeNumber(), std::optional<quint64>(5001));
        QCOMPARE(responses[15].code, QByteArray("READ-ONLY"));

        QCOMPARE(responses[16].name, QByteArray("SEARCH"));
        QCOMPARE(responses[16].data.size(), std::size_t(4));
        QCOMPARE(responses[16].data[3].toNumber(), std::optional<quint64>(4294967295u));
        QVERIFY(responses[17].data.empty());

        const Response& f1 = responses[19];
        QVERIFY(f1.fetch);
        QCOMPARE(f1.fetch->sequenceNumber, 1u);
        QCOMPARE(f1.fetch->uid, std::optional<quint32>(17));
        QCOMPARE(f1.fetch->rfc822Size, std::optional<quint64>(13));
        QCOMPARE(f1.fetch->internalDate, QByteArray("17-Jul-1996 02:44:25 -0700"));
        // A literal's bytes are opaque: CRLF, "{5}" and quotes inside it are body, not syntax.
        QCOMPARE(*f1.fetch->body, QByteArray("ab\r\n{5}\r\n)\"\\x"));

        const Response& f2 = responses[20];
        QCOMPARE(*f2.fetch->body, QByteArray("\x00\xff\r", 3));
        QCOMPARE(f2.fetch->flags->size(), 1);
        QCOMPARE(responses[21].fetch->body, std::optional<QByteArray>(QByteArray()));
        QCOMPARE(*responses[22].fetch->body, QByteArray("quoted \"body\""));

        QCOMPARE(responses[24].status, Response::Status::Bye);
        QCOMPARE(responses[25].tag, QByteArray("A6"));
    }

    void byteByByteEqualsWhole()
    {
        ResponseParser whole;
        const QByteArray expected = renderAll(feedAll(whole, kSession));
        QVERIFY(!whole.error());

        ResponseParser single;
        std::vector<Response> got;
        for (char c : kSession) {
            QVERIFY(single.feed(QByteArrayView(&c, 1)));
            while (single.hasResponse())
                got.push_back(single.takeResponse());
        }
        QCOMPARE(renderAll(got), expected);
        QCOMPARE(single.bufferedBytes(), 0);
    }

    void randomChunksEqualWhole()
    {
        ResponseParser whole;
        const QByteArray expected = renderAll(feedAll(whole, kSession));
        QRandomGenerator rng(42);
        for (int round = 0; round < 200; ++round) {
            ResponseParser parser;
            std::vector<Response> got;
            qsizetype at = 0;
            while (at < kSession.size()) {
                const qsizetype n = std::min<qsizetype>(kSession.size() - at, rng.bounded(1, 40));
                QVERIFY(parser.feed(QByteArrayView(kSession).sliced(at, n)));
                at += n;
                while (parser.hasResponse())
                    got.push_back(parser.takeResponse());
            }
            QCOMPARE(renderAll(got), expected);
        }
    }

    void literalAcrossChunksIsByteExact()
    {
        QByteArray body(200000, '\0');
        for (int i = 0; i < body.size(); ++i)
            body[i] = char(QRandomGenerator::global()->bounded(1, 256));
        const QByteArray stream = "* 9 FETCH (UID 99 BODY[] {" + QByteArray::number(body.size()) + "}\r\n" +
                                  body + " RFC822.SIZE " + QByteArray::number(body.size()) + ")\r\n";
        ResponseParser parser;
        for (qsizetype at = 0; at < stream.size(); at += 4093)
            QVERIFY(parser.feed(
                QByteArrayView(stream).sliced(at, std::min<qsizetype>(4093, stream.size() - at))));
        QVERIFY(parser.hasResponse());
        const Response r = parser.takeResponse();
        QCOMPARE(r.fetch->body->size(), body.size());
        QVERIFY(*r.fetch->body == body);
        QCOMPARE(r.fetch->uid, std::optional<quint32>(99));
    }

    void toleratesLiteralPlusAndBareLf()
    {
        auto single = ResponseParser::parseOne("* LIST () \"/\" {3+}\r\nabc\n");
        QVERIFY(single.response);
        QCOMPARE(single.response->data[2].text, QByteArray("abc"));
        auto empty = ResponseParser::parseOne("* 1 FETCH (BODY[] {0}\r\n UID 4)\r\n");
        QVERIFY2(empty.response, empty.error ? qPrintable(empty.error->toString()) : "");
        QCOMPARE(*empty.response->fetch->body, QByteArray());
        QCOMPARE(empty.response->fetch->uid, std::optional<quint32>(4));
        auto section =
            ResponseParser::parseOne("* 2 FETCH (BODY[HEADER.FIELDS (FROM TO)]<0> {2}\r\nhi UID 5)\r\n");
        QVERIFY(section.response);
        // Only BODY[] is the whole message; a partial section is not mistaken for it.
        QVERIFY(!section.response->fetch->body);
        QCOMPARE(section.response->fetch->uid, std::optional<quint32>(5));
    }

    void rejectsGarbageWithPosition_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QString>("needle");
        QTest::newRow("binary") << QByteArray("\x01\x02\x03\r\n", 5) << qint64(0)
                                << "expected '*', '+' or a tag";
        QTest::newRow("second line") << QByteArray("* OK hi\r\n\x16\x03\x01\r\n") << qint64(9)
                                     << "expected '*'";
        QTest::newRow("empty line") << QByteArray("\r\n") << qint64(0) << "empty line";
        QTest::newRow("tag without status") << QByteArray("A1\r\n") << qint64(2) << "invalid tag";
        QTest::newRow("tagged BYE") << QByteArray("A1 BYE x\r\n") << qint64(3) << "not OK, NO or BAD";
        QTest::newRow("unterminated quote")
            << QByteArray("* LIST () \"/ x\r\n") << qint64(10) << "unterminated quoted string";
        QTest::newRow("unterminated list")
            << QByteArray("* FLAGS (\\Seen\r\n") << qint64(14) << "unterminated list";
        QTest::newRow("stray brace") << QByteArray("* LIST () \"/\" {3} x\r\n") << qint64(14)
                                     << "not a literal";
        QTest::newRow("bad uid") << QByteArray("* 1 FETCH (UID abc)\r\n") << qint64(15)
                                 << "UID is not a number";
        QTest::newRow("zero uid") << QByteArray("* 1 FETCH (UID 0)\r\n") << qint64(15)
                                  << "UID is not a number";
        QTest::newRow("odd fetch") << QByteArray("* 1 FETCH (UID)\r\n") << qint64(11) << "without a value";
        QTest::newRow("fetch not list")
            << QByteArray("* 1 FETCH UID 3\r\n") << qint64(0) << "not one parenthesized";
        QTest::newRow("huge number") << QByteArray("* 99999999999 EXISTS\r\n") << qint64(13) << "larger than";
        QTest::newRow("bad search") << QByteArray("* SEARCH 1 x2\r\n") << qint64(11) << "SEARCH result";
        QTest::newRow("code unterminated")
            << QByteArray("* OK [UIDVALIDITY 3 hi\r\n") << qint64(5) << "unterminated response code";
        QTest::newRow("literal in text")
            << QByteArray("A1 OK see {2}\r\nab\r\n") << qint64(13) << "literal in the text";
        QTest::newRow("nul in quoted") << QByteArray("* LIST () \"a\0b\" x\r\n", 19) << qint64(12) << "NUL";
    }
    void rejectsGarbageWithPosition()
    {
        QFETCH(QByteArray, input);
        QFETCH(qint64, offset);
        QFETCH(QString, needle);
        ResponseParser parser;
        parser.feed(input);
        QVERIFY(parser.error());
        QVERIFY2(parser.error()->message.contains(needle), qPrintable(parser.error()->message));
        QCOMPARE(parser.error()->offset, offset);
        // Once broken, the parser refuses more input instead of guessing.
        QVERIFY(!parser.feed("* OK fine\r\n"));
        QVERIFY(!parser.error()->toString().isEmpty());
    }

    void boundsLiteralSizeBeforeAllocating()
    {
        ResponseParser::Limits limits;
        limits.maxLiteralSize = 1000;
        ResponseParser parser(limits);
        QVERIFY(!parser.feed("* 1 FETCH (BODY[] {1001}\r\n"));
        QVERIFY(parser.error()->message.contains("larger than the limit"));
        QCOMPARE(
            parser.error()->message,
            QStringLiteral("literal of 1001 bytes is larger than the limit of 1000 bytes (imap-literal)"));
        QCOMPARE(parser.error()->offset, qint64(18));
        ResponseParser defaults;
        QVERIFY(!defaults.feed("* 1 FETCH (BODY[] {18446744073709551615}\r\n"));
        QVERIFY(!defaults.feed("x"));
        ResponseParser ok(limits);
        QVERIFY(ok.feed("* 1 FETCH (BODY[] {1000}\r\n" + QByteArray(1000, 'x') + ")\r\n"));
        QVERIFY(ok.hasResponse());
    }

    void boundsLineLength()
    {
        ResponseParser::Limits limits;
        limits.maxLineLength = 4096;
        ResponseParser parser(limits);
        const QByteArray chunk(1024, 'a');
        bool ok = parser.feed("* OK ");
        for (int i = 0; i < 5 && ok; ++i)
            ok = parser.feed(chunk);
        QVERIFY(!ok);
        QVERIFY(parser.error()->message.contains("line longer than 4096"));
        QCOMPARE(parser.error()->offset, qint64(0));
    }

    void boundsResponseSizeAndNesting()
    {
        ResponseParser::Limits limits;
        limits.maxResponseSize = 3000;
        ResponseParser parser(limits);
        const QByteArray lit = "{1000}\r\n" + QByteArray(1000, 'z');
        QVERIFY(!parser.feed("* 1 FETCH (A " + lit + " B " + lit + " C " + lit + " D " + lit + ")\r\n"));
        QVERIFY(parser.error()->message.contains("response larger than"));

        QByteArray deep = "* FLAGS " + QByteArray(100, '(') + QByteArray(100, ')') + "\r\n";
        auto nested = ResponseParser::parseOne(deep);
        QVERIFY(nested.error);
        QVERIFY(nested.error->message.contains("nested deeper"));
    }

    void unknownDataIsKeptRaw()
    {
        auto r = ResponseParser::parseOne("* XSTRANGE some \"unbalanced text (\r\n");
        QVERIFY(r.response);
        QCOMPARE(r.response->name, QByteArray("XSTRANGE"));
        QCOMPARE(r.response->text, QByteArray("some \"unbalanced text ("));
        auto status = ResponseParser::parseOne("A7 OK\r\n");
        QVERIFY(status.response);
        QCOMPARE(status.response->status, Response::Status::Ok);
        auto preauth = ResponseParser::parseOne("* PREAUTH [CAPABILITY IMAP4rev1] logged in\r\n");
        QCOMPARE(preauth.response->status, Response::Status::PreAuth);
    }

    void randomGarbageNeverCrashes()
    {
        // Cheap fuzzing: random bytes and mutations of a real session never crash or hang, and either
        // parse or stop with an error inside the stream.
        QRandomGenerator rng(7);
        for (int round = 0; round < 3000; ++round) {
            QByteArray input = kSession;
            const int mutations = rng.bounded(1, 8);
            for (int m = 0; m < mutations; ++m)
                input[rng.bounded(input.size())] = char(rng.bounded(256));
            if (round % 3 == 0)
                input = input.left(rng.bounded(input.size()));
            ResponseParser parser;
            qsizetype at = 0;
            while (at < input.size()) {
                const qsizetype n = std::min<qsizetype>(input.size() - at, rng.bounded(1, 300));
                if (!parser.feed(QByteArrayView(input).sliced(at, n)))
                    break;
                at += n;
                while (parser.hasResponse())
                    parser.takeResponse();
            }
            if (parser.error()) {
                QVERIFY(parser.error()->offset >= 0);
                QVERIFY(parser.error()->offset <= input.size());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestImapResponseParser)
#include "tst_imap_response_parser.moc"
