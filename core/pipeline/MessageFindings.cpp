// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/MessageFindings.h"

namespace authlens::pipeline {

namespace {

QString signatureSubject(const dkim::Result& result)
{
    return QStringLiteral("DKIM signature d=%1 s=%2")
        .arg(QString::fromLatin1(result.domain), QString::fromLatin1(result.selector));
}

void addDkimFindings(const Analysis& analysis, std::vector<lint::Finding>& findings)
{
    for (const dkim::Result& result : analysis.dkim) {
        if (result.algorithm.trimmed().compare("rsa-sha1", Qt::CaseInsensitive) == 0) {
            findings.push_back(
                {QStringLiteral("dkim.signature.rsa-sha1"),
                 lint::Severity::Error,
                 signatureSubject(result),
                 QStringLiteral("The message is signed with rsa-sha1, which receivers must not "
                                "accept any more."),
                 QStringLiteral("Sign with rsa-sha256 (or ed25519-sha256 beside it)."),
                 {},
                 QStringLiteral("RFC 8301 3.1")});
        }
        const int bits = result.diagnostics.keyBits;
        if (result.diagnostics.keyType == "rsa" && bits > 0 && bits < 1024) {
            findings.push_back(
                {QStringLiteral("dkim.key.rsa-too-short"),
                 lint::Severity::Error,
                 signatureSubject(result),
                 QStringLiteral("The RSA key has %1 bits; keys under 1024 bits must not be "
                                "considered valid.")
                     .arg(bits),
                 QStringLiteral("Publish a 2048-bit RSA key under a new selector and sign with it."),
                 {},
                 QStringLiteral("RFC 8301 3.2")});
        } else if (result.diagnostics.keyType == "rsa" && bits >= 1024 && bits < 2048) {
            findings.push_back(
                {QStringLiteral("dkim.key.rsa-weak"),
                 lint::Severity::Warning,
                 signatureSubject(result),
                 QStringLiteral("The RSA key has %1 bits; 2048 bits is the current recommendation.")
                     .arg(bits),
                 QStringLiteral("Rotate to a 2048-bit RSA key under a new selector."),
                 {},
                 QStringLiteral("RFC 8301 3.2")});
        }
        if (result.diagnostics.keyTesting) {
            findings.push_back(
                {QStringLiteral("dkim.key.testing"),
                 lint::Severity::Warning,
                 signatureSubject(result),
                 QStringLiteral("The key record has t=y: receivers may treat its signatures as "
                                "unsigned."),
                 QStringLiteral("Remove t=y from the key record once signing works."),
                 {},
                 QStringLiteral("RFC 6376 3.6.1")});
        }
    }
}

void addDmarcNotes(const Analysis& analysis, std::vector<lint::Finding>& findings)
{
    for (const dmarc::Note& note : analysis.dmarc.notes) {
        const lint::Severity severity =
            lint::severityFromName(QString::fromLatin1(note.severity)).value_or(lint::Severity::Warning);
        const QString subject = analysis.dmarc.fromDomain.isEmpty()
                                    ? QStringLiteral("From header")
                                    : QStringLiteral("DMARC for %1").arg(analysis.dmarc.fromDomainDisplay);
        findings.push_back({QString::fromLatin1(note.id),
                            severity,
                            subject,
                            note.message,
                            {},
                            {},
                            QStringLiteral("RFC 9989")});
    }
}

void addReceiverDisagreement(const Analysis& analysis, std::vector<lint::Finding>& findings)
{
    for (const QString& method : analysis.disagreesWithReceiver) {
        findings.push_back(
            {QStringLiteral("receiver.disagrees.%1").arg(method),
             lint::Severity::Info,
             QStringLiteral("Authentication-Results"),
             QStringLiteral("Our %1 verdict differs from the one the receiving system recorded at delivery. "
                            "DNS may have changed since, or the message was modified after it was received.")
                 .arg(method.toUpper()),
             QStringLiteral(
                 "Compare the records the receiver saw with today's; re-verify as of the message's date."),
             {},
             QStringLiteral("RFC 8601")});
    }
}

} // namespace

std::vector<lint::Finding> findingsFor(const Analysis& analysis)
{
    std::vector<lint::Finding> findings;
    addDkimFindings(analysis, findings);
    addDmarcNotes(analysis, findings);
    addReceiverDisagreement(analysis, findings);
    return findings;
}

} // namespace authlens::pipeline
