// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli dkim-check-key: checks that the key record a customer published at
// <selector>._domainkey.<domain> holds the public half of a private key the platform signs with, through
// one or several resolvers, and proves it with a test signature. Exit 0 only when published and matching.
#include "CliOutput.h"
#include "Subcommand.h"

#include "dkimsetup/KeyGenerator.h"
#include "dkimsetup/PublicationCheck.h"
#include "dkimsetup/SetupStates.h"
#include "dns/ResolverFactory.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace authlens::cli {

namespace {

QString latin(QByteArrayView text)
{
    return QString::fromLatin1(text);
}

QJsonObject findingToJson(const lint::Finding& finding)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), finding.id);
    object.insert(QStringLiteral("severity"), lint::severityName(finding.severity));
    object.insert(QStringLiteral("subject"), finding.subject);
    object.insert(QStringLiteral("message"), finding.message);
    object.insert(QStringLiteral("fix"), finding.fix);
    object.insert(QStringLiteral("corrected_record"),
                  finding.correctedRecord.isEmpty() ? QJsonValue() : QJsonValue(finding.correctedRecord));
    object.insert(QStringLiteral("reference"), finding.reference);
    return object;
}

QJsonObject reportToJson(const dkimsetup::PublicationCheck::Report& report)
{
    QJsonObject json;
    json.insert(QStringLiteral("state"), dkimsetup::publicationStateName(report.state));
    json.insert(QStringLiteral("domain"), latin(report.domain));
    json.insert(QStringLiteral("selector"), latin(report.selector));
    json.insert(QStringLiteral("name"), latin(report.name));
    json.insert(QStringLiteral("reason"), report.reason);
    json.insert(QStringLiteral("fingerprint"), latin(report.expectedFingerprint));
    QJsonArray resolvers;
    for (const auto& outcome : report.resolvers) {
        QJsonObject object;
        object.insert(QStringLiteral("resolver"), outcome.label);
        object.insert(QStringLiteral("state"), dkimsetup::publicationStateName(outcome.state));
        object.insert(QStringLiteral("reason"), outcome.reason);
        object.insert(QStringLiteral("lookup"), dns::statusName(outcome.lookupStatus));
        object.insert(QStringLiteral("record"),
                      outcome.record.isEmpty() ? QJsonValue() : latin(outcome.record));
        QJsonArray chain;
        for (const QByteArray& name : outcome.cnameChain)
            chain.append(latin(name));
        object.insert(QStringLiteral("cname_chain"), chain);
        object.insert(QStringLiteral("published_fingerprint"), outcome.publishedFingerprint.isEmpty()
                                                                   ? QJsonValue()
                                                                   : latin(outcome.publishedFingerprint));
        object.insert(QStringLiteral("test_signature_verified"), outcome.testSignatureVerified);
        object.insert(QStringLiteral("test_signature_reason"), outcome.testSignatureReason);
        object.insert(QStringLiteral("source"), outcome.source);
        resolvers.append(object);
    }
    json.insert(QStringLiteral("resolvers"), resolvers);
    QJsonArray findings;
    for (const lint::Finding& finding : report.findings)
        findings.append(findingToJson(finding));
    json.insert(QStringLiteral("findings"), findings);
    return json;
}

void printText(const dkimsetup::PublicationCheck::Report& report)
{
    QTextStream& o = out();
    o << "dkim-check-key: " << dkimsetup::publicationStateName(report.state) << "\n";
    o << "name: " << latin(report.name) << "\n";
    o << "reason: " << report.reason << "\n";
    o << "private key fingerprint: " << latin(report.expectedFingerprint) << "\n";
    o << "resolvers:\n";
    for (const auto& outcome : report.resolvers) {
        o << "  " << outcome.label << ": " << dkimsetup::publicationStateName(outcome.state) << " ("
          << dns::statusName(outcome.lookupStatus) << ")\n";
        o << "    " << outcome.reason << "\n";
        if (!outcome.cnameChain.isEmpty())
            o << "    via CNAME: " << latin(outcome.cnameChain.join(" -> ")) << "\n";
        if (!outcome.record.isEmpty())
            o << "    record: " << latin(outcome.record) << "\n";
        if (!outcome.publishedFingerprint.isEmpty())
            o << "    published fingerprint: " << latin(outcome.publishedFingerprint) << "\n";
        if (!outcome.testSignatureReason.isEmpty())
            o << "    test signature: " << (outcome.testSignatureVerified ? "verified" : "not verified")
              << " (" << outcome.testSignatureReason << ")\n";
    }
    if (!report.findings.empty()) {
        o << "findings:\n";
        for (const lint::Finding& finding : report.findings) {
            o << "  [" << lint::severityName(finding.severity) << "] " << finding.id << ": "
              << finding.message << "\n";
            if (!finding.fix.isEmpty())
                o << "    fix: " << finding.fix << "\n";
        }
    }
    o.flush();
}

} // namespace

int runDkimCheckKey(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks that the DKIM key record of a domain and selector publishes the public half "
                       "of a private key, and proves it with a test signature."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption domainOption(QStringLiteral("domain"),
                                          QStringLiteral("The signing domain (d=)."), QStringLiteral("D"));
    const QCommandLineOption selectorOption(QStringLiteral("selector"), QStringLiteral("The selector (s=)."),
                                            QStringLiteral("S"));
    const QCommandLineOption keyOption(QStringLiteral("private-key"),
                                       QStringLiteral("The private key file (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("Record the result in this Authlens database's DKIM setup list (the selector must be "
                       "listed, e.g. by dkim-keygen --db)."),
        QStringLiteral("FILE"));
    for (const QCommandLineOption* option :
         {&help, &domainOption, &selectorOption, &keyOption, &jsonOption, &dbOption})
        parser.addOption(*option);
    // --records and --dns may be repeated: each is one resolver, to see propagation.
    dns::ResolverFactory::addOptions(parser);

    const QString usageLine =
        QStringLiteral("authlens-cli dkim-check-key --domain D --selector S --private-key FILE "
                       "[--records FILE | --dns SERVER[:PORT]]... [--dnssec] [--db FILE] [--json]");
    auto usage = [&usageLine](const QString& message) {
        err() << "authlens-cli dkim-check-key: " << message << "\nUsage: " << usageLine << "\n";
        err().flush();
        return int(ExitUsage);
    };
    if (!parser.parse(arguments.mid(1)))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        out() << helpWithUsage(parser, usageLine)
              << "\n--records and --dns may be given several times: each is asked separately, to see "
                 "propagation.\nExit status: 0 only when every resolver sees the matching key, 1 otherwise "
                 "(not published, different, lookup failed), 2 for a usage or I/O error.\n";
        out().flush();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    for (const QCommandLineOption* required : {&domainOption, &selectorOption, &keyOption}) {
        if (parser.value(*required).trimmed().isEmpty())
            return usage(QStringLiteral("--%1 is required").arg(required->names().first()));
    }
    const auto domain = dkimsetup::KeyGenerator::normalizedDomain(parser.value(domainOption).toUtf8());
    if (!domain.error.isEmpty())
        return usage(QStringLiteral("--domain: %1").arg(domain.error));
    const QByteArray selector = parser.value(selectorOption).trimmed().toLower().toUtf8();
    if (const QString error = dkimsetup::KeyGenerator::selectorError(selector); !error.isEmpty())
        return usage(QStringLiteral("--selector: %1").arg(error));

    const QString keyPath = parser.value(keyOption);
    const dkim::Crypto::KeyLoad key = dkimsetup::PublicationCheck::loadPrivateKeyFile(keyPath);
    if (!key.key) {
        err() << "authlens-cli dkim-check-key: " << key.error << "\n";
        err().flush();
        return ExitUsage;
    }
    if (QFileInfo(keyPath).permissions() &
        (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)) {
        err() << "authlens-cli dkim-check-key: warning: " << keyPath
              << " is readable by other users; restrict it with chmod 600\n";
        err().flush();
    }

    // One resolver per --records and per --dns; none given: the system's.
    bool timeoutOk = false;
    const double seconds = parser.value(QStringLiteral("dns-timeout")).toDouble(&timeoutOk);
    if (!timeoutOk || !(seconds > 0) || seconds > 120)
        return usage(QStringLiteral("--dns-timeout: expected seconds between 0.001 and 120, got \"%1\"")
                         .arg(parser.value(QStringLiteral("dns-timeout"))));
    std::vector<dns::ResolverRequest> requests;
    for (const QString& file : parser.values(QStringLiteral("records"))) {
        dns::ResolverRequest request;
        request.recordsFile = file;
        requests.push_back(request);
    }
    const bool dnssec = parser.isSet(QStringLiteral("dnssec"));
    for (const QString& server : parser.values(QStringLiteral("dns"))) {
        dns::ResolverRequest request;
        request.dnsServer = server;
        request.dnssec = dnssec;
        requests.push_back(request);
    }
    if (requests.empty()) {
        dns::ResolverRequest request;
        request.dnssec = dnssec;
        requests.push_back(request);
    }
    std::vector<dkimsetup::PublicationCheck::ResolverProbe> probes;
    for (dns::ResolverRequest& request : requests) {
        request.timeoutMs = std::max(1, int(seconds * 1000 + 0.5));
        const dns::ResolverFactory::Result created = dns::ResolverFactory::create(request);
        if (!created.ok()) {
            err() << "authlens-cli dkim-check-key: " << created.error << "\n";
            err().flush();
            return ExitUsage;
        }
        for (const QString& warning : created.warnings)
            err() << "authlens-cli dkim-check-key: warning: " << warning << "\n";
        probes.push_back({created.description, created.resolver});
    }

    const auto report = dkimsetup::PublicationCheck::check(domain.domain, selector, *key.key, probes);
    QString recorded;
    if (parser.isSet(dbOption)) {
        store::Database::OpenOptions options;
        options.mustExist = true;
        auto opened = store::Database::open(parser.value(dbOption), options);
        if (!opened.database) {
            err() << "authlens-cli dkim-check-key: " << opened.error << "\n";
            err().flush();
            return ExitUsage;
        }
        dkimsetup::SetupStates states(*opened.database);
        const auto change = states.recordCheck(domain.domain, selector, report.state, report.reason);
        if (!change.ok()) {
            err() << "authlens-cli dkim-check-key: not recorded: " << change.error << "\n";
            err().flush();
            return ExitUsage;
        }
        recorded = dkimsetup::setupStateName(change.entry->state);
    }
    if (parser.isSet(jsonOption)) {
        QJsonObject json = reportToJson(report);
        if (!recorded.isEmpty())
            json.insert(QStringLiteral("setup_state"), recorded);
        out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << "\n";
        out().flush();
    } else {
        printText(report);
        if (!recorded.isEmpty())
            out() << "setup state: " << recorded << " (recorded in " << parser.value(dbOption) << ")\n";
        out().flush();
    }
    return report.ok() ? ExitOk : ExitNegative;
}

} // namespace authlens::cli
