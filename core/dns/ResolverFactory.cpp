// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/ResolverFactory.h"

#include "dns/RecordsFileResolver.h"
#include "dns/UnboundResolver.h"

#include <QCommandLineParser>

namespace authlens::dns {

namespace {

const QString recordsOption = QStringLiteral("records");
const QString dnsOption = QStringLiteral("dns");
const QString dnssecOption = QStringLiteral("dnssec");
const QString timeoutOption = QStringLiteral("dns-timeout");

} // namespace

ResolverFactory::Result ResolverFactory::create(const ResolverRequest& request)
{
    Result result;
    std::shared_ptr<Resolver> upstream;
    if (!request.recordsFile.isEmpty()) {
        if (!request.dnsServer.isEmpty() || request.dnssec) {
            result.error =
                QStringLiteral("--records answers from the file only; it cannot be combined with --dns or "
                               "--dnssec");
            return result;
        }
        auto loaded = RecordsFileResolver::fromFile(request.recordsFile);
        if (!loaded.ok()) {
            result.error = loaded.error;
            return result;
        }
        result.warnings = loaded.warnings;
        loaded.resolver->setLimits(request.limits);
        result.description = loaded.resolver->zone().source();
        upstream = loaded.resolver;
    } else {
        if (request.timeoutMs < 1 || request.timeoutMs > 120000) {
            result.error = QStringLiteral("the DNS timeout must be between 0.001 and 120 seconds");
            return result;
        }
        UnboundResolver::Options options;
        options.timeoutMs = request.timeoutMs;
        options.maxAnswerBytes = request.limits.maxAnswerBytes;
        options.maxCnameHops = request.limits.maxCnameHops;
        if (!request.dnsServer.isEmpty()) {
            options.mode = UnboundResolver::Mode::Forward;
            options.server = request.dnsServer;
            options.validate = request.dnssec;
        } else if (request.dnssec) {
            options.mode = UnboundResolver::Mode::Recursive;
        }
        auto created = UnboundResolver::create(options);
        if (!created.ok()) {
            result.error = created.error;
            return result;
        }
        result.description = created.resolver->description();
        upstream = created.resolver;
    }
    result.resolver = std::make_shared<CachingResolver>(std::move(upstream));
    return result;
}

void ResolverFactory::addOptions(QCommandLineParser& parser)
{
    parser.addOption({recordsOption,
                      QStringLiteral("Answer DNS questions from a records file (zone file format), "
                                     "offline."),
                      QStringLiteral("file")});
    parser.addOption({dnsOption,
                      QStringLiteral("Ask this DNS server (IP address, optional :port) instead of the "
                                     "system's."),
                      QStringLiteral("server")});
    parser.addOption({dnssecOption, QStringLiteral("Validate DNSSEC (alone: resolve from the root).")});
    parser.addOption({timeoutOption,
                      QStringLiteral("Give up on a DNS question after this many seconds (default 5)."),
                      QStringLiteral("seconds"), QStringLiteral("5")});
}

ResolverFactory::Result ResolverFactory::create(const QCommandLineParser& parser)
{
    return create(parser, DnsLimits());
}

ResolverFactory::Result ResolverFactory::create(const QCommandLineParser& parser, const DnsLimits& limits)
{
    ResolverRequest request;
    request.limits = limits;
    request.recordsFile = parser.value(recordsOption);
    request.dnsServer = parser.value(dnsOption);
    request.dnssec = parser.isSet(dnssecOption);
    bool ok = false;
    const double seconds = parser.value(timeoutOption).toDouble(&ok);
    if (!ok || !(seconds > 0) || seconds > 120) {
        Result result;
        result.error = QStringLiteral("--dns-timeout: expected seconds between 0.001 and 120, got \"%1\"")
                           .arg(parser.value(timeoutOption));
        return result;
    }
    request.timeoutMs = std::max(1, int(seconds * 1000 + 0.5));
    return create(request);
}

} // namespace authlens::dns
