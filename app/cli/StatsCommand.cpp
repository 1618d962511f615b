// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli stats: per From domain and DKIM selector, message counts and pass rates for DKIM (and SPF
// and DMARC where the database holds results), from the newest verification run of each message; and the
// bounce rate per sending domain (delivery status notifications attributed to it / messages it sent).
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

const store::BounceStats* bouncesOf(const QList<store::BounceStats>& bounces, const QString& domain)
{
    for (const store::BounceStats& stats : bounces) {
        if (stats.domain == domain)
            return &stats;
    }
    return nullptr;
}

// "bounces": attributed bounces; "bounce_rate": bounces / messages sent, 0..1, null when the sample
// holds none of the domain's sent mail; "bounce_rate_high": over 5%.
void insertBounces(QJsonObject& object, const store::BounceStats* stats)
{
    const store::BounceStats none;
    const store::BounceStats& bounce = stats ? *stats : none;
    object.insert(QStringLiteral("sent"), bounce.sent);
    object.insert(QStringLiteral("bounces"), bounce.bounces);
    object.insert(QStringLiteral("bounce_rate"),
                  bounce.rate() ? QJsonValue(*bounce.rate()) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("bounce_rate_high"), bounce.overThreshold());
}

QString bounceText(const store::BounceStats* stats)
{
    if (!stats || stats->bounces == 0)
        return QStringLiteral("-");
    if (!stats->rate())
        return QStringLiteral("%1, rate unknown").arg(stats->bounces);
    return QStringLiteral("%1 %2%%3")
        .arg(stats->bounces)
        .arg(*stats->rate() * 100.0, 0, 'f', 1)
        .arg(stats->overThreshold() ? QStringLiteral(" !") : QString());
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
    const QList<store::BounceStats> bounces = dashboard.bounces();
    const store::HeadlineFigures headline = dashboard.headline();
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
            insertBounces(object, bouncesOf(bounces, domain.domain));
            domainArray.append(object);
        }
        // Domains whose bounces came back but whose own mail is not in the database.
        for (const store::BounceStats& bounce : bounces) {
            if (bounce.sent > 0)
                continue;
            QJsonObject object;
            object.insert(QStringLiteral("domain"), bounce.domain);
            object.insert(QStringLiteral("messages"), 0);
            object.insert(QStringLiteral("selectors"), QJsonArray());
            insertBounces(object, &bounce);
            domainArray.append(object);
        }
        QJsonObject root;
        root.insert(QStringLiteral("messages"), messages);
        root.insert(QStringLiteral("domains"), domainArray);
        root.insert(QStringLiteral("bounces"), headline.bounces);
        root.insert(QStringLiteral("unattributed_bounces"), headline.unattributedBounces);
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
      << QStringLiteral("bounces").rightJustified(22) << "\n";
    for (const store::DomainStats& domain : domains) {
        o << domain.domain.leftJustified(44) << QString::number(domain.messages).rightJustified(10)
          << rate(domain.dkim).rightJustified(11) << rate(domain.spf).rightJustified(10)
          << rate(domain.dmarc).rightJustified(12)
          << bounceText(bouncesOf(bounces, domain.domain)).rightJustified(22) << "\n";
        for (const store::SelectorStats& selector : selectors) {
            if (selector.domain != domain.domain)
                continue;
            const QString label = QStringLiteral("  s=%1 d=%2").arg(selector.selector, selector.sdid);
            o << label.leftJustified(44) << QString::number(selector.messages).rightJustified(10)
              << rate(selector.dkim).rightJustified(11) << "\n";
        }
    }
    for (const store::BounceStats& bounce : bounces) {
        if (bounce.sent == 0)
            o << bounce.domain.leftJustified(44) << QString::number(0).rightJustified(10)
              << QString().rightJustified(33) << bounceText(&bounce).rightJustified(22) << "\n";
    }
    if (headline.bounces > 0)
        o << "\nbounces: " << headline.bounces << " (" << headline.unattributedBounces
          << " not attributed); bounce rate = bounces / messages the domain sent in this database; "
             "! over 5%\n";
    o.flush();
    return ExitOk;
}

} // namespace authlens::cli
