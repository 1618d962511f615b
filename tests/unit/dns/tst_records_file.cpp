// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/RecordsFileParser.h"
#include "dns/RecordsFileResolver.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens::dns;

class TestRecordsFile : public QObject
{
    Q_OBJECT

    static std::shared_ptr<RecordsFileResolver> load(const QByteArray& text)
    {
        auto result = RecordsFileResolver::fromText(text, QStringLiteral("test.zone"));
        if (!result.ok())
            qWarning("%s", qPrintable(result.error));
        return result.resolver;
    }

    static QString errorOf(const QByteArray& text)
    {
        const auto result = RecordsFileParser::parse(text, QStringLiteral("bad.zone"));
        return result.ok() ? QString() : result.error;
    }

private slots:
    void readsTheConformanceShape()
    {
        const auto resolver = load("; a comment\n"
                                   "brisbane._domainkey.example.com. 300 IN TXT \"v=DKIM1; p=MIGf\"\n"
                                   "fm3._domainkey.fastmail.com. 300 IN TXT \"v=DKIM1; k=rsa; \" \"p=rest\"\n"
                                   "alias._domainkey.example.com. 300 IN CNAME fm3._domainkey.fastmail.com.\n"
                                   "mx1.example.net. 300 IN A 198.51.100.25\n"
                                   "a-1.example.net. 300 IN AAAA 2001:db8:515::33bd\n"
                                   "example.net. 300 IN MX 10 mx1.example.net.\n"
                                   "54.100.51.198.in-addr.arpa. 300 IN PTR smtp.ptr-1.example.com.\n"
                                   "; NXDOMAIN nothere.example.com.\n"
                                   "; TEMPFAIL test._domainkey.football.example.com.\n");
        QVERIFY(resolver);
        QCOMPARE(resolver->zone().recordCount(), qsizetype(7));

        const DnsAnswer joined = resolver->query("FM3._domainkey.fastmail.com.", RecordType::TXT);
        QCOMPARE(joined.status, DnsAnswer::Status::Ok);
        QCOMPARE(joined.records[0].strings, (QList<QByteArray>{"v=DKIM1; k=rsa; ", "p=rest"}));
        QCOMPARE(joined.records[0].text(), QByteArray("v=DKIM1; k=rsa; p=rest"));
        QCOMPARE(joined.ttl, 300u);
        QCOMPARE(joined.source, QStringLiteral("records file test.zone"));

        const DnsAnswer viaAlias = resolver->query("alias._domainkey.example.com", RecordType::TXT);
        QCOMPARE(viaAlias.status, DnsAnswer::Status::Ok);
        QCOMPARE(viaAlias.cnameChain, QList<QByteArray>{"fm3._domainkey.fastmail.com"});

        const DnsAnswer a = resolver->query("mx1.example.net", RecordType::A);
        QCOMPARE(a.records[0].address, QHostAddress(QStringLiteral("198.51.100.25")));
        const DnsAnswer aaaa = resolver->query("a-1.example.net", RecordType::AAAA);
        QCOMPARE(aaaa.records[0].address, QHostAddress(QStringLiteral("2001:db8:515::33bd")));
        const DnsAnswer mx = resolver->query("example.net", RecordType::MX);
        QCOMPARE(mx.records[0].preference, std::uint16_t(10));
        QCOMPARE(mx.records[0].target, QByteArray("mx1.example.net"));
        const DnsAnswer ptr = resolver->query("54.100.51.198.in-addr.arpa", RecordType::PTR);
        QCOMPARE(ptr.records[0].target, QByteArray("smtp.ptr-1.example.com"));

        QCOMPARE(resolver->query("nothere.example.com", RecordType::TXT).status, DnsAnswer::Status::NxDomain);
        const DnsAnswer temp = resolver->query("test._domainkey.football.example.com", RecordType::TXT);
        QCOMPARE(temp.status, DnsAnswer::Status::TempFail);
        QCOMPARE(temp.error, QStringLiteral("temporary DNS failure (records file TEMPFAIL)"));
    }

    void resolvesEscapes()
    {
        const auto resolver =
            load("e.example. 300 IN TXT \"\\\"\\\"\" \"back\\\\slash\" \"\\065\\066C\\255\\000\" "
                 "unquoted \"semi;colon\" \"\"\n");
        QVERIFY(resolver);
        const DnsAnswer answer = resolver->query("e.example", RecordType::TXT);
        QCOMPARE(answer.status, DnsAnswer::Status::Ok);
        const QList<QByteArray> expected{"\"\"",     "back\\slash", QByteArray("ABC\xff\0", 5),
                                         "unquoted", "semi;colon",  ""};
        QCOMPARE(answer.records[0].strings, expected);
    }

    void theWanderScienceEmptyKeyRecord()
    {
        const auto resolver =
            load("2023-05-ed25519-empty._domainkey.wander.science. 300 IN TXT \"\\\"\\\"\"\n");
        QVERIFY(resolver);
        QCOMPARE(resolver->query("2023-05-ed25519-empty._domainkey.wander.science", RecordType::TXT)
                     .records[0]
                     .text(),
                 QByteArray("\"\""));
    }

    void acceptsOrdinaryMasterFileForms()
    {
        const auto resolver = load("$ORIGIN example.org.\n"
                                   "$TTL 1h\n"
                                   "@ IN MX 0 .\n"     // RFC 7505 null MX, TTL from $TTL
                                   "www A 192.0.2.7\n" // relative name, no class, no TTL
                                   "    600 IN TXT \"same owner\"\n"
                                   "mail IN 120 TXT ( \"split\"\n"
                                   "                   \" over lines\" ) ; comment\n"
                                   "abs.example.com. TXT word\r\n"
                                   "SOA.example.org. 300 IN SOA ns. host. 1 2 3 4 5\n");
        QVERIFY(resolver);
        const DnsAnswer mx = resolver->query("example.org", RecordType::MX);
        QCOMPARE(mx.status, DnsAnswer::Status::Ok);
        QCOMPARE(mx.records[0].target, QByteArray());
        QCOMPARE(mx.records[0].ttl, 3600u);
        const DnsAnswer www = resolver->query("www.example.org", RecordType::A);
        QCOMPARE(www.records[0].address, QHostAddress(QStringLiteral("192.0.2.7")));
        const DnsAnswer same = resolver->query("www.example.org", RecordType::TXT);
        QCOMPARE(same.records[0].text(), QByteArray("same owner"));
        QCOMPARE(same.records[0].ttl, 600u);
        const DnsAnswer mail = resolver->query("mail.example.org", RecordType::TXT);
        QCOMPARE(mail.records[0].text(), QByteArray("split over lines"));
        QCOMPARE(mail.records[0].ttl, 120u);
        const DnsAnswer word = resolver->query("abs.example.com", RecordType::TXT);
        QCOMPARE(word.records[0].text(), QByteArray("word"));
        QCOMPARE(word.records[0].ttl, 3600u); // $TTL, not the previous record's 120

        // Without $TTL a record without TTL takes the previous one's (RFC 1035 5.1), else 300.
        const auto plain =
            load("a.example. A 192.0.2.1\nb.example. 77 A 192.0.2.2\nc.example. A 192.0.2.3\n");
        QVERIFY(plain);
        QCOMPARE(plain->query("a.example", RecordType::A).ttl, 300u);
        QCOMPARE(plain->query("c.example", RecordType::A).ttl, 77u);

        const auto parsed = RecordsFileParser::parse("x.example. 300 IN SOA ns. host. 1 2 3 4 5\n", "w.zone");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.warnings.size(), 1);
        QVERIFY2(parsed.warnings[0].startsWith(QStringLiteral("w.zone:1: SOA")),
                 qPrintable(parsed.warnings[0]));
    }

    void tempFailDirectiveNeedsExactShape()
    {
        const auto resolver = load("; TEMPFAIL: the source answers these with a DNS error (x: timeout).\n"
                                   "; \"; TEMPFAIL name.\" lines: every lookup fails\n"
                                   "  ;   TEMPFAIL   Slow.Example.   \n");
        QVERIFY(resolver);
        QVERIFY(resolver->zone().isTempFail("slow.example"));
        QVERIFY(!resolver->zone().isTempFail("name"));
        QCOMPARE(resolver->query("slow.example", RecordType::A).status, DnsAnswer::Status::TempFail);
    }

    void badLinesNameFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expectedStart");
        QTest::addColumn<QString>("mentions");
        const auto row = [](const char* tag, const QByteArray& text, const char* start,
                            const char* mentions) {
            QTest::newRow(tag) << text << QString::fromLatin1(start) << QString::fromLatin1(mentions);
        };
        const QByteArray good = "ok.example. 300 IN TXT \"fine\"\n";
        row("unclosed quote", good + "x.example. 300 IN TXT \"open\n", "bad.zone:2: ", "not closed");
        row("long string", good + good + "x.example. 300 IN TXT \"" + QByteArray(256, 'a') + "\"\n",
            "bad.zone:3: ", "more than 255");
        row("bad ipv4", "x.example. 300 IN A 1.2.3\n", "bad.zone:1: ", "IPv4");
        row("ipv4 octet", "x.example. 300 IN A 1.2.3.256\n", "bad.zone:1: ", "IPv4");
        row("v6 as A", "x.example. 300 IN A ::1\n", "bad.zone:1: ", "IPv4");
        row("bad ipv6", "x.example. 300 IN AAAA 1.2.3.4\n", "bad.zone:1: ", "IPv6");
        row("mx pref", "x.example. 300 IN MX 70000 mx.example.\n", "bad.zone:1: ", "preference");
        row("mx arity", "x.example. 300 IN MX mx.example.\n", "bad.zone:1: ", "expected 2");
        row("unknown type", "x.example. 300 IN BOGUS data\n", "bad.zone:1: ", "unknown record type");
        row("no type", "x.example. 300 IN\n", "bad.zone:1: ", "type missing");
        row("class", "x.example. 300 CH TXT \"a\"\n", "bad.zone:1: ", "only IN");
        row("ddd", "x.example. 300 IN TXT \"\\256\"\n", "bad.zone:1: ", "above 255");
        row("short ddd", "x.example. 300 IN TXT \"\\12\"\n", "bad.zone:1: ", "three decimal");
        row("label", "" + QByteArray(64, 'l') + ".example. 300 IN TXT a\n", "bad.zone:1: ", "63");
        row("empty label", "a..example. 300 IN TXT a\n", "bad.zone:1: ", "empty label");
        row("cname+txt", "x.example. 300 IN TXT a\nx.example. 300 IN CNAME y.example.\n",
            "bad.zone:2: ", "CNAME and other data");
        row("paren", good + "x.example. 300 IN TXT ( \"a\"\n\"b\"\n", "bad.zone:2: ", "not closed");
        row("close paren", "x.example. 300 IN TXT \"a\" )\n", "bad.zone:1: ", "without");
        row("blank owner first", "   300 IN TXT a\n", "bad.zone:1: ", "no owner");
        row("include", "$INCLUDE /etc/passwd\n", "bad.zone:1: ", "unsupported directive");
        row("nul", good + QByteArray("x.example. 300 IN TXT \"a\0b\"\n", 27), "bad.zone:2: ", "NUL");
        row("no txt", "x.example. 300 IN TXT\n", "bad.zone:1: ", "no character-string");
        row("tempfail name", "; TEMPFAIL a..b.\n", "bad.zone:1: ", "TEMPFAIL");
    }

    void badLinesNameFileAndLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expectedStart);
        QFETCH(QString, mentions);
        const auto result = RecordsFileParser::parse(text, QStringLiteral("bad.zone"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(expectedStart), qPrintable(result.error));
        QVERIFY2(result.error.contains(mentions), qPrintable(result.error));
        QCOMPARE(result.errorLine, expectedStart.section(QLatin1Char(':'), 1, 1).toInt());
        QVERIFY(!RecordsFileResolver::fromText(text).ok());
    }

    void hostileBytesNeverCrash()
    {
        // Deterministic garbage: every outcome is fine except a crash or a hang.
        std::uint32_t seed = 12345;
        for (int round = 0; round < 300; ++round) {
            static constexpr char alphabet[] = "\"\\();\n \tab0123.@$";
            QByteArray text = round % 2 ? "x.example. 300 IN TXT \"" : "";
            for (int i = 0; i < 200; ++i) {
                seed = seed * 1103515245u + 12345u;
                text.append(alphabet[(seed >> 16) % (sizeof alphabet - 1)]);
            }
            (void)errorOf(text);
        }
        QVERIFY(!errorOf("\\").isEmpty());
        QVERIFY(!errorOf("x.example. 300 IN TXT \"\\").isEmpty());
    }

    void readsFilesAndReportsUnreadable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("r.zone"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a.example. 60 IN TXT \"hi\"\nb.example. 60 IN TXT \"x\" bad\"\n");
        file.close();
        const auto refused = RecordsFileResolver::fromFile(path);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.startsWith(path + QStringLiteral(":2: ")), qPrintable(refused.error));

        const auto missing = RecordsFileResolver::fromFile(dir.filePath(QStringLiteral("none.zone")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error.contains(QStringLiteral("cannot read")));
    }

    void loadsEveryConformanceRecordsFile()
    {
        const QDir shared(QStringLiteral(AUTHLENS_SHARED_DIR "/conformance"));
        if (!shared.exists())
            QSKIP("../shared/conformance is absent: the conformance records files cannot be checked");
        int files = 0;
        for (const QString& suite : shared.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString path = shared.filePath(suite + QStringLiteral("/records.zone"));
            if (!QFile::exists(path))
                continue;
            const auto result = RecordsFileResolver::fromFile(path);
            QVERIFY2(result.ok(), qPrintable(result.error));
            QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(QLatin1Char('\n'))));
            ++files;
        }
        QVERIFY(files >= 16);

        const auto lieser =
            RecordsFileResolver::fromFile(shared.filePath(QStringLiteral("dkim-mail-dkim/records.zone")));
        QVERIFY(lieser.ok());
        QCOMPARE(lieser.resolver->query("test3._domainkey.blackhole2.messiah.edu", RecordType::TXT).status,
                 DnsAnswer::Status::TempFail);
        const auto generated =
            RecordsFileResolver::fromFile(shared.filePath(QStringLiteral("dkim-generated/records.zone")));
        QVERIFY(generated.ok());
        const DnsAnswer alias = generated.resolver->query("alias._domainkey.example.com", RecordType::TXT);
        QCOMPARE(alias.status, DnsAnswer::Status::Ok);
        QCOMPARE(alias.cnameChain, QList<QByteArray>{"keyhost._domainkey.example.net"});
    }
};

QTEST_GUILESS_MAIN(TestRecordsFile)
#include "tst_records_file.moc"
