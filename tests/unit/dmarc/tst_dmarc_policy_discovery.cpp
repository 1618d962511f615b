// SPDX-License-Identifier: GPL-3.0-or-later
#include "dmarc/PolicyDiscovery.h"
#include "dmarc/PublicSuffixList.h"
#include "dns/RecordsFileResolver.h"

#include <QTest>

using namespace authlens;
using namespace authlens::dmarc;

namespace {

std::shared_ptr<dns::RecordsFileResolver> zone(const QByteArray& text)
{
    auto loaded = dns::RecordsFileResolver::fromText(text, QStringLiteral("test"));
    if (!loaded.ok())
        qFatal("bad test zone: %s", qPrintable(loaded.error));
    return loaded.resolver;
}

} // namespace

class TestDmarcPolicyDiscovery : public QObject
{
    Q_OBJECT

private slots:
    void walkTargets()
    {
        QCOMPARE(PolicyDiscovery::walkTargets("a.b.example.com"),
                 (QList<QByteArray>{"a.b.example.com", "b.example.com", "example.com", "com"}));
        QCOMPARE(PolicyDiscovery::walkTargets("COM."), QList<QByteArray>{"com"});
        // 10 labels: the 9- and 8-label names are skipped (RFC 9989 4.10 step 5).
        const QList<QByteArray> targets = PolicyDiscovery::walkTargets("a.b.c.d.e.f.g.h.i.j");
        QCOMPARE(targets.size(), 8);
        QCOMPARE(targets.at(1), QByteArray("d.e.f.g.h.i.j"));
        QCOMPARE(targets.last(), QByteArray("j"));
        QVERIFY(PolicyDiscovery::walkTargets("").isEmpty());
    }

    void walkQueriesAtMostEight()
    {
        auto resolver = zone("example.com. 300 IN A 192.0.2.1\n");
        PolicyDiscovery discovery(*resolver);
        const TreeWalk walk = discovery.treeWalk("a.b.c.d.e.f.g.h.i.j.k.example.com");
        QCOMPARE(int(walk.steps.size()), 8);
        QCOMPARE(discovery.queryCount(), 8);
        QCOMPARE(walk.organizationalDomain(), QByteArray("a.b.c.d.e.f.g.h.i.j.k.example.com"));
    }

    void organizationalDomainFewestLabels()
    {
        auto resolver = zone("_dmarc.dept.example.org. 300 IN TXT \"v=DMARC1; p=none\"\n"
                             "_dmarc.example.org. 300 IN TXT \"v=DMARC1; p=reject\"\n");
        PolicyDiscovery discovery(*resolver);
        QCOMPARE(discovery.organizationalDomain("a.dept.example.org"), QByteArray("example.org"));
        QCOMPARE(discovery.organizationalDomain("other.net"), QByteArray("other.net")); // no record: itself
    }

    void organizationalDomainPsd()
    {
        auto resolver = zone("_dmarc.dept.example.org. 300 IN TXT \"v=DMARC1; p=none; psd=n\"\n"
                             "_dmarc.example.org. 300 IN TXT \"v=DMARC1; p=reject\"\n"
                             "_dmarc.org.uk. 300 IN TXT \"v=DMARC1; p=reject; psd=y\"\n");
        PolicyDiscovery discovery(*resolver);
        QCOMPARE(discovery.organizationalDomain("a.b.dept.example.org"), QByteArray("dept.example.org"));
        QCOMPARE(discovery.organizationalDomain("example.org"), QByteArray("example.org"));
        QCOMPARE(discovery.organizationalDomain("mail.shop.org.uk"), QByteArray("shop.org.uk"));
        // psd=y at the start of the walk does not make the name below it anything.
        QCOMPARE(discovery.organizationalDomain("org.uk"), QByteArray("org.uk"));
    }

    void organizationalDomainTempFail()
    {
        auto resolver = zone("; TEMPFAIL _dmarc.example.org.\n"
                             "_dmarc.a.example.org. 300 IN TXT \"v=DMARC1; p=none\"\n");
        PolicyDiscovery discovery(*resolver);
        const TreeWalk walk = discovery.treeWalk("a.example.org");
        QVERIFY(walk.tempFailed);
        QVERIFY(!walk.organizationalDomain().has_value());
    }

    void rfc9989AuthorRecord()
    {
        auto resolver = zone("_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=quarantine; sp=none\"\n");
        PolicyDiscovery discovery(*resolver);
        const DiscoveredPolicy d = discovery.discoverRfc9989("Example.COM");
        QCOMPARE(d.status, DiscoveredPolicy::Status::Found);
        QCOMPARE(d.source, PolicySource::AuthorDomain);
        QCOMPARE(d.policyDomain, QByteArray("example.com"));
        QCOMPARE(d.policy, Policy::Quarantine);
        QCOMPARE(d.policyTag, QByteArray("p"));
    }

    void rfc9989SubdomainSpAndNp()
    {
        auto resolver = zone("_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=none; sp=quarantine; np=reject\"\n"
                             "real.example.com. 300 IN A 192.0.2.1\n");
        PolicyDiscovery discovery(*resolver);
        DiscoveredPolicy d = discovery.discoverRfc9989("real.example.com");
        QCOMPARE(d.source, PolicySource::OrganizationalDomain);
        QCOMPARE(d.policy, Policy::Quarantine);
        QCOMPARE(d.policyTag, QByteArray("sp"));
        d = discovery.discoverRfc9989("ghost.example.com");
        QCOMPARE(d.policy, Policy::Reject);
        QCOMPARE(d.policyTag, QByteArray("np"));
    }

    void rfc9989MultipleRecordsDiscarded()
    {
        auto resolver = zone("_dmarc.news.example.com. 300 IN TXT \"v=DMARC1; p=none\"\n"
                             "_dmarc.news.example.com. 300 IN TXT \"v=DMARC1; p=reject\"\n"
                             "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=quarantine\"\n"
                             "news.example.com. 300 IN A 192.0.2.1\n");
        PolicyDiscovery discovery(*resolver);
        const DiscoveredPolicy d9 = discovery.discoverRfc9989("news.example.com");
        QCOMPARE(d9.status, DiscoveredPolicy::Status::Found);
        QCOMPARE(d9.policyDomain, QByteArray("example.com"));
        const DiscoveredPolicy d7 = discovery.discoverRfc7489("news.example.com");
        QCOMPARE(d7.status, DiscoveredPolicy::Status::NoRecord); // RFC 7489 6.6.3 step 5
    }

    void rfc9989PsdFallback()
    {
        auto resolver = zone("_dmarc.org.uk. 300 IN TXT \"v=DMARC1; p=reject; sp=quarantine; psd=y\"\n"
                             "shop.org.uk. 300 IN A 192.0.2.1\n");
        PolicyDiscovery discovery(*resolver);
        const DiscoveredPolicy d = discovery.discoverRfc9989("shop.org.uk");
        QCOMPARE(d.source, PolicySource::PublicSuffixDomain);
        QCOMPARE(d.policyDomain, QByteArray("org.uk"));
        QCOMPARE(d.organizationalDomain, QByteArray("shop.org.uk"));
        QCOMPARE(d.policy, Policy::Quarantine);
        QCOMPARE(discovery.discoverRfc7489("shop.org.uk").status, DiscoveredPolicy::Status::NoRecord);
    }

    void invalidPolicyHandling()
    {
        auto resolver = zone("_dmarc.a.example. 300 IN TXT \"v=DMARC1; p=bogus; rua=mailto:r@a.example\"\n"
                             "_dmarc.b.example. 300 IN TXT \"v=DMARC1; adkim=s\"\n");
        PolicyDiscovery discovery(*resolver);
        DiscoveredPolicy d = discovery.discoverRfc9989("a.example");
        QCOMPARE(d.status, DiscoveredPolicy::Status::Found);
        QCOMPARE(d.policy, Policy::None);
        QVERIFY(d.policyReplaced);
        d = discovery.discoverRfc9989("b.example");
        QCOMPARE(d.status, DiscoveredPolicy::Status::NoProcessing);
        QCOMPARE(discovery.discoverRfc7489("b.example").status, DiscoveredPolicy::Status::NoProcessing);
    }

    void tempFailures()
    {
        auto resolver = zone("; TEMPFAIL _dmarc.example.net.\n"
                             "_dmarc.shop.example.net. 300 IN TXT \"v=DMARC1; p=reject\"\n");
        PolicyDiscovery discovery(*resolver);
        QCOMPARE(discovery.discoverRfc9989("example.net").status, DiscoveredPolicy::Status::TempError);
        QCOMPARE(discovery.discoverRfc9989("news.example.net").status, DiscoveredPolicy::Status::TempError);
        QCOMPARE(discovery.discoverRfc7489("news.example.net").status, DiscoveredPolicy::Status::TempError);
        // The author's own record still applies; only the Organizational Domain stays open.
        const DiscoveredPolicy d = discovery.discoverRfc9989("shop.example.net");
        QCOMPARE(d.status, DiscoveredPolicy::Status::Found);
        QVERIFY(!d.organizationalDomain.has_value());
    }

    void nonDmarcRecordsDiscarded()
    {
        auto resolver = zone("_dmarc.example.com. 300 IN TXT \"v=spf1 -all\"\n"
                             "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=reject\"\n");
        PolicyDiscovery discovery(*resolver);
        const DmarcLookup lookup = discovery.lookup("example.com");
        QCOMPARE(lookup.outcome, DmarcLookup::Outcome::Record);
        QCOMPARE(lookup.discarded, 1);
        // Cached: asking again costs no query.
        const int before = discovery.queryCount();
        discovery.lookup("EXAMPLE.com.");
        QCOMPARE(discovery.queryCount(), before);
    }

    void publicSuffixList()
    {
        QCOMPARE(PublicSuffixList::organizationalDomain("mail.example.co.uk"), QByteArray("example.co.uk"));
        QCOMPARE(PublicSuffixList::organizationalDomain("MAIL.Example.CO.UK."), QByteArray("example.co.uk"));
        QCOMPARE(PublicSuffixList::organizationalDomain("a.b.example.com"), QByteArray("example.com"));
        QCOMPARE(PublicSuffixList::organizationalDomain("site.github.io"), QByteArray("site.github.io"));
        QCOMPARE(PublicSuffixList::organizationalDomain("co.uk"), QByteArray("co.uk"));
        QVERIFY(PublicSuffixList::isPublicSuffix("co.uk"));
        QVERIFY(!PublicSuffixList::isPublicSuffix("example.co.uk"));
        QVERIFY(!PublicSuffixList::description().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDmarcPolicyDiscovery)
#include "tst_dmarc_policy_discovery.moc"
