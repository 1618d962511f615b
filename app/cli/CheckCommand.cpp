// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli check: lints the records of one domain (the DKIM key of each selector given, SPF, DMARC) and
// prints the findings worst first, each with its explanation, fix, corrected record and rule.
#include "CliOutput.h"
#include "Subcommand.h"

#include "dns/ResolverFactory.h"
#include "lint/DkimKeyLint.h"
#include "lint/DmarcLint.h"
#include "lint/SpfLint.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace authlens::cli {

namespace {

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

void printText(const QString& domain, const std::vector<lint::Finding>& findings)
{
    QTextStream& o = out();
    int counts[3] = {0, 0, 0};
    for (const lint::Finding& finding : findings)
        ++counts[int(finding.severity)];
    o << "check " << domain << ": " << counts[int(lint::Severity::Error)] << " error(s), "
      << counts[int(lint::Severity::Warning)] << " warning(s), " << counts[int(lint::Severity::Info)]
      << " note(s)\n";
    if (findings.empty())
        o << "\nNo findings: the records checked look right.\n";
    std::optional<lint::Severity> group;
    for (const lint::Finding& finding : findings) {
        if (group != finding.severity) {
            group = finding.severity;
            o << "\n" << lint::severityName(finding.severity).toUpper() << "\n";
        }
        o << "  [" << lint::severityName(finding.severity) << "] " << finding.id << "  " << finding.subject
          << "\n";
        o << "      " << finding.message << "\n";
        o << "      fix: " << finding.fix << "\n";
        if (!finding.correctedRecord.isEmpty())
            o << "      corrected record: " << finding.correctedRecord << "\n";
        o << "      rule: " << finding.reference << "\n";
    }
    o.flush();
}

} // namespace

int runCheck(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lints the DNS records of a domain: DKIM keys of the selectors given, SPF, DMARC."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption selectorOption(
        {QStringLiteral("s"), QStringLiteral("selector")},
        QStringLiteral("A DKIM selector whose key to check (repeat for several)."), QStringLiteral("S"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOption(help);
    parser.addOption(selectorOption);
    parser.addOption(jsonOption);
    dns::ResolverFactory::addOptions(parser);
    parser.addPositionalArgument(QStringLiteral("DOMAIN"), QStringLiteral("The domain to check."));

    const QString usageLine = QStringLiteral(
        "Usage: authlens-cli check DOMAIN [--selector S]... [--records FILE] [--dns SERVER[:PORT]] [--json]");
    auto usage = [&usageLine](const QString& message) {
        err() << "authlens-cli check: " << message << "\n" << usageLine << "\n";
        err().flush();
        return int(ExitUsage);
    };
    if (!parser.parse(arguments.mid(1)))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(0, text.indexOf(QLatin1Char('\n')), usageLine);
        out() << text
              << "\nExit status: 0 when no finding is an error, 1 when at least one is, 2 for a usage or I/O "
                 "error.\n";
        out().flush();
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(QStringLiteral("DOMAIN is required"));
    if (positional.size() > 1)
        return usage(QStringLiteral("unexpected argument '%1'").arg(positional.at(1)));
    const QByteArray domain = dns::Resolver::normalizedName(positional.first().trimmed().toUtf8());
    if (domain.isEmpty() || !dns::Resolver::nameError(domain).isEmpty() || !domain.contains('.'))
        return usage(
            QStringLiteral("'%1' is not a domain name%2")
                .arg(positional.first(), domain.isEmpty() || domain.contains('.')
                                             ? QStringLiteral(": ") + dns::Resolver::nameError(domain)
                                             : QString()));
    QList<QByteArray> selectors;
    for (const QString& selector : parser.values(selectorOption)) {
        const QByteArray name = selector.trimmed().toUtf8();
        if (name.isEmpty() || !dns::Resolver::nameError(name + "._domainkey." + domain).isEmpty())
            return usage(QStringLiteral("'%1' is not a usable selector").arg(selector));
        if (!selectors.contains(name))
            selectors.append(name);
    }

    const dns::ResolverFactory::Result created = dns::ResolverFactory::create(parser);
    if (!created.ok()) {
        err() << "authlens-cli check: " << created.error << "\n";
        err().flush();
        return ExitUsage;
    }
    dns::Resolver& resolver = *created.resolver;

    std::vector<lint::Finding> findings;
    auto take = [&findings](std::vector<lint::Finding> more) {
        findings.insert(findings.end(), std::make_move_iterator(more.begin()),
                        std::make_move_iterator(more.end()));
    };
    const lint::DkimKeyLint dkimLint(resolver);
    for (const QByteArray& selector : selectors)
        take(dkimLint.check(domain, selector).findings);
    take(lint::SpfLint(resolver).check(domain).findings);
    take(lint::DmarcLint(resolver).check(domain).findings);
    // Worst first; within a severity, the order the checks ran in (DKIM, SPF, DMARC).
    std::stable_sort(findings.begin(), findings.end(), [](const lint::Finding& a, const lint::Finding& b) {
        return int(a.severity) > int(b.severity);
    });

    if (parser.isSet(jsonOption)) {
        QJsonObject object;
        object.insert(QStringLiteral("domain"), QString::fromLatin1(domain));
        QJsonArray selectorArray;
        for (const QByteArray& selector : selectors)
            selectorArray.append(QString::fromLatin1(selector));
        object.insert(QStringLiteral("selectors"), selectorArray);
        QJsonArray findingArray;
        for (const lint::Finding& finding : findings)
            findingArray.append(findingToJson(finding));
        object.insert(QStringLiteral("findings"), findingArray);
        object.insert(QStringLiteral("dns"), created.description);
        out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << "\n";
        out().flush();
    } else {
        printText(QString::fromLatin1(domain), findings);
    }
    const bool anyError = std::any_of(findings.begin(), findings.end(), [](const lint::Finding& finding) {
        return finding.severity == lint::Severity::Error;
    });
    return anyError ? ExitNegative : ExitOk;
}

} // namespace authlens::cli
