// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/AppSettings.h"

#include "Session.h"

#include <QDir>
#include <QSettings>

#include <algorithm>

namespace authlens::desktop {

namespace {

const QString kMode = QStringLiteral("settings/dns/mode");
const QString kServer = QStringLiteral("settings/dns/server");
const QString kServerDnssec = QStringLiteral("settings/dns/serverDnssec");
const QString kRecordsFile = QStringLiteral("settings/dns/recordsFile");
const QString kTimeout = QStringLiteral("settings/dns/timeoutSeconds");
const QString kMinRsaBits = QStringLiteral("settings/policy/minimumRsaBits");
const QString kRsaSha1 = QStringLiteral("settings/policy/rsaSha1");
const QString kClockSkew = QStringLiteral("settings/policy/clockSkewSeconds");
const QString kSignatures = QStringLiteral("settings/policy/signaturesPerMessage");
const QString kAuthservIds = QStringLiteral("settings/receivers/trustedAuthservIds");
const QString kLanguage = QStringLiteral("language"); // read by main() before the window exists

int boundedInt(const QSettings& settings, const QString& key, int fallback, int low, int high)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok ? std::clamp(value, low, high) : fallback;
}

} // namespace

QString AppSettings::modeKey(DnsMode mode)
{
    switch (mode) {
    case DnsMode::System:
        return QStringLiteral("system");
    case DnsMode::Recursive:
        return QStringLiteral("recursive");
    case DnsMode::Server:
        return QStringLiteral("server");
    case DnsMode::RecordsFile:
        return QStringLiteral("records");
    }
    return QStringLiteral("system");
}

AppSettings::DnsMode AppSettings::modeFromKey(const QString& key, DnsMode fallback)
{
    for (DnsMode mode : {DnsMode::System, DnsMode::Recursive, DnsMode::Server, DnsMode::RecordsFile}) {
        if (modeKey(mode) == key)
            return mode;
    }
    return fallback;
}

AppSettings AppSettings::load(const QSettings& settings, const QString& defaultRecordsFile)
{
    AppSettings s;
    const DnsMode fallback = defaultRecordsFile.isEmpty() ? DnsMode::System : DnsMode::RecordsFile;
    s.dnsMode = modeFromKey(settings.value(kMode).toString(), fallback);
    s.dnsServer = settings.value(kServer).toString().trimmed();
    s.serverDnssec = settings.value(kServerDnssec, false).toBool();
    s.recordsFile = settings.value(kRecordsFile, defaultRecordsFile).toString();
    s.dnsTimeoutSeconds = boundedInt(settings, kTimeout, s.dnsTimeoutSeconds, 1, 120);
    s.minimumRsaBits =
        boundedInt(settings, kMinRsaBits, s.minimumRsaBits, kMinRsaBitsFloor, kMinRsaBitsCeiling);
    s.rsaSha1 =
        settings.value(kRsaSha1).toString() == QLatin1String("accept") ? RsaSha1::Accept : RsaSha1::Refuse;
    s.clockSkewSeconds = boundedInt(settings, kClockSkew, s.clockSkewSeconds, 0, kMaxClockSkewSeconds);
    s.signaturesPerMessage =
        boundedInt(settings, kSignatures, s.signaturesPerMessage, 1, kMaxSignaturesPerMessage);
    for (const QString& id : settings.value(kAuthservIds).toStringList()) {
        if (!id.trimmed().isEmpty())
            s.trustedAuthservIds << id.trimmed();
    }
    s.language = settings.value(kLanguage).toString();
    return s;
}

AppSettings AppSettings::load()
{
    const QString samples = Session::samplesDirectory();
    return load(QSettings(),
                samples.isEmpty() ? QString() : QDir(samples).filePath(QStringLiteral("records.zone")));
}

void AppSettings::save(QSettings& settings) const
{
    settings.setValue(kMode, modeKey(dnsMode));
    settings.setValue(kServer, dnsServer);
    settings.setValue(kServerDnssec, serverDnssec);
    settings.setValue(kRecordsFile, recordsFile);
    settings.setValue(kTimeout, dnsTimeoutSeconds);
    settings.setValue(kMinRsaBits, minimumRsaBits);
    settings.setValue(kRsaSha1,
                      rsaSha1 == RsaSha1::Accept ? QStringLiteral("accept") : QStringLiteral("refuse"));
    settings.setValue(kClockSkew, clockSkewSeconds);
    settings.setValue(kSignatures, signaturesPerMessage);
    settings.setValue(kAuthservIds, trustedAuthservIds);
    settings.setValue(kLanguage, language);
}

void AppSettings::save() const
{
    QSettings settings;
    save(settings);
}

dns::ResolverRequest AppSettings::resolverRequest() const
{
    dns::ResolverRequest request;
    request.timeoutMs = dnsTimeoutSeconds * 1000;
    switch (dnsMode) {
    case DnsMode::System:
        break;
    case DnsMode::Recursive:
        request.dnssec = true;
        break;
    case DnsMode::Server:
        request.dnsServer = dnsServer;
        request.dnssec = serverDnssec;
        break;
    case DnsMode::RecordsFile:
        request.recordsFile = recordsFile;
        break;
    }
    return request;
}

void AppSettings::applyTo(pipeline::AnalyzerOptions& options) const
{
    options.dkim.minimumRsaBits = minimumRsaBits;
    options.dkim.acceptRsaSha1 = rsaSha1 == RsaSha1::Accept;
    options.dkim.clockSkewSeconds = clockSkewSeconds;
    options.dkim.maxSignatures = signaturesPerMessage;
    // authserv-ids are compared as the receivers wrote them (RFC 8601 2.5: a domain name, so ASCII).
    options.trustedAuthservIds.clear();
    for (const QString& id : trustedAuthservIds)
        options.trustedAuthservIds << id.toLatin1();
}

bool AppSettings::changesVerdicts(const AppSettings& other) const
{
    AppSettings a = *this;
    AppSettings b = other;
    a.language.clear();
    b.language.clear();
    return !(a == b);
}

} // namespace authlens::desktop
