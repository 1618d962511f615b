// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/DnsAnswer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace authlens::spf {

// RFC 7208 2.6: the seven results of check_host().
enum class ResultCode
{
    None,
    Neutral,
    Pass,
    Fail,
    SoftFail,
    TempError,
    PermError,
};

// The RFC 7208 / RFC 8601 result word: "pass", "softfail", "permerror", ...
QString resultWord(ResultCode code);
std::optional<ResultCode> resultFromWord(QStringView word);

// One DNS question asked while evaluating a term, and what came back, for the trace view.
struct TraceLookup
{
    QByteArray name;
    dns::RecordType type = dns::RecordType::TXT;
    dns::DnsAnswer::Status status = dns::DnsAnswer::Status::TempFail;
    QStringList answers; // records in presentation form ("192.0.2.1", "10 mx.example.com", TXT text)
    QString error;       // the resolver's reason for TempFail / Error
    bool isVoid = false; // counted against the void-lookup limit (RFC 7208 4.6.4)
};

// One step of check_host(): fetching a record, evaluating a mechanism or a modifier, expanding exp=.
struct TraceStep
{
    enum class Kind
    {
        Record,      // the TXT lookup and record selection for a domain (RFC 7208 4.4, 4.5)
        Mechanism,   // one mechanism of the record (RFC 7208 5)
        Redirect,    // the redirect= modifier (RFC 7208 6.1)
        Explanation, // the exp= modifier (RFC 7208 6.2)
        Note,        // anything else worth showing (limit hit, invalid target name)
    };
    Kind kind = Kind::Note;
    int depth = 0;     // 0 for the top record, +1 per include / redirect level
    QByteArray domain; // the <domain> of the check_host() this step belongs to
    QByteArray term;   // the term as written in the record ("-include:_spf.%{d}")
    int position = -1; // offset of the term in its record, -1 when not a term
    QByteArray target; // the expanded domain the term queried, when it has one
    std::vector<TraceLookup> lookups;
    std::optional<bool> matched; // set for mechanisms that were evaluated to a match decision
    QString outcome;             // "match", "no match", "temperror", the selected record, ...
    int dnsLookupsSoFar = 0;     // DNS-querying terms counted after this step (RFC 7208 4.6.4)
    int voidLookupsSoFar = 0;
};

using Trace = std::vector<TraceStep>;

QString traceKindName(TraceStep::Kind kind);

// The outcome of one SPF evaluation.
struct Result
{
    ResultCode code = ResultCode::None;
    QString explanation; // for Fail only: the expanded exp= text, or the default explanation (RFC 7208 6.2)
    QString reason;      // plain language: which term decided, or what went wrong and where
    QByteArray domain;   // the <domain> check_host() was started on (MAIL FROM or HELO domain)
    QByteArray sender;   // the <sender> used: local-part@domain, postmaster@helo for a null MAIL FROM
    QByteArray record;   // the SPF record of `domain`, when one was selected
    Trace trace;
    int dnsLookups = 0;  // DNS-querying terms evaluated, across include and redirect (limit 10)
    int voidLookups = 0; // lookups answered NXDOMAIN or NODATA (limit 2)

    QString word() const { return resultWord(code); }
};

} // namespace authlens::spf
