// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace authlens::lint {

enum class Severity
{
    Info,
    Warning,
    Error,
};

QString severityName(Severity severity); // "info", "warning", "error"
std::optional<Severity> severityFromName(QStringView name);

// Something wrong with a record or a message, explained so the analyst can fix it without opening
// an RFC. `id` is stable across releases: reports, dismissals and scripts key on it.
struct Finding
{
    QString id; // e.g. "dkim.key.rsa-short", "spf.lookups.over-limit"
    Severity severity = Severity::Warning;
    QString subject;         // what it is about: a DNS name, "From header", "selector s1 of example.com"
    QString message;         // the plain explanation
    QString fix;             // what to do
    QString correctedRecord; // the record to publish instead, when one can be written
    QString reference;       // the rule behind it: "RFC 7208 4.6.4", "Gmail sender guidelines 2024"

    friend bool operator==(const Finding&, const Finding&) = default;
};

} // namespace authlens::lint
