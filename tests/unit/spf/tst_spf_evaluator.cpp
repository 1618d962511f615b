// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/Resolver.h"
#include "spf/Evaluator.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace authlens;
using authlens::spf::ResultCode;

namespace {

// A tiny in-memory DNS for these tests: names not listed are NXDOMAIN, listed names without the asked type
// are NODATA, `tempFail` names time out. Counts every question, so tests can prove what was not asked.
class FakeDns : public dns::Resolver
{
public:
    FakeDns& txt(const QByteArray& name, const QByteArray& text)
    {
        return add(name, dns::RecordType::TXT, text);
    }
    FakeDns& a(const QByteArray& name, const QByteArray& address)
    {
        return add(name, dns::RecordType::A, address);
    }
    FakeDns& aaaa(const QByteArray& name, const QByteArray& address)
    {
        return add(name, dns::RecordType::AAAA, address);
    }
    FakeDns& mx(const QByteArray& name, int preference, const QByteArray& host)
    {
        dns::DnsRecord record;
        record.type = dns::RecordType::MX;
        record.preference = std::uint16_t(preference);
        record.target = host;
        m_records[name].push_back(record);
        return *this;
    }
    FakeDns& ptr(const QByteArray& name, const QByteArray& target)
    {
        return add(name, dns::RecordType::PTR, target);
    }
    FakeDns& tempFail(const QByteArray& name)
    {
        m_tempFail.insert(name);
        return *this;
    }

    dns::DnsAnswer query(const QByteArray& name, dns::RecordType type) override
    {
        dns::DnsAnswer answer;
        answer.name = normalizedName(name);
        answer.type = type;
        asked.append(answer.name + ' ' + dns::recordTypeName(type).toLatin1());
        if (m_tempFail.contains(answer.name)) {
            answer.status = dns::DnsAnswer::Status::TempFail;
            answer.error = QStringLiteral("timed out");
            return answer;
        }
        const auto found = m_records.constFind(answer.name);
        if (found == m_records.constEnd()) {
            answer.status = dns::DnsAnswer::Status::NxDomain;
            return answer;
        }
        for (const dns::DnsRecord& record : *found)
            if (record.type == type)
                answer.records.push_back(record);
        answer.status = answer.records.empty() ? dns::DnsAnswer::Status::NoData : dns::DnsAnswer::Status::Ok;
        return answer;
    }

    QByteArrayList asked;

private:
    FakeDns& add(const QByteArray& name, dns::RecordType type, const QByteArray& value)
    {
        dns::DnsRecord record;
        record.type = type;
        if (type == dns::RecordType::TXT)
            record.strings = {value};
        else if (type == dns::RecordType::A || type == dns::RecordType::AAAA)
            record.address = QHostAddress(QString::fromLatin1(value));
        else
            record.target = value;
        m_records[name].push_back(record);
        return *this;
    }

    QHash<QByteArray, std::vector<dns::DnsRecord>> m_records;
    QSet<QByteArray> m_tempFail;
};

spf::Result check(FakeDns& dns, const char* ip, const QByteArray& mailFrom,
                  const QByteArray& helo = "mx.example.org")
{
    spf::EvaluatorOptions options;
    options.now = 1700000000;
    const spf::Evaluator evaluator(dns, options);
    return evaluator.checkMailFrom(QHostAddress(QString::fromLatin1(ip)), mailFrom, helo);
}

} // namespace

class TestSpfEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void basicResults()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 ip4:192.0.2.0/24 ~ip6:2001:db8::/32 ?a:neutral.example.com -all")
            .a("neutral.example.com", "198.51.100.7");
        QCOMPARE(check(dns, "192.0.2.77", "a@example.com").code, ResultCode::Pass);
        QCOMPARE(check(dns, "2001:db8:1::5", "a@example.com").code, ResultCode::SoftFail);
        QCOMPARE(check(dns, "198.51.100.7", "a@example.com").code, ResultCode::Neutral);
        const spf::Result fail = check(dns, "203.0.113.1", "a@example.com");
        QCOMPARE(fail.code, ResultCode::Fail);
        QCOMPARE(fail.word(), QStringLiteral("fail"));
        // The default explanation, expanded.
        QCOMPARE(fail.explanation,
                 QStringLiteral("203.0.113.1 is not one of example.com's designated mail servers"));
        QVERIFY(fail.reason.contains(QStringLiteral("-all")));
        QCOMPARE(fail.domain, QByteArray("example.com"));
        QCOMPARE(fail.record,
                 QByteArray("v=spf1 ip4:192.0.2.0/24 ~ip6:2001:db8::/32 ?a:neutral.example.com -all"));
    }

    void noneAndDefaultNeutral()
    {
        FakeDns dns;
        dns.txt("norecord.example.com", "some-verification=1").txt("empty.example.com", "v=spf1");
        QCOMPARE(check(dns, "192.0.2.1", "a@norecord.example.com").code, ResultCode::None);
        QCOMPARE(check(dns, "192.0.2.1", "a@nxdomain.example.com").code, ResultCode::None);
        QCOMPARE(check(dns, "192.0.2.1", "a@empty.example.com").code, ResultCode::Neutral);
        // RFC 7208 4.3: malformed domains give none without asking the DNS.
        dns.asked.clear();
        QCOMPARE(check(dns, "192.0.2.1", "a@single-label").code, ResultCode::None);
        QCOMPARE(check(dns, "192.0.2.1", "a@bad..example.com").code, ResultCode::None);
        QCOMPARE(check(dns, "192.0.2.1", "a@[192.0.2.1]").code, ResultCode::None);
        QVERIFY(dns.asked.isEmpty());
    }

    void multipleRecordsArePermerror()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 +all");
        const spf::Result result = check(dns, "192.0.2.1", "a@example.com");
        QCOMPARE(result.code, ResultCode::PermError);
        QVERIFY(result.reason.contains(QStringLiteral("2 SPF records")));
    }

    void syntaxErrorIsPermerrorWithPosition()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 +all ip4:192.0.2.300");
        const spf::Result result = check(dns, "192.0.2.1", "a@example.com");
        QCOMPARE(result.code, ResultCode::PermError); // RFC 7208 4.6: even though +all would match first
        QVERIFY2(result.reason.contains(QStringLiteral("ip4:192.0.2.300")) &&
                     result.reason.contains(QStringLiteral("position 16")),
                 qPrintable(result.reason));
    }

    void nullSenderUsesHelo()
    {
        FakeDns dns;
        dns.txt("mx.example.org", "v=spf1 exists:%{l}.%{d} -all").a("postmaster.mx.example.org", "127.0.0.2");
        const spf::Result result = check(dns, "192.0.2.1", "", "mx.example.org");
        QCOMPARE(result.code, ResultCode::Pass);
        QCOMPARE(result.sender, QByteArray("postmaster@mx.example.org"));
        QCOMPARE(result.domain, QByteArray("mx.example.org"));
    }

    void internationalizedDomainUsesALabels()
    {
        // RFC 8616 4: the UTF-8 domain of an SMTPUTF8 MAIL FROM is looked up as A-labels.
        FakeDns dns;
        dns.txt("xn--bcher-kva.example", "v=spf1 ip4:192.0.2.1 -all");
        const spf::Result result = check(dns, "192.0.2.1",
                                         "kunde@b\xc3\xbc"
                                         "cher.example");
        QCOMPARE(result.code, ResultCode::Pass);
        QCOMPARE(result.domain, QByteArray("xn--bcher-kva.example"));
    }

    void aMxAndDualCidr()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 a/24//64 mx:mail.example.net -all")
            .a("example.com", "192.0.2.10")
            .aaaa("example.com", "2001:db8:1::1")
            .mx("mail.example.net", 20, "mx2.example.net")
            .mx("mail.example.net", 10, "mx1.example.net")
            .a("mx1.example.net", "198.51.100.1")
            .a("mx2.example.net", "198.51.100.2");
        QCOMPARE(check(dns, "192.0.2.200", "a@example.com").code, ResultCode::Pass);
        QCOMPARE(check(dns, "2001:db8:1::ffff", "a@example.com").code, ResultCode::Pass);
        QCOMPARE(check(dns, "2001:db8:2::1", "a@example.com").code, ResultCode::Fail);
        QCOMPARE(check(dns, "198.51.100.2", "a@example.com").code, ResultCode::Pass);
        // An IPv4-mapped IPv6 client is an IPv4 client (A records, ip4 prefix).
        QCOMPARE(check(dns, "::ffff:192.0.2.99", "a@example.com").code, ResultCode::Pass);
    }

    void lookupLimitCountsThroughIncludeAndRedirect()
    {
        FakeDns dns;
        // 1 include + 4 a in the target + 4 a here + 1 redirect = 10: allowed.
        dns.txt("ten.example.com", "v=spf1 include:inc.example.com a:n1.example.com a:n1.example.com "
                                   "a:n1.example.com a:n1.example.com redirect=last.example.com")
            .txt("inc.example.com",
                 "v=spf1 a:n1.example.com a:n1.example.com a:n1.example.com a:n1.example.com")
            .txt("last.example.com", "v=spf1 ip4:192.0.2.1 -all")
            .a("n1.example.com", "198.51.100.1");
        const spf::Result ten = check(dns, "192.0.2.1", "a@ten.example.com");
        QCOMPARE(ten.code, ResultCode::Pass);
        QCOMPARE(ten.dnsLookups, 10);
        // One more term anywhere: permerror, even though ip4 would match afterwards.
        dns.txt("eleven.example.com", "v=spf1 a:n1.example.com include:ten.example.com");
        const spf::Result eleven = check(dns, "192.0.2.1", "a@eleven.example.com");
        QCOMPARE(eleven.code, ResultCode::PermError);
        QCOMPARE(eleven.dnsLookups, 11);
        QVERIFY(eleven.reason.contains(QStringLiteral("more than 10")));
    }

    void ip4AndAllDoNotCount()
    {
        FakeDns dns;
        QByteArray record = "v=spf1";
        for (int i = 0; i < 20; ++i)
            record += " ip4:198.51.100." + QByteArray::number(i);
        dns.txt("example.com", record + " ip4:192.0.2.1 -all");
        const spf::Result result = check(dns, "192.0.2.1", "a@example.com");
        QCOMPARE(result.code, ResultCode::Pass);
        QCOMPARE(result.dnsLookups, 0);
    }

    void voidLookupLimit()
    {
        FakeDns dns;
        dns.txt("two.example.com", "v=spf1 a:nx1.example.com mx:nx2.example.com ip4:192.0.2.1 -all")
            .txt("three.example.com", "v=spf1 a:nx1.example.com mx:nx2.example.com exists:nodata.example.com "
                                      "ip4:192.0.2.1 -all")
            .txt("nodata.example.com", "not an address");
        const spf::Result two = check(dns, "192.0.2.1", "a@two.example.com");
        QCOMPARE(two.code, ResultCode::Pass);
        QCOMPARE(two.voidLookups, 2);
        const spf::Result three = check(dns, "192.0.2.1", "a@three.example.com");
        QCOMPARE(three.code, ResultCode::PermError);
        QCOMPARE(three.voidLookups, 3);
        QVERIFY(three.reason.contains(QStringLiteral("void")));
    }

    void mxNameLimit()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 mx -all");
        for (int i = 0; i < 11; ++i) {
            const QByteArray host = "mx" + QByteArray::number(i) + ".example.com";
            dns.mx("example.com", i, host).a(host, "198.51.100." + QByteArray::number(i));
        }
        const spf::Result result = check(dns, "198.51.100.0", "a@example.com");
        QCOMPARE(result.code, ResultCode::PermError);
        QVERIFY(result.reason.contains(QStringLiteral("11 MX records")));
    }

    void ptrMechanismAndNameLimit()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 ptr -all").ptr("1.2.0.192.in-addr.arpa", "other.example.net");
        for (int i = 0; i < 10; ++i)
            dns.ptr("1.2.0.192.in-addr.arpa", "h" + QByteArray::number(i) + ".elsewhere.net");
        dns.ptr("1.2.0.192.in-addr.arpa", "mail.example.com").a("mail.example.com", "192.0.2.1");
        // The matching name is the 12th: RFC 7208 4.6.4 stops after 10.
        QCOMPARE(check(dns, "192.0.2.1", "a@example.com").code, ResultCode::Fail);
        FakeDns good;
        good.txt("example.com", "v=spf1 ptr -all")
            .ptr("1.2.0.192.in-addr.arpa", "mail.example.com")
            .a("mail.example.com", "192.0.2.1")
            .ptr("2.2.0.192.in-addr.arpa", "forged.example.com")
            .a("forged.example.com", "198.51.100.1");
        QCOMPARE(check(good, "192.0.2.1", "a@example.com").code, ResultCode::Pass);
        // The PTR name does not resolve back to the client: not validated.
        QCOMPARE(check(good, "192.0.2.2", "a@example.com").code, ResultCode::Fail);
    }

    void loopsArePermerror()
    {
        FakeDns dns;
        dns.txt("a.example.com", "v=spf1 include:b.example.com -all")
            .txt("b.example.com", "v=spf1 include:a.example.com -all")
            .txt("self.example.com", "v=spf1 redirect=self.example.com");
        const spf::Result include = check(dns, "192.0.2.1", "x@a.example.com");
        QCOMPARE(include.code, ResultCode::PermError);
        QVERIFY(include.reason.contains(QStringLiteral("loop")));
        const spf::Result redirect = check(dns, "192.0.2.1", "x@self.example.com");
        QCOMPARE(redirect.code, ResultCode::PermError);
        QVERIFY(redirect.reason.contains(QStringLiteral("loop")));
    }

    void includeResultMapping()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 include:soft.example.com include:pass.example.com -all")
            .txt("soft.example.com", "v=spf1 ~all")
            .txt("pass.example.com", "v=spf1 ip4:192.0.2.1")
            .txt("none.example.com", "v=spf1 include:nospf.example.com -all")
            .txt("nospf.example.com", "hello")
            .txt("temp.example.com", "v=spf1 include:slow.example.com -all")
            .tempFail("slow.example.com");
        QCOMPARE(check(dns, "192.0.2.1", "a@example.com").code, ResultCode::Pass);
        QCOMPARE(check(dns, "192.0.2.2", "a@example.com").code, ResultCode::Fail);
        QCOMPARE(check(dns, "192.0.2.1", "a@none.example.com").code, ResultCode::PermError);
        QCOMPARE(check(dns, "192.0.2.1", "a@temp.example.com").code, ResultCode::TempError);
    }

    void tempFailIsTemperror()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 a:slow.example.com ip4:192.0.2.1 -all")
            .tempFail("slow.example.com")
            .tempFail("down.example.com")
            .txt("first.example.com", "v=spf1 ip4:192.0.2.1 a:slow.example.com -all");
        const spf::Result result = check(dns, "192.0.2.1", "a@example.com");
        QCOMPARE(result.code, ResultCode::TempError);
        QVERIFY(result.reason.contains(QStringLiteral("slow.example.com")));
        QCOMPARE(check(dns, "192.0.2.1", "a@down.example.com").code, ResultCode::TempError);
        // Nothing after a match is evaluated.
        dns.asked.clear();
        QCOMPARE(check(dns, "192.0.2.1", "a@first.example.com").code, ResultCode::Pass);
        QCOMPARE(dns.asked, QByteArrayList{"first.example.com TXT"});
    }

    void explanationFromExpAndRedirect()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 -all exp=why.%{d}")
            .txt("why.example.com", "%{i} may not send for %{o} (%{c}, %{v}); see https://%{d}/spf")
            .txt("redir.example.com", "v=spf1 exp=unused.example.com redirect=example.com")
            .txt("softonly.example.com", "v=spf1 ~all exp=why.example.com")
            .txt("broken.example.com", "v=spf1 -all exp=nothing.example.com");
        const spf::Result fail = check(dns, "192.0.2.9", "a@example.com");
        QCOMPARE(
            fail.explanation,
            QStringLiteral(
                "192.0.2.9 may not send for example.com (192.0.2.9, in-addr); see https://example.com/spf"));
        // RFC 7208 6.2: the redirect target's exp= is used, with %{d} the target and %{o} the sender's
        // domain.
        QCOMPARE(check(dns, "192.0.2.9", "a@redir.example.com").explanation,
                 QStringLiteral("192.0.2.9 may not send for redir.example.com (192.0.2.9, in-addr); see "
                                "https://example.com/spf"));
        QVERIFY(check(dns, "192.0.2.9", "a@softonly.example.com").explanation.isEmpty());
        // No TXT at the exp target: the default explanation; the lookup is not a void lookup.
        const spf::Result broken = check(dns, "192.0.2.9", "a@broken.example.com");
        QCOMPARE(broken.code, ResultCode::Fail);
        QCOMPARE(broken.voidLookups, 0);
        QVERIFY(broken.explanation.contains(QStringLiteral("not one of broken.example.com's")));
    }

    void validatedNameMacro()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 exists:%{p}.allow.example.com -all")
            .ptr("5.2.0.192.in-addr.arpa", "other.example.net")
            .ptr("5.2.0.192.in-addr.arpa", "mail.example.com")
            .a("other.example.net", "192.0.2.5")
            .a("mail.example.com", "192.0.2.5")
            .a("mail.example.com.allow.example.com", "127.0.0.2");
        // Both names are validated; the one inside <domain> is preferred (RFC 7208 7.3).
        QCOMPARE(check(dns, "192.0.2.5", "a@example.com").code, ResultCode::Pass);
        // No PTR: %{p} is "unknown".
        dns.a("unknown.allow.example.com", "127.0.0.2");
        QCOMPARE(check(dns, "192.0.2.6", "a@example.com").code, ResultCode::Pass);
    }

    void traceRecordsTermsLookupsAndCounts()
    {
        FakeDns dns;
        dns.txt("example.com", "v=spf1 a:nx.example.com include:inc.example.com -all")
            .txt("inc.example.com", "v=spf1 ip4:192.0.2.1");
        const spf::Result result = check(dns, "192.0.2.1", "a@example.com");
        QCOMPARE(result.code, ResultCode::Pass);
        QCOMPARE(result.dnsLookups, 2);
        QCOMPARE(result.voidLookups, 1);
        const spf::Trace& trace = result.trace;
        QCOMPARE(trace.size(), std::size_t(5));
        QCOMPARE(trace[0].kind, spf::TraceStep::Kind::Record);
        QCOMPARE(trace[0].term, QByteArray("v=spf1 a:nx.example.com include:inc.example.com -all"));
        QCOMPARE(trace[1].term, QByteArray("a:nx.example.com"));
        QCOMPARE(trace[1].position, 7);
        QCOMPARE(trace[1].matched, std::optional<bool>(false));
        QCOMPARE(trace[1].lookups.size(), std::size_t(1));
        QCOMPARE(trace[1].lookups[0].status, dns::DnsAnswer::Status::NxDomain);
        QVERIFY(trace[1].lookups[0].isVoid);
        QCOMPARE(trace[1].dnsLookupsSoFar, 1);
        QCOMPARE(trace[1].voidLookupsSoFar, 1);
        // The include comes before the steps of the included record, which are one level deeper.
        QCOMPARE(trace[2].term, QByteArray("include:inc.example.com"));
        QCOMPARE(trace[2].matched, std::optional<bool>(true));
        QCOMPARE(trace[3].depth, 1);
        QCOMPARE(trace[3].domain, QByteArray("inc.example.com"));
        QCOMPARE(trace[4].term, QByteArray("ip4:192.0.2.1"));
        QCOMPARE(trace[4].matched, std::optional<bool>(true));
    }
};

QTEST_GUILESS_MAIN(TestSpfEvaluator)
#include "tst_spf_evaluator.moc"
