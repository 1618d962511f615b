// SPDX-License-Identifier: GPL-3.0-or-later
// The DKIM setup page on a real SQLite file and a records file standing for the customer's DNS: generate a
// key, read the DNS settings off the page, "publish" the zone line it shows, check the publication in the
// background, enable, and see retiring the only enabled selector refused in the core's words; then a
// rotation to a new selector. The table model runs under QAbstractItemModelTester throughout.
#include "MainWindow.h"
#include "Session.h"
#include "dkim/Signer.h"
#include "dkimsetup/DnsSettings.h"
#include "dkimsetup/PublicationCheck.h"
#include "import/ImportController.h"
#include "setup/DkimSetupPage.h"
#include "setup/DnsSettingsView.h"
#include "setup/NewKeyDialog.h"
#include "setup/SetupTableModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;
using desktop::DkimSetupPage;
using desktop::DnsSettingsView;
using desktop::SetupTableModel;
using dkimsetup::KeyKind;

class TestDkimSetupPage : public QObject
{
    Q_OBJECT

    static bool writeFile(const QString& path, const QByteArray& bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
    }

    // Points the session at a records file with these lines (the customer's DNS as it stands now).
    static bool publish(desktop::Session& session, const QString& path, const QByteArray& lines)
    {
        if (!writeFile(path, "example.com. 300 IN TXT \"v=spf1 -all\"\n" + lines))
            return false;
        dns::ResolverRequest request;
        request.recordsFile = path;
        return session.setResolver(request);
    }

    static QString stateOf(const DkimSetupPage& page, const QByteArray& domain, const QByteArray& selector)
    {
        const int row = page.model()->rowOf(domain, selector);
        return page.model()
            ->index(row, SetupTableModel::StateColumn)
            .data(SetupTableModel::StateNameRole)
            .toString();
    }

    static QString cell(const DkimSetupPage& page, const QByteArray& domain, const QByteArray& selector,
                        int column)
    {
        return page.model()->index(page.model()->rowOf(domain, selector), column).data().toString();
    }

    // Runs the check of the selected selector and returns its state word.
    static QString check(DkimSetupPage& page)
    {
        QSignalSpy finished(&page, &DkimSetupPage::checkFinished);
        if (!page.checkSelected())
            return QStringLiteral("not started: ") + page.message();
        if (finished.isEmpty() && !finished.wait(60000))
            return QStringLiteral("timed out");
        return finished.takeFirst().at(0).toString();
    }

    static bool hasFinding(const DkimSetupPage& page, const QString& id)
    {
        for (const lint::Finding& f : page.reviewFindings()) {
            if (f.id == id)
                return true;
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("AuthlensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dkim_setup_page"));
        QSettings().clear();
    }

    void generatePublishCheckEnableRetire()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        desktop::Session session;
        QVERIFY2(session.openDatabase(dir.filePath(QStringLiteral("setup.sqlite"))),
                 qPrintable(session.lastError()));
        const QString records = dir.filePath(QStringLiteral("customer.zone"));
        QVERIFY(publish(session, records, {}));

        DkimSetupPage page(&session);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page.model()->rowCount(), 0);
        page.dnsSettings()->setCnamePattern(QStringLiteral("{selector}.{domain}.dkim.platform.example"));

        // Generate: the key file is owner-only, the row is listed as generated and selected.
        const auto key = page.generate("Example.COM", "s2026", KeyKind::Rsa2048, dir.path());
        QVERIFY2(key.ok(), qPrintable(key.error));
        QCOMPARE(key.domain, QByteArray("example.com"));
        QVERIFY(QFileInfo::exists(key.privateKeyPath));
        QCOMPARE(QFileInfo(key.privateKeyPath).permissions() &
                     (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        QCOMPARE(page.model()->rowCount(), 1);
        QCOMPARE(stateOf(page, "example.com", "s2026"), QStringLiteral("generated"));
        QCOMPARE(cell(page, "example.com", "s2026", SetupTableModel::KeyTypeColumn),
                 QStringLiteral("RSA 2048"));
        QCOMPARE(cell(page, "example.com", "s2026", SetupTableModel::FingerprintColumn),
                 QString::fromLatin1(key.publicKey.fingerprint));
        QCOMPARE(cell(page, "example.com", "s2026", SetupTableModel::SigningColumn),
                 QStringLiteral("not seen"));
        QCOMPARE(cell(page, "example.com", "s2026", SetupTableModel::LastCheckColumn),
                 QStringLiteral("never"));

        // The DNS settings shown are the core's for this key: name, whole value, 255-octet strings, zone
        // line and the CNAME delegation.
        using Field = DnsSettingsView::Field;
        const DnsSettingsView* dns = page.dnsSettings();
        const auto expected = dkimsetup::DnsSettings::forKey("example.com", "s2026", dkim::KeyType::Rsa,
                                                             key.publicKey.recordBytes);
        QCOMPARE(dns->text(Field::Name), QStringLiteral("s2026._domainkey.example.com"));
        QCOMPARE(dns->text(Field::Value), QString::fromLatin1(expected.value));
        QVERIFY(dns->text(Field::Value).startsWith(QStringLiteral("v=DKIM1; k=rsa; p=MII")));
        QVERIFY(dns->text(Field::Value).size() > 255);
        const QStringList strings = dns->text(Field::Strings).split(QLatin1Char('\n'));
        QCOMPARE(strings.size(), 2); // a 2048-bit key needs two character-strings (RFC 1035 3.3.14)
        QString joined;
        for (const QString& s : strings) {
            QVERIFY(s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"')));
            QVERIFY(s.size() - 2 <= 255);
            joined += s.mid(1, s.size() - 2);
        }
        QCOMPARE(joined, dns->text(Field::Value));
        QVERIFY(dns->text(Field::ZoneLine)
                    .startsWith(QStringLiteral("s2026._domainkey.example.com. 3600 IN TXT \"")));
        QCOMPARE(dns->text(Field::Cname),
                 QStringLiteral(
                     "s2026._domainkey.example.com. 3600 IN CNAME s2026.example.com.dkim.platform.example."));

        // Copying a setting hands it to the customer: the selector now waits for DNS.
        QPushButton* copyZone = nullptr;
        for (QPushButton* b : dns->findChildren<QPushButton*>()) {
            if (b->accessibleName() == DnsSettingsView::tr("Copy the zone file line"))
                copyZone = b;
        }
        QVERIFY(copyZone);
        QVERIFY(copyZone->isEnabled());
        copyZone->click();
        QCOMPARE(QApplication::clipboard()->text(), dns->text(Field::ZoneLine));
        QCOMPARE(stateOf(page, "example.com", "s2026"), QStringLiteral("waiting-for-dns"));
        const QByteArray zoneLine = dns->text(Field::ZoneLine).toLatin1();

        // Not published yet: the check says so and enabling is refused.
        QCOMPARE(check(page), QStringLiteral("not-published"));
        QCOMPARE(stateOf(page, "example.com", "s2026"), QStringLiteral("waiting-for-dns"));
        QVERIFY(!page.enableSelected());
        QVERIFY2(page.message().contains(QStringLiteral("only once the published record matches")),
                 qPrintable(page.message()));

        // A different key at the selector is published-different.
        const auto other = page.generate("example.com", "other", KeyKind::Rsa2048, dir.path());
        QVERIFY2(other.ok(), qPrintable(other.error));
        const QByteArray otherLine = page.dnsSettings()->settings().zoneLine();
        QVERIFY(publish(session, records,
                        QByteArray(otherLine).replace("other._domainkey", "s2026._domainkey") + "\n"));
        QVERIFY(page.select("example.com", "s2026"));
        QCOMPARE(check(page), QStringLiteral("published-different"));
        QCOMPARE(stateOf(page, "example.com", "s2026"), QStringLiteral("published-different"));

        // The customer publishes the zone line as copied: published and matching, proved by a signature.
        QVERIFY(publish(session, records, zoneLine + "\n"));
        QVERIFY(page.select("example.com", "s2026"));
        QCOMPARE(check(page), QStringLiteral("published-matching"));
        QCOMPARE(stateOf(page, "example.com", "s2026"), QStringLiteral("published-matching"));
        QVERIFY(page.lastReport().has_value());
        QCOMPARE(page.lastReport()->resolvers.size(), std::size_t(1));
        QVERIFY(page.lastReport()->resolvers.front().testSignatureVerified);
        QVERIFY2(page.checkResultText().contains(QStringLiteral("Proof by signature: a test message signed")),
                 qPrintable(page.checkResultText()));
        QVERIFY(page.checkResultText().contains(QString::fromLatin1(key.publicKey.fingerprint)));
        QVERIFY(cell(page, "example.com", "s2026", SetupTableModel::LastCheckColumn)
                    .startsWith(
                        SetupTableModel::publicationText(dkimsetup::PublicationState::PublishedMatching)));

        // Enable; retiring the only enabled selector is refused with the core's message, state unchanged.
        QVERIFY2(page.enableSelected(), qPrintable(page.message()));
        QCOMPARE(stateOf(page, "example.com", "s2026"), QStringLiteral("enabled"));
        QVERIFY(hasFinding(page, QStringLiteral("dkim.setup.enabled-not-seen")));
        QVERIFY(!page.retireSelected());
        QVERIFY2(page.message().contains(QStringLiteral("s2026 is the only enabled selector of example.com")),
                 qPrintable(page.message()));
        QCOMPARE(stateOf(page, "example.com", "s2026"), QStringLiteral("enabled"));

        // The same selector cannot be generated twice.
        const auto again = page.generate("example.com", "s2026", KeyKind::Rsa2048, dir.path());
        QVERIFY(!again.ok());
        QVERIFY2(page.message().contains(QStringLiteral("already listed")), qPrintable(page.message()));
        QCOMPARE(page.model()->rowCount(), 2);

        // Rotation: an Ed25519 selector published beside it, enabled, then the old one retires.
        const auto next = page.generate("example.com", "s2027", KeyKind::Ed25519, dir.path());
        QVERIFY2(next.ok(), qPrintable(next.error));
        QVERIFY(page.dnsSettings()->text(Field::Value).startsWith(QStringLiteral("v=DKIM1; k=ed25519; p=")));
        QCOMPARE(page.dnsSettings()->text(Field::Strings).count(QLatin1Char('\n')), 0);
        QVERIFY(
            publish(session, records, zoneLine + "\n" + page.dnsSettings()->settings().zoneLine() + "\n"));
        QCOMPARE(check(page), QStringLiteral("published-matching"));
        QVERIFY2(page.enableSelected(), qPrintable(page.message()));
        QVERIFY(page.select("example.com", "s2026"));
        QVERIFY2(page.retireSelected(), qPrintable(page.message()));
        QCOMPARE(stateOf(page, "example.com", "s2026"), QStringLiteral("retired"));
        QCOMPARE(stateOf(page, "example.com", "s2027"), QStringLiteral("enabled"));
        // Only Ed25519 is left enabled: the review says to keep an RSA key beside it.
        QVERIFY(hasFinding(page, QStringLiteral("dkim.setup.ed25519-only")));

        // An extra DNS server that cannot be one is refused before anything runs.
        page.setExtraServers(QStringLiteral("not-an-address"));
        QVERIFY(!page.checkSelected());
        QVERIFY2(page.message().contains(QStringLiteral("not-an-address")), qPrintable(page.message()));
        QVERIFY(!page.isChecking());
        page.setExtraServers({});

        // Disable and re-enable (the last check matched).
        QVERIFY(page.select("example.com", "s2027"));
        QVERIFY2(page.disableSelected(QStringLiteral("customer paused sending")), qPrintable(page.message()));
        QCOMPARE(stateOf(page, "example.com", "s2027"), QStringLiteral("disabled"));
        QVERIFY2(page.enableSelected(), qPrintable(page.message()));

        // A new page on the same database shows the persisted states.
        DkimSetupPage reopened(&session);
        QCOMPARE(reopened.model()->rowCount(), 3);
        QCOMPARE(stateOf(reopened, "example.com", "s2026"), QStringLiteral("retired"));
        QCOMPARE(stateOf(reopened, "example.com", "other"), QStringLiteral("generated"));
    }

    void generateRefusesBadInput()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        desktop::Session session;
        QVERIFY(session.openDatabase(dir.filePath(QStringLiteral("bad.sqlite"))));
        DkimSetupPage page(&session);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        auto result = page.generate("example.com", "bad selector!", KeyKind::Rsa2048, dir.path());
        QVERIFY(!result.ok());
        QVERIFY(!page.message().isEmpty());
        result =
            page.generate("example.com", "s1", KeyKind::Rsa2048, dir.filePath(QStringLiteral("missing")));
        QVERIFY(!result.ok());
        result = page.generate("exa mple..com", "s1", KeyKind::Rsa2048, dir.path());
        QVERIFY(!result.ok());
        QCOMPARE(page.model()->rowCount(), 0);
        // Nothing selected: the actions say so instead of acting.
        QVERIFY(!page.checkSelected());
        QVERIFY(!page.enableSelected());
        QVERIFY(!page.retireSelected());
        QVERIFY(!page.message().isEmpty());
    }

    // Selectors seen signing in imported mail stand beside the list: a listed one shows its signatures, an
    // unlisted one gets a row of its own and a review finding.
    void signingSelectorsShownAgainstTheList()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        desktop::Session session;
        QVERIFY(session.openDatabase(dir.filePath(QStringLiteral("signing.sqlite"))));
        DkimSetupPage page(&session);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto listed = page.generate("example.com", "s1", KeyKind::Rsa2048, dir.path());
        QVERIFY2(listed.ok(), qPrintable(listed.error));
        const QByteArray listedLine = page.dnsSettings()->settings().zoneLine();
        // A key the platform signs with but never put in the setup list.
        dkimsetup::KeyGenerator::Request request;
        request.domain = "example.com";
        request.selector = "forgotten";
        request.outputDirectory = dir.path();
        const auto forgotten = dkimsetup::KeyGenerator::generate(request);
        QVERIFY2(forgotten.ok(), qPrintable(forgotten.error));
        const QByteArray forgottenLine =
            dkimsetup::DnsSettings::forKey("example.com", "forgotten", dkim::KeyType::Rsa,
                                           forgotten.publicKey.recordBytes)
                .zoneLine();
        QVERIFY(publish(session, dir.filePath(QStringLiteral("customer.zone")),
                        listedLine + "\n" + forgottenLine + "\n"));

        QStringList files;
        for (const auto& [selector, path] :
             {std::pair<QByteArray, QString>("s1", listed.privateKeyPath),
              std::pair<QByteArray, QString>("forgotten", forgotten.privateKeyPath)}) {
            const auto key = dkimsetup::PublicationCheck::loadPrivateKeyFile(path);
            QVERIFY2(key.key.has_value(), qPrintable(key.error));
            dkim::Signer::Options options;
            options.domain = "example.com";
            options.selector = selector;
            const QByteArray raw = "From: News <news@example.com>\r\nTo: a@example.net\r\nSubject: Hello " +
                                   selector + "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" +
                                   selector + "@example.com>\r\n\r\nHello.\r\n";
            const auto signature = dkim::Signer(*key.key, options).sign(mail::Message::parse(raw));
            QVERIFY2(signature.ok(), qPrintable(signature.error));
            files << dir.filePath(QString::fromLatin1(selector) + QStringLiteral(".eml"));
            QVERIFY(writeFile(files.last(), dkim::Signer::prepend(signature.field, raw)));
        }
        desktop::ImportController imports(&session);
        QSignalSpy imported(&imports, &desktop::ImportController::finished);
        QVERIFY(imports.start(files));
        QVERIFY(imported.wait(60000));

        QCOMPARE(page.model()->rowCount(), 2);
        QVERIFY2(cell(page, "example.com", "s1", SetupTableModel::SigningColumn)
                     .startsWith(SetupTableModel::tr("%n signature(s), %1 pass", nullptr, 1).arg(1)),
                 qPrintable(cell(page, "example.com", "s1", SetupTableModel::SigningColumn)));
        QCOMPARE(stateOf(page, "example.com", "forgotten"), QString());
        QCOMPARE(cell(page, "example.com", "forgotten", SetupTableModel::StateColumn),
                 SetupTableModel::tr("not in the setup list"));
        QVERIFY(hasFinding(page, QStringLiteral("dkim.setup.unlisted-selector")));
        // An unlisted row offers no state changes.
        QVERIFY(page.select("example.com", "forgotten"));
        QVERIFY(!page.enableSelected());
        QVERIFY(!page.checkSelected());
    }

    // The dialog offers an RSA key beside an Ed25519 one, and refuses what the generator would refuse.
    void newKeyDialogRequests()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        desktop::NewKeyDialog dialog;
        auto* domain = dialog.findChild<QLineEdit*>(QStringLiteral("newKeyDomain"));
        auto* selector = dialog.findChild<QLineEdit*>(QStringLiteral("newKeySelector"));
        auto* type = dialog.findChild<QComboBox*>(QStringLiteral("newKeyType"));
        auto* folder = dialog.findChild<QLineEdit*>(QStringLiteral("newKeyFolder"));
        auto* companion = dialog.findChild<QCheckBox*>(QStringLiteral("newKeyCompanion"));
        auto* problem = dialog.findChild<QLabel*>(QStringLiteral("newKeyProblem"));
        QVERIFY(domain && selector && type && folder && companion && problem);
        QVERIFY(!domain->accessibleName().isEmpty() && !type->accessibleName().isEmpty());
        QCOMPARE(type->currentData().toInt(), int(KeyKind::Rsa2048)); // the default
        domain->setText(QStringLiteral("example.org"));
        QTest::keyClicks(selector, QStringLiteral("ed1"));
        folder->setText(dir.path());
        QVERIFY2(problem->text().isEmpty(), qPrintable(problem->text()));
        QCOMPARE(dialog.requests().size(), std::size_t(1));

        type->setCurrentIndex(type->findData(int(KeyKind::Ed25519)));
        QVERIFY(companion->isChecked());
        const auto both = dialog.requests();
        QCOMPARE(both.size(), std::size_t(2));
        QCOMPARE(both.at(0).kind, KeyKind::Ed25519);
        QCOMPARE(both.at(1).kind, KeyKind::Rsa2048);
        QCOMPARE(both.at(1).selector, QByteArray("ed1rsa"));
        companion->setChecked(false);
        QCOMPARE(dialog.requests().size(), std::size_t(1));

        selector->setText(QStringLiteral("bad selector"));
        QVERIFY(!problem->text().isEmpty());
        selector->setText(QStringLiteral("ok"));
        folder->setText(dir.filePath(QStringLiteral("missing")));
        QVERIFY(!problem->text().isEmpty());
    }

    void mainWindowHasTheTab()
    {
        desktop::MainWindow window;
        auto* page = window.findChild<DkimSetupPage*>();
        QVERIFY(page);
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("pages"));
        QVERIFY(tabs);
        const int index = tabs->indexOf(page);
        QVERIFY(index >= 0);
        QCOMPARE(tabs->tabText(index), desktop::MainWindow::tr("DKIM Setup"));
    }
};

QTEST_MAIN(TestDkimSetupPage)
#include "tst_dkim_setup_page.moc"
