// SPDX-License-Identifier: GPL-3.0-or-later
#include "lint/SpfLint.h"

#include "dns/Resolver.h"
#include "spf/Evaluator.h"
#include "spf/MacroExpander.h"
#include "spf/Record.h"

#include <QList>

#include <optional>

namespace authlens::lint {

namespace {

using dns::DnsAnswer;
using dns::RecordType;

QString latin(QByteArrayView text)
{
    return QString::fromLatin1(text);
}

Finding finding(const char* id, Severity severity, const QString& subject, const QString& message,
                const QString& fix, const QString& reference, const QString& corrected = {})
{
    return Finding{QString::fromLatin1(id), severity, subject, message, fix, corrected, reference};
}

QString subjectOf(const QByteArray& domain)
{
    return QStringLiteral("SPF record of %1").arg(latin(domain));
}

// The record rebuilt with `all` as its final mechanism: terms after the first "all" and a redirect (which
// an "all" makes pointless, RFC 7208 6.1) dropped, other modifiers kept at the end.
QString withAll(const spf::Record& record, QByteArrayView all)
{
    QList<QByteArray> terms{"v=spf1"};
    for (const spf::Mechanism& mechanism : record.mechanisms()) {
        if (mechanism.type == spf::MechanismType::All)
            break;
        terms.append(mechanism.text);
    }
    terms.append(all.toByteArray());
    for (const spf::Modifier& modifier : record.modifiers()) {
        if (modifier.name != "redirect")
            terms.append(modifier.text);
    }
    return latin(terms.join(' '));
}

// RFC 7208 6.1: with an "all" anywhere, redirect= is ignored; mechanisms after the first "all" are never
// reached (RFC 7208 4.6.2).
int firstAllIndex(const spf::Record& record)
{
    const auto& mechanisms = record.mechanisms();
    for (std::size_t i = 0; i < mechanisms.size(); ++i) {
        if (mechanisms[i].type == spf::MechanismType::All)
            return int(i);
    }
    return -1;
}

// Two records merged into one: every mechanism of both (duplicates once), then one "all". Only when it
// keeps the meaning: both parse, neither redirects, and both end in the same kind of "all" or none.
std::optional<QString> mergedRecord(const std::vector<spf::Record::Parse>& parses)
{
    QList<QByteArray> terms{"v=spf1"};
    std::optional<QByteArray> all;
    for (const spf::Record::Parse& parse : parses) {
        if (!parse.ok() || parse.record.redirect())
            return std::nullopt;
        std::optional<QByteArray> thisAll;
        for (const spf::Mechanism& mechanism : parse.record.mechanisms()) {
            if (mechanism.type == spf::MechanismType::All) {
                thisAll = QByteArray(1, char(spf::qualifierChar(mechanism.qualifier).toLatin1())) + "all";
                break;
            }
            if (!terms.contains(mechanism.text))
                terms.append(mechanism.text);
        }
        if (all && thisAll && *all != *thisAll)
            return std::nullopt;
        if (thisAll)
            all = thisAll;
        for (const spf::Modifier& modifier : parse.record.modifiers()) {
            if (!terms.contains(modifier.text))
                terms.append(modifier.text);
        }
    }
    if (all)
        terms.insert(terms.size(), all->startsWith('+') ? all->mid(1) : *all);
    return latin(terms.join(' '));
}

class Walk
{
public:
    Walk(dns::Resolver& resolver, const QByteArray& top, SpfLint::Report& report)
        : m_resolver(resolver)
        , m_top(top)
        , m_report(report)
    {}

    void run()
    {
        QList<QByteArray> chain;
        visit(m_top, 0, chain, Via::Top, {});
        const int terms = m_report.dnsTerms;
        if (terms > 10) {
            add(finding(
                "spf.lookups.over-limit", Severity::Error, subjectOf(m_top),
                QStringLiteral("The record needs %1 DNS-querying terms (include, a, mx, ptr, exists, "
                               "redirect, counted through every include and redirect); receivers stop "
                               "at 10 and return permerror, so SPF fails for all mail.")
                    .arg(terms),
                QStringLiteral("Remove unused includes, replace a/mx terms with ip4:/ip6: ranges, or "
                               "split senders onto subdomains with their own records."),
                QStringLiteral("RFC 7208 4.6.4")));
        } else if (terms >= 9) {
            add(finding("spf.lookups.near-limit", Severity::Warning, subjectOf(m_top),
                        QStringLiteral("The record needs %1 of the 10 DNS-querying terms allowed; one more "
                                       "include (or a provider adding one to theirs) makes SPF permerror.")
                            .arg(terms),
                        QStringLiteral("Free lookups now: drop unused includes, use ip4:/ip6: for your own "
                                       "servers."),
                        QStringLiteral("RFC 7208 4.6.4")));
        }
        if (m_report.voidLookups > 2) {
            add(finding(
                "spf.void-lookups.over-limit", Severity::Error, subjectOf(m_top),
                QStringLiteral("%1 lookups of the record's a, mx, include or exists targets return no "
                               "records; receivers return permerror after 2.")
                    .arg(m_report.voidLookups),
                QStringLiteral("Remove terms that point at names without records."),
                QStringLiteral("RFC 7208 4.6.4")));
        }
    }

private:
    enum class Via
    {
        Top,
        Include,
        Redirect,
    };

    void add(Finding f) { m_report.findings.push_back(std::move(f)); }

    void tempFail(const QByteArray& name, const QString& error)
    {
        add(finding("spf.dns.temperror", Severity::Warning, subjectOf(m_top),
                    QStringLiteral("The lookup of %1 failed temporarily (%2); the checks that need it were "
                                   "skipped and receivers would return temperror.")
                        .arg(latin(name), error),
                    QStringLiteral("Check the name servers of %1 and run the check again.").arg(latin(name)),
                    QStringLiteral("RFC 7208 2.6.6")));
    }

    DnsAnswer query(const QByteArray& name, RecordType type) { return m_resolver.query(name, type); }

    // A domain-spec made concrete for the walk. Only %{d} and %{o} can be known without a message; a
    // target depending on the client or sender is counted but not followed.
    std::optional<QByteArray> target(const QByteArray& spec, const QByteArray& domain) const
    {
        if (spec.isEmpty())
            return domain;
        for (qsizetype i = spec.indexOf("%{"); i >= 0; i = spec.indexOf("%{", i + 2)) {
            const char letter = i + 2 < spec.size() ? char(spec[i + 2] | 0x20) : '\0';
            if (letter != 'd' && letter != 'o')
                return std::nullopt;
        }
        spf::MacroContext context;
        context.sender = "postmaster@" + m_top;
        context.localPart = "postmaster";
        context.senderDomain = m_top;
        context.domain = domain;
        const auto expansion =
            spf::MacroExpander(context).expand(spec, spf::MacroExpander::Usage::DomainSpec);
        if (!expansion.ok() || !spf::Evaluator::isValidDomain(expansion.text))
            return std::nullopt;
        return dns::Resolver::normalizedName(expansion.text);
    }

    // An address lookup for a/mx/exists targets: true when the name has A or AAAA, nullopt on tempfail.
    std::optional<bool> hasAddress(const QByteArray& name)
    {
        const DnsAnswer a = query(name, RecordType::A);
        if (a.ok())
            return true;
        const DnsAnswer aaaa = query(name, RecordType::AAAA);
        if (aaaa.ok())
            return true;
        if (a.isTemporary() || aaaa.isTemporary()) {
            tempFail(name, a.isTemporary() ? a.error : aaaa.error);
            return std::nullopt;
        }
        return false;
    }

    void checkA(const spf::Mechanism& mechanism, const QByteArray& domain)
    {
        const auto name = target(mechanism.domainSpec, domain);
        if (!name)
            return;
        const auto found = hasAddress(*name);
        if (!found || *found)
            return;
        ++m_report.voidLookups;
        add(finding(
            "spf.a.no-address", Severity::Warning, subjectOf(domain),
            QStringLiteral("\"%1\" points at %2, which has no A or AAAA record: the term never matches "
                           "and counts as a void lookup.")
                .arg(latin(mechanism.text), latin(*name)),
            QStringLiteral("Remove \"%1\" or publish the address of %2.")
                .arg(latin(mechanism.text), latin(*name)),
            QStringLiteral("RFC 7208 5.3, 4.6.4")));
    }

    void checkMx(const spf::Mechanism& mechanism, const QByteArray& domain)
    {
        const auto name = target(mechanism.domainSpec, domain);
        if (!name)
            return;
        const DnsAnswer mx = query(*name, RecordType::MX);
        if (mx.isTemporary()) {
            tempFail(*name, mx.error);
            return;
        }
        if (!mx.ok()) {
            ++m_report.voidLookups;
            add(finding("spf.mx.no-address", Severity::Warning, subjectOf(domain),
                        QStringLiteral("\"%1\" points at %2, which has no MX record: the term never matches "
                                       "and counts as a void lookup.")
                            .arg(latin(mechanism.text), latin(*name)),
                        QStringLiteral("Remove \"%1\" or list the sending hosts with ip4:/ip6:.")
                            .arg(latin(mechanism.text)),
                        QStringLiteral("RFC 7208 5.4, 4.6.4")));
            return;
        }
        if (mx.records.size() > 10) {
            add(finding("spf.mx.too-many", Severity::Error, subjectOf(domain),
                        QStringLiteral("\"%1\": %2 has %3 MX hosts; receivers return permerror over 10.")
                            .arg(latin(mechanism.text), latin(*name))
                            .arg(mx.records.size()),
                        QStringLiteral("Replace \"%1\" with ip4:/ip6: ranges of the sending hosts.")
                            .arg(latin(mechanism.text)),
                        QStringLiteral("RFC 7208 4.6.4")));
        }
        QList<QByteArray> withoutAddress;
        int checked = 0;
        for (const dns::DnsRecord& record : mx.records) {
            if (++checked > 10)
                break;
            if (record.target.isEmpty() || record.target == ".")
                continue; // RFC 7505 null MX: the domain accepts no mail, nothing to resolve
            const auto found = hasAddress(record.target);
            if (found && !*found)
                withoutAddress.append(record.target);
        }
        if (!withoutAddress.isEmpty()) {
            add(finding(
                "spf.mx.no-address", Severity::Warning, subjectOf(domain),
                QStringLiteral("\"%1\": the MX host(s) %2 of %3 have no A or AAAA record and can never "
                               "match.")
                    .arg(latin(mechanism.text), latin(withoutAddress.join(", ")), latin(*name)),
                QStringLiteral("Fix the MX records of %1 or list the senders with ip4:/ip6:.")
                    .arg(latin(*name)),
                QStringLiteral("RFC 7208 5.4")));
        }
    }

    void checkRecordText(const QByteArray& domain, const std::vector<dns::DnsRecord>& records,
                         const spf::Record::Parse& parse)
    {
        for (const dns::DnsRecord& record : records) {
            if (!spf::Record::isSpfRecord(record.text()))
                continue;
            for (const QByteArray& string : record.strings) {
                if (string.size() > 255) {
                    add(finding(
                        "spf.txt.string-too-long", Severity::Error, subjectOf(domain),
                        QStringLiteral("A TXT string of the record is %1 octets; DNS carries at most 255 "
                                       "per string, so it is cut or refused when published.")
                            .arg(string.size()),
                        QStringLiteral("Publish the record as several quoted strings of at most 255 "
                                       "octets each (they are joined without spaces)."),
                        QStringLiteral("RFC 7208 3.3, RFC 1035 3.3.14")));
                }
            }
        }
        if (parse.record.text().size() > 512) {
            add(finding(
                "spf.record.too-long", Severity::Warning, subjectOf(domain),
                QStringLiteral("The record is %1 octets; over 512 the DNS answer may not fit in UDP and "
                               "some receivers fail to fetch it.")
                    .arg(parse.record.text().size()),
                QStringLiteral("Shorten it: move senders into an include, merge ip4: ranges."),
                QStringLiteral("RFC 7208 3.4")));
        }
    }

    void checkSyntax(const QByteArray& domain, const spf::Record::Parse& parse)
    {
        int redirects = 0;
        for (const spf::Modifier& modifier : parse.record.modifiers())
            redirects += modifier.name == "redirect" ? 1 : 0;
        for (const spf::ParseError& error : parse.errors) {
            QByteArray term = error.term.toLower();
            if (!term.isEmpty() && QByteArrayView("+-~?").contains(term.front()))
                term = term.mid(1);
            const char* id = "spf.syntax";
            if (term.startsWith("ip4"))
                id = "spf.syntax.ip4";
            else if (term.startsWith("ip6"))
                id = "spf.syntax.ip6";
            else if (term.startsWith("redirect=") && redirects > 1)
                id = "spf.syntax.redirect-twice";
            add(finding(
                id, Severity::Error, subjectOf(domain),
                QStringLiteral("Syntax error at offset %1: %2. Receivers return permerror for the whole "
                               "record.")
                    .arg(error.position)
                    .arg(error.toString()),
                error.term.isEmpty() ? QStringLiteral("Start the record with \"v=spf1 \".")
                                     : QStringLiteral("Correct or remove \"%1\".").arg(latin(error.term)),
                QStringLiteral("RFC 7208 4.6, 12")));
        }
        int alls = 0;
        for (const spf::Mechanism& mechanism : parse.record.mechanisms())
            alls += mechanism.type == spf::MechanismType::All ? 1 : 0;
        if (alls > 1) {
            const spf::Mechanism& first = parse.record.mechanisms()[firstAllIndex(parse.record)];
            add(finding(
                "spf.syntax.all-twice", Severity::Warning, subjectOf(domain),
                QStringLiteral("The record has %1 \"all\" mechanisms; only the first is ever evaluated.")
                    .arg(alls),
                QStringLiteral("Keep one \"all\", at the end."), QStringLiteral("RFC 7208 5.1"),
                withAll(parse.record, first.text)));
        }
        const int allIndex = firstAllIndex(parse.record);
        if (allIndex >= 0) {
            QList<QByteArray> ignored;
            const auto& mechanisms = parse.record.mechanisms();
            for (std::size_t i = std::size_t(allIndex) + 1; i < mechanisms.size(); ++i) {
                if (mechanisms[i].type != spf::MechanismType::All)
                    ignored.append(mechanisms[i].text);
            }
            if (const spf::Modifier* redirect = parse.record.redirect())
                ignored.append(redirect->text);
            if (!ignored.isEmpty()) {
                add(finding(
                    "spf.terms-after-all", Severity::Warning, subjectOf(domain),
                    QStringLiteral("%1 come(s) after \"%2\" and is never evaluated (a redirect is ignored "
                                   "when the record has \"all\").")
                        .arg(latin(ignored.join(' ')), latin(mechanisms[allIndex].text)),
                    QStringLiteral("Move these terms before \"all\" or remove them."),
                    QStringLiteral("RFC 7208 4.6.2, 6.1"), withAll(parse.record, mechanisms[allIndex].text)));
            }
        }
    }

    // The record's final answer for mail nothing else matched: what the top record (or the record a
    // redirect hands over to) ends with.
    void checkAll(const QByteArray& domain, const spf::Record& record, bool decidesResult)
    {
        const int allIndex = firstAllIndex(record);
        if (allIndex < 0) {
            if (decidesResult && !record.redirect()) {
                add(finding(
                    "spf.all.missing", Severity::Warning, subjectOf(domain),
                    QStringLiteral("The record ends without \"all\" or redirect=: mail from any other "
                                   "server gets neutral, which protects nothing."),
                    QStringLiteral("End the record with \"-all\" (or \"~all\" while you confirm every "
                                   "sender is listed)."),
                    QStringLiteral("RFC 7208 4.7, 5.1"), withAll(record, "-all")));
            }
            return;
        }
        const spf::Mechanism& all = record.mechanisms()[allIndex];
        switch (all.qualifier) {
        case spf::Qualifier::Pass:
            add(finding("spf.all.pass", Severity::Error, subjectOf(domain),
                        decidesResult
                            ? QStringLiteral("\"%1\" makes every server on the Internet pass SPF for "
                                             "this domain.")
                                  .arg(latin(all.text))
                            : QStringLiteral("\"%1\" in an included record makes every server pass "
                                             "the include, and so the records that include it.")
                                  .arg(latin(all.text)),
                        QStringLiteral("Replace \"%1\" with \"-all\".").arg(latin(all.text)),
                        QStringLiteral("RFC 7208 5.1, 10.1"), withAll(record, "-all")));
            break;
        case spf::Qualifier::Neutral:
            if (decidesResult)
                add(finding(
                    "spf.all.neutral", Severity::Warning, subjectOf(domain),
                    QStringLiteral("\"?all\" gives mail from unlisted servers neutral: no protection "
                                   "against spoofing."),
                    QStringLiteral("Use \"-all\" (or \"~all\" while you confirm every sender is listed)."),
                    QStringLiteral("RFC 7208 5.1, 8.2"), withAll(record, "-all")));
            break;
        case spf::Qualifier::SoftFail:
            if (decidesResult)
                add(finding(
                    "spf.all.softfail", Severity::Info, subjectOf(domain),
                    QStringLiteral("\"~all\" marks unlisted servers softfail; receivers accept the mail "
                                   "and rely on DMARC to act."),
                    QStringLiteral("When every sender is listed, switch to \"-all\"."),
                    QStringLiteral("RFC 7208 8.5"), withAll(record, "-all")));
            break;
        case spf::Qualifier::Fail:
            break;
        }
    }

    void visit(const QByteArray& domain, int depth, QList<QByteArray>& chain, Via via,
               const QByteArray& parent)
    {
        if (++m_walked > SpfLint::maxRecordsWalked || depth > SpfLint::maxDepth)
            return;
        const DnsAnswer answer = query(domain, RecordType::TXT);
        if (answer.isTemporary()) {
            tempFail(domain, answer.error);
            return;
        }
        std::vector<dns::DnsRecord> spfRecords;
        for (const dns::DnsRecord& record : answer.records) {
            if (spf::Record::isSpfRecord(record.text()))
                spfRecords.push_back(record);
        }
        if (spfRecords.empty()) {
            noRecord(domain, via, parent);
            return;
        }
        if (spfRecords.size() > 1) {
            std::vector<spf::Record::Parse> parses;
            QStringList texts;
            for (const dns::DnsRecord& record : spfRecords) {
                parses.push_back(spf::Record::parse(record.text()));
                texts.append(latin(record.text()));
            }
            const auto merged = mergedRecord(parses);
            add(finding("spf.record.multiple", Severity::Error, subjectOf(domain),
                        QStringLiteral("%1 has %2 TXT records starting with v=spf1 (%3); receivers return "
                                       "permerror when there is more than one.")
                            .arg(latin(domain))
                            .arg(spfRecords.size())
                            .arg(texts.join(QStringLiteral(" | "))),
                        merged
                            ? QStringLiteral("Publish one record combining them.")
                            : QStringLiteral("Publish one record combining them; they conflict (redirect= or "
                                             "different \"all\"), so choose the intended one by hand."),
                        QStringLiteral("RFC 7208 3.2, 4.5"), merged.value_or(QString())));
            if (depth == 0)
                m_report.record = spfRecords.front().text();
            return;
        }
        const spf::Record::Parse parse = spf::Record::parse(spfRecords.front().text());
        if (depth == 0)
            m_report.record = parse.record.text();
        checkRecordText(domain, spfRecords, parse);
        checkSyntax(domain, parse);
        if (!parse.ok())
            return; // permerror: receivers evaluate nothing (RFC 7208 4.6)
        const bool decidesResult = via != Via::Include;
        checkAll(domain, parse.record, decidesResult);
        if (depth == 0)
            checkParked(domain, parse.record);

        chain.append(domain);
        const int allIndex = firstAllIndex(parse.record);
        const auto& mechanisms = parse.record.mechanisms();
        bool ptrReported = false;
        for (std::size_t i = 0; i < mechanisms.size(); ++i) {
            if (allIndex >= 0 && int(i) > allIndex)
                break; // never reached, so never counted (RFC 7208 4.6.2)
            const spf::Mechanism& mechanism = mechanisms[i];
            if (mechanism.queriesDns())
                ++m_report.dnsTerms;
            switch (mechanism.type) {
            case spf::MechanismType::Include:
                follow(mechanism.text, mechanism.domainSpec, domain, depth, chain, Via::Include);
                break;
            case spf::MechanismType::A:
                checkA(mechanism, domain);
                break;
            case spf::MechanismType::Mx:
                checkMx(mechanism, domain);
                break;
            case spf::MechanismType::Exists:
                if (const auto name = target(mechanism.domainSpec, domain)) {
                    const auto found = hasAddress(*name);
                    if (found && !*found)
                        ++m_report.voidLookups;
                }
                break;
            case spf::MechanismType::Ptr:
                if (!ptrReported) {
                    ptrReported = true;
                    add(finding(
                        "spf.ptr", Severity::Warning, subjectOf(domain),
                        QStringLiteral("\"%1\" is slow, unreliable and deprecated: it makes receivers do "
                                       "reverse and forward lookups, and many skip it.")
                            .arg(latin(mechanism.text)),
                        QStringLiteral("Replace \"%1\" with ip4:/ip6: ranges or an a: term.")
                            .arg(latin(mechanism.text)),
                        QStringLiteral("RFC 7208 5.5")));
                }
                break;
            default:
                break;
            }
        }
        if (allIndex < 0) {
            if (const spf::Modifier* redirect = parse.record.redirect()) {
                ++m_report.dnsTerms; // RFC 7208 4.6.4: redirect counts as a DNS-querying term
                follow(redirect->text, redirect->value, domain, depth, chain, Via::Redirect);
            }
        }
        chain.removeLast();
    }

    void follow(const QByteArray& term, const QByteArray& spec, const QByteArray& domain, int depth,
                QList<QByteArray>& chain, Via via)
    {
        const auto name = target(spec, domain);
        if (!name)
            return;
        if (chain.contains(*name)) {
            add(finding(
                "spf.loop", Severity::Error, subjectOf(domain),
                QStringLiteral("\"%1\" leads back to %2 (%3 -> %2): receivers stop with permerror when "
                               "the lookup limit is reached.")
                    .arg(latin(term), latin(*name), latin(chain.join(" -> "))),
                QStringLiteral("Remove \"%1\".").arg(latin(term)), QStringLiteral("RFC 7208 5.2, 6.1")));
            return;
        }
        visit(*name, depth + 1, chain, via, domain);
    }

    void noRecord(const QByteArray& domain, Via via, const QByteArray& parent)
    {
        if (via == Via::Include || via == Via::Redirect) {
            const bool include = via == Via::Include;
            // RFC 7208 5.2 / 6.1: include or redirect to a domain without SPF record is permerror.
            add(finding(
                include ? "spf.include.no-record" : "spf.redirect.no-record", Severity::Error,
                subjectOf(parent),
                QStringLiteral("%1 points at %2, which has no SPF record: receivers return permerror.")
                    .arg(include ? QStringLiteral("include:") : QStringLiteral("redirect="), latin(domain)),
                QStringLiteral("Remove the term or correct the domain name."),
                include ? QStringLiteral("RFC 7208 5.2") : QStringLiteral("RFC 7208 6.1")));
            return;
        }
        const bool parked = isParked(domain);
        add(finding("spf.record.missing", Severity::Error, subjectOf(domain),
                    parked ? QStringLiteral("%1 has no SPF record and receives no mail (no MX, no address): "
                                            "anyone can send as it without SPF failing.")
                                 .arg(latin(domain))
                           : QStringLiteral("%1 has no SPF record: receivers get SPF none for its mail and "
                                            "large providers require SPF or DKIM for every sender.")
                                 .arg(latin(domain)),
                    parked ? QStringLiteral("Publish \"v=spf1 -all\" to say the domain sends no mail.")
                           : QStringLiteral("Publish a TXT record \"v=spf1 <your senders> -all\" at %1.")
                                 .arg(latin(domain)),
                    QStringLiteral("RFC 7208 4.5; Gmail and Yahoo sender requirements 2024"),
                    parked ? QStringLiteral("v=spf1 -all") : QString()));
    }

    bool isParked(const QByteArray& domain)
    {
        const DnsAnswer mx = query(domain, RecordType::MX);
        if (!mx.isEmpty())
            return false;
        const auto found = hasAddress(domain);
        return found && !*found;
    }

    void checkParked(const QByteArray& domain, const spf::Record& record)
    {
        bool onlyFail = !record.mechanisms().empty() && !record.redirect();
        for (const spf::Mechanism& mechanism : record.mechanisms()) {
            if (mechanism.type != spf::MechanismType::All || mechanism.qualifier != spf::Qualifier::Fail)
                onlyFail = false;
        }
        if (onlyFail || !isParked(domain))
            return;
        add(finding(
            "spf.parked.not-fail", Severity::Warning, subjectOf(domain),
            QStringLiteral("%1 has no MX and no address, so it sends and receives no mail, but its SPF "
                           "record authorizes senders: a spoofer's best target.")
                .arg(latin(domain)),
            QStringLiteral("Publish \"v=spf1 -all\" for a domain that sends no mail."),
            QStringLiteral("RFC 7208 4.5; M3AAWG parked domains best practice"),
            QStringLiteral("v=spf1 -all")));
    }

    dns::Resolver& m_resolver;
    QByteArray m_top;
    SpfLint::Report& m_report;
    int m_walked = 0;
};

} // namespace

SpfLint::SpfLint(dns::Resolver& resolver)
    : m_resolver(resolver)
{}

SpfLint::Report SpfLint::check(const QByteArray& domain) const
{
    Report report;
    const QByteArray name = dns::Resolver::normalizedName(domain);
    if (!dns::Resolver::nameError(name).isEmpty() || name.isEmpty()) {
        report.findings.push_back(
            finding("spf.record.missing", Severity::Error, subjectOf(name),
                    QStringLiteral("\"%1\" is not a domain name that can be looked up: %2")
                        .arg(latin(domain), dns::Resolver::nameError(name)),
                    QStringLiteral("Check the domain name."), QStringLiteral("RFC 7208 4.3")));
        return report;
    }
    Walk(m_resolver, name, report).run();
    return report;
}

} // namespace authlens::lint
