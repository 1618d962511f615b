// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dmarc/Record.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace authlens::dmarc {

// RFC 8601 2.7.1 / RFC 9989 result words.
enum class Result
{
    Pass,
    Fail,
    None,
    TempError,
    PermError,
};

QString resultName(Result result);

// One authenticated identifier checked against the author domain (RFC 9989 4.4).
struct AlignmentCheck
{
    QByteArray method;     // "dkim" or "spf"
    QByteArray identifier; // DKIM d=, or the SPF domain (MAIL FROM domain, or HELO for a null MAIL FROM)
    QByteArray authResult; // the mechanism's result word: only "pass" can align
    AlignmentMode mode = AlignmentMode::Relaxed;
    std::optional<QByteArray> organizationalDomain; // of the identifier (relaxed mode only)
    bool aligned = false;
    bool undecided = false; // relaxed alignment needed DNS that failed temporarily
    QString explanation;
};

// Something about the message or the records worth a finding (the lint module turns these into
// lint::Finding with the same id).
struct Note
{
    QByteArray id;       // stable: "dmarc.from.missing", "dmarc.record.multiple", ...
    QByteArray severity; // "error", "warning", "info"
    QString message;
};

// The RFC 7489 reading of the same message: PSL Organizational Domain, pct, no np/psd/t.
struct Rfc7489Verdict
{
    Result result = Result::None;
    std::optional<QByteArray> organizationalDomain; // JSON rfc7489.organizational_domain
    std::optional<QByteArray> policyDomain;         // JSON rfc7489.policy_domain
    std::optional<Policy> policy;
    Policy disposition = Policy::None; // JSON rfc7489.disposition
    // pct between 1 and 99: the disposition for the share of failing mail outside the sample.
    std::optional<Policy> unsampledDisposition;
    std::optional<bool> dkimAligned, spfAligned;
    QString reason;
    QStringList steps;
};

// The DMARC verdict for one message. Fields map 1:1 to the "dmarc" JSON object of `verify --json`:
//   result, from_domain, policy_domain, organizational_domain, policy, disposition, dkim_aligned,
//   spf_aligned, reason, rfc7489 {organizational_domain, policy_domain, result, disposition}.
// Unset optionals are JSON null.
struct Verdict
{
    Result result = Result::None;                   // result
    QByteArray fromDomain;                          // from_domain: A-label, lower case (empty: none)
    QString fromDomainDisplay;                      // the U-label form, for people
    std::optional<QByteArray> policyDomain;         // policy_domain
    std::optional<QByteArray> organizationalDomain; // organizational_domain (RFC 9989 Tree Walk)
    std::optional<Policy> policy;                   // policy: the p/sp/np value selected
    QByteArray policyTag;                           // "p", "sp" or "np"
    Policy disposition = Policy::None;              // disposition (t=y applied)
    bool testing = false;                           // t=y lowered the disposition
    std::optional<bool> dkimAligned;                // dkim_aligned (set for pass and fail)
    std::optional<bool> spfAligned;                 // spf_aligned (set for pass and fail)
    QString reason;                                 // reason: one plain sentence
    std::vector<AlignmentCheck> alignment;          // every identifier checked, in input order
    QStringList steps;                              // the derivation, for the GUI trace
    std::vector<Note> notes;
    int dnsQueries = 0;

    Rfc7489Verdict rfc7489; // rfc7489

    // Where RFC 9989 and RFC 7489 part ways on this message.
    bool organizationalDomainDiffers = false;
    bool policyDiffers = false; // the policy domain or the selected policy
    bool resultDiffers = false; // the result or the disposition
    bool differs() const { return organizationalDomainDiffers || policyDiffers || resultDiffers; }
};

} // namespace authlens::dmarc
