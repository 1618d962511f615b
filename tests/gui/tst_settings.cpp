// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Preferences and the window's remembered state, offscreen: settings round-trip through
// QSettings and the dialog, are applied to the checker and to a re-verification of stored messages
// (the samples' 1024-bit and rsa-sha1 signatures change verdict with the policy), the message table's
// column layout survives recreating the page, the main actions have shortcuts, and input controls
// have accessible names.
#include "MainWindow.h"
#include "Session.h"
#include "checker/CheckerPage.h"
#include "checker/VerdictCard.h"
#include "import/ImportController.h"
#include "messages/MessageTableModel.h"
#include "messages/MessagesPage.h"
#include "settings/AppSettings.h"
#include "settings/ReverifyController.h"
#include "settings/SettingsDialog.h"
#include "store/MessageQueries.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;
using desktop::AppSettings;
using desktop::MainWindow;

namespace {

QString samples()
{
    return QStringLiteral(AUTHLENS_SOURCE_DIR "/resources/samples");
}

// The Nth message of the sample mbox (0-based), mboxrd-unquoted.
QByteArray sampleMessage(int n)
{
    QFile file(samples() + QStringLiteral("/samples.mbox"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> messages;
    QByteArray current;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith("From ")) {
            if (!current.isEmpty())
                messages.append(current);
            current.clear();
            continue;
        }
        QByteArray l = line;
        if (l.startsWith(">") && l.mid(l.lastIndexOf('>') + 1).startsWith("From "))
            l.remove(0, 1);
        current += l + '\n';
    }
    messages.append(current);
    return messages.value(n);
}

QString checkerSummary(MainWindow& window, const QByteArray& raw)
{
    window.checker()->clear();
    window.checker()->checkRaw(raw, QStringLiteral("sample"));
    const QList<desktop::VerdictCard*> cards = window.checker()->cards();
    return cards.size() == 1 ? cards.front()->summary() : QStringLiteral("(no card)");
}

template <typename T> T* child(QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

// Input controls a screen reader would announce without a name.
QStringList unnamedControls(QWidget* root)
{
    QStringList unnamed;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) ||
                             qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
                             qobject_cast<QAbstractItemView*>(w) || qobject_cast<QPlainTextEdit*>(w);
        // Qt's own parts of composite widgets (a spin box's line edit, the tab bar's scroll buttons,
        // a combo box's popup list) are named by their owner.
        if (!control || w->objectName().startsWith(QLatin1String("qt_")) ||
            qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
            qobject_cast<QComboBox*>(w->parentWidget()) || w->inherits("QTabBar") ||
            w->inherits("QHeaderView") || w->inherits("QTableCornerButton") ||
            w->inherits("QLineEditIconButton") ||
            // Dialogs the window owns (import progress, ...) are audited by their own tests.
            w->window() != root || w->parentWidget()->inherits("QTabBar") ||
            w->window()->inherits("QComboBoxPrivateContainer") || w->inherits("QComboBoxListView"))
            continue;
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 %2").arg(QString::fromLatin1(w->metaObject()->className()),
                                                   w->objectName());
    }
    return unnamed;
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("AuthlensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settings"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void init() { QSettings().clear(); }

    void settingsRoundTripThroughQSettings()
    {
        AppSettings s;
        s.dnsMode = AppSettings::DnsMode::Server;
        s.dnsServer = QStringLiteral("192.0.2.53:5353");
        s.serverDnssec = true;
        s.recordsFile = QStringLiteral("/tmp/x.zone");
        s.dnsTimeoutSeconds = 9;
        s.minimumRsaBits = 2048;
        s.rsaSha1 = AppSettings::RsaSha1::Accept;
        s.clockSkewSeconds = 42;
        s.signaturesPerMessage = 3;
        s.trustedAuthservIds = {QStringLiteral("mx.example.com"), QStringLiteral("mx2.example.net")};
        s.language = QStringLiteral("de");
        QSettings file(m_dir.filePath(QStringLiteral("roundtrip.ini")), QSettings::IniFormat);
        s.save(file);
        file.sync();
        const QSettings reread(m_dir.filePath(QStringLiteral("roundtrip.ini")), QSettings::IniFormat);
        QVERIFY(AppSettings::load(reread) == s);
        QCOMPARE(AppSettings::load(reread).resolverRequest().dnsServer, s.dnsServer);
        QVERIFY(AppSettings::load(reread).resolverRequest().dnssec);

        pipeline::AnalyzerOptions options;
        options.lintRecords = false; // not the settings' to change
        s.applyTo(options);
        QCOMPARE(options.dkim.minimumRsaBits, 2048);
        QVERIFY(options.dkim.acceptRsaSha1);
        QCOMPARE(options.dkim.clockSkewSeconds, qint64(42));
        QCOMPARE(options.dkim.maxSignatures, 3);
        QCOMPARE(options.trustedAuthservIds, QList<QByteArray>({"mx.example.com", "mx2.example.net"}));
        QVERIFY(!options.lintRecords);
    }

    void missingOrHandEditedValuesFallBack()
    {
        QSettings file(m_dir.filePath(QStringLiteral("edited.ini")), QSettings::IniFormat);
        file.clear();
        AppSettings loaded = AppSettings::load(file, QStringLiteral("/samples/records.zone"));
        QCOMPARE(loaded.dnsMode, AppSettings::DnsMode::RecordsFile); // first start: the bundled snapshot
        QCOMPARE(loaded.recordsFile, QStringLiteral("/samples/records.zone"));
        QCOMPARE(loaded.minimumRsaBits, 1024);
        QCOMPARE(loaded.rsaSha1, AppSettings::RsaSha1::Refuse);
        QCOMPARE(loaded.clockSkewSeconds, 300);
        QCOMPARE(loaded.signaturesPerMessage, 8);
        QCOMPARE(AppSettings::load(file).dnsMode, AppSettings::DnsMode::System);

        file.setValue(QStringLiteral("settings/dns/mode"), QStringLiteral("carrier-pigeon"));
        file.setValue(QStringLiteral("settings/policy/minimumRsaBits"), 7);
        file.setValue(QStringLiteral("settings/policy/clockSkewSeconds"), -5);
        file.setValue(QStringLiteral("settings/policy/signaturesPerMessage"), QStringLiteral("lots"));
        file.setValue(QStringLiteral("settings/receivers/trustedAuthservIds"),
                      QStringList({QStringLiteral(" "), QStringLiteral(" mx.example.com ")}));
        loaded = AppSettings::load(file);
        QCOMPARE(loaded.dnsMode, AppSettings::DnsMode::System);
        QCOMPARE(loaded.minimumRsaBits, AppSettings::kMinRsaBitsFloor);
        QCOMPARE(loaded.clockSkewSeconds, 0);
        QCOMPARE(loaded.signaturesPerMessage, 8);
        QCOMPARE(loaded.trustedAuthservIds, QStringList({QStringLiteral("mx.example.com")}));
    }

    void dialogShowsAndEditsTheSettings()
    {
        AppSettings s;
        s.minimumRsaBits = 1536;
        s.trustedAuthservIds = {QStringLiteral("mx.example.com")};
        s.language = QStringLiteral("fr_FR");
        desktop::SettingsDialog dialog(s);
        QVERIFY(dialog.settings() == s || dialog.settings().language == QStringLiteral("fr"));
        QCOMPARE(child<QSpinBox>(&dialog, "policyMinRsaBits")->value(), 1536);
        QCOMPARE(child<QComboBox>(&dialog, "language")->currentData().toString(), QStringLiteral("fr"));

        child<QSpinBox>(&dialog, "policyMinRsaBits")->setValue(2048);
        child<QComboBox>(&dialog, "policyRsaSha1")->setCurrentIndex(1);
        child<QSpinBox>(&dialog, "policyClockSkew")->setValue(0);
        child<QSpinBox>(&dialog, "policySignatures")->setValue(2);
        child<QPlainTextEdit>(&dialog, "trustedAuthservIds")
            ->setPlainText(QStringLiteral(" mx.a.example \n\nmx.b.example\n"));
        child<QRadioButton>(&dialog, "dnsRecursive")->setChecked(true);
        const AppSettings edited = dialog.settings();
        QCOMPARE(edited.minimumRsaBits, 2048);
        QCOMPARE(edited.rsaSha1, AppSettings::RsaSha1::Accept);
        QCOMPARE(edited.clockSkewSeconds, 0);
        QCOMPARE(edited.signaturesPerMessage, 2);
        QCOMPARE(edited.trustedAuthservIds,
                 QStringList({QStringLiteral("mx.a.example"), QStringLiteral("mx.b.example")}));
        QCOMPARE(edited.dnsMode, AppSettings::DnsMode::Recursive);
        QVERIFY(edited.resolverRequest().dnssec);
        QVERIFY(edited.changesVerdicts(s));
        QVERIFY2(dialog.validate().isEmpty(), qPrintable(dialog.validate()));
    }

    void dialogRefusesWhatTheCoreWouldRefuse()
    {
        desktop::SettingsDialog dialog(AppSettings{});
        child<QRadioButton>(&dialog, "dnsServer")->setChecked(true);
        QVERIFY(child<QLineEdit>(&dialog, "dnsServerAddress")->isEnabled());
        QVERIFY(!child<QLineEdit>(&dialog, "dnsRecordsFilePath")->isEnabled());
        QVERIFY(dialog.validate().contains(QLatin1String("address")));
        child<QLineEdit>(&dialog, "dnsServerAddress")->setText(QStringLiteral("not an address"));
        QVERIFY(!dialog.validate().isEmpty());
        child<QLineEdit>(&dialog, "dnsServerAddress")->setText(QStringLiteral("192.0.2.53"));
        QVERIFY2(dialog.validate().isEmpty(), qPrintable(dialog.validate()));

        child<QRadioButton>(&dialog, "dnsRecordsFile")->setChecked(true);
        child<QLineEdit>(&dialog, "dnsRecordsFilePath")->setText(m_dir.filePath(QStringLiteral("gone.zone")));
        QVERIFY(dialog.validate().contains(QLatin1String("gone.zone")));
        const QString bad = m_dir.filePath(QStringLiteral("bad.zone"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a.example. 300 IN TXT \"fine\"\nthis line is no record at all\n");
        file.close();
        child<QLineEdit>(&dialog, "dnsRecordsFilePath")->setText(bad);
        QVERIFY2(dialog.validate().contains(QLatin1String("bad.zone")), qPrintable(dialog.validate()));

        child<QRadioButton>(&dialog, "dnsSystem")->setChecked(true);
        child<QPlainTextEdit>(&dialog, "trustedAuthservIds")
            ->setPlainText(QStringLiteral("mx.example.com; dkim=pass"));
        QVERIFY(dialog.validate().contains(QLatin1String("authserv-id")));

        // OK with an error keeps the dialog open and shows why.
        dialog.show();
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(child<QLabel>(&dialog, "settingsError")->isVisible());
    }

    void policyChangeChangesTheCheckersVerdict()
    {
        const QByteArray weakKey = sampleMessage(8); // 1024-bit key nl2025 of news.example
        const QByteArray sha1 = sampleMessage(9);    // rsa-sha1, selector legacy of bank.example
        if (weakKey.isEmpty() || !weakKey.contains("s=nl2025") || !sha1.contains("a=rsa-sha1"))
            QSKIP("resources/samples is missing or changed");
        MainWindow window;
        QCOMPARE(window.session()->settings().dnsMode, AppSettings::DnsMode::RecordsFile);
        QVERIFY2(checkerSummary(window, weakKey).startsWith(QLatin1String("DKIM pass")),
                 qPrintable(checkerSummary(window, weakKey)));
        QVERIFY(checkerSummary(window, sha1).startsWith(QLatin1String("DKIM policy")));

        AppSettings strict = window.session()->settings();
        strict.minimumRsaBits = 2048;
        strict.rsaSha1 = AppSettings::RsaSha1::Accept;
        bool changed = false;
        QVERIFY(window.applySettings(strict, &changed));
        QVERIFY(changed);
        QVERIFY2(checkerSummary(window, weakKey).startsWith(QLatin1String("DKIM policy")),
                 qPrintable(checkerSummary(window, weakKey)));
        QVERIFY2(checkerSummary(window, sha1).startsWith(QLatin1String("DKIM pass")),
                 qPrintable(checkerSummary(window, sha1)));

        // Stored, and the next window starts with them.
        MainWindow next;
        QCOMPARE(next.session()->settings().minimumRsaBits, 2048);
        QCOMPARE(next.session()->analyzer().options().dkim.minimumRsaBits, 2048);
        QVERIFY(next.session()->analyzer().options().dkim.acceptRsaSha1);
        QVERIFY(checkerSummary(next, weakKey).startsWith(QLatin1String("DKIM policy")));

        // A DNS source that cannot be used changes nothing.
        AppSettings broken = strict;
        broken.dnsMode = AppSettings::DnsMode::RecordsFile;
        broken.recordsFile = m_dir.filePath(QStringLiteral("missing.zone"));
        broken.minimumRsaBits = 4096;
        QVERIFY(!next.applySettings(broken));
        QCOMPARE(next.session()->analyzer().options().dkim.minimumRsaBits, 2048);
        QCOMPARE(AppSettings::load().minimumRsaBits, 2048);
    }

    void reverifyAppliesThePolicyToStoredMessages()
    {
        if (sampleMessage(8).isEmpty())
            QSKIP("resources/samples is missing");
        MainWindow window;
        QVERIFY(window.openDatabase(m_dir.filePath(QStringLiteral("reverify.sqlite"))));
        QSignalSpy imported(window.imports(), &desktop::ImportController::finished);
        QVERIFY(window.importSamplesIfFirstRun());
        QVERIFY(imported.wait(120000));
        store::MessageQueries queries(*window.session()->database());
        store::MessageFilter weak;
        weak.selector = QStringLiteral("nl2025");
        QVERIFY(queries.count(weak) > 0);
        weak.dkimResult = QStringLiteral("policy");
        QCOMPARE(queries.count(weak), qint64(0));

        AppSettings strict = window.session()->settings();
        strict.minimumRsaBits = 2048;
        QVERIFY(window.applySettings(strict));
        QSignalSpy reverified(window.reverifier(), &desktop::ReverifyController::finished);
        QVERIFY(window.reverifyAll());
        QVERIFY(!window.reverifyAll()); // one at a time
        QVERIFY(reverified.wait(120000));
        const pipeline::ReverifySummary& summary = window.reverifier()->lastSummary();
        QVERIFY2(summary.fatalError.isEmpty(), qPrintable(summary.fatalError));
        QVERIFY(summary.changed > 0);
        QVERIFY(queries.count(weak) > 0);
        // The message list follows (the session said the data changed).
        desktop::MessageTableModel* model = window.messages()->model();
        window.messages()->setFilter(weak);
        QCOMPARE(qint64(model->rowCount()), queries.count(weak));
        const QModelIndex dkim = model->index(0, desktop::MessageTableModel::DkimColumn);
        QCOMPARE(dkim.data(desktop::MessageTableModel::ResultRole).toString(), QStringLiteral("policy"));
        QVERIFY2(dkim.data().toString().contains(QStringLiteral(" policy")),
                 qPrintable(dkim.data().toString()));
    }

    void columnLayoutIsRestoredAfterRecreatingThePage()
    {
        desktop::Session session;
        QVERIFY(session.openDatabase(m_dir.filePath(QStringLiteral("reverify.sqlite"))));
        using Model = desktop::MessageTableModel;
        {
            desktop::MessagesPage page(&session);
            page.resize(1000, 600);
            QHeaderView* header = page.view()->horizontalHeader();
            header->moveSection(header->visualIndex(Model::SubjectColumn), 0);
            header->setSectionHidden(Model::SpfColumn, true);
            header->resizeSection(Model::FromColumn, 321);
            page.view()->sortByColumn(Model::FromColumn, Qt::AscendingOrder);
            // Not saved explicitly: the page saves a pending change when it goes.
        }
        QVERIFY(QSettings().contains(QLatin1String(desktop::MessagesPage::kColumnsKey)));
        desktop::MessagesPage page(&session);
        page.resize(1000, 600);
        QHeaderView* header = page.view()->horizontalHeader();
        QCOMPARE(header->visualIndex(Model::SubjectColumn), 0);
        QVERIFY(header->isSectionHidden(Model::SpfColumn));
        QVERIFY(!header->isSectionHidden(Model::DmarcColumn));
        QCOMPARE(header->sectionSize(Model::FromColumn), 321);
        QCOMPARE(header->sortIndicatorSection(), int(Model::FromColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        // The rows are in that order too, not just the arrow.
        desktop::MessageTableModel* model = page.model();
        if (model->rowCount() >= 2) {
            for (int row = 1; row < std::min(model->rowCount(), 20); ++row)
                // SQLite's BINARY collation: byte order, as QString compares ASCII.
                QVERIFY(model->index(row - 1, Model::FromColumn).data().toString() <=
                        model->index(row, Model::FromColumn).data().toString());
        }

        page.resetColumnLayout();
        QCOMPARE(header->visualIndex(Model::SubjectColumn), int(Model::SubjectColumn));
        QVERIFY(!header->isSectionHidden(Model::SpfColumn));
        QCOMPARE(header->sortIndicatorSection(), int(Model::DateColumn));

        // A state from another version (other column count) is ignored, not half-applied.
        QSettings().setValue(QLatin1String(desktop::MessagesPage::kColumnsKey), QByteArray("garbage"));
        desktop::MessagesPage fresh(&session);
        QVERIFY(!fresh.view()->horizontalHeader()->isSectionHidden(Model::SpfColumn));
    }

    void mainActionsHaveShortcuts()
    {
        MainWindow window;
        const QList<QPair<const char*, QKeySequence>> expected = {
            {"actionOpen", QKeySequence::Open},
            {"actionImport", QKeySequence(QStringLiteral("Ctrl+I"))},
            {"actionExportReport", QKeySequence(QStringLiteral("Ctrl+E"))},
            {"actionReverify", QKeySequence(QStringLiteral("Ctrl+R"))},
            {"actionFind", QKeySequence::Find},
            {"actionSettings", QKeySequence(QStringLiteral("Ctrl+,"))},
        };
        QSet<QKeySequence> seen;
        for (const auto& [name, keys] : expected) {
            QAction* action = window.findChild<QAction*>(QLatin1String(name));
            QVERIFY2(action, name);
            QCOMPARE(action->shortcut(), QKeySequence(keys));
        }
        for (int page = 1; page <= 6; ++page) {
            QAction* action = window.findChild<QAction*>(QStringLiteral("actionPage%1").arg(page));
            QVERIFY(action);
            QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+%1").arg(page)));
        }
        // No two actions share a shortcut.
        for (QAction* action : window.findChildren<QAction*>()) {
            if (action->shortcut().isEmpty())
                continue;
            QVERIFY2(!seen.contains(action->shortcut()), qPrintable(action->shortcut().toString()));
            seen.insert(action->shortcut());
        }
        auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
        window.findChild<QAction*>(QStringLiteral("actionPage4"))->trigger();
        QCOMPARE(pages->currentIndex(), 3);
        window.findChild<QAction*>(QStringLiteral("actionFind"))->trigger();
        QCOMPARE(pages->currentWidget(), window.messages());
    }

    void controlsHaveAccessibleNames()
    {
        MainWindow window;
        const QStringList unnamedInWindow = unnamedControls(&window);
        QVERIFY2(unnamedInWindow.isEmpty(), qPrintable(unnamedInWindow.join(QStringLiteral(", "))));
        desktop::SettingsDialog dialog(AppSettings{});
        const QStringList unnamedInDialog = unnamedControls(&dialog);
        QVERIFY2(unnamedInDialog.isEmpty(), qPrintable(unnamedInDialog.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
