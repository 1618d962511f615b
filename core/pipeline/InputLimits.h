// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/DnsLimits.h"
#include "mail/MessageLimits.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace authlens::pipeline {

struct AnalyzerOptions;
struct ImportOptions;

// Every bound Authlens puts on hostile input, in one value: what the CLI's `--limit NAME=VALUE` and
// the desktop settings change. Past a limit the message (or DNS answer, or IMAP response) gets a clear
// error naming the limit and its value; the rest of the import goes on. applyTo() hands each limit to
// the module that enforces it:
//
//   header-size, header-fields, line-length  mail::Message::parse (AnalyzerOptions::message)
//   message-size                             the source readers and the IMAP sync (ReaderOptions)
//   signatures                               dkim::Verifier (later signatures are "neutral")
//   dns-answer-size, cname-chain             the resolvers (ResolverRequest::limits)
//   spf-lookups, spf-void-lookups            spf::Evaluator (RFC 7208 4.6.4: permerror past them)
//   imap-literal                             the IMAP response parser (ImportOptions)
struct InputLimits
{
    qint64 headerSize = qint64(1) * 1024 * 1024;
    qint64 headerFields = 1000;
    qint64 lineLength = qint64(1) * 1024 * 1024;
    // 64 MiB: far above real mail (providers refuse 25-50 MB), and a worker holds a few messages at
    // once, so a hostile source cannot take gigabytes. A 100 MB message gets a clear per-message error.
    qint64 messageSize = qint64(64) * 1024 * 1024;
    qint64 signatures = 8;
    qint64 dnsAnswerSize = 65536;
    qint64 cnameChain = 8;
    qint64 spfLookups = 10;    // RFC 7208 4.6.4
    qint64 spfVoidLookups = 2; // RFC 7208 4.6.4
    // At least message-size: the sync skips larger messages by their RFC822.SIZE before fetching, so
    // this only stops a server that announces one size and sends more.
    qint64 imapLiteral = qint64(100) * 1024 * 1024;

    struct Limit
    {
        const char* name; // as on the command line: "line-length"
        qint64 InputLimits::*value;
        qint64 minimum;
        qint64 maximum;
        bool bytes;        // a size (accepts K, M, G suffixes) rather than a count
        const char* what;  // "one line of a message, header or body (without its line break)"
        const char* where; // where it is enforced, for the help text
    };
    // Every limit, in the order of the help text.
    static const std::vector<Limit>& limits();
    static const Limit* find(QStringView name);

    qint64 value(const Limit& limit) const { return this->*limit.value; }
    // Empty on success, else why not ("unknown limit ...", "... must be between ...").
    QString set(QStringView name, qint64 value);
    // "name=value", value a number with an optional K, M or G (KiB, MiB, GiB) suffix for sizes.
    QString assign(QStringView assignment);
    // Every assignment in order; stops at the first error. imap-literal follows a larger message-size
    // unless it is given too. Then validate().
    QString assignAll(const QStringList& assignments);
    // Limits that only make sense together (imap-literal at least message-size).
    QString validate() const;

    // "64M" -> 67108864; nullopt when not a whole number (with an optional suffix for sizes).
    static std::optional<qint64> parseValue(QStringView text, bool bytes);
    // 67108864 -> "64 MiB (67108864)"; counts as plain numbers.
    static QString formatValue(const Limit& limit, qint64 value);
    // A table of names, defaults and meanings, for `--limit help` and --help.
    static QString helpText();
    // The values that differ from the defaults, as NAME=VALUE (for logs and run notes).
    QStringList changedFromDefaults() const;

    mail::MessageLimits messageLimits() const;
    dns::DnsLimits dnsLimits() const;
    void applyTo(AnalyzerOptions& options) const;
    void applyTo(ImportOptions& options) const; // its analyzer options too

    friend bool operator==(const InputLimits&, const InputLimits&) = default;
};

} // namespace authlens::pipeline
