// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli dkim-keygen: generates a DKIM key pair for a customer domain and selector, writes the
// private key (PEM, mode 0600) into a folder and prints the DNS settings to hand to the customer.
#include "CliOutput.h"
#include "Subcommand.h"

#include "dkimsetup/DnsSettings.h"
#include "dkimsetup/KeyGenerator.h"
#include "dkimsetup/SetupStates.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace authlens::cli {

namespace {

QString latin(QByteArrayView text)
{
    return QString::fromLatin1(text);
}

QJsonObject settingsToJson(const dkimsetup::DnsSettings& settings)
{
    QJsonObject txt;
    txt.insert(QStringLiteral("name"), latin(settings.name));
    txt.insert(QStringLiteral("type"), latin(settings.type));
    txt.insert(QStringLiteral("ttl"), qint64(settings.ttl));
    txt.insert(QStringLiteral("value"), latin(settings.value));
    QJsonArray strings;
    for (const QByteArray& string : settings.strings)
        strings.append(latin(string));
    txt.insert(QStringLiteral("strings"), strings);
    txt.insert(QStringLiteral("zone_line"), latin(settings.zoneLine()));
    return txt;
}

void printText(const dkimsetup::KeyGenerator::Result& result, const dkimsetup::DnsSettings& settings)
{
    QTextStream& o = out();
    o << "dkim-keygen: generated\n";
    o << "domain: " << latin(result.domain) << "\n";
    o << "selector: " << latin(result.selector) << "\n";
    o << "key: " << dkimsetup::keyKindName(result.kind) << " ("
      << latin(dkim::keyTypeName(result.publicKey.type)) << ", " << result.publicKey.bits << " bits)\n";
    o << "fingerprint: " << latin(result.publicKey.fingerprint) << "\n";
    o << "private key: " << result.privateKeyPath << " (mode 0600; keep it secret, never publish it)\n";
    o << "\nDNS record to publish:\n";
    o << "  name:  " << latin(settings.name) << "\n";
    o << "  type:  " << latin(settings.type) << "\n";
    o << "  value: " << latin(settings.value) << "\n";
    o << "  as " << settings.strings.size() << " string(s) of at most 255 octets, for zone files:\n";
    o << "    " << latin(settings.zoneLine()) << "\n";
    if (!settings.cnameTarget.isEmpty()) {
        o << "\nOr, to delegate the selector to the platform (which then publishes the TXT record at the "
             "target):\n";
        o << "  name:  " << latin(settings.name) << "\n";
        o << "  type:  CNAME\n";
        o << "  value: " << latin(settings.cnameTarget) << ".\n";
        o << "    " << latin(settings.cnameZoneLine()) << "\n";
    }
    if (result.kind == dkimsetup::KeyKind::Ed25519)
        o << "\nNote: many receivers cannot verify Ed25519 (RFC 8463) yet: also sign with an RSA key under "
             "another selector.\n";
    o.flush();
}

} // namespace

int runDkimKeygen(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generates a DKIM key pair for a domain and selector and prints the DNS settings to publish."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption domainOption(QStringLiteral("domain"),
                                          QStringLiteral("The signing domain (d=)."), QStringLiteral("D"));
    const QCommandLineOption selectorOption(QStringLiteral("selector"), QStringLiteral("The selector (s=)."),
                                            QStringLiteral("S"));
    const QCommandLineOption typeOption(QStringLiteral("type"),
                                        QStringLiteral("rsa2048 (default), rsa3072, rsa4096 or ed25519."),
                                        QStringLiteral("TYPE"), QStringLiteral("rsa2048"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("The folder to write the private key into (must exist)."),
        QStringLiteral("DIR"));
    const QCommandLineOption cnameOption(
        QStringLiteral("cname-target"),
        QStringLiteral("Also print a CNAME for delegation to the platform; {selector} and {domain} are "
                       "replaced, e.g. {selector}.{domain}.dkim.platform.example."),
        QStringLiteral("PATTERN"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral(
            "Add the selector to this Authlens database's DKIM setup list (public key, fingerprint "
            "and the private key's path only); created if missing."),
        QStringLiteral("FILE"));
    for (const QCommandLineOption* option : {&help, &domainOption, &selectorOption, &typeOption, &outOption,
                                             &cnameOption, &jsonOption, &dbOption})
        parser.addOption(*option);

    const QString usageLine = QStringLiteral(
        "authlens-cli dkim-keygen --domain D --selector S "
        "[--type rsa2048|rsa3072|rsa4096|ed25519] --out DIR [--cname-target PATTERN] [--db FILE] [--json]");
    auto usage = [&usageLine](const QString& message) {
        err() << "authlens-cli dkim-keygen: " << message << "\nUsage: " << usageLine << "\n";
        err().flush();
        return int(ExitUsage);
    };
    if (!parser.parse(arguments.mid(1)))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        out() << helpWithUsage(parser, usageLine)
              << "\nExit status: 0 when the key was written, 2 for a usage or I/O error (an existing key "
                 "file is never replaced).\n";
        out().flush();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    for (const QCommandLineOption* required : {&domainOption, &selectorOption, &outOption}) {
        if (parser.value(*required).trimmed().isEmpty())
            return usage(QStringLiteral("--%1 is required").arg(required->names().first()));
    }
    const auto kind = dkimsetup::keyKindFromName(parser.value(typeOption).trimmed());
    if (!kind)
        return usage(QStringLiteral("--type: expected rsa2048, rsa3072, rsa4096 or ed25519, got \"%1\"")
                         .arg(parser.value(typeOption)));

    dkimsetup::KeyGenerator::Request request;
    request.domain = parser.value(domainOption).toUtf8();
    request.selector = parser.value(selectorOption).toUtf8();
    request.kind = *kind;
    request.outputDirectory = parser.value(outOption);
    // Names are checked before any key is made, so a typo costs nothing.
    if (const auto domain = dkimsetup::KeyGenerator::normalizedDomain(request.domain);
        !domain.error.isEmpty())
        return usage(QStringLiteral("--domain: %1").arg(domain.error));
    if (const QString error = dkimsetup::KeyGenerator::selectorError(request.selector.trimmed());
        !error.isEmpty())
        return usage(QStringLiteral("--selector: %1").arg(error));

    // The database is opened before the key is made, so a bad path does not leave an unlisted key behind.
    std::unique_ptr<store::Database> database;
    if (parser.isSet(dbOption)) {
        auto opened = store::Database::open(parser.value(dbOption));
        if (!opened.database) {
            err() << "authlens-cli dkim-keygen: " << opened.error << "\n";
            err().flush();
            return ExitUsage;
        }
        database = std::move(opened.database);
        const auto domainName = dkimsetup::KeyGenerator::normalizedDomain(request.domain).domain;
        if (const auto existing =
                dkimsetup::SetupStates(*database).find(domainName, request.selector.trimmed().toLower())) {
            err() << "authlens-cli dkim-keygen: selector " << QString::fromUtf8(request.selector.trimmed())
                  << " of " << latin(domainName) << " is already in the setup list ("
                  << dkimsetup::setupStateName(existing->state) << "); choose a new selector\n";
            err().flush();
            return ExitUsage;
        }
    }

    const dkimsetup::KeyGenerator::Result result = dkimsetup::KeyGenerator::generate(request);
    if (!result.ok()) {
        err() << "authlens-cli dkim-keygen: " << result.error << "\n";
        err().flush();
        return ExitUsage;
    }
    if (database) {
        const auto added = dkimsetup::SetupStates(*database).add(result.domain, result.selector,
                                                                 result.publicKey, result.privateKeyPath);
        if (!added.ok()) {
            err() << "authlens-cli dkim-keygen: the key was written to " << result.privateKeyPath
                  << " but not listed: " << added.error << "\n";
            err().flush();
            return ExitUsage;
        }
    }
    dkimsetup::DnsSettings settings = dkimsetup::DnsSettings::forKey(
        result.domain, result.selector, result.publicKey.type, result.publicKey.recordBytes);
    if (parser.isSet(cnameOption))
        settings.cnameTarget =
            dkimsetup::DnsSettings::cnameTargetFor(parser.value(cnameOption), result.domain, result.selector);

    if (parser.isSet(jsonOption)) {
        QJsonObject json;
        json.insert(QStringLiteral("domain"), latin(result.domain));
        json.insert(QStringLiteral("selector"), latin(result.selector));
        json.insert(QStringLiteral("type"), dkimsetup::keyKindName(result.kind));
        json.insert(QStringLiteral("key_type"), latin(dkim::keyTypeName(result.publicKey.type)));
        json.insert(QStringLiteral("key_bits"), result.publicKey.bits);
        json.insert(QStringLiteral("fingerprint"), latin(result.publicKey.fingerprint));
        json.insert(QStringLiteral("public_key"), latin(result.publicKey.base64()));
        json.insert(QStringLiteral("private_key_path"), result.privateKeyPath);
        json.insert(QStringLiteral("txt"), settingsToJson(settings));
        if (!settings.cnameTarget.isEmpty()) {
            QJsonObject cname;
            cname.insert(QStringLiteral("name"), latin(settings.name));
            cname.insert(QStringLiteral("type"), QStringLiteral("CNAME"));
            cname.insert(QStringLiteral("target"), latin(settings.cnameTarget));
            cname.insert(QStringLiteral("zone_line"), latin(settings.cnameZoneLine()));
            json.insert(QStringLiteral("cname"), cname);
        }
        out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << "\n";
        out().flush();
    } else {
        printText(result, settings);
    }
    return ExitOk;
}

} // namespace authlens::cli
