// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets stay secret: a real IMAP import from Dovecot with the password on standard input, one with
// an XOAUTH2 token file (Dovecot here offers no XOAUTH2, so that login fails: the token must stay out
// of everything all the same), then a PDF report. The database (and its -wal and -shm), every file
// under the test's XDG config and data folders (QSettings), the captured output of every command and
// the PDF (raw and through pdftotext) must hold neither the password nor the token, in clear or
// base64 (the SASL PLAIN and XOAUTH2 messages).
//
// TLS verification cannot be turned off: an untrusted certificate fails with an error naming its
// SHA-256 fingerprint and how to pin it; a wrong pin fails; no option and no environment variable
// changes that, and the sources hold no switch that would.
#include "../unit/pipeline/ImportSamples.h"
#include "imap/DovecotServer.h"

#include "sources/imap/ImapAccount.h"

#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;
using importsamples::Samples;

namespace {

constexpr int kMessages = 12;
const QByteArray kToken = "ya29.AuthlensTestToken-7f3c9e21d84b4a0c9b6e5d2f1a0c8e77";

struct Run
{
    int exitCode = -1;
    QByteArray output; // stdout and stderr, merged
};

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

    DovecotServer m_server;
    Samples m_samples;
    QTemporaryDir m_dir;
    QString m_db;
    QString m_records;
    QString m_logs; // everything the commands printed, as a log file would hold it
    QByteArray m_pin;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

    Run cli(const QStringList& arguments, const QByteArray& input = {},
            const QProcessEnvironment& extra = QProcessEnvironment()) const
    {
        QProcess process;
        QProcessEnvironment env = environment();
        for (const QString& key : extra.keys())
            env.insert(key, extra.value(key));
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(AUTHLENS_CLI), arguments);
        Run run;
        if (!process.waitForStarted(30000))
            return run;
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(180000);
        run.output = process.readAll();
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        QFile log(m_logs);
        if (log.open(QIODevice::Append))
            log.write("$ authlens-cli " + arguments.join(QLatin1Char(' ')).toUtf8() + "\n" + run.output);
        return run;
    }

    QString url() const
    {
        return QStringLiteral("imaps://%1@127.0.0.1:%2/INBOX").arg(m_server.user()).arg(m_server.imapsPort());
    }

    QStringList importArguments(const QStringList& extra) const
    {
        return QStringList{QStringLiteral("import"),
                           QStringLiteral("--db"),
                           m_db,
                           QStringLiteral("--records"),
                           m_records,
                           QStringLiteral("--verbose")} +
               extra + QStringList{url()};
    }

    // Every form in which a secret could leak.
    static QList<QByteArray> forms(const QByteArray& secret, const QByteArray& user)
    {
        return {secret, secret.toBase64(), ('\0' + user + '\0' + secret).toBase64(),
                ("user=" + user + "\x01" + "auth=Bearer " + secret + "\x01\x01").toBase64(),
                QByteArray(reinterpret_cast<const char*>(QString::fromUtf8(secret).utf16()),
                           QString::fromUtf8(secret).size() * 2)}; // UTF-16, as a QString in memory dumps
    }

    // The files that must not hold a secret: {path, why it is checked}.
    QStringList filesToSearch() const
    {
        QStringList files = {m_db, m_db + QStringLiteral("-wal"), m_db + QStringLiteral("-shm"), m_logs};
        for (const char* folder : {"config", "data", "cache", "home", "report"}) {
            QDirIterator it(m_dir.filePath(QString::fromLatin1(folder)), QDir::Files | QDir::Hidden,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        }
        files.removeDuplicates();
        return files;
    }

    void verifyNoSecretIn(const QStringList& files, int minimumFiles)
    {
        const QList<QByteArray> secrets =
            forms(m_server.password(), m_server.user().toUtf8()) + forms(kToken, m_server.user().toUtf8());
        int searched = 0;
        for (const QString& path : files) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            ++searched;
            for (const QByteArray& secret : secrets)
                QVERIFY2(!bytes.contains(secret),
                         qPrintable(QStringLiteral("%1 holds a secret (%2)")
                                        .arg(path, QString::fromLatin1(secret.left(12)))));
        }
        qInfo("searched %d files for the password and the token: none found", searched);
        QVERIFY2(searched >= minimumFiles, qPrintable(QString::number(searched)));
    }

    bool hasReportCommand() const
    {
        const Run help = cli({QStringLiteral("--help")});
        return help.output.contains("\n  report ");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_samples.ok());
        const QString error = m_server.start();
        if (error.contains(QStringLiteral("not installed")) || error.contains(QStringLiteral("needs root")))
            QSKIP(qPrintable(error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QList<QByteArray> messages;
        for (int n = 0; n < kMessages; ++n)
            messages.append(m_samples.message(n, "secret", n % 4 == 0));
        QVERIFY(m_server.deliver(QStringLiteral("INBOX"), messages));
        m_db = m_dir.filePath(QStringLiteral("secrets.authlens"));
        m_records = m_dir.filePath(QStringLiteral("records.zone"));
        m_logs = m_dir.filePath(QStringLiteral("commands.log"));
        QVERIFY(Samples::write(m_records, m_samples.records()));
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_server.certificatePath());
        QCOMPARE(certificates.size(), 1);
        m_pin = sources::imap::ImapAccount::fingerprintOf(certificates.first());
        for (const char* folder : {"config", "data", "cache", "home"})
            QDir().mkpath(m_dir.filePath(QString::fromLatin1(folder)));
    }

    void cleanupTestCase() { m_server.stop(); }

    void untrustedCertificateNamesItsFingerprintAndHowToPin()
    {
        const Run run =
            cli(importArguments({QStringLiteral("--password-stdin")}), m_server.password() + "\n");
        QCOMPARE(run.exitCode, 2);
        const QSslCertificate certificate = QSslCertificate::fromPath(m_server.certificatePath()).first();
        const QString display = sources::imap::ImapAccount::displayFingerprint(certificate);
        QVERIFY2(run.output.contains("not trusted"), run.output.constData());
        QVERIFY2(run.output.contains(display.toLatin1()), run.output.constData());
        QVERIFY2(run.output.contains("--pin-sha256"), run.output.constData());
    }

    void wrongPinIsRefused()
    {
        QByteArray wrong = m_pin;
        wrong[0] = wrong[0] == '0' ? '1' : '0';
        const Run run = cli(importArguments({QStringLiteral("--password-stdin"),
                                             QStringLiteral("--pin-sha256"), QString::fromLatin1(wrong)}),
                            m_server.password() + "\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains("is not the pinned one"), run.output.constData());
    }

    // Switches that turn verification off in other tools (and ones a developer might have added) do
    // nothing here.
    void noEnvironmentVariableTurnsVerificationOff()
    {
        QProcessEnvironment insecure;
        for (const char* name : {"AUTHLENS_INSECURE", "AUTHLENS_TLS_INSECURE", "AUTHLENS_NO_VERIFY",
                                 "AUTHLENS_IGNORE_SSL_ERRORS", "AUTHLENS_TLS_VERIFY", "AUTHLENS_SSL_VERIFY",
                                 "QT_SSL_NO_VERIFY", "SSL_NO_VERIFY", "GIT_SSL_NO_VERIFY",
                                 "NODE_TLS_REJECT_UNAUTHORIZED", "PYTHONHTTPSVERIFY", "CURL_INSECURE"})
            insecure.insert(QString::fromLatin1(name),
                            QString::fromLatin1(QByteArray(name).endsWith("VERIFY") ||
                                                        QByteArray(name).endsWith("UNAUTHORIZED")
                                                    ? "0"
                                                    : "1"));
        const Run run =
            cli(importArguments({QStringLiteral("--password-stdin")}), m_server.password() + "\n", insecure);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains("not trusted"), run.output.constData());
    }

    void noOptionTurnsVerificationOff()
    {
        const QRegularExpression insecure(
            QStringLiteral("insecure|no-verify|noverify|skip-verif|ignore-ssl|ignore-cert|ignore-tls|"
                           "tls-verify|ssl-verify|verify-peer|trust-all|accept-any|allow-invalid"),
            QRegularExpression::CaseInsensitiveOption);
        const Run usage = cli({QStringLiteral("--help")});
        QStringList commands;
        for (const QByteArray& line : usage.output.split('\n')) {
            if (line.startsWith("  ") && !line.trimmed().startsWith('-'))
                commands << QString::fromLatin1(line.trimmed().split(' ').first());
        }
        QVERIFY2(commands.contains(QStringLiteral("import")), usage.output.constData());
        for (const QString& command : commands) {
            const Run help = cli({command, QStringLiteral("--help")});
            const auto match = insecure.match(QString::fromUtf8(help.output));
            QVERIFY2(!match.hasMatch(), qPrintable(command + QStringLiteral(": ") + match.captured()));
        }
    }

    // No code path switches peer verification off or ignores certificate errors wholesale; the one
    // ignoreSslErrors() call is the explicit pin's, with the list of errors for that certificate.
    void sourcesHoldNoVerificationSwitch()
    {
        const QRegularExpression forbidden(
            QStringLiteral("VerifyNone|QueryPeer|AutoVerifyPeer|ignoreSslErrors\\(\\s*\\)|"
                           "setPeerVerifyMode\\((?!\\s*QSslSocket::VerifyPeer)"));
        const QRegularExpression environment(
            QStringLiteral("(getenv|qEnvironmentVariable\\w*)\\s*\\(([^)]*)\\)"));
        int files = 0;
        for (const char* root : {"core", "app"}) {
            QDirIterator it(QStringLiteral(AUTHLENS_SOURCE_DIR "/") + QString::fromLatin1(root),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(file.readAll());
                ++files;
                const auto bad = forbidden.match(text);
                QVERIFY2(!bad.hasMatch(),
                         qPrintable(file.fileName() + QStringLiteral(": ") + bad.captured()));
                auto uses = environment.globalMatch(text);
                while (uses.hasNext()) {
                    const QString use = uses.next().captured(2);
                    QVERIFY2(!use.contains(QRegularExpression(QStringLiteral("SSL|TLS|VERIFY|INSECURE|CERT"),
                                                              QRegularExpression::CaseInsensitiveOption)),
                             qPrintable(file.fileName() + QStringLiteral(": ") + use));
                }
            }
        }
        QVERIFY2(files > 100, qPrintable(QString::number(files)));
    }

    void passwordImportLeavesNoTrace()
    {
        const Run run = cli(importArguments({QStringLiteral("--password-stdin"),
                                             QStringLiteral("--pin-sha256"), QString::fromLatin1(m_pin)}),
                            m_server.password() + "\n");
        QVERIFY2(run.exitCode == 1 || run.exitCode == 0, run.output.constData());
        QVERIFY2(run.output.contains("Imported: " + QByteArray::number(kMessages) + " messages read, " +
                                     QByteArray::number(kMessages) + " stored"),
                 run.output.constData());
        // The search can see what the database holds: the account and folder are there in clear.
        QFile db(m_db);
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(
            db.readAll().contains("imaps://analyst@127.0.0.1:" + QByteArray::number(m_server.imapsPort())));
        verifyNoSecretIn(filesToSearch(), 2);
    }

    void tokenImportLeavesNoTrace()
    {
        QFile token(m_dir.filePath(QStringLiteral("token/access-token")));
        QDir().mkpath(QFileInfo(token).path());
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(kToken + "\n");
        token.close();
        const Run run = cli(importArguments({QStringLiteral("--xoauth2-token-file"), token.fileName(),
                                             QStringLiteral("--pin-sha256"), QString::fromLatin1(m_pin)}));
        // This Dovecot offers no XOAUTH2: the login fails, with a reason and without the token.
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output.contains("XOAUTH2") || run.output.contains("refused the login"),
                 run.output.constData());
        verifyNoSecretIn(filesToSearch(), 2);
    }

    void reportHoldsNoSecret()
    {
        if (!hasReportCommand())
            QSKIP("authlens-cli was built without the desktop app, so it has no report command");
        const QString pdf = m_dir.filePath(QStringLiteral("report/report.pdf"));
        QDir().mkpath(QFileInfo(pdf).path());
        const Run run =
            cli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf});
        QVERIFY2(run.exitCode == 0, run.output.constData());
        QVERIFY(QFileInfo(pdf).size() > 1000);
        QStringList files = filesToSearch();
        const QString pdftotext =
            QStandardPaths::findExecutable(QStringLiteral("pdftotext"), {QStringLiteral("/usr/bin")});
        if (!pdftotext.isEmpty()) {
            const QString text = m_dir.filePath(QStringLiteral("report/report.txt"));
            QProcess convert;
            convert.start(pdftotext, {pdf, text});
            QVERIFY(convert.waitForFinished(60000));
            QCOMPARE(convert.exitCode(), 0);
            QFile converted(text);
            QVERIFY(converted.open(QIODevice::ReadOnly));
            // The text is real: the report names the domain it covers.
            QVERIFY(converted.readAll().contains("example.com"));
            files << text;
        } else {
            qWarning("pdftotext (poppler-utils) not found: the PDF is searched as raw bytes only");
        }
        QVERIFY(files.contains(pdf));
        verifyNoSecretIn(files, 4);
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
