// SPDX-License-Identifier: GPL-3.0-or-later
// SetupReview: each finding from a setup list and signing counts that trigger it, and the same list without
// the trigger.
#include "dkimsetup/SetupReview.h"

#include <QTest>

#include <algorithm>

using namespace authlens;
using namespace authlens::dkimsetup;

namespace {

SetupEntry entry(const QByteArray& domain, const QByteArray& selector, SetupState state,
                 dkim::KeyType type = dkim::KeyType::Rsa, qint64 updatedAtMs = 1000)
{
    SetupEntry e;
    e.domain = domain;
    e.selector = selector;
    e.state = state;
    e.keyType = type;
    e.updatedAtMs = updatedAtMs;
    return e;
}

SigningSelector seen(const QByteArray& domain, const QByteArray& selector, qint64 lastSeenMs,
                     std::optional<SetupState> state = std::nullopt)
{
    SigningSelector s;
    s.domain = domain;
    s.selector = selector;
    s.signatures = 5;
    s.passes = 4;
    s.lastSeenMs = lastSeenMs;
    s.setupState = state;
    return s;
}

QStringList ids(const std::vector<lint::Finding>& findings)
{
    QStringList list;
    for (const lint::Finding& finding : findings)
        list.append(finding.id);
    return list;
}

} // namespace

class TestDkimSetupReview : public QObject
{
    Q_OBJECT

private slots:
    void healthyListHasNoFindings()
    {
        const std::vector<SetupEntry> entries = {
            entry("example.com", "rsa", SetupState::Enabled),
            entry("example.com", "ed", SetupState::Enabled, dkim::KeyType::Ed25519),
            entry("example.com", "old", SetupState::Retired)};
        const std::vector<SigningSelector> signing = {seen("example.com", "rsa", 5000, SetupState::Enabled),
                                                      seen("example.com", "ed", 5000, SetupState::Enabled),
                                                      seen("example.com", "old", 900, SetupState::Retired),
                                                      seen("unlisted.example", "x", 5000)};
        const auto findings = SetupReview::review(entries, signing);
        QVERIFY2(findings.empty(), qPrintable(ids(findings).join(QLatin1Char(' '))));
    }

    void ed25519Only()
    {
        auto findings =
            SetupReview::review({entry("example.com", "ed", SetupState::Enabled, dkim::KeyType::Ed25519)},
                                {seen("example.com", "ed", 5000, SetupState::Enabled)});
        QCOMPARE(ids(findings), QStringList{QStringLiteral("dkim.setup.ed25519-only")});
    }

    void stoppedSelectorsStillSigning()
    {
        const auto findings =
            SetupReview::review({entry("example.com", "new", SetupState::Enabled),
                                 entry("example.com", "old", SetupState::Retired, dkim::KeyType::Rsa, 1000),
                                 entry("example.com", "off", SetupState::Disabled, dkim::KeyType::Rsa, 1000)},
                                {seen("example.com", "new", 5000, SetupState::Enabled),
                                 seen("example.com", "old", 2000, SetupState::Retired),
                                 seen("example.com", "off", 2000, SetupState::Disabled)});
        QCOMPARE(ids(findings), (QStringList{QStringLiteral("dkim.setup.retired-still-signing"),
                                             QStringLiteral("dkim.setup.disabled-still-signing")}));
        QVERIFY(findings.front().subject.contains(QStringLiteral("selector old of example.com")));
    }

    void unlistedSelectorOfAListedDomain()
    {
        const auto findings = SetupReview::review(
            {entry("example.com", "s1", SetupState::Enabled)},
            {seen("example.com", "s1", 5000, SetupState::Enabled), seen("example.com", "rogue", 5000)});
        QCOMPARE(ids(findings), QStringList{QStringLiteral("dkim.setup.unlisted-selector")});
        QVERIFY(findings.front().message.contains(QStringLiteral("5 signature(s), 4 passed")));
    }

    void enabledButNeverSeen()
    {
        SigningSelector listedOnly = seen("example.com", "s1", 0, SetupState::Enabled);
        listedOnly.signatures = 0;
        const auto findings =
            SetupReview::review({entry("example.com", "s1", SetupState::Enabled)}, {listedOnly});
        QCOMPARE(ids(findings), QStringList{QStringLiteral("dkim.setup.enabled-not-seen")});
    }
};

QTEST_GUILESS_MAIN(TestDkimSetupReview)
#include "tst_dkim_setup_review.moc"
