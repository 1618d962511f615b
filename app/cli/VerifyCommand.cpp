// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli verify: verifies every DKIM signature of each message given (.eml, mbox, Maildir, or - for
// stdin), evaluates SPF and DMARC on the envelope the message records (or the one given), and prints one
// block per message, or JSON Lines with --json.
#include "CliOutput.h"
#include "LimitOption.h"
#include "Subcommand.h"
#include "VerifyJson.h"

#include "dkim/Verifier.h"
#include "dmarc/Record.h"
#include "dns/ResolverFactory.h"
#include "lint/Finding.h"
#include "mail/Message.h"
#include "pipeline/Analyzer.h"
#include "sources/SourceFactory.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>

namespace authlens::cli {

namespace {

struct Outcome
{
    int messages = 0;
    int passing = 0;
    int errors = 0;
};

void printText(const QString& file, const pipeline::Analysis& a)
{
    QTextStream& o = out();
    o << file << "\n";
    if (a.dkim.empty())
        o << "  dkim=none  (no DKIM-Signature field)\n";
    for (const dkim::Result& r : a.dkim) {
        o << "  dkim=" << r.word() << "  d=" << QString::fromUtf8(r.domain)
          << " s=" << QString::fromUtf8(r.selector);
        if (!r.algorithm.isEmpty())
            o << " a=" << QString::fromUtf8(r.algorithm);
        if (r.keyBits > 0)
            o << " (" << r.keyBits << "-bit key)";
        o << ": " << r.reason << "\n";
    }
    if (a.spf) {
        o << "  spf=" << a.spf->word() << "  " << QString::fromUtf8(a.spf->domain) << " from "
          << a.envelope.clientIp.toString() << ": " << a.spf->reason << " (" << a.spfNote << ")\n";
    } else {
        o << "  spf=none  " << a.spfNote << "\n";
    }
    o << "  dmarc=" << dmarc::resultName(a.dmarc.result);
    if (!a.dmarc.fromDomain.isEmpty())
        o << "  header.from=" << a.dmarc.fromDomainDisplay;
    if (a.dmarc.policy)
        o << " p=" << dmarc::policyName(*a.dmarc.policy)
          << " disposition=" << dmarc::policyName(a.dmarc.disposition);
    o << ": " << a.dmarc.reason << "\n";
    if (a.dmarc.differs())
        o << "  dmarc (RFC 7489, public suffix list)=" << dmarc::resultName(a.dmarc.rfc7489.result) << ": "
          << a.dmarc.rfc7489.reason << "\n";
    if (!a.disagreesWithReceiver.isEmpty())
        o << "  differs from the receiver's Authentication-Results on: "
          << a.disagreesWithReceiver.join(QStringLiteral(", ")) << "\n";
    for (const lint::Finding& f : a.findings)
        o << "  " << lint::severityName(f.severity) << " [" << f.id << "] " << f.message << "\n";
    o.flush();
}

class VerifyRun
{
public:
    VerifyRun(const pipeline::Analyzer& analyzer, bool json, const pipeline::InputLimits& limits)
        : m_analyzer(analyzer)
        , m_json(json)
        , m_limits(limits)
    {}

    void message(const QString& file, const QByteArray& bytes)
    {
        const mail::Message message = mail::Message::parse(bytes, m_analyzer.options().message);
        if (const std::optional<mail::ParseProblem>& limit = message.limitError()) {
            error(file,
                  QStringLiteral("%1 (byte offset %2); not verified").arg(limit->message).arg(limit->offset));
            return;
        }
        const pipeline::Analysis analysis = m_analyzer.analyze(message);
        ++m_outcome.messages;
        if (analysis.hasPassingDkim())
            ++m_outcome.passing;
        if (m_json) {
            out() << QJsonDocument(VerifyJson::message(file, analysis)).toJson(QJsonDocument::Compact)
                  << "\n";
            out().flush();
        } else {
            printText(file, analysis);
        }
    }

    void error(const QString& file, const QString& why)
    {
        countError(file, why);
        err() << file << ": " << why << "\n";
        err().flush();
    }

    // An error in the exit status and, with --json, a line of its own; the caller tells standard error.
    void countError(const QString& file, const QString& why)
    {
        ++m_outcome.errors;
        if (m_json) {
            out() << QJsonDocument(VerifyJson::error(file, why)).toJson(QJsonDocument::Compact) << "\n";
            out().flush();
        }
    }

    void path(const QString& path)
    {
        if (path == QLatin1String("-")) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly)) {
                error(path, QStringLiteral("cannot read standard input"));
                return;
            }
            // One byte past the limit tells an oversized message from one exactly at it.
            const QByteArray bytes = in.read(m_limits.messageSize + 1);
            if (bytes.size() > m_limits.messageSize) {
                error(path, tooLarge(QStringLiteral("standard input")));
                return;
            }
            message(path, bytes);
            return;
        }
        const QFileInfo info(path);
        if (!info.exists()) {
            error(path, QStringLiteral("no such file or folder"));
            return;
        }
        if (info.isFile() && !looksLikeMbox(path)) {
            if (info.size() > m_limits.messageSize) {
                error(path, tooLarge(QStringLiteral("the file is %1 bytes,").arg(info.size())));
                return;
            }
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                error(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
                return;
            }
            message(path, file.readAll());
            return;
        }
        sources::ReaderOptions readerOptions;
        readerOptions.maxMessageSize = m_limits.messageSize;
        sources::OpenedSource opened = sources::SourceFactory::open(path, readerOptions);
        if (!opened.source) {
            error(path, opened.error);
            return;
        }
        while (std::optional<sources::SourceItem> item = opened.source->next()) {
            for (const sources::SourceError& e : opened.source->takeErrors())
                sourceProblem(e);
            message(item->locator(), item->bytes);
        }
        for (const sources::SourceError& e : opened.source->takeErrors())
            sourceProblem(e);
        if (!opened.source->openError().isEmpty())
            error(path, opened.source->openError());
    }

    // A message the reader had to skip (over the size limit, cut off by the end of the file) counts as an
    // error like an unreadable file: the exit status must not say that every message verified.
    void sourceProblem(const sources::SourceError& e)
    {
        err() << e.toString() << "\n";
        if (e.severity != sources::SourceError::Severity::Error || e.index < 0)
            return;
        countError(e.path + QLatin1Char('#') + QString::number(e.index + 1), e.message);
    }

    const Outcome& outcome() const { return m_outcome; }

private:
    QString tooLarge(const QString& what) const
    {
        return QStringLiteral("%1 over the message-size limit of %2 bytes; not verified")
            .arg(what)
            .arg(m_limits.messageSize);
    }

    static bool looksLikeMbox(const QString& path)
    {
        if (path.endsWith(QLatin1String(".mbox"), Qt::CaseInsensitive) ||
            path.endsWith(QLatin1String(".mbx"), Qt::CaseInsensitive))
            return true;
        QFile file(path);
        return file.open(QIODevice::ReadOnly) && file.read(5) == "From ";
    }

    const pipeline::Analyzer& m_analyzer;
    bool m_json;
    pipeline::InputLimits m_limits;
    Outcome m_outcome;
};

} // namespace

int runVerify(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Verify the DKIM signatures (RFC 6376, 8301, 8463) of each message. FILE is an .eml file, "
        "an mbox file, a Maildir or a folder of .eml files, or - for standard input."));
    parser.addHelpOption();
    dns::ResolverFactory::addOptions(parser);
    const QCommandLineOption nowOption(QStringLiteral("now"),
                                       QStringLiteral("Judge x= and t= as of this Unix time."),
                                       QStringLiteral("UNIXTIME"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print JSON Lines, one object per message."));
    const QCommandLineOption maxOption(QStringLiteral("max-signatures"),
                                       QStringLiteral("Verify at most N signatures per message (default 8)."),
                                       QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption ipOption(
        QStringLiteral("ip"), QStringLiteral("The SMTP client's address, instead of the one in Received."),
        QStringLiteral("IP"));
    const QCommandLineOption mailFromOption(
        QStringLiteral("mailfrom"),
        QStringLiteral("The MAIL FROM address, instead of Return-Path (empty or <> for the null sender)."),
        QStringLiteral("ADDR"));
    const QCommandLineOption heloOption(QStringLiteral("helo"),
                                        QStringLiteral("The HELO/EHLO name, instead of the one in Received."),
                                        QStringLiteral("HOST"));
    const QCommandLineOption trustOption(
        QStringLiteral("authserv-id"),
        QStringLiteral("Trust Authentication-Results from this authserv-id (repeatable; default: the "
                       "topmost instance)."),
        QStringLiteral("ID"));
    parser.addOption(nowOption);
    parser.addOption(jsonOption);
    parser.addOption(maxOption);
    parser.addOption(ipOption);
    parser.addOption(mailFromOption);
    parser.addOption(heloOption);
    parser.addOption(trustOption);
    parser.addOption(LimitOption::option());
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Messages to verify."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(arguments.mid(1))) {
        err() << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << helpWithUsage(parser,
                               QStringLiteral("authlens-cli verify [--records FILE | --dns SERVER[:PORT]] "
                                              "[--dnssec] [--now UNIXTIME] [--ip IP] [--mailfrom ADDR] "
                                              "[--helo HOST] [--json] [--limit NAME=VALUE]... FILE..."))
              << "\nExit status: 0 when every message has a passing DKIM signature, 1 otherwise, 2 for a "
                 "usage or I/O error (a message over a limit included).\n\n"
              << pipeline::InputLimits::helpText();
        return ExitOk;
    }
    const LimitOption::Read limitsRead = LimitOption::read(parser, QStringLiteral("verify"));
    if (!limitsRead.limits)
        return limitsRead.exitCode;
    pipeline::InputLimits limits = *limitsRead.limits;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err() << "verify: give at least one FILE (or - for standard input)\n";
        return ExitUsage;
    }

    pipeline::AnalyzerOptions analyzerOptions;
    dkim::Verifier::Options& options = analyzerOptions.dkim;
    if (parser.isSet(nowOption)) {
        bool ok = false;
        options.now = parser.value(nowOption).toLongLong(&ok);
        if (!ok) {
            err() << "verify: --now needs a Unix time in seconds\n";
            return ExitUsage;
        }
    }
    if (parser.isSet(maxOption)) {
        // The older spelling of --limit signatures=N.
        bool maxOk = false;
        const int maxSignatures = parser.value(maxOption).toInt(&maxOk);
        if (!maxOk || maxSignatures < 1 || !limits.set(u"signatures", maxSignatures).isEmpty()) {
            err() << "verify: --max-signatures needs a positive number\n";
            return ExitUsage;
        }
    }
    limits.applyTo(analyzerOptions);

    const dns::ResolverFactory::Result resolver = dns::ResolverFactory::create(parser, limits.dnsLimits());
    if (!resolver.ok()) {
        err() << "verify: " << resolver.error << "\n";
        return ExitUsage;
    }
    for (const QString& warning : resolver.warnings)
        err() << "verify: " << warning << "\n";

    if (parser.isSet(ipOption)) {
        const QHostAddress ip(parser.value(ipOption));
        if (ip.isNull()) {
            err() << "verify: --ip needs an IPv4 or IPv6 address\n";
            return ExitUsage;
        }
        analyzerOptions.clientIp = ip;
    }
    if (parser.isSet(mailFromOption))
        analyzerOptions.mailFrom = parser.value(mailFromOption).toUtf8();
    if (parser.isSet(heloOption))
        analyzerOptions.helo = parser.value(heloOption).toUtf8();
    for (const QString& id : parser.values(trustOption))
        analyzerOptions.trustedAuthservIds.append(id.toUtf8());

    const pipeline::Analyzer analyzer(resolver.resolver, analyzerOptions);
    VerifyRun run(analyzer, parser.isSet(jsonOption), limits);
    for (const QString& file : files)
        run.path(file);
    err().flush();

    const Outcome& outcome = run.outcome();
    if (outcome.errors > 0)
        return ExitUsage;
    return outcome.passing == outcome.messages ? ExitOk : ExitNegative;
}

} // namespace authlens::cli
