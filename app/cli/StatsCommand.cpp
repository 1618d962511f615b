// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli stats: per From domain and DKIM selector, message counts and pass rates for DKIM (and SPF
// and DMARC where the database holds results), from the newest verification run of each message.
#include "CliOutput.h"
#include "Subcommand.h"

#include "store/Dashboard.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace authlens::cli {

namespace {

const QStringList kDkimWords = {QStringLiteral("pass"),      QStringLiteral("fail"),
                                QStringLiteral("policy"),    QStringLiteral("neutral"),
                                QStringLiteral("temperror"), QStringLiteral("permerror"),
                                QStringLiteral("none")};
const QStringList kSpfWords = {QStringLiteral("pass"),     QStringLiteral("fail"),
                               QStringLiteral("softfail"), QStringLiteral("neutral"),
                               QStringLiteral("none"),     QStringLiteral("temperror"),
                               QStringLiteral("permerror")};
const QStringList kDmarcWords = {QStringLiteral("pass"), QStringLiteral("fail"), QStringLiteral("none"),
                                 QStringLiteral("temperror"), QStringLiteral("permerror")};

QJsonObject countsToJson(const store::ResultCounts& counts, const QStringList& words)
{
    QJsonObject object;
    for (const QString& word : words)
        object.insert(word, counts.count(word));
    // Words outside the usual set still show, so nothing is silently dropped.
    for (auto it = counts.byResult.cbegin(); it != counts.byResult.cend(); ++it) {
        if (!words.contains(it.key()))
            object.insert(it.key(), it.value());
    }
    return object;
}

QString rate(const store::ResultCounts& counts)
{
    if (counts.total() == 0)
        return QStringLiteral("-");
    return QString::number(counts.passPercent(), 'f', 1) + QLatin1Char('%');
}

} // namespace

int runStats(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Per domain and DKIM selector: message counts and DKIM, SPF and DMARC pass rates."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The Authlens database."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print JSON instead of a table."));
    parser.addOption(dbOption);
    parser.addOption(jsonOption);
    if (!parser.parse(arguments.mid(1))) {
        err() << "authlens-cli stats: " << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << helpWithUsage(parser, QStringLiteral("authlens-cli stats --db FILE [--json]"));
        return ExitOk;
    }
    if (!parser.isSet(dbOption)) {
        err() << "authlens-cli stats: --db FILE is required\n";
        return ExitUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << "authlens-cli stats: unexpected argument '" << parser.positionalArguments().first() << "'\n";
        return ExitUsage;
    }

    store::Database::OpenOptions options;
    options.mustExist = true;
    auto opened = store::Database::open(parser.value(dbOption), options);
    if (!opened.database) {
        err() << "authlens-cli stats: cannot open the database " << opened.error << "\n";
        return ExitUsage;
    }
    store::Dashboard dashboard(*opened.database);
    const QList<store::DomainStats> domains = dashboard.domains();
    const QList<store::SelectorStats> selectors = dashboard.selectors();
    if (!dashboard.lastError().isEmpty()) {
        err() << "authlens-cli stats: " << parser.value(dbOption) << ": " << dashboard.lastError() << "\n";
        return ExitUsage;
    }
    qint64 messages = 0;
    for (const store::DomainStats& domain : domains)
        messages += domain.messages;

    if (parser.isSet(jsonOption)) {
        QJsonArray domainArray;
        for (const store::DomainStats& domain : domains) {
            QJsonObject object;
            object.insert(QStringLiteral("domain"), domain.domain);
            object.insert(QStringLiteral("messages"), domain.messages);
            object.insert(QStringLiteral("dkim"), countsToJson(domain.dkim, kDkimWords));
            if (domain.spf.total() > 0)
                object.insert(QStringLiteral("spf"), countsToJson(domain.spf, kSpfWords));
            if (domain.dmarc.total() > 0)
                object.insert(QStringLiteral("dmarc"), countsToJson(domain.dmarc, kDmarcWords));
            QJsonArray selectorArray;
            for (const store::SelectorStats& selector : selectors) {
                if (selector.domain != domain.domain)
                    continue;
                QJsonObject entry;
                entry.insert(QStringLiteral("selector"), selector.selector);
                entry.insert(QStringLiteral("sdid"), selector.sdid);
                entry.insert(QStringLiteral("messages"), selector.messages);
                entry.insert(QStringLiteral("dkim"), countsToJson(selector.dkim, kDkimWords));
                selectorArray.append(entry);
            }
            object.insert(QStringLiteral("selectors"), selectorArray);
            domainArray.append(object);
        }
        QJsonObject root;
        root.insert(QStringLiteral("messages"), messages);
        root.insert(QStringLiteral("domains"), domainArray);
        out() << QJsonDocument(root).toJson(QJsonDocument::Compact) << "\n";
        out().flush();
        return ExitOk;
    }

    QTextStream& o = out();
    o << "messages: " << messages << "  domains: " << domains.size() << "\n\n";
    if (domains.isEmpty()) {
        o << "The database holds no messages yet (authlens-cli import --db FILE SOURCE...).\n";
        o.flush();
        return ExitOk;
    }
    o << QStringLiteral("domain / selector").leftJustified(44)
      << QStringLiteral("messages").rightJustified(10) << QStringLiteral("DKIM pass").rightJustified(11)
      << QStringLiteral("SPF pass").rightJustified(10) << QStringLiteral("DMARC pass").rightJustified(12)
      << "\n";
    for (const store::DomainStats& domain : domains) {
        o << domain.domain.leftJustified(44) << QString::number(domain.messages).rightJustified(10)
          << rate(domain.dkim).rightJustified(11) << rate(domain.spf).rightJustified(10)
          << rate(domain.dmarc).rightJustified(12) << "\n";
        for (const store::SelectorStats& selector : selectors) {
            if (selector.domain != domain.domain)
                continue;
            const QString label = QStringLiteral("  s=%1 d=%2").arg(selector.selector, selector.sdid);
            o << label.leftJustified(44) << QString::number(selector.messages).rightJustified(10)
              << rate(selector.dkim).rightJustified(11) << "\n";
        }
    }
    o.flush();
    return ExitOk;
}

} // namespace authlens::cli
