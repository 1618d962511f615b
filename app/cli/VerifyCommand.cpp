// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli verify: verifies every DKIM signature of each message given (.eml, mbox, Maildir, or - for
// stdin) and prints one block per message, or JSON Lines with --json.
#include "CliOutput.h"
#include "Subcommand.h"
#include "VerifyJson.h"

#include "dkim/Verifier.h"
#include "dns/ResolverFactory.h"
#include "mail/Message.h"
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

void printText(const QString& file, const std::vector<dkim::Result>& results)
{
    QTextStream& o = out();
    o << file << "\n";
    if (results.empty())
        o << "  dkim=none  (no DKIM-Signature field)\n";
    for (const dkim::Result& r : results) {
        o << "  dkim=" << r.word() << "  d=" << QString::fromUtf8(r.domain)
          << " s=" << QString::fromUtf8(r.selector);
        if (!r.algorithm.isEmpty())
            o << " a=" << QString::fromUtf8(r.algorithm);
        if (r.keyBits > 0)
            o << " (" << r.keyBits << "-bit key)";
        o << ": " << r.reason << "\n";
    }
    o.flush();
}

class VerifyRun
{
public:
    VerifyRun(const dkim::Verifier& verifier, bool json)
        : m_verifier(verifier)
        , m_json(json)
    {}

    void message(const QString& file, const QByteArray& bytes)
    {
        const mail::Message message = mail::Message::parse(bytes);
        const std::vector<dkim::Result> results = m_verifier.verify(message);
        ++m_outcome.messages;
        for (const dkim::Result& r : results) {
            if (r.passed()) {
                ++m_outcome.passing;
                break;
            }
        }
        if (m_json) {
            out() << QJsonDocument(VerifyJson::message(file, results)).toJson(QJsonDocument::Compact) << "\n";
            out().flush();
        } else {
            printText(file, results);
        }
    }

    void error(const QString& file, const QString& why)
    {
        ++m_outcome.errors;
        if (m_json) {
            out() << QJsonDocument(VerifyJson::error(file, why)).toJson(QJsonDocument::Compact) << "\n";
            out().flush();
        }
        err() << file << ": " << why << "\n";
        err().flush();
    }

    void path(const QString& path)
    {
        if (path == QLatin1String("-")) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly)) {
                error(path, QStringLiteral("cannot read standard input"));
                return;
            }
            message(path, in.readAll());
            return;
        }
        const QFileInfo info(path);
        if (!info.exists()) {
            error(path, QStringLiteral("no such file or folder"));
            return;
        }
        if (info.isFile() && !looksLikeMbox(path)) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                error(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
                return;
            }
            message(path, file.readAll());
            return;
        }
        sources::OpenedSource opened = sources::SourceFactory::open(path);
        if (!opened.source) {
            error(path, opened.error);
            return;
        }
        while (std::optional<sources::SourceItem> item = opened.source->next()) {
            for (const sources::SourceError& e : opened.source->takeErrors())
                err() << e.toString() << "\n";
            message(item->locator(), item->bytes);
        }
        for (const sources::SourceError& e : opened.source->takeErrors())
            err() << e.toString() << "\n";
        if (!opened.source->openError().isEmpty())
            error(path, opened.source->openError());
    }

    const Outcome& outcome() const { return m_outcome; }

private:
    static bool looksLikeMbox(const QString& path)
    {
        if (path.endsWith(QLatin1String(".mbox"), Qt::CaseInsensitive) ||
            path.endsWith(QLatin1String(".mbx"), Qt::CaseInsensitive))
            return true;
        QFile file(path);
        return file.open(QIODevice::ReadOnly) && file.read(5) == "From ";
    }

    const dkim::Verifier& m_verifier;
    bool m_json;
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
    parser.addOption(nowOption);
    parser.addOption(jsonOption);
    parser.addOption(maxOption);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Messages to verify."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err() << "verify: give at least one FILE (or - for standard input)\n";
        return ExitUsage;
    }

    dkim::Verifier::Options options;
    if (parser.isSet(nowOption)) {
        bool ok = false;
        options.now = parser.value(nowOption).toLongLong(&ok);
        if (!ok) {
            err() << "verify: --now needs a Unix time in seconds\n";
            return ExitUsage;
        }
    }
    bool maxOk = false;
    options.maxSignatures = parser.value(maxOption).toInt(&maxOk);
    if (!maxOk || options.maxSignatures < 1) {
        err() << "verify: --max-signatures needs a positive number\n";
        return ExitUsage;
    }

    const dns::ResolverFactory::Result resolver = dns::ResolverFactory::create(parser);
    if (!resolver.ok()) {
        err() << "verify: " << resolver.error << "\n";
        return ExitUsage;
    }
    for (const QString& warning : resolver.warnings)
        err() << "verify: " << warning << "\n";

    const dkim::Verifier verifier(resolver.resolver, options);
    VerifyRun run(verifier, parser.isSet(jsonOption));
    for (const QString& file : files)
        run.path(file);
    err().flush();

    const Outcome& outcome = run.outcome();
    if (outcome.errors > 0)
        return ExitUsage;
    return outcome.passing == outcome.messages ? ExitOk : ExitNegative;
}

} // namespace authlens::cli
