// SPDX-License-Identifier: GPL-3.0-or-later
// The import pipeline over IMAP against a real Dovecot on loopback: imaps:// with a pinned self-signed
// certificate, every message stored with its UID, and an incremental second import that fetches only
// what arrived since.
#include "../unit/pipeline/ImportSamples.h"
#include "imap/DovecotServer.h"

#include "pipeline/Importer.h"
#include "sources/imap/ImapAccount.h"
#include "store/Database.h"
#include "store/ImapSyncStates.h"

#include <QSqlQuery>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;
using importsamples::Samples;

class TestImportImap : public QObject
{
    Q_OBJECT

    DovecotServer m_server;
    Samples m_samples;
    QTemporaryDir m_dir;

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

    pipeline::ImportSummary import(const QString& db, const QByteArray& secret) const
    {
        pipeline::ImportOptions options;
        options.imapSecret = secret;
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_server.certificatePath());
        if (!certificates.isEmpty())
            options.imapPinnedSha256 = sources::imap::ImapAccount::fingerprintOf(certificates.first());
        pipeline::Importer importer(db, m_samples.resolver(), options);
        return importer.run(
            {QStringLiteral("imaps://%1@127.0.0.1:%2/INBOX").arg(m_server.user()).arg(m_server.imapsPort())});
    }

private slots:
    void initTestCase()
    {
        const QString error = m_server.start();
        if (error.contains(QStringLiteral("not installed")) || error.contains(QStringLiteral("needs root")))
            QSKIP(qPrintable(error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_samples.ok());
    }

    void cleanupTestCase() { m_server.stop(); }

    void importsAFolderIncrementally()
    {
        QList<QByteArray> first;
        for (int n = 0; n < 30; ++n)
            first.append(m_samples.message(n, "imap", n % 5 == 0));
        QVERIFY(m_server.deliver(QStringLiteral("INBOX"), first));
        const QString db = m_dir.filePath(QStringLiteral("imap.authlens"));

        const pipeline::ImportSummary wrong = import(db, "not the password");
        QCOMPARE(wrong.sources.size(), 1);
        QVERIFY2(!wrong.sources.first().error.isEmpty(), "a refused login must be reported");
        QCOMPARE(wrong.stored, 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM imports WHERE status = 'failed'")), 1);

        const pipeline::ImportSummary summary = import(db, m_server.password());
        QVERIFY2(summary.sources.first().error.isEmpty(),
                 qPrintable(summary.sources.first().error + m_server.log()));
        QCOMPARE(summary.sources.first().kind, QStringLiteral("imap"));
        QCOMPARE(summary.messagesRead, 30);
        QCOMPARE(summary.stored, 30);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE imap_uid IS NOT NULL AND "
                                           "imap_folder = 'INBOX' AND imap_uidvalidity > 0")),
                 30);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'pass'")), 24);
        QCOMPARE(scalar(db, QStringLiteral("SELECT highest_uid FROM imap_sync_state")), 30);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT COUNT(*) FROM sources WHERE kind = 'imap' AND locator LIKE "
                                      "'imaps://analyst@127.0.0.1:%/INBOX'")),
            1);

        QList<QByteArray> second;
        for (int n = 30; n < 35; ++n)
            second.append(m_samples.message(n, "imap"));
        QVERIFY(m_server.deliver(QStringLiteral("INBOX"), second));
        const pipeline::ImportSummary again = import(db, m_server.password());
        QVERIFY2(again.sources.first().error.isEmpty(), qPrintable(again.sources.first().error));
        QCOMPARE(again.messagesRead, 5); // only what is new
        QCOMPARE(again.stored, 5);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages")), 35);
        QCOMPARE(scalar(db, QStringLiteral("SELECT highest_uid FROM imap_sync_state")), 35);
    }
};

QTEST_GUILESS_MAIN(TestImportImap)
#include "tst_import_imap.moc"
