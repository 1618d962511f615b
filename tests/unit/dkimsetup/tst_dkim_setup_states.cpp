// SPDX-License-Identifier: GPL-3.0-or-later
// SetupStates: the per-selector state machine kept in the store (every allowed transition, the refusals,
// rotation and the only-enabled-selector rule), the history, selectors seen signing in imported messages
// against the list, and schema version 4 (dkim_setup) migrated onto a version 3 database that has data.
#include "../store/StoreSamples.h"

#include "dkim/Crypto.h"
#include "dkimsetup/SetupStates.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/VerificationRuns.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;
using namespace authlens::dkimsetup;

namespace {

PublicKeyInfo someKey()
{
    static const PublicKeyInfo info = PublicKeyInfo::of(*dkim::Crypto::generateEd25519());
    return info;
}

} // namespace

class TestDkimSetupStates : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    std::unique_ptr<store::Database> freshDatabase()
    {
        auto opened = store::Database::open(m_dir.filePath(QStringLiteral("db%1.authlens").arg(++m_files)));
        if (!opened.database)
            qFatal("%s", qPrintable(opened.error));
        return std::move(opened.database);
    }

private slots:
    void transitionTable_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("allowed");
        using S = SetupState;
        const struct
        {
            S from;
            S to;
            bool allowed;
        } rows[] = {
            {S::Generated, S::WaitingForDns, true},
            {S::Generated, S::PublishedMatching, true},
            {S::WaitingForDns, S::PublishedDifferent, true},
            {S::PublishedDifferent, S::PublishedMatching, true},
            {S::PublishedMatching, S::WaitingForDns, true},
            {S::PublishedMatching, S::Enabled, true},
            {S::Enabled, S::Disabled, true},
            {S::Disabled, S::Enabled, true},
            {S::Enabled, S::Retired, true},
            {S::Generated, S::Retired, true},
            {S::Generated, S::Enabled, false},
            {S::WaitingForDns, S::Enabled, false},
            {S::PublishedDifferent, S::Enabled, false},
            {S::Enabled, S::Enabled, false},
            {S::PublishedMatching, S::Disabled, false},
            {S::Enabled, S::PublishedDifferent, false},
            {S::Disabled, S::WaitingForDns, false},
            {S::Retired, S::Enabled, false},
            {S::Retired, S::WaitingForDns, false},
            {S::WaitingForDns, S::Generated, false},
        };
        for (const auto& row : rows)
            QTest::addRow("%s -> %s", qPrintable(setupStateName(row.from)),
                          qPrintable(setupStateName(row.to)))
                << int(row.from) << int(row.to) << row.allowed;
    }

    void transitionTable()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, allowed);
        QCOMPARE(transitionRefusal(SetupState(from), SetupState(to)).isEmpty(), allowed);
    }

    void stateNamesRoundTrip()
    {
        for (int i = 0; i <= int(SetupState::Retired); ++i)
            QCOMPARE(setupStateFromName(setupStateName(SetupState(i))), SetupState(i));
        QVERIFY(!setupStateFromName(u"on"));
    }

    void fullFlowIsStoredWithItsHistory()
    {
        auto database = freshDatabase();
        SetupStates states(*database);
        const PublicKeyInfo key = someKey();
        auto change = states.add("Example.com", "S1", key, QStringLiteral("/keys/s1.pem"), 1000);
        QVERIFY2(change.ok(), qPrintable(change.error));
        QCOMPARE(change.entry->state, SetupState::Generated);
        QCOMPARE(change.entry->domain, QByteArray("example.com"));
        QCOMPARE(change.entry->selector, QByteArray("s1"));
        QCOMPARE(change.entry->publicKey, key.base64());
        QCOMPARE(change.entry->fingerprint, key.fingerprint);
        QCOMPARE(change.entry->keyType, dkim::KeyType::Ed25519);
        QCOMPARE(change.entry->privateKeyPath, QStringLiteral("/keys/s1.pem"));

        QVERIFY(states.markWaitingForDns("example.com", "s1", 2000).ok());
        // A temporary failure changes nothing but is remembered as the last check.
        change = states.recordCheck("example.com", "s1", PublicationState::TempFail,
                                    QStringLiteral("timeout"), 2500);
        QVERIFY(change.ok());
        QCOMPARE(change.entry->state, SetupState::WaitingForDns);
        QCOMPARE(change.entry->lastCheck, PublicationState::TempFail);
        change = states.recordCheck("example.com", "s1", PublicationState::PublishedDifferent,
                                    QStringLiteral("old key"), 3000);
        QCOMPARE(change.entry->state, SetupState::PublishedDifferent);
        QVERIFY(!states.enable("example.com", "s1", 3100).ok());
        change = states.recordCheck("example.com", "s1", PublicationState::PublishedMatching,
                                    QStringLiteral("matches"), 4000);
        QCOMPARE(change.entry->state, SetupState::PublishedMatching);
        QCOMPARE(change.entry->lastCheckedAtMs, 4000);
        change = states.enable("example.com", "s1", 5000);
        QVERIFY2(change.ok(), qPrintable(change.error));
        QCOMPARE(change.entry->state, SetupState::Enabled);
        // Once enabled, a check that finds the record gone is recorded without moving the state.
        change = states.recordCheck("example.com", "s1", PublicationState::NotPublished,
                                    QStringLiteral("gone"), 6000);
        QCOMPARE(change.entry->state, SetupState::Enabled);
        QCOMPARE(change.entry->lastCheck, PublicationState::NotPublished);
        QVERIFY(states.disable("example.com", "s1", QStringLiteral("customer asked"), 7000).ok());
        // Re-enabling needs a matching check since.
        change = states.enable("example.com", "s1", 7100);
        QVERIFY(!change.ok());
        QCOMPARE(change.entry->state, SetupState::Disabled);
        states.recordCheck("example.com", "s1", PublicationState::PublishedMatching, QStringLiteral("back"),
                           7200);
        QVERIFY(states.enable("example.com", "s1", 7300).ok());

        const std::vector<SetupEvent> history = states.history("example.com", "s1");
        QList<SetupState> path;
        for (const SetupEvent& event : history)
            path.append(event.to);
        const QList<SetupState> expected = {SetupState::Generated,
                                            SetupState::WaitingForDns,
                                            SetupState::PublishedDifferent,
                                            SetupState::PublishedMatching,
                                            SetupState::Enabled,
                                            SetupState::Disabled,
                                            SetupState::Enabled};
        QCOMPARE(path, expected);
        QVERIFY(!history.front().from);
        QCOMPARE(history.at(5).reason, QStringLiteral("customer asked"));
        QCOMPARE(history.at(5).atMs, 7000);
    }

    void refusals()
    {
        auto database = freshDatabase();
        SetupStates states(*database);
        QVERIFY(states.add("example.com", "s1", someKey(), QStringLiteral("/k"), 1).ok());
        // The same selector twice.
        auto change = states.add("example.com", "s1", someKey(), QStringLiteral("/k2"), 2);
        QVERIFY(!change.ok());
        QVERIFY2(change.error.contains(QStringLiteral("new selector")), qPrintable(change.error));
        QCOMPARE(change.entry->privateKeyPath, QStringLiteral("/k"));
        // Unknown selectors.
        QVERIFY(!states.enable("example.com", "nope").ok());
        QVERIFY(!states.retire("example.org", "s1").ok());
        // Enabling before the record matches; disabling what is not enabled.
        QVERIFY(!states.enable("example.com", "s1").ok());
        QVERIFY(!states.disable("example.com", "s1").ok());
        // Missing key material.
        QVERIFY(!states.add("example.com", "s2", PublicKeyInfo{}, QStringLiteral("/k")).ok());
        QVERIFY(!states.add("example.com", "s2", someKey(), QString()).ok());
        // Retired is final.
        QVERIFY(states.retire("example.com", "s1").ok());
        change = states.recordCheck("example.com", "s1", PublicationState::PublishedMatching, QString());
        QVERIFY(change.ok());                               // recorded ...
        QCOMPARE(change.entry->state, SetupState::Retired); // ... but the state stays
        QVERIFY(!states.enable("example.com", "s1").ok());
        QVERIFY(!states.retire("example.com", "s1").ok());
    }

    void rotationRetiresOnlyWithAnotherEnabledSelector()
    {
        auto database = freshDatabase();
        SetupStates states(*database);
        auto bringUp = [&](const QByteArray& selector) {
            QVERIFY(states.add("example.com", selector, someKey(), QStringLiteral("/k/") + selector).ok());
            QVERIFY(
                states.recordCheck("example.com", selector, PublicationState::PublishedMatching, {}).ok());
            QVERIFY(states.enable("example.com", selector).ok());
        };
        bringUp("old");
        // Another domain's enabled selector does not count.
        QVERIFY(states.add("example.org", "x", someKey(), QStringLiteral("/k/x")).ok());
        QVERIFY(states.recordCheck("example.org", "x", PublicationState::PublishedMatching, {}).ok());
        QVERIFY(states.enable("example.org", "x").ok());

        auto change = states.retire("example.com", "old");
        QVERIFY(!change.ok());
        QVERIFY2(change.error.contains(QStringLiteral("only enabled selector")), qPrintable(change.error));
        QCOMPARE(states.find("example.com", "old")->state, SetupState::Enabled);
        // A new selector prepared and published but not yet enabled does not count either.
        QVERIFY(states.add("example.com", "new", someKey(), QStringLiteral("/k/new")).ok());
        QVERIFY(states.recordCheck("example.com", "new", PublicationState::PublishedMatching, {}).ok());
        QVERIFY(!states.retire("example.com", "old").ok());
        QVERIFY(states.enable("example.com", "new").ok());
        QVERIFY(states.retire("example.com", "old").ok());
        QCOMPARE(states.find("example.com", "old")->state, SetupState::Retired);
        // Now "new" is the only one again; forcing is the analyst's explicit choice.
        QVERIFY(!states.retire("example.com", "new").ok());
        change = states.retire("example.com", "new", true);
        QVERIFY(change.ok());
        QCOMPARE(change.entry->stateReason, QStringLiteral("retired (forced)"));
        QCOMPARE(states.list("example.com").size(), size_t(2));
        QCOMPARE(states.list().size(), size_t(3));
    }

    void signingSelectorsAgainstTheList()
    {
        auto database = freshDatabase();
        store::VerificationRuns runs(*database);
        const qint64 runId = runs.begin(QStringLiteral("import"));
        store::BatchWriter writer(*database);
        // example.com signs with s1 (3 pass, 1 fail); every message also carries esp.example/esp.
        for (int i = 0; i < 4; ++i)
            QVERIFY(writer
                        .write(store::samples::message(
                            i, QStringLiteral("example.com"), runId,
                            i == 3 ? QStringLiteral("fail") : QStringLiteral("pass"), i, true))
                        .ok);
        QVERIFY(writer.flush());

        SetupStates states(*database);
        QVERIFY(states.add("example.com", "s1", someKey(), QStringLiteral("/k/s1")).ok());
        QVERIFY(states.add("example.com", "s2", someKey(), QStringLiteral("/k/s2")).ok());

        const std::vector<SigningSelector> all = states.signingSelectors();
        QCOMPARE(all.size(), size_t(3));
        QCOMPARE(all.at(0).domain, QByteArray("esp.example")); // seen signing, not in the list
        QCOMPARE(all.at(0).signatures, 4);
        QVERIFY(!all.at(0).setupState);
        QCOMPARE(all.at(1).selector, QByteArray("s1")); // seen and listed
        QCOMPARE(all.at(1).signatures, 4);
        QCOMPARE(all.at(1).passes, 3);
        QCOMPARE(all.at(1).setupState, SetupState::Generated);
        QVERIFY(all.at(1).lastSeenMs >=
                QDateTime(QDate(2026, 11, 5), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(all.at(2).selector, QByteArray("s2")); // listed, never seen signing
        QCOMPARE(all.at(2).signatures, 0);

        const std::vector<SigningSelector> one = states.signingSelectors("EXAMPLE.COM");
        QCOMPARE(one.size(), size_t(2));
    }

    void migratesFromVersion3WithData()
    {
        QVERIFY(store::Schema::latestVersion() >= 4);
        const QString path = m_dir.filePath(QStringLiteral("v3.authlens"));
        {
            store::Database::OpenOptions options;
            options.targetVersion = 3;
            auto opened = store::Database::open(path, options);
            QVERIFY2(opened.database, qPrintable(opened.error));
            QCOMPARE(opened.database->schemaVersion(), 3);
            QVERIFY(!opened.database->connection().tables().contains(QStringLiteral("dkim_setup")));
            QSqlQuery insert(opened.database->connection());
            QVERIFY(insert.exec(
                QStringLiteral("INSERT INTO messages (content_hash, from_domain, size, imported_at) "
                               "VALUES ('abc', 'example.com', 10, 0)")));
        }
        auto opened = store::Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.error));
        store::Database& database = *opened.database;
        QCOMPARE(database.schemaVersion(), store::Schema::latestVersion());
        QCOMPARE(database.integrityCheck(), QStringLiteral("ok"));
        QVERIFY(database.connection().tables().contains(QStringLiteral("dkim_setup")));
        QVERIFY(database.connection().tables().contains(QStringLiteral("dkim_setup_events")));
        QSqlQuery count(database.connection());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && count.next());
        QCOMPARE(count.value(0).toInt(), 1);
        // The new tables work, and (domain, selector) is unique at the database level too.
        SetupStates states(database);
        QVERIFY(states.add("example.com", "s1", someKey(), QStringLiteral("/k")).ok());
        QSqlQuery duplicate(database.connection());
        QVERIFY(!duplicate.exec(QStringLiteral(
            "INSERT INTO dkim_setup (domain, selector, key_type, key_bits, public_key, fingerprint, "
            "private_key_path, state, created_at, updated_at) VALUES ('example.com', 's1', 'rsa', 2048, 'x', "
            "'y', '/z', 'generated', 0, 0)")));
        // Nothing resembling a private key is stored.
        QSqlQuery columns(database.connection());
        QVERIFY(columns.exec(QStringLiteral("SELECT * FROM dkim_setup")) && columns.next());
        for (int i = 0; i < columns.record().count(); ++i)
            QVERIFY(!columns.value(i).toString().contains(QStringLiteral("PRIVATE KEY")));
    }
};

QTEST_GUILESS_MAIN(TestDkimSetupStates)
#include "tst_dkim_setup_states.moc"
