// SPDX-License-Identifier: GPL-3.0-or-later
// An IMAP account set up through the dialog and imported through the window's controller, against a
// real Dovecot (tests/integration/imap/DovecotServer): the self-signed certificate is refused until
// the analyst trusts it, the folders come from the server, and the progress dialog shows the count.
#include "../integration/imap/DovecotServer.h"

#include "MainWindow.h"
#include "Session.h"
#include "import/ImapAccountDialog.h"
#include "import/ImapAccountMonitor.h"
#include "import/ImapAccountSettings.h"
#include "import/ImapAccountsController.h"
#include "import/ImportController.h"
#include "import/ImportProgressDialog.h"
#include "sources/imap/ImapAccount.h"
#include "store/MessageQueries.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens::desktop;

namespace {

QByteArray seedMessage(int index)
{
    return "From: Seed <seed@example.org>\r\nTo: analyst@example.com\r\nSubject: seed " +
           QByteArray::number(index) + "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMessage-ID: <gui-seed-" +
           QByteArray::number(index) + "@example.org>\r\n\r\nSeed body " + QByteArray::number(index) + "\r\n";
}

} // namespace

class TestImapAccountImport : public QObject
{
    Q_OBJECT

    DovecotServer m_server;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("AuthlensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_imap_account_import"));
        QSettings().clear();
        const QString error = m_server.start();
        if (error.contains(QStringLiteral("not installed")) || error.contains(QStringLiteral("needs root")))
            QSKIP(qPrintable(error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QList<QByteArray> inbox, reports;
        for (int i = 0; i < 6; ++i)
            inbox << seedMessage(i);
        for (int i = 100; i < 103; ++i)
            reports << seedMessage(i);
        QVERIFY(m_server.deliver(QStringLiteral("INBOX"), inbox));
        QVERIFY(m_server.deliver(QStringLiteral("Reports"), reports));
    }

    void cleanupTestCase() { m_server.stop(); }

    void importsThroughTheDialog()
    {
        MainWindow window;
        QVERIFY(window.openDatabase(m_dir.filePath(QStringLiteral("imap.sqlite"))));
        ImapAccountDialog dialog(&window);
        dialog.show();
        dialog.findChild<QLineEdit*>(QStringLiteral("imapHost"))->setText(QStringLiteral("127.0.0.1"));
        dialog.findChild<QSpinBox*>(QStringLiteral("imapPort"))->setValue(m_server.imapsPort());
        dialog.findChild<QLineEdit*>(QStringLiteral("imapUser"))->setText(m_server.user());
        dialog.setSecret(m_server.password());

        // The fixture's certificate is self-signed: refused, shown, nothing trusted silently.
        QSignalSpy fetched(&dialog, &ImapAccountDialog::folderFetchFinished);
        dialog.fetchFolders();
        QVERIFY(fetched.wait(30000));
        QCOMPARE(fetched.takeFirst().first().toBool(), false);
        QVERIFY2(!dialog.shownCertificate().isNull(), qPrintable(dialog.statusText()));
        const QList<QSslCertificate> fixture = QSslCertificate::fromPath(m_server.certificatePath());
        QCOMPARE(fixture.size(), 1);
        QCOMPARE(dialog.shownCertificate(), fixture.first());
        QVERIFY(dialog.account().pinnedSha256.isEmpty());
        dialog.trustShownCertificate();
        QCOMPARE(dialog.account().pinnedSha256,
                 authlens::sources::imap::ImapAccount::fingerprintOf(fixture.first()));

        // Trusted for this account: the folders are listed; INBOX and Reports are imported.
        dialog.fetchFolders();
        QVERIFY(fetched.wait(30000));
        QVERIFY2(fetched.takeFirst().first().toBool(), qPrintable(dialog.statusText()));
        const QStringList folders = dialog.listedFolders();
        QVERIFY2(folders.contains(QStringLiteral("INBOX")) && folders.contains(QStringLiteral("Reports")),
                 qPrintable(folders.join(u',')));
        dialog.setFolderChecked(QStringLiteral("Reports"), true);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        ImapAccountsController* accounts = window.imapAccounts();
        bool saved = false;
        SavedImapAccount account;
        accounts->saveAccount(dialog.account(), dialog.secret(), false,
                              [&](const SavedImapAccount& a, const QString&) {
                                  saved = true;
                                  account = a;
                              });
        QTRY_VERIFY(saved);
        QSignalSpy started(accounts, &ImapAccountsController::importStarted);
        QSignalSpy finished(window.imports(), &ImportController::finished);
        QVERIFY(accounts->startImport(account, m_server.password(), true));
        QCOMPARE(started.count(), 1);
        QVERIFY(window.importProgress()->isVisible());
        QVERIFY(finished.wait(60000));

        const authlens::pipeline::ImportSummary& summary = window.imports()->lastSummary();
        for (const auto& source : summary.sources)
            qInfo("%s: %lld stored, error '%s'", qPrintable(source.source), source.stored,
                  qPrintable(source.error));
        QCOMPARE(summary.stored, 9);
        QCOMPARE(authlens::store::MessageQueries(*window.session()->database()).count(), 9);
        const QString counts =
            window.importProgress()->findChild<QLabel*>(QStringLiteral("importCounts"))->text();
        QVERIFY2(counts.startsWith(QStringLiteral("9 read, 9 new")), qPrintable(counts));

        // Nothing new: an import again reads nothing (the sync state was stored with the messages).
        QVERIFY(accounts->startImport(account, m_server.password(), true));
        QVERIFY(finished.wait(60000));
        QCOMPARE(window.imports()->lastSummary().messagesRead, 0);
    }

    void startTlsShowsTheCertificateBeforeTrust()
    {
        // STARTTLS: the certificate is fetched after the plain greeting and the upgrade, and no
        // password is sent before the analyst trusts it.
        ImapAccountDialog dialog;
        dialog.findChild<QLineEdit*>(QStringLiteral("imapHost"))->setText(QStringLiteral("127.0.0.1"));
        dialog.findChild<QComboBox*>(QStringLiteral("imapSecurity"))->setCurrentIndex(1);
        dialog.findChild<QSpinBox*>(QStringLiteral("imapPort"))->setValue(m_server.imapPort());
        dialog.findChild<QLineEdit*>(QStringLiteral("imapUser"))->setText(m_server.user());
        dialog.setSecret(m_server.password());
        QSignalSpy fetched(&dialog, &ImapAccountDialog::folderFetchFinished);
        dialog.fetchFolders();
        QVERIFY(fetched.wait(30000));
        QCOMPARE(fetched.takeFirst().first().toBool(), false);
        const QList<QSslCertificate> fixture = QSslCertificate::fromPath(m_server.certificatePath());
        QVERIFY2(!dialog.shownCertificate().isNull(), qPrintable(dialog.statusText()));
        QCOMPARE(dialog.shownCertificate(), fixture.first());
        auto* details = dialog.findChild<QPlainTextEdit*>(QStringLiteral("imapCertificate"));
        QVERIFY(details->toPlainText().contains(
            authlens::sources::imap::ImapAccount::displayFingerprint(fixture.first())));
        QVERIFY(details->toPlainText().contains(QStringLiteral("localhost")));
        dialog.trustShownCertificate();
        dialog.fetchFolders();
        QVERIFY(fetched.wait(30000));
        QVERIFY2(fetched.takeFirst().first().toBool(), qPrintable(dialog.statusText()));
        QVERIFY(dialog.listedFolders().contains(QStringLiteral("Reports")));
        QCOMPARE(dialog.account().importUrls().first().left(7), QStringLiteral("imap://"));
    }

    void monitorImportsWhatIsNew()
    {
        MainWindow window;
        QVERIFY(window.openDatabase(m_dir.filePath(QStringLiteral("imap.sqlite"))));
        std::optional<SavedImapAccount> account;
        for (const SavedImapAccount& a : ImapAccountSettings::load())
            account = a;
        QVERIFY(account);
        account->monitorMinutes = 1;
        ImapAccountSettings::save(*account);
        // The monitor asks for the password (no keychain entry): answer the prompt.
        ImapAccountMonitor* monitor = window.imapAccounts()->monitor();
        QVERIFY(m_server.deliver(QStringLiteral("INBOX"), {seedMessage(7), seedMessage(8)}));
        QSignalSpy status(monitor, &ImapAccountMonitor::statusChanged);
        QSignalSpy finished(window.imports(), &ImportController::finished);
        monitor->start();
        QVERIFY(monitor->isActive());
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QInputDialog*>(QStringLiteral("imapSecretPrompt")), 20000);
        auto* prompt = window.findChild<QInputDialog*>(QStringLiteral("imapSecretPrompt"));
        QVERIFY(prompt->labelText().contains(QStringLiteral("memory")));
        prompt->setTextValue(QString::fromUtf8(m_server.password()));
        prompt->accept();
        QVERIFY(finished.wait(60000));
        QCOMPARE(window.imports()->lastSummary().stored, 2);
        const QString line = monitor->statusLine();
        QVERIFY2(line.contains(QStringLiteral("2 new")) && line.contains(QStringLiteral("next")),
                 qPrintable(line));
        auto* label = window.findChild<QLabel*>(QStringLiteral("imapMonitorStatus"));
        QVERIFY(label && label->text() == line);

        monitor->stop();
        QVERIFY(!monitor->isActive());
        QVERIFY(label->text().isEmpty());
    }
};

QTEST_MAIN(TestImapAccountImport)
#include "tst_imap_account_import.moc"
