// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli spf: evaluates SPF (RFC 7208 check_host()) for one client address, MAIL FROM and HELO, and
// prints the result, the explanation and the trace of every term with the DNS lookups it made.
#include "CliOutput.h"
#include "Subcommand.h"

#include "dns/ResolverFactory.h"
#include "spf/Evaluator.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace authlens::cli {

namespace {

QJsonObject lookupToJson(const spf::TraceLookup& lookup)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), QString::fromLatin1(lookup.name));
    object.insert(QStringLiteral("type"), dns::recordTypeName(lookup.type));
    object.insert(QStringLiteral("status"), dns::statusName(lookup.status));
    object.insert(QStringLiteral("answers"), QJsonArray::fromStringList(lookup.answers));
    if (!lookup.error.isEmpty())
        object.insert(QStringLiteral("error"), lookup.error);
    object.insert(QStringLiteral("void"), lookup.isVoid);
    return object;
}

QJsonObject stepToJson(const spf::TraceStep& step)
{
    QJsonObject object;
    object.insert(QStringLiteral("kind"), spf::traceKindName(step.kind));
    object.insert(QStringLiteral("depth"), step.depth);
    object.insert(QStringLiteral("domain"), QString::fromLatin1(step.domain));
    object.insert(QStringLiteral("term"), QString::fromLatin1(step.term));
    if (step.position >= 0)
        object.insert(QStringLiteral("position"), step.position);
    if (!step.target.isEmpty())
        object.insert(QStringLiteral("target"), QString::fromLatin1(step.target));
    if (step.matched)
        object.insert(QStringLiteral("matched"), *step.matched);
    object.insert(QStringLiteral("outcome"), step.outcome);
    QJsonArray lookups;
    for (const spf::TraceLookup& lookup : step.lookups)
        lookups.append(lookupToJson(lookup));
    object.insert(QStringLiteral("lookups"), lookups);
    object.insert(QStringLiteral("dns_lookups"), step.dnsLookupsSoFar);
    object.insert(QStringLiteral("void_lookups"), step.voidLookupsSoFar);
    return object;
}

void printText(const spf::Result& result, const QHostAddress& ip, const QString& helo,
               const QString& dnsSource)
{
    QTextStream& o = out();
    o << "spf: " << result.word() << "\n";
    o << "domain: " << QString::fromLatin1(result.domain) << "  (sender "
      << QString::fromLatin1(result.sender) << ", client " << ip.toString() << ", helo " << helo << ")\n";
    // The evaluation uses the DNS as it answers now, which may differ from what the receiver saw.
    o << "dns: " << dnsSource << "\n";
    if (!result.record.isEmpty())
        o << "record: " << QString::fromLatin1(result.record) << "\n";
    if (!result.explanation.isEmpty())
        o << "explanation: " << result.explanation << "\n";
    o << "reason: " << result.reason << "\n";
    o << "lookups: " << result.dnsLookups << " DNS-querying terms (limit 10), " << result.voidLookups
      << " void lookups (limit 2)\n";
    o << "trace:\n";
    for (const spf::TraceStep& step : result.trace) {
        const QString indent = QString(2 + 4 * step.depth, QLatin1Char(' '));
        o << indent << "[" << spf::traceKindName(step.kind) << "] ";
        if (step.kind == spf::TraceStep::Kind::Record)
            o << QString::fromLatin1(step.domain) << ": ";
        else
            o << QString::fromLatin1(step.term) << ": ";
        o << step.outcome << "  (lookups " << step.dnsLookupsSoFar << ", void " << step.voidLookupsSoFar
          << ")\n";
        for (const spf::TraceLookup& lookup : step.lookups) {
            o << indent << "    " << dns::recordTypeName(lookup.type) << " "
              << QString::fromLatin1(lookup.name) << " -> " << dns::statusName(lookup.status);
            if (!lookup.answers.isEmpty())
                o << ": " << lookup.answers.join(QStringLiteral(", "));
            if (!lookup.error.isEmpty())
                o << " (" << lookup.error << ")";
            if (lookup.isVoid)
                o << " [void]";
            o << "\n";
        }
    }
    o.flush();
}

} // namespace

int runSpf(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Evaluates SPF (RFC 7208) for a client address and MAIL FROM / HELO identity."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption ipOption(QStringLiteral("ip"), QStringLiteral("The SMTP client's IP address."),
                                      QStringLiteral("IP"));
    const QCommandLineOption mailFromOption(
        {QStringLiteral("mailfrom"), QStringLiteral("mail-from")},
        QStringLiteral(
            "The MAIL FROM address; empty for the null reverse-path (postmaster@HELO is checked)."),
        QStringLiteral("ADDR"));
    const QCommandLineOption heloOption(QStringLiteral("helo"), QStringLiteral("The HELO/EHLO name."),
                                        QStringLiteral("HOST"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOption(help);
    parser.addOption(ipOption);
    parser.addOption(mailFromOption);
    parser.addOption(heloOption);
    parser.addOption(jsonOption);
    dns::ResolverFactory::addOptions(parser); // --records, --dns, --dnssec, --dns-timeout

    auto usage = [](const QString& message) {
        err() << "authlens-cli spf: " << message
              << "\nUsage: authlens-cli spf --ip IP --mailfrom ADDR --helo HOST "
              << "[--records FILE | --dns SERVER[:PORT]] [--dnssec] [--json]\n";
        err().flush();
        return int(ExitUsage);
    };
    if (!parser.parse(arguments.mid(1)))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(0, text.indexOf(QLatin1Char('\n')),
                     QStringLiteral("Usage: authlens-cli spf --ip IP [--mailfrom ADDR] --helo HOST "
                                    "[--records FILE | --dns SERVER[:PORT]] [--dnssec] [--json]"));
        out() << text;
        out() << "\nExit status: 0 for pass, 1 for any other result, 2 for a usage or I/O error.\n";
        out().flush();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().at(0)));
    if (!parser.isSet(ipOption))
        return usage(QStringLiteral("--ip is required"));
    const QString ipText = parser.value(ipOption).trimmed();
    const QHostAddress ip(ipText);
    if (ip.isNull() || ipText.contains(QLatin1Char('%')))
        return usage(QStringLiteral("'%1' is not an IPv4 or IPv6 address").arg(ipText));
    const QString helo = parser.value(heloOption).trimmed();
    const QString mailFrom = parser.value(mailFromOption).trimmed();
    if (helo.isEmpty() && (mailFrom.isEmpty() || mailFrom == QLatin1String("<>")))
        return usage(QStringLiteral("--helo is required when MAIL FROM is empty"));

    const dns::ResolverFactory::Result created = dns::ResolverFactory::create(parser);
    if (!created.ok()) {
        err() << "authlens-cli spf: " << created.error << "\n";
        err().flush();
        return ExitUsage;
    }
    for (const QString& warning : created.warnings)
        err() << "authlens-cli spf: warning: " << warning << "\n";
    err().flush();
    const std::shared_ptr<dns::Resolver> resolver = created.resolver;

    const spf::Evaluator evaluator(*resolver);
    const spf::Result result = evaluator.checkMailFrom(ip, mailFrom.toUtf8(), helo.toUtf8());

    if (parser.isSet(jsonOption)) {
        QJsonObject object;
        object.insert(QStringLiteral("result"), result.word());
        object.insert(QStringLiteral("explanation"), result.explanation);
        object.insert(QStringLiteral("domain"), QString::fromLatin1(result.domain));
        object.insert(QStringLiteral("sender"), QString::fromLatin1(result.sender));
        object.insert(QStringLiteral("ip"), ip.toString());
        object.insert(QStringLiteral("mailfrom"), mailFrom);
        object.insert(QStringLiteral("helo"), helo);
        object.insert(QStringLiteral("record"), QString::fromLatin1(result.record));
        object.insert(QStringLiteral("reason"), result.reason);
        object.insert(QStringLiteral("dns"), created.description);
        QJsonArray trace;
        for (const spf::TraceStep& step : result.trace)
            trace.append(stepToJson(step));
        object.insert(QStringLiteral("trace"), trace);
        object.insert(QStringLiteral("lookups"), result.dnsLookups);
        object.insert(QStringLiteral("void_lookups"), result.voidLookups);
        out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << "\n";
        out().flush();
    } else {
        printText(result, ip, helo,
                  parser.isSet(QStringLiteral("records"))
                      ? created.description
                      : created.description +
                            QStringLiteral(" (today's DNS, not necessarily what the receiver saw)"));
    }
    return result.code == spf::ResultCode::Pass ? ExitOk : ExitNegative;
}

} // namespace authlens::cli
