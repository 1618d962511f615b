// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/AnalysisRecords.h"

#include "dkimsetup/DeliveryStatusNotification.h"
#include "dmarc/Record.h"
#include "dns/Resolver.h"
#include "mail/AddressParser.h"
#include "mail/EncodedWords.h"
#include "mail/Message.h"

#include <QHash>
#include <QRegularExpression>

namespace authlens::pipeline {

namespace {

// Header text for people: RFC 2047 decoded, folding removed, invalid UTF-8 replaced (never raw NULs).
QString headerText(const mail::Message& message, QByteArrayView name)
{
    const mail::HeaderField* field = message.firstFieldNamed(name);
    if (!field)
        return {};
    QString text = mail::EncodedWords::decode(field->unfoldedValue()).trimmed();
    text.replace(QChar(0), QChar::ReplacementCharacter);
    return text;
}

QDateTime fromMs(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

QDateTime fromSeconds(const std::optional<qint64>& seconds)
{
    if (!seconds || *seconds < 0 || *seconds > qint64(253402300799)) // year 9999
        return {};
    return QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC);
}

// Where an answer came from, as the store names it. Cache hits keep their original source, so the
// same record from the same server is one row however it was served.
QString originOf(const QString& source)
{
    return source.startsWith(QLatin1String("records file")) ? QStringLiteral("records-file")
                                                            : QStringLiteral("dns");
}

std::optional<store::DnsRecordRecord> dkimKeyRecord(const dkim::Diagnostics& d)
{
    if (!d.keyLooked || d.keyRecordText.isEmpty())
        return std::nullopt;
    store::DnsRecordRecord record;
    record.name = QString::fromUtf8(dns::Resolver::normalizedName(d.keyDnsName));
    record.type = QStringLiteral("TXT");
    record.text = QString::fromUtf8(d.keyRecordText);
    record.ttl = d.keyTtl;
    record.fetchedAt = fromMs(d.keyFetchedAtMs);
    record.dnssec = dns::dnssecStatusName(d.dnssec);
    for (const QByteArray& name : d.cnameChain)
        record.cnameChain.append(QString::fromUtf8(dns::Resolver::normalizedName(name)));
    record.origin = originOf(d.keySource);
    return record;
}

// Each TXT record SPF fetched (the top record, includes, redirects), for explaining the verdict later.
// The trace keeps no TTL or DNSSEC status per lookup: those stay unknown here.
QList<store::DnsRecordRecord> spfRecords(const spf::Result& result)
{
    QList<store::DnsRecordRecord> records;
    for (const spf::TraceStep& step : result.trace) {
        if (step.kind != spf::TraceStep::Kind::Record)
            continue;
        for (const spf::TraceLookup& lookup : step.lookups) {
            if (lookup.type != dns::RecordType::TXT)
                continue;
            for (const QString& answer : lookup.answers) {
                if (!answer.startsWith(QLatin1String("v=spf1"), Qt::CaseInsensitive))
                    continue;
                store::DnsRecordRecord record;
                record.name = QString::fromUtf8(dns::Resolver::normalizedName(lookup.name));
                record.type = QStringLiteral("TXT");
                record.text = answer;
                record.origin = QStringLiteral("dns");
                if (!records.contains(record))
                    records.append(record);
            }
        }
    }
    return records;
}

store::FindingSeverity severityOf(lint::Severity severity)
{
    switch (severity) {
    case lint::Severity::Info:
        return store::FindingSeverity::Info;
    case lint::Severity::Warning:
        return store::FindingSeverity::Warning;
    case lint::Severity::Error:
        return store::FindingSeverity::Error;
    }
    return store::FindingSeverity::Warning;
}

QString optionalText(const std::optional<QByteArray>& value)
{
    return value ? QString::fromUtf8(*value) : QString();
}

} // namespace

store::MessageRecord AnalysisRecords::messageRecord(const mail::Message& message)
{
    store::MessageRecord record;
    record.size = message.bytes().size();
    if (const mail::HeaderField* from = message.firstFieldNamed("From")) {
        const mail::AddressList list = mail::AddressParser::parse(from->unfoldedValue());
        if (!list.mailboxes.empty()) {
            const mail::Mailbox& author = list.mailboxes.front();
            record.fromAddress = QString::fromUtf8(author.address());
            record.fromDomain = author.domainAce.isEmpty() ? QString::fromUtf8(author.domain).toLower()
                                                           : QString::fromLatin1(author.domainAce);
        }
    }
    record.subject = headerText(message, "Subject");
    record.messageIdHeader = headerText(message, "Message-ID");
    if (const mail::HeaderField* date = message.firstFieldNamed("Date"))
        record.date = parseDate(date->unfoldedValue());
    record.deliveryStatus = deliveryStatus(message);
    return record;
}

store::DeliveryStatusRecord AnalysisRecords::deliveryStatus(const mail::Message& message)
{
    store::DeliveryStatusRecord record;
    const std::optional<dkimsetup::DeliveryStatusNotification> dsn =
        dkimsetup::DeliveryStatusNotification::parse(message);
    if (!dsn)
        return record;
    record.isReport = true;
    // RFC 3464 2.3.3: one action per recipient; a report with any failure is a bounce, so that
    // recipient's words represent it.
    const dkimsetup::DeliveryStatusNotification::Recipient* shown =
        dsn->recipients.empty() ? nullptr : &dsn->recipients.front();
    for (const auto& recipient : dsn->recipients) {
        if (recipient.failed()) {
            shown = &recipient;
            break;
        }
    }
    if (shown) {
        record.action = QString::fromLatin1(shown->action.left(16));
        record.status = QString::fromLatin1(shown->status.left(16));
    }
    record.originalDomain = QString::fromUtf8(dsn->sendingDomain()).toLower();
    return record;
}

store::DkimSignatureRecord AnalysisRecords::dkimSignature(const dkim::Result& result)
{
    store::DkimSignatureRecord record;
    record.signatureIndex = result.index;
    record.sdid = QString::fromUtf8(result.domain).toLower();
    record.selector = QString::fromUtf8(result.selector);
    record.algorithm = QString::fromUtf8(result.algorithm);
    const QList<QByteArray> canonicalization = result.canonicalization.split('/');
    record.headerCanonicalization = QString::fromUtf8(canonicalization.value(0));
    record.bodyCanonicalization = QString::fromUtf8(canonicalization.value(1));
    record.auid = QString::fromUtf8(result.auid);
    for (const QByteArray& name : result.diagnostics.signedHeaderNames)
        record.signedHeaderNames.append(QString::fromUtf8(name));
    for (const auto& [tag, value] : result.diagnostics.tags) {
        bool ok = false;
        const qint64 length = value.trimmed().toLongLong(&ok);
        if (tag == "l" && ok) // RFC 6376 3.5 l=
            record.bodyLengthLimit = length;
    }
    record.signatureTimestamp = fromSeconds(result.timestamp);
    record.signatureExpiration = fromSeconds(result.expiration);
    record.keyBits = result.keyBits;
    record.result = result.word();
    record.reason = result.reason;
    record.keyRecord = dkimKeyRecord(result.diagnostics);
    return record;
}

std::optional<store::SpfRecord> AnalysisRecords::spf(const Analysis& analysis)
{
    if (!analysis.spf)
        return std::nullopt;
    const spf::Result& result = *analysis.spf;
    store::SpfRecord record;
    record.result = result.word();
    record.domain = QString::fromUtf8(result.domain);
    if (!analysis.envelope.clientIp.isNull())
        record.ip = analysis.envelope.clientIp.toString();
    record.mailfrom = QString::fromUtf8(analysis.envelope.mailFrom);
    record.helo = QString::fromUtf8(analysis.envelope.helo);
    record.explanation = result.explanation;
    record.reason = analysis.spfNote.isEmpty()
                        ? result.reason
                        : result.reason + QStringLiteral(" (") + analysis.spfNote + QLatin1Char(')');
    if (!result.record.isEmpty()) {
        store::DnsRecordRecord dnsRecord;
        dnsRecord.name = QString::fromUtf8(dns::Resolver::normalizedName(result.domain));
        dnsRecord.type = QStringLiteral("TXT");
        dnsRecord.text = QString::fromUtf8(result.record);
        dnsRecord.origin = QStringLiteral("dns");
        record.record = dnsRecord;
    }
    return record;
}

store::DmarcRecord AnalysisRecords::dmarc(const dmarc::Verdict& verdict)
{
    store::DmarcRecord record;
    record.result = dmarc::resultName(verdict.result);
    record.fromDomain = QString::fromUtf8(verdict.fromDomain);
    record.policyDomain = optionalText(verdict.policyDomain);
    record.organizationalDomain = optionalText(verdict.organizationalDomain);
    if (verdict.policy)
        record.policy = dmarc::policyName(*verdict.policy);
    record.disposition = dmarc::policyName(verdict.disposition);
    record.dkimAligned = verdict.dkimAligned.value_or(false);
    record.spfAligned = verdict.spfAligned.value_or(false);
    record.reason = verdict.reason;
    record.rfc7489Result = dmarc::resultName(verdict.rfc7489.result);
    record.rfc7489PolicyDomain = optionalText(verdict.rfc7489.policyDomain);
    record.rfc7489OrganizationalDomain = optionalText(verdict.rfc7489.organizationalDomain);
    record.rfc7489Disposition = dmarc::policyName(verdict.rfc7489.disposition);
    return record;
}

store::FindingRecord AnalysisRecords::finding(const lint::Finding& finding)
{
    store::FindingRecord record;
    record.id = finding.id;
    record.severity = severityOf(finding.severity);
    record.subject = finding.subject;
    record.message = finding.message;
    record.fix = finding.fix;
    record.correctedRecord = finding.correctedRecord;
    record.reference = finding.reference;
    return record;
}

store::VerificationResults AnalysisRecords::results(const Analysis& analysis)
{
    store::VerificationResults results;
    for (const dkim::Result& result : analysis.dkim)
        results.dkim.append(dkimSignature(result));
    results.spf = spf(analysis);
    results.dmarc = dmarc(analysis.dmarc);
    if (analysis.spf) {
        for (const store::DnsRecordRecord& record : spfRecords(*analysis.spf)) {
            if (!results.spf->record || !(*results.spf->record == record))
                results.consultedRecords.append(record);
        }
    }
    for (const lint::Finding& finding : analysis.findings)
        results.findings.append(AnalysisRecords::finding(finding));
    return results;
}

QDateTime AnalysisRecords::parseDate(QByteArrayView value)
{
    // RFC 5322 3.3: CFWS may appear anywhere; Qt's parser wants none of it.
    QString text = QString::fromLatin1(value.first(qMin<qsizetype>(value.size(), 256))).simplified();
    static const QRegularExpression comment(QStringLiteral("\\([^()]*\\)"));
    for (int pass = 0; pass < 4 && text.contains(QLatin1Char('(')); ++pass)
        text.remove(comment);
    text = text.simplified();
    // RFC 5322 4.3 obsolete zones.
    static const QHash<QString, QString> zones = {
        {QStringLiteral("UT"), QStringLiteral("+0000")},  {QStringLiteral("GMT"), QStringLiteral("+0000")},
        {QStringLiteral("UTC"), QStringLiteral("+0000")}, {QStringLiteral("Z"), QStringLiteral("+0000")},
        {QStringLiteral("EST"), QStringLiteral("-0500")}, {QStringLiteral("EDT"), QStringLiteral("-0400")},
        {QStringLiteral("CST"), QStringLiteral("-0600")}, {QStringLiteral("CDT"), QStringLiteral("-0500")},
        {QStringLiteral("MST"), QStringLiteral("-0700")}, {QStringLiteral("MDT"), QStringLiteral("-0600")},
        {QStringLiteral("PST"), QStringLiteral("-0800")}, {QStringLiteral("PDT"), QStringLiteral("-0700")},
    };
    const qsizetype space = text.lastIndexOf(QLatin1Char(' '));
    if (space > 0) {
        const QString zone = text.mid(space + 1).toUpper();
        if (const auto it = zones.constFind(zone); it != zones.constEnd())
            text = text.left(space + 1) + it.value();
    }
    QDateTime date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!date.isValid())
        return {};
    return date.toUTC();
}

} // namespace authlens::pipeline
