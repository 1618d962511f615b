// SPDX-License-Identifier: GPL-3.0-or-later
#include "spf/CheckHost.h"

#include <QDateTime>

#include <algorithm>

namespace authlens::spf {

namespace {

using Status = dns::DnsAnswer::Status;

QString presentRecord(const dns::DnsRecord& record)
{
    switch (record.type) {
    case dns::RecordType::A:
    case dns::RecordType::AAAA:
        return record.address.toString();
    case dns::RecordType::MX:
        return QStringLiteral("%1 %2").arg(record.preference).arg(QString::fromLatin1(record.target));
    case dns::RecordType::PTR:
    case dns::RecordType::CNAME:
        return QString::fromLatin1(record.target);
    case dns::RecordType::TXT:
        return QString::fromLatin1(record.text());
    }
    return {};
}

QByteArray withoutFinalDot(QByteArray name)
{
    while (name.endsWith('.'))
        name.chop(1);
    return name;
}

bool isInDomain(const QByteArray& name, const QByteArray& domain)
{
    const QByteArray n = withoutFinalDot(name).toLower();
    const QByteArray d = withoutFinalDot(domain).toLower();
    return n == d || n.endsWith('.' + d);
}

ResultCode codeFor(Qualifier qualifier)
{
    switch (qualifier) {
    case Qualifier::Pass:
        return ResultCode::Pass;
    case Qualifier::Fail:
        return ResultCode::Fail;
    case Qualifier::SoftFail:
        return ResultCode::SoftFail;
    case Qualifier::Neutral:
        return ResultCode::Neutral;
    }
    return ResultCode::Neutral;
}

QString lookupFailure(const dns::DnsAnswer& answer)
{
    return QStringLiteral("DNS %1 for %2 %3%4")
        .arg(dns::statusName(answer.status), QString::fromLatin1(answer.name),
             dns::recordTypeName(answer.type),
             answer.error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(answer.error));
}

} // namespace

CheckHost::CheckHost(dns::Resolver& resolver, const EvaluatorOptions& options, const QHostAddress& ip,
                     const QByteArray& sender, const QByteArray& helo)
    : m_resolver(resolver)
    , m_options(options)
    , m_client(ip)
    , m_sender(sender)
    , m_helo(helo)
{
    const qsizetype at = sender.lastIndexOf('@');
    m_localPart = at < 0 ? QByteArray() : sender.left(at);
    m_senderDomain = at < 0 ? sender : sender.mid(at + 1);
    if (m_localPart.isEmpty())
        m_localPart = "postmaster"; // RFC 7208 4.3
}

Result CheckHost::run(const QByteArray& domain)
{
    const Outcome outcome = evaluate(domain, 0, true);
    Result result;
    result.code = outcome.code;
    result.reason = outcome.reason;
    if (outcome.code == ResultCode::Fail)
        result.explanation = outcome.explanation;
    result.record = outcome.record;
    result.trace = std::move(m_trace);
    result.dnsLookups = m_dnsTerms;
    result.voidLookups = m_voidLookups;
    return result;
}

void CheckHost::addStep(TraceStep step)
{
    step.dnsLookupsSoFar = m_dnsTerms;
    step.voidLookupsSoFar = m_voidLookups;
    m_trace.push_back(std::move(step));
}

void CheckHost::fillStep(std::size_t index, TraceStep step)
{
    step.dnsLookupsSoFar = m_dnsTerms;
    step.voidLookupsSoFar = m_voidLookups;
    m_trace[index] = std::move(step);
}

dns::DnsAnswer CheckHost::lookup(const QByteArray& name, dns::RecordType type, TraceStep& step,
                                 bool countVoid)
{
    dns::DnsAnswer answer = m_resolver.query(name, type);
    TraceLookup traced;
    traced.name = dns::Resolver::normalizedName(name);
    traced.type = type;
    traced.status = answer.status;
    traced.error = answer.error;
    for (const dns::DnsRecord& record : answer.records)
        traced.answers.append(presentRecord(record));
    // RFC 7208 4.6.4: NXDOMAIN and NOERROR-without-answers are "void lookups". A TXT/A answer of the
    // asked name can also be Ok with no records of the type when the resolver is sloppy: treat as void.
    const bool empty = answer.isEmpty() || (answer.ok() && answer.records.empty());
    if (empty && countVoid) {
        ++m_voidLookups;
        traced.isVoid = true;
    }
    step.lookups.push_back(std::move(traced));
    return answer;
}

bool CheckHost::countDnsTerm(TraceStep& step, Outcome& error)
{
    // RFC 7208 4.6.4: at most 10 terms that cause DNS queries, over the whole evaluation.
    ++m_dnsTerms;
    if (m_dnsTerms <= m_options.maxDnsTerms)
        return true;
    error.code = ResultCode::PermError;
    error.reason = QStringLiteral("more than %1 DNS-querying terms (include, a, mx, ptr, exists, redirect); "
                                  "\"%2\" in %3 is number %4 (RFC 7208 4.6.4)")
                       .arg(m_options.maxDnsTerms)
                       .arg(QString::fromLatin1(step.term), QString::fromLatin1(step.domain))
                       .arg(m_dnsTerms);
    step.outcome = QStringLiteral("permerror: DNS lookup limit exceeded");
    return false;
}

MacroContext CheckHost::macroContext(const QByteArray& domain, int depth)
{
    MacroContext context;
    context.sender = m_sender;
    context.localPart = m_localPart;
    context.senderDomain = m_senderDomain;
    context.domain = domain;
    context.ip = m_client.address();
    context.helo = m_helo;
    context.receiver = m_options.receiver;
    context.timestamp = m_options.now ? *m_options.now : QDateTime::currentSecsSinceEpoch();
    context.validatedName = [this, domain, depth]() { return validatedName(domain, depth); };
    return context;
}

QByteArray CheckHost::expandTarget(const QByteArray& spec, const QByteArray& domain, QString& error)
{
    const MacroExpander expander(macroContext(domain, 0));
    const MacroExpander::Expansion expansion = expander.expand(spec, MacroExpander::Usage::DomainSpec);
    if (!expansion.ok()) {
        error = expansion.error->reason;
        return {};
    }
    return withoutFinalDot(MacroExpander::truncateDomain(expansion.text));
}

CheckHost::Outcome CheckHost::evaluate(const QByteArray& domain, int depth, bool wantExplanation)
{
    Outcome outcome;
    TraceStep step;
    step.kind = TraceStep::Kind::Record;
    step.depth = depth;
    step.domain = domain;

    // RFC 7208 4.3: a malformed or single-label domain gives "none" without any lookup.
    if (!Evaluator::isValidDomain(domain)) {
        outcome.code = ResultCode::None;
        outcome.reason = QStringLiteral("\"%1\" is not a valid domain name (RFC 7208 4.3)")
                             .arg(QString::fromLatin1(domain));
        step.outcome = outcome.reason;
        addStep(std::move(step));
        return outcome;
    }
    const dns::DnsAnswer answer = lookup(domain, dns::RecordType::TXT, step, false);
    if (answer.status == Status::TempFail || answer.status == Status::Error) {
        // RFC 7208 4.4: a server failure or timeout fetching the record is temperror.
        outcome.code = ResultCode::TempError;
        outcome.reason = QStringLiteral("could not fetch the SPF record: %1").arg(lookupFailure(answer));
        step.outcome = QStringLiteral("temperror");
        addStep(std::move(step));
        return outcome;
    }
    QList<QByteArray> texts;
    for (const dns::DnsRecord& record : answer.records)
        texts.append(record.text());
    const Record::Selection selection = Record::select(texts);
    if (selection.status == Record::Selection::Status::None) {
        outcome.code = ResultCode::None;
        outcome.reason = answer.status == Status::NxDomain
                             ? QStringLiteral("%1 does not exist (NXDOMAIN)").arg(QString::fromLatin1(domain))
                             : QStringLiteral("%1 has no SPF record").arg(QString::fromLatin1(domain));
        step.outcome = QStringLiteral("no SPF record");
        addStep(std::move(step));
        return outcome;
    }
    if (selection.status == Record::Selection::Status::Multiple) {
        outcome.code = ResultCode::PermError;
        outcome.reason = QStringLiteral("%1 has %2 SPF records; exactly one is allowed (RFC 7208 4.5)")
                             .arg(QString::fromLatin1(domain))
                             .arg(selection.count);
        step.outcome = QStringLiteral("permerror: several SPF records");
        addStep(std::move(step));
        return outcome;
    }
    outcome.record = selection.record;
    step.term = selection.record;
    const Record::Parse parse = Record::parse(selection.record);
    if (!parse.ok()) {
        // RFC 7208 4.6: a syntax error anywhere in the record is permerror before anything is evaluated.
        outcome.code = ResultCode::PermError;
        outcome.reason = QStringLiteral("syntax error in the SPF record of %1: %2")
                             .arg(QString::fromLatin1(domain), parse.errors.front().toString());
        step.outcome = QStringLiteral("permerror: ") + parse.errors.front().toString();
        addStep(std::move(step));
        return outcome;
    }
    step.outcome = QStringLiteral("record selected");
    addStep(std::move(step));

    const Record& record = parse.record;
    m_chain.append(domain.toLower());
    auto leave = [this](Outcome result) {
        m_chain.removeLast();
        return result;
    };

    for (const Mechanism& mechanism : record.mechanisms()) {
        TraceStep mechanismStep;
        mechanismStep.kind = TraceStep::Kind::Mechanism;
        mechanismStep.depth = depth;
        mechanismStep.domain = domain;
        mechanismStep.term = mechanism.text;
        mechanismStep.position = mechanism.position;
        // Reserve the step's place so an include's own steps come after it in the trace.
        const std::size_t index = m_trace.size();
        m_trace.emplace_back();
        auto finish = [this, index](TraceStep filled) { fillStep(index, std::move(filled)); };
        Outcome error;
        if (mechanism.queriesDns() && !countDnsTerm(mechanismStep, error)) {
            finish(std::move(mechanismStep));
            error.record = outcome.record;
            return leave(error);
        }
        const Match match = evaluateMechanism(mechanism, domain, depth, mechanismStep, error);
        if (match == Match::Error) {
            mechanismStep.outcome = resultWord(error.code) + QStringLiteral(": ") + error.reason;
            finish(std::move(mechanismStep));
            error.record = outcome.record;
            return leave(error);
        }
        mechanismStep.matched = match == Match::Yes;
        if (mechanismStep.outcome.isEmpty())
            mechanismStep.outcome =
                match == Match::Yes ? QStringLiteral("match") : QStringLiteral("no match");
        finish(std::move(mechanismStep));
        if (match == Match::Yes) {
            outcome.code = codeFor(mechanism.qualifier);
            outcome.reason = QStringLiteral("\"%1\" in the SPF record of %2 matched")
                                 .arg(QString::fromLatin1(mechanism.text), QString::fromLatin1(domain));
            if (outcome.code == ResultCode::Fail && wantExplanation)
                outcome.explanation = explanationFor(record, domain, depth);
            return leave(outcome);
        }
    }

    if (const Modifier* redirect = record.redirect()) {
        // RFC 7208 6.1: no mechanism matched: the result is check_host() of the redirect target, with
        // the target's own exp= (the original's is dropped).
        TraceStep redirectStep;
        redirectStep.kind = TraceStep::Kind::Redirect;
        redirectStep.depth = depth;
        redirectStep.domain = domain;
        redirectStep.term = redirect->text;
        redirectStep.position = redirect->position;
        Outcome error;
        if (!countDnsTerm(redirectStep, error)) {
            addStep(std::move(redirectStep));
            error.record = outcome.record;
            return leave(error);
        }
        QString expandError;
        const QByteArray target = expandTarget(redirect->value, domain, expandError);
        redirectStep.target = target;
        if (target.isEmpty() || m_chain.contains(target.toLower())) {
            error.code = ResultCode::PermError;
            error.reason =
                target.isEmpty()
                    ? QStringLiteral("redirect target does not expand: %1").arg(expandError)
                    : QStringLiteral("redirect loop: %1 is already being evaluated (RFC 7208 4.6.4)")
                          .arg(QString::fromLatin1(target));
            redirectStep.outcome = QStringLiteral("permerror: ") + error.reason;
            addStep(std::move(redirectStep));
            error.record = outcome.record;
            return leave(error);
        }
        redirectStep.outcome = QStringLiteral("evaluating %1").arg(QString::fromLatin1(target));
        addStep(std::move(redirectStep));
        Outcome redirected = evaluate(target, depth + 1, wantExplanation);
        if (redirected.code == ResultCode::None) {
            // RFC 7208 6.1: a redirect target without an SPF record is permerror.
            redirected.code = ResultCode::PermError;
            redirected.reason = QStringLiteral("redirect target %1: %2 (RFC 7208 6.1: permerror)")
                                    .arg(QString::fromLatin1(target), redirected.reason);
        }
        redirected.record = outcome.record;
        return leave(redirected);
    }

    // RFC 7208 4.7: nothing matched and no redirect.
    outcome.code = ResultCode::Neutral;
    outcome.reason = QStringLiteral("no mechanism in the SPF record of %1 matched; the default is neutral")
                         .arg(QString::fromLatin1(domain));
    return leave(outcome);
}

CheckHost::Match CheckHost::evaluateMechanism(const Mechanism& mechanism, const QByteArray& domain, int depth,
                                              TraceStep& step, Outcome& error)
{
    QByteArray target = domain;
    if (!mechanism.domainSpec.isEmpty()) {
        QString expandError;
        target = expandTarget(mechanism.domainSpec, domain, expandError);
        if (target.isEmpty()) {
            error.code = ResultCode::PermError;
            error.reason = QStringLiteral("\"%1\" does not expand to a domain name: %2")
                               .arg(QString::fromLatin1(mechanism.text), expandError);
            return Match::Error;
        }
    }
    const bool usesTarget = mechanism.type != MechanismType::All && mechanism.type != MechanismType::Ip4 &&
                            mechanism.type != MechanismType::Ip6;
    if (usesTarget)
        step.target = target;
    // RFC 7208 4.3 / 4.8: an expansion that is not a valid name cannot match anything; looking it up
    // would only ask the DNS a malformed question. include needs a record, so it is an error there.
    if (usesTarget && mechanism.type != MechanismType::Include && !Evaluator::isValidDomain(target)) {
        step.outcome =
            QStringLiteral("no match: \"%1\" is not a valid domain name").arg(QString::fromLatin1(target));
        return Match::No;
    }

    switch (mechanism.type) {
    case MechanismType::All:
        return Match::Yes;
    case MechanismType::Ip4:
    case MechanismType::Ip6:
        return m_client.isIn(mechanism.network,
                             mechanism.type == MechanismType::Ip4 ? mechanism.ip4Prefix : mechanism.ip6Prefix)
                   ? Match::Yes
                   : Match::No;
    case MechanismType::A:
        return matchAddresses(target, mechanism.ip4Prefix, mechanism.ip6Prefix, step, error);
    case MechanismType::Mx:
        return matchMx(target, mechanism.ip4Prefix, mechanism.ip6Prefix, step, error);
    case MechanismType::Ptr:
        return matchPtr(target, step, error);
    case MechanismType::Exists: {
        // RFC 7208 5.7: an A query whatever the client's address family.
        const dns::DnsAnswer answer = lookup(target, dns::RecordType::A, step, true);
        if (lookupFailed(answer, error))
            return Match::Error;
        return answer.ok() && !answer.records.empty() ? Match::Yes : Match::No;
    }
    case MechanismType::Include: {
        if (m_chain.contains(target.toLower())) {
            error.code = ResultCode::PermError;
            error.reason = QStringLiteral("include loop: %1 is already being evaluated (RFC 7208 4.6.4)")
                               .arg(QString::fromLatin1(target));
            return Match::Error;
        }
        step.outcome = QStringLiteral("evaluating %1").arg(QString::fromLatin1(target));
        const Outcome included = evaluate(target, depth + 1, false);
        // RFC 7208 5.2: pass matches; fail, softfail, neutral do not; errors propagate; none is permerror.
        switch (included.code) {
        case ResultCode::Pass:
            step.outcome = QStringLiteral("match: %1 gave pass").arg(QString::fromLatin1(target));
            return Match::Yes;
        case ResultCode::Fail:
        case ResultCode::SoftFail:
        case ResultCode::Neutral:
            step.outcome = QStringLiteral("no match: %1 gave %2")
                               .arg(QString::fromLatin1(target), resultWord(included.code));
            return Match::No;
        case ResultCode::TempError:
        case ResultCode::PermError:
            error.code = included.code;
            error.reason =
                QStringLiteral("included %1: %2").arg(QString::fromLatin1(target), included.reason);
            return Match::Error;
        case ResultCode::None:
            error.code = ResultCode::PermError;
            error.reason = QStringLiteral("included %1: %2 (RFC 7208 5.2: permerror)")
                               .arg(QString::fromLatin1(target), included.reason);
            return Match::Error;
        }
        return Match::No;
    }
    }
    return Match::No;
}

bool CheckHost::lookupFailed(const dns::DnsAnswer& answer, Outcome& error) const
{
    if (answer.status == Status::TempFail || answer.status == Status::Error) {
        error.code = ResultCode::TempError;
        error.reason = lookupFailure(answer);
        return true;
    }
    return voidLimitFailed(error);
}

bool CheckHost::voidLimitFailed(Outcome& error) const
{
    if (!voidLimitExceeded())
        return false;
    error.code = ResultCode::PermError;
    error.reason = QStringLiteral("more than %1 void lookups (RFC 7208 4.6.4)").arg(m_options.maxVoidLookups);
    return true;
}

CheckHost::Match CheckHost::matchAddresses(const QByteArray& name, int ip4Prefix, int ip6Prefix,
                                           TraceStep& step, Outcome& error)
{
    // RFC 7208 5.3: A records for an IPv4 client, AAAA for an IPv6 one.
    const dns::DnsAnswer answer = lookup(name, m_client.addressRecordType(), step, true);
    if (lookupFailed(answer, error))
        return Match::Error;
    for (const dns::DnsRecord& record : answer.records)
        if (m_client.isIn(record.address, ip4Prefix, ip6Prefix))
            return Match::Yes;
    return Match::No;
}

CheckHost::Match CheckHost::matchMx(const QByteArray& name, int ip4Prefix, int ip6Prefix, TraceStep& step,
                                    Outcome& error)
{
    const dns::DnsAnswer answer = lookup(name, dns::RecordType::MX, step, true);
    if (lookupFailed(answer, error))
        return Match::Error;
    // RFC 7208 4.6.4: more than 10 MX names would mean more than 10 address lookups: permerror.
    if (int(answer.records.size()) > m_options.maxMxNames) {
        error.code = ResultCode::PermError;
        error.reason = QStringLiteral("%1 has %2 MX records; more than %3 is a permerror (RFC 7208 4.6.4)")
                           .arg(QString::fromLatin1(name))
                           .arg(answer.records.size())
                           .arg(m_options.maxMxNames);
        return Match::Error;
    }
    std::vector<dns::DnsRecord> exchanges = answer.records;
    std::stable_sort(
        exchanges.begin(), exchanges.end(),
        [](const dns::DnsRecord& a, const dns::DnsRecord& b) { return a.preference < b.preference; });
    // RFC 7208 5.4: every MX name is looked up, then the client compared; a temporary failure of any
    // of them is temperror even when another one matches (as pyspf, the suites' reference, does).
    bool matched = false;
    for (const dns::DnsRecord& exchange : exchanges) {
        const QByteArray host = withoutFinalDot(exchange.target);
        if (host.isEmpty())
            continue; // RFC 7505 null MX: no host to look up
        const Match match = matchAddresses(host, ip4Prefix, ip6Prefix, step, error);
        if (match == Match::Error)
            return match;
        matched = matched || match == Match::Yes;
    }
    return matched ? Match::Yes : Match::No;
}

CheckHost::Match CheckHost::matchPtr(const QByteArray& targetName, TraceStep& step, Outcome& error)
{
    const dns::DnsAnswer answer = lookup(m_client.reverseName(), dns::RecordType::PTR, step, true);
    if (voidLimitFailed(error))
        return Match::Error;
    // RFC 7208 5.5: a DNS error on the PTR lookup means no match, not temperror.
    if (!answer.ok())
        return Match::No;
    int examined = 0;
    for (const dns::DnsRecord& ptr : answer.records) {
        // RFC 7208 4.6.4: at most 10 PTR names are looked at; the rest are ignored.
        if (examined++ >= m_options.maxPtrNames)
            break;
        const QByteArray name = withoutFinalDot(ptr.target);
        if (!isInDomain(name, targetName) || !Evaluator::isValidDomain(name))
            continue;
        const dns::DnsAnswer forward = lookup(name, m_client.addressRecordType(), step, false);
        // RFC 7208 5.5: a DNS error on a forward lookup skips that name.
        for (const dns::DnsRecord& record : forward.records)
            if (forward.ok() && record.address == m_client.address()) {
                step.outcome = QStringLiteral("match: %1 is a validated name").arg(QString::fromLatin1(name));
                return Match::Yes;
            }
    }
    return Match::No;
}

QByteArray CheckHost::validatedName(const QByteArray& domain, int depth)
{
    // RFC 7208 7.3 %{p}: a validated reverse name, preferring the domain itself or a subdomain of it.
    TraceStep step;
    step.kind = TraceStep::Kind::Note;
    step.depth = depth;
    step.domain = domain;
    step.term = "%{p}";
    const dns::DnsAnswer answer = lookup(m_client.reverseName(), dns::RecordType::PTR, step, false);
    QByteArray chosen;
    QByteArray firstValidated;
    if (answer.ok()) {
        int examined = 0;
        for (const dns::DnsRecord& ptr : answer.records) {
            if (examined++ >= m_options.maxPtrNames)
                break;
            const QByteArray name = withoutFinalDot(ptr.target);
            if (!Evaluator::isValidDomain(name))
                continue;
            const dns::DnsAnswer forward = lookup(name, m_client.addressRecordType(), step, false);
            const bool validated = forward.ok() && std::any_of(forward.records.begin(), forward.records.end(),
                                                               [this](const dns::DnsRecord& r) {
                                                                   return r.address == m_client.address();
                                                               });
            if (!validated)
                continue;
            if (isInDomain(name, domain)) {
                chosen = name;
                break;
            }
            if (firstValidated.isEmpty())
                firstValidated = name;
        }
    }
    if (chosen.isEmpty())
        chosen = firstValidated.isEmpty() ? QByteArray("unknown") : firstValidated;
    step.outcome = QStringLiteral("%{p} = %1").arg(QString::fromLatin1(chosen));
    addStep(std::move(step));
    return chosen;
}

QString CheckHost::defaultExplanation(const QByteArray& domain)
{
    const MacroExpander expander(macroContext(domain, 0));
    const auto expansion = expander.expand(m_options.defaultExplanation, MacroExpander::Usage::Explanation);
    return QString::fromLatin1(expansion.ok() ? expansion.text : m_options.defaultExplanation);
}

QString CheckHost::explanationFor(const Record& record, const QByteArray& domain, int depth)
{
    const Modifier* exp = record.explanation();
    if (!exp)
        return defaultExplanation(domain);
    // RFC 7208 6.2: any problem fetching or expanding the explanation means "as if no exp= was given".
    // This lookup is not a DNS-querying term and not a void lookup (RFC 7208 4.6.4 lists the terms).
    TraceStep step;
    step.kind = TraceStep::Kind::Explanation;
    step.depth = depth;
    step.domain = domain;
    step.term = exp->text;
    step.position = exp->position;
    QString expandError;
    const QByteArray target = expandTarget(exp->value, domain, expandError);
    step.target = target;
    QString problem;
    QString text;
    if (target.isEmpty() || !Evaluator::isValidDomain(target)) {
        problem = QStringLiteral("the exp= target is not a valid domain name");
    } else {
        const dns::DnsAnswer answer = lookup(target, dns::RecordType::TXT, step, false);
        if (!answer.ok() || answer.records.empty())
            problem = QStringLiteral("no TXT record at the exp= target");
        else if (answer.records.size() > 1)
            problem = QStringLiteral("%1 TXT records at the exp= target; exactly one is needed")
                          .arg(answer.records.size());
        else {
            const MacroExpander expander(macroContext(domain, depth));
            const auto expansion =
                expander.expand(answer.records.front().text(), MacroExpander::Usage::Explanation);
            if (!expansion.ok())
                problem =
                    QStringLiteral("the explanation text does not expand: %1").arg(expansion.error->reason);
            else
                text = QString::fromLatin1(expansion.text);
        }
    }
    if (!problem.isEmpty()) {
        step.outcome = problem + QStringLiteral("; using the default explanation (RFC 7208 6.2)");
        addStep(std::move(step));
        return defaultExplanation(domain);
    }
    step.outcome = QStringLiteral("explanation: ") + text;
    addStep(std::move(step));
    return text;
}

} // namespace authlens::spf
