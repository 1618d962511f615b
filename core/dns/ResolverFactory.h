// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/CachingResolver.h"
#include "dns/DnsLimits.h"

#include <QString>
#include <QStringList>

#include <memory>

class QCommandLineParser;

namespace authlens::dns {

// What a user asked for on the command line (or in the app's settings).
struct ResolverRequest
{
    QString recordsFile;  // --records FILE: offline, answers from the file only
    QString dnsServer;    // --dns SERVER[:PORT]: forward to that server (an IP address)
    bool dnssec = false;  // --dnssec: validate; alone it means full recursion from the root
    int timeoutMs = 5000; // --dns-timeout SECONDS
    DnsLimits limits;     // answer size and CNAME chain, for every kind of resolver
};

// Builds the resolver a user asked for, always behind a CachingResolver:
//   --records FILE         -> RecordsFileResolver (refused whole, with FILE:LINE, on the first bad line)
//   --dns SERVER[:PORT]    -> UnboundResolver, Forward mode (with --dnssec: validating with the root key)
//   --dnssec               -> UnboundResolver, Recursive mode, DNSSEC-validating
//   (none)                 -> UnboundResolver, System mode (/etc/resolv.conf)
// --records with --dns or --dnssec is an error. Errors are plain sentences for the user.
class ResolverFactory
{
public:
    struct Result
    {
        std::shared_ptr<CachingResolver> resolver; // null on error
        QString error;
        QStringList warnings; // e.g. records-file lines skipped on purpose
        QString description;  // "records file x.zone", "unbound via 192.0.2.1@53", ...
        bool ok() const { return resolver != nullptr; }
    };

    static Result create(const ResolverRequest& request);

    // Adds --records, --dns, --dnssec and --dns-timeout to a parser (call before process()/parse()).
    static void addOptions(QCommandLineParser& parser);
    // Reads those options from a parser that has parsed its arguments, then create().
    static Result create(const QCommandLineParser& parser);
    // The same with other answer-size and CNAME-chain limits (the CLI's --limit).
    static Result create(const QCommandLineParser& parser, const DnsLimits& limits);
};

} // namespace authlens::dns
