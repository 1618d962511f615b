// SPDX-License-Identifier: GPL-3.0-or-later
// The import dialogs: the IMAP account dialog's validation, accounts saved without their secret, the
// progress dialog's list of per-message errors with their positions, and a window that keeps
// handling events while an import runs.
#include "MainWindow.h"
#include "Session.h"
#include "import/ImapAccountDialog.h"
#include "import/ImapAccountSettings.h"
#include "import/ImapAccountsController.h"
#include "import/ImportController.h"
#include "import/ImportProgressDialog.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace authlens::desktop;

namespace {

const QByteArray kPostmark = "From ann@example.com Mon Jan  1 10:00:00 2024\n";

QByteArray message(int index, const QByteArray& body = {})
{
    return "From: Ann <ann@example.com>\nTo: bob@example.org\nSubject: message " + QByteArray::number(index) +
           "\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <import-dialog-" + QByteArray::number(index) +
           "@example.com>\n\n" + (body.isEmpty() ? QByteArray("Hello.\n") : body);
}

bool write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestImportDialogs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("AuthlensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_import_dialogs"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void accountDialogValidates()
    {
        ImapAccountDialog dialog;
        dialog.show();
        auto* host = dialog.findChild<QLineEdit*>(QStringLiteral("imapHost"));
        auto* user = dialog.findChild<QLineEdit*>(QStringLiteral("imapUser"));
        auto* port = dialog.findChild<QSpinBox*>(QStringLiteral("imapPort"));
        auto* security = dialog.findChild<QComboBox*>(QStringLiteral("imapSecurity"));
        QVERIFY(host && user && port && security);

        // Nothing entered: Save refuses and says what is missing; the dialog stays open.
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("host name")), qPrintable(dialog.statusText()));

        host->setText(QStringLiteral("imap.example.com/INBOX"));
        QVERIFY(dialog.validate().contains(QStringLiteral("'/'")));
        host->setText(QStringLiteral(" imap.example.com"));
        QVERIFY(!dialog.validate().isEmpty());
        host->setText(QStringLiteral("imap.example.com"));
        QVERIFY(dialog.validate().contains(QStringLiteral("user name")));
        user->setText(QStringLiteral("seed@example.com"));
        dialog.setFolderChecked(QStringLiteral("INBOX"), false);
        QVERIFY(dialog.validate().contains(QStringLiteral("folder")));
        dialog.setFolderChecked(QStringLiteral("INBOX"), true);
        QCOMPARE(dialog.validate(), QString());

        // The port follows the TLS mode unless the analyst typed another one.
        QCOMPARE(port->value(), 993);
        security->setCurrentIndex(1);
        QCOMPARE(port->value(), 143);
        port->setValue(10143);
        security->setCurrentIndex(0);
        QCOMPARE(port->value(), 10143);

        // Fetching folders without a password is refused before any connection.
        QSignalSpy fetched(&dialog, &ImapAccountDialog::folderFetchFinished);
        dialog.fetchFolders();
        QCOMPARE(fetched.count(), 1);
        QCOMPARE(fetched.first().first().toBool(), false);
        QVERIFY(dialog.statusText().contains(QStringLiteral("password")));

        const SavedImapAccount account = dialog.account();
        QCOMPARE(account.host, QStringLiteral("imap.example.com"));
        QCOMPARE(account.port, quint16(10143));
        QCOMPARE(account.folders, QStringList{QStringLiteral("INBOX")});
        QCOMPARE(account.importUrls(),
                 QStringList{QStringLiteral("imaps://seed%40example.com@imap.example.com:10143/INBOX")});
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    // The method chosen in the dialog is the one the import signs in with, not only the folder list.
    void importSignsInWithTheChosenMethod_data()
    {
        using Core = authlens::sources::imap::ImapAccount::AuthMethod;
        QTest::addColumn<int>("chosen");
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("token");
        QTest::newRow("LOGIN") << int(SavedImapAccount::AuthMethod::Login) << int(Core::Login) << false;
        QTest::newRow("PLAIN") << int(SavedImapAccount::AuthMethod::Plain) << int(Core::Plain) << false;
        QTest::newRow("XOAUTH2") << int(SavedImapAccount::AuthMethod::XOAuth2) << int(Core::XOAuth2) << true;
    }

    void importSignsInWithTheChosenMethod()
    {
        QFETCH(int, chosen);
        QFETCH(int, expected);
        QFETCH(bool, token);
        SavedImapAccount account;
        account.host = QStringLiteral("imap.example.com");
        account.user = QStringLiteral("seed@example.com");
        account.authMethod = SavedImapAccount::AuthMethod(chosen);
        const authlens::pipeline::ImportOptions options = account.importOptions("secret");
        QCOMPARE(int(options.imapAuthMethod), expected);
        QCOMPARE(options.imapXOAuth2, token);
    }

    void savedAccountHoldsNoSecret()
    {
        QWidget window;
        ImportController imports(nullptr);
        ImapAccountsController accounts(&imports, &window);
        SavedImapAccount account;
        account.host = QStringLiteral("imap.example.com");
        account.user = QStringLiteral("seed@example.com");
        account.folders = {QStringLiteral("INBOX"), QStringLiteral("Seeds/Gmail")};
        account.monitorMinutes = 15;
        account.pinnedSha256 = "ab:cd:ef";
        const QByteArray password = "Zebra-Secret-4711";

        bool saved = false;
        QString remark;
        SavedImapAccount result;
        accounts.saveAccount(account, password, true, [&](const SavedImapAccount& a, const QString& r) {
            saved = true;
            result = a;
            remark = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(saved, 20000);
        qInfo("keychain: %s", remark.isEmpty() ? "took the password" : qPrintable(remark));
        // Without a keychain the account is kept as "ask each time", and the analyst is told why.
        QCOMPARE(result.rememberSecret, remark.isEmpty());

        const std::optional<SavedImapAccount> loaded = ImapAccountSettings::find(result.id);
        QVERIFY(loaded);
        QCOMPARE(loaded->host, account.host);
        QCOMPARE(loaded->folders, account.folders);
        QCOMPARE(loaded->monitorMinutes, 15);
        QCOMPARE(loaded->pinnedSha256, QByteArray("ab:cd:ef"));

        // Neither any value nor the settings file holds the password, in any form.
        QSettings settings;
        settings.sync();
        for (const QString& key : settings.allKeys()) {
            const QString value = settings.value(key).toString();
            QVERIFY2(!value.contains(QString::fromLatin1(password)), qPrintable(key));
        }
        QFile file(settings.fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray contents = file.readAll();
        QVERIFY(contents.contains("imap.example.com"));
        QVERIFY(!contents.contains(password));
        QVERIFY(!contents.contains(password.toBase64()));
        QVERIFY(!contents.contains(password.toHex()));

        accounts.removeAccount(result.id);
        QVERIFY(!ImapAccountSettings::find(result.id));
    }

    void errorListShowsPositions()
    {
        MainWindow window;
        const QString db = m_dir.filePath(QStringLiteral("errors.sqlite"));
        QVERIFY(window.openDatabase(db));
        // A good message, one with a NUL byte, another good one, then one cut off at the end.
        const QByteArray first = message(1);
        const QByteArray broken = message(2, QByteArray("NUL here \0 and there\n", 21));
        const QByteArray third = message(3);
        QByteArray box = kPostmark + first + "\n" + kPostmark + broken + "\n" + kPostmark + third + "\n";
        const qint64 brokenAt = kPostmark.size() + first.size() + 1;
        box += kPostmark + "From: Ann <ann@example.com>\nSubject: cut off\nDate: Mon, 1 Jan 2024";
        const QString path = m_dir.filePath(QStringLiteral("broken.mbox"));
        QVERIFY(write(path, box));

        ImportProgressDialog* progress = window.importProgress();
        QVERIFY(window.imports()->start({path}));
        progress->begin(QStringLiteral("broken.mbox"));
        QSignalSpy finished(window.imports(), &ImportController::finished);
        QVERIFY(finished.wait(60000));
        QVERIFY(!progress->isFollowing());

        const QList<ImportLogRow>& rows = progress->logRows();
        for (const ImportLogRow& row : rows)
            qInfo("%s | %s | %s", qPrintable(row.source), qPrintable(row.position), qPrintable(row.message));
        const auto nul = std::find_if(rows.begin(), rows.end(), [](const ImportLogRow& row) {
            return row.message.contains(QStringLiteral("NUL"), Qt::CaseInsensitive);
        });
        QVERIFY(nul != rows.end());
        QCOMPARE(nul->source, path);
        // The position is the byte offset of the broken message's "From " line (or within it).
        const QString position = nul->position;
        QVERIFY2(position.startsWith(QStringLiteral("offset ")), qPrintable(position));
        const qint64 offset = QLocale().toLongLong(position.mid(7));
        QVERIFY2(offset >= brokenAt && offset < brokenAt + kPostmark.size() + broken.size(),
                 qPrintable(position));
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const ImportLogRow& row) {
            return row.message.contains(QStringLiteral("truncated"), Qt::CaseInsensitive);
        }));

        // Shown in the table and copyable as text.
        auto* table = progress->findChild<QTableWidget*>(QStringLiteral("importLog"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), rows.size());
        QVERIFY(!table->isHidden());
        const QString text = progress->logText();
        QVERIFY(text.contains(position));
        QVERIFY(text.contains(QStringLiteral("NUL"), Qt::CaseInsensitive));
        auto* counts = progress->findChild<QLabel*>(QStringLiteral("importCounts"));
        const authlens::pipeline::ImportSummary& summary = window.imports()->lastSummary();
        QVERIFY(summary.messagesRead >= 3);
        QVERIFY2(
            counts->text().startsWith(QLocale().toString(summary.messagesRead) + QStringLiteral(" read, ")),
            qPrintable(counts->text()));
    }

    void eventLoopRunsDuringImport()
    {
        MainWindow window;
        QVERIFY(window.openDatabase(m_dir.filePath(QStringLiteral("busy.sqlite"))));
        QByteArray box;
        for (int i = 0; i < 4000; ++i)
            box += kPostmark + message(10000 + i, QByteArray(1500, 'x') + "\n") + "\n";
        const QString path = m_dir.filePath(QStringLiteral("busy.mbox"));
        QVERIFY(write(path, box));

        // A timer ticking every 20 ms measures how long the GUI thread is ever away.
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            if (window.imports()->isRunning()) {
                longestGap = qMax(longestGap, now - last);
                ++ticks;
            }
            last = now;
        });
        QSignalSpy progressed(window.imports(), &ImportController::progress);
        clock.start();
        timer.start(20);
        QVERIFY(window.imports()->start({path}));
        window.importProgress()->begin(QStringLiteral("busy.mbox"));
        QSignalSpy finished(window.imports(), &ImportController::finished);
        QVERIFY(finished.wait(120000));
        const qint64 took = clock.elapsed();
        timer.stop();
        qInfo(
            "import of 4000 messages took %lld ms; %d timer ticks, longest gap %lld ms, %d progress reports",
            took, ticks, longestGap, int(progressed.count()));
        QCOMPARE(window.imports()->lastSummary().stored, 4000);
        QVERIFY(ticks >= 5);
        // The GUI thread only hands off work: it is never away for long (generous for a loaded machine).
        QVERIFY2(longestGap < 1500, qPrintable(QString::number(longestGap)));
        QVERIFY(progressed.count() >= 1);
    }

    void cancelStopsTheImport()
    {
        MainWindow window;
        QVERIFY(window.openDatabase(m_dir.filePath(QStringLiteral("cancel.sqlite"))));
        const QString path = m_dir.filePath(QStringLiteral("busy.mbox")); // written by the test above
        QVERIFY(QFile::exists(path));
        ImportProgressDialog* progress = window.importProgress();
        QSignalSpy progressed(window.imports(), &ImportController::progress);
        QSignalSpy finished(window.imports(), &ImportController::finished);
        QVERIFY(window.imports()->start({path}));
        progress->begin(QStringLiteral("busy.mbox"));
        progress->show();
        auto* cancel = progress->findChild<QPushButton*>(QStringLiteral("importCancel"));
        QVERIFY(cancel && cancel->isVisible());
        QVERIFY(progressed.wait(60000));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        const authlens::pipeline::ImportSummary& summary = window.imports()->lastSummary();
        qInfo("cancelled after %lld of 4000 messages", summary.messagesRead);
        QVERIFY(summary.cancelled);
        QVERIFY(summary.messagesRead < 4000);
        QVERIFY(!cancel->isVisible());
        auto* text = progress->findChild<QLabel*>(QStringLiteral("importSummary"));
        QVERIFY2(text->text().contains(QStringLiteral("cancelled")), qPrintable(text->text()));
    }
};

QTEST_MAIN(TestImportDialogs)
#include "tst_import_dialogs.moc"
