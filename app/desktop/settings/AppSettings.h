// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/ResolverFactory.h"
#include "pipeline/Analyzer.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace authlens::desktop {

// What the analyst chose in Settings: where DNS answers come from, how strict the DKIM policy is,
// which receivers' Authentication-Results are trusted, and the language. A value: loaded from and
// saved to QSettings, turned into the core's resolver request and analyzer options by the Session.
struct AppSettings
{
    enum class DnsMode
    {
        System,      // the system's resolver (/etc/resolv.conf), no validation
        Recursive,   // full recursion from the root, DNSSEC-validating (unbound)
        Server,      // forward to one server the analyst names, optionally validating
        RecordsFile, // offline: answers from a zone-style file only
    };
    enum class RsaSha1
    {
        Refuse, // `policy`, as RFC 8301 3.1 requires of verifiers
        Accept, // judged like rsa-sha256 (to reproduce a legacy receiver)
    };

    DnsMode dnsMode = DnsMode::System;
    QString dnsServer; // "192.0.2.53" or "192.0.2.53:5353" or "[2001:db8::53]:53"
    bool serverDnssec = false;
    QString recordsFile; // for DnsMode::RecordsFile
    int dnsTimeoutSeconds = 5;

    int minimumRsaBits = 1024; // RFC 8301 3.2 floor
    RsaSha1 rsaSha1 = RsaSha1::Refuse;
    int clockSkewSeconds = 300;   // allowed for x= and a t= in the future
    int signaturesPerMessage = 8; // fields past this many are not evaluated

    QStringList trustedAuthservIds; // empty: the topmost Authentication-Results only
    QString language;               // a locale name ("de", "fr_FR"); empty: the system's

    // Bounds the dialog offers; values read from a hand-edited settings file are clamped to them.
    static constexpr int kMinRsaBitsFloor = 512;
    static constexpr int kMinRsaBitsCeiling = 8192;
    static constexpr int kMaxClockSkewSeconds = 7 * 24 * 3600;
    static constexpr int kMaxSignaturesPerMessage = 100;

    // Stored under "settings/..." (the language under the app's existing "language" key). Absent keys
    // give the defaults above, except the DNS mode: with no choice stored yet it is the bundled
    // samples' records file when there is one (a first launch never waits on the network).
    static AppSettings load(const QSettings& settings, const QString& defaultRecordsFile = {});
    static AppSettings load(); // from QSettings(), with the samples' records file as the default
    void save(QSettings& settings) const;
    void save() const;

    dns::ResolverRequest resolverRequest() const;
    // Sets the options these settings own and leaves every other member (limits, envelope, ...) alone.
    void applyTo(pipeline::AnalyzerOptions& options) const;
    // True when a stored verdict could differ between the two (DNS source or policy changed).
    bool changesVerdicts(const AppSettings& other) const;

    static QString modeKey(DnsMode mode);
    static DnsMode modeFromKey(const QString& key, DnsMode fallback);

    bool operator==(const AppSettings&) const = default;
};

} // namespace authlens::desktop
