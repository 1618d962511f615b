// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli dkim-keygen and dkim-check-key end to end: the real CLI generates a key into a temporary
// folder, the printed DNS settings become a records file (and a zone served by a real unbound on
// loopback), and check-key exits 0 only when the published key matches the private key.
#include "dns/UnboundServer.h"

#include "dkimsetup/SetupStates.h"
#include "store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestCliDkimSetup : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode;
        QByteArray out;
        QByteArray err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };

    QTemporaryDir m_dir;
    QString m_keys;
    QJsonObject m_rsa;     // keygen --json for example.com / s1 (rsa2048)
    QJsonObject m_ed25519; // keygen --json for example.com / ed (ed25519)
    QJsonObject m_other;   // keygen --json for example.com / other

    static Run run(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(AUTHLENS_CLI), arguments);
        if (!process.waitForFinished(60000))
            qFatal("authlens-cli did not finish");
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QString writeFile(const QString& name, const QByteArray& text) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QByteArray zoneLine(const QJsonObject& keygen)
    {
        return keygen.value(QStringLiteral("txt"))
                   .toObject()
                   .value(QStringLiteral("zone_line"))
                   .toString()
                   .toLatin1() +
               "\n";
    }

    static QString keyPath(const QJsonObject& keygen)
    {
        return keygen.value(QStringLiteral("private_key_path")).toString();
    }

    static QStringList checkKey(const QString& selector, const QString& key, const QStringList& more)
    {
        return QStringList{QStringLiteral("dkim-check-key"),
                           QStringLiteral("--domain"),
                           QStringLiteral("example.com"),
                           QStringLiteral("--selector"),
                           selector,
                           QStringLiteral("--private-key"),
                           key} +
               more;
    }

    QJsonObject keygen(const QString& selector, const QString& type, const QString& domain = "example.com")
    {
        const Run r = run({"dkim-keygen", "--domain", domain, "--selector", selector, "--type", type, "--out",
                           m_keys, "--json"});
        if (r.exitCode != 0)
            qFatal("keygen failed: %s", r.err.constData());
        return r.json();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keys = m_dir.filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkpath(m_keys));
        m_rsa = keygen(QStringLiteral("s1"), QStringLiteral("rsa2048"));
        m_ed25519 = keygen(QStringLiteral("ed"), QStringLiteral("ed25519"));
        m_other = keygen(QStringLiteral("other"), QStringLiteral("rsa2048"));
    }

    void keygenWritesAnOwnerOnlyKeyAndPrintsTheSettings()
    {
        QCOMPARE(m_rsa.value(QStringLiteral("key_bits")).toInt(), 2048);
        QCOMPARE(m_ed25519.value(QStringLiteral("key_type")).toString(), QStringLiteral("ed25519"));
        const QString path = keyPath(m_rsa);
        QCOMPARE(path,
                 QDir(m_keys).absoluteFilePath(QStringLiteral("s1._domainkey.example.com.private.pem")));
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0600);
        const QJsonObject txt = m_rsa.value(QStringLiteral("txt")).toObject();
        QCOMPARE(txt.value(QStringLiteral("name")).toString(), QStringLiteral("s1._domainkey.example.com"));
        QCOMPARE(txt.value(QStringLiteral("type")).toString(), QStringLiteral("TXT"));
        const QString value = txt.value(QStringLiteral("value")).toString();
        QVERIFY(value.startsWith(QStringLiteral("v=DKIM1; k=rsa; p=")));
        QString joined;
        for (const QJsonValue& string : txt.value(QStringLiteral("strings")).toArray()) {
            QVERIFY(string.toString().size() <= 255);
            joined += string.toString();
        }
        QCOMPARE(joined, value);
        QCOMPARE(txt.value(QStringLiteral("strings")).toArray().size(), 2); // 2048-bit SPKI: ~410 octets
        // The private key never appears on standard output.
        QVERIFY(!QJsonDocument(m_rsa).toJson().contains("PRIVATE KEY"));
    }

    void keygenTextOutputAndCname()
    {
        const Run r = run({"dkim-keygen", "--domain", "example.net", "--selector", "t1", "--out", m_keys,
                           "--cname-target", "{selector}.{domain}.dkim.platform.example."});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("name:  t1._domainkey.example.net"), r.out.constData());
        QVERIFY(r.out.contains("t1._domainkey.example.net. 3600 IN TXT \"v=DKIM1; k=rsa; p="));
        QVERIFY(
            r.out.contains("t1._domainkey.example.net. 3600 IN CNAME t1.example.net.dkim.platform.example."));
        QVERIFY(!r.out.contains("PRIVATE KEY"));
    }

    void keygenUsageErrors()
    {
        QCOMPARE(run({"dkim-keygen", "--domain", "example.com", "--out", m_keys}).exitCode, 2); // no selector
        QCOMPARE(run({"dkim-keygen", "--domain", "example.com", "--selector", "x", "--type", "rsa1024",
                      "--out", m_keys})
                     .exitCode,
                 2);
        QCOMPARE(
            run({"dkim-keygen", "--domain", "example.com", "--selector", "../x", "--out", m_keys}).exitCode,
            2);
        // An existing key file is never replaced.
        const Run again =
            run({"dkim-keygen", "--domain", "example.com", "--selector", "s1", "--out", m_keys});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("already exists"), again.err.constData());
    }

    void publishedAndMatchingExitsZero_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addRow("rsa2048") << QStringLiteral("rsa");
        QTest::addRow("ed25519") << QStringLiteral("ed25519");
    }

    void publishedAndMatchingExitsZero()
    {
        QFETCH(QString, which);
        const QJsonObject& key = which == QLatin1String("rsa") ? m_rsa : m_ed25519;
        const QString records = writeFile(which + QStringLiteral(".zone"), zoneLine(key));
        const Run r = run(checkKey(key.value(QStringLiteral("selector")).toString(), keyPath(key),
                                   {"--records", records, "--json"}));
        QVERIFY2(r.exitCode == 0, r.out.constData());
        const QJsonObject json = r.json();
        QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("published-matching"));
        QCOMPARE(json.value(QStringLiteral("fingerprint")).toString(),
                 key.value(QStringLiteral("fingerprint")).toString());
        const QJsonObject resolver = json.value(QStringLiteral("resolvers")).toArray().at(0).toObject();
        QVERIFY(resolver.value(QStringLiteral("test_signature_verified")).toBool());
    }

    void differentKeyExitsOne()
    {
        // The record for s1, checked with another private key.
        const QString records = writeFile(QStringLiteral("s1.zone"), zoneLine(m_rsa));
        const Run r = run(checkKey(QStringLiteral("s1"), keyPath(m_other), {"--records", records}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith("dkim-check-key: published-different"), r.out.constData());
        QVERIFY(r.out.contains("dkim.setup.key-different"));
    }

    void noRecordExitsOneAndSaysNotPublished()
    {
        const QString records = writeFile(QStringLiteral("empty.zone"), zoneLine(m_other));
        const Run r = run(checkKey(QStringLiteral("s1"), keyPath(m_rsa), {"--records", records}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith("dkim-check-key: not-published"), r.out.constData());
        QVERIFY(r.out.contains("s1._domainkey.example.com does not exist yet"));
    }

    void severalResolversShowPropagation()
    {
        const QString published = writeFile(QStringLiteral("new.zone"), zoneLine(m_rsa));
        const QString stale = writeFile(QStringLiteral("stale.zone"), zoneLine(m_other));
        const Run r = run(checkKey(QStringLiteral("s1"), keyPath(m_rsa),
                                   {"--records", published, "--records", stale, "--json"}));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject json = r.json();
        const QJsonArray resolvers = json.value(QStringLiteral("resolvers")).toArray();
        QCOMPARE(resolvers.size(), 2);
        QCOMPARE(resolvers.at(0).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("published-matching"));
        QCOMPARE(resolvers.at(1).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("not-published"));
        QVERIFY(json.value(QStringLiteral("reason")).toString().contains(QStringLiteral("1 of 2 resolvers")));
    }

    void checkKeyUsageErrors()
    {
        const QString records = writeFile(QStringLiteral("u.zone"), zoneLine(m_rsa));
        QCOMPARE(run({"dkim-check-key", "--domain", "example.com", "--selector", "s1", "--records", records})
                     .exitCode,
                 2); // no --private-key
        QCOMPARE(run(checkKey(QStringLiteral("s1"), m_dir.filePath(QStringLiteral("missing.pem")),
                              {"--records", records}))
                     .exitCode,
                 2);
        QCOMPARE(run(checkKey(QStringLiteral("s1"), records, {"--records", records})).exitCode,
                 2); // not a key
        QCOMPARE(
            run(checkKey(QStringLiteral("s1"), keyPath(m_rsa), {"--records", m_dir.filePath("none.zone")}))
                .exitCode,
            2);
    }

    void setupListInTheDatabase()
    {
        const QString db = m_dir.filePath(QStringLiteral("setup.authlens"));
        Run r = run({"dkim-keygen", "--domain", "example.org", "--selector", "dbsel", "--out", m_keys, "--db",
                     db, "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject key = r.json();
        // The same selector again is refused before any key file is written.
        r = run({"dkim-keygen", "--domain", "example.org", "--selector", "dbsel", "--out",
                 m_dir.filePath(QStringLiteral("keys2")), "--db", db});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("already in the setup list"), r.err.constData());

        const QString records = writeFile(QStringLiteral("db.zone"), zoneLine(key));
        r = run({"dkim-check-key", "--domain", "example.org", "--selector", "dbsel", "--private-key",
                 keyPath(key), "--records", records, "--db", db, "--json"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("setup_state")).toString(),
                 QStringLiteral("published-matching"));

        auto opened = authlens::store::Database::open(db);
        QVERIFY2(opened.database, qPrintable(opened.error));
        authlens::dkimsetup::SetupStates states(*opened.database);
        const auto entry = states.find("example.org", "dbsel");
        QVERIFY(entry);
        QCOMPARE(entry->state, authlens::dkimsetup::SetupState::PublishedMatching);
        QCOMPARE(QString::fromLatin1(entry->fingerprint),
                 key.value(QStringLiteral("fingerprint")).toString());
        QCOMPARE(entry->privateKeyPath, keyPath(key));
        // A selector not in the list is not recorded, and says so.
        r = run({"dkim-check-key", "--domain", "example.com", "--selector", "s1", "--private-key",
                 keyPath(m_rsa), "--records", writeFile(QStringLiteral("s1db.zone"), zoneLine(m_rsa)), "--db",
                 db});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not in the setup list"), r.err.constData());
    }

    void throughARealDnsServer()
    {
        if (UnboundServer::executable().isEmpty())
            QSKIP("unbound is not installed (Debian package unbound)");
        const QJsonObject key = keygen(QStringLiteral("live"), QStringLiteral("rsa2048"), "authlens.test");
        const QByteArray zone = "$ORIGIN authlens.test.\n$TTL 300\n"
                                "@ IN SOA ns.authlens.test. hostmaster.authlens.test. 1 3600 600 86400 60\n"
                                "@ IN NS ns\nns IN A 127.0.0.1\n" +
                                zoneLine(key);
        UnboundServer server;
        const QString error = server.start({{"authlens.test.", zone}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList base = {"dkim-check-key", "--domain",      "authlens.test",
                                  "--private-key",  keyPath(key),    "--dns",
                                  server.address(), "--dns-timeout", "3",
                                  "--json"};
        Run r = run(base + QStringList{"--selector", "live"});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QCOMPARE(r.json().value(QStringLiteral("state")).toString(), QStringLiteral("published-matching"));
        r = run(base + QStringList{"--selector", "absent"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().value(QStringLiteral("state")).toString(), QStringLiteral("not-published"));
    }
};

QTEST_GUILESS_MAIN(TestCliDkimSetup)
#include "tst_cli_dkim_setup.moc"
