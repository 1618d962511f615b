// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/PublicationCheck.h"

#include "dkim/KeyRecord.h"
#include "dkim/Signer.h"
#include "dkim/Verifier.h"
#include "dkimsetup/KeyGenerator.h"
#include "dns/Resolver.h"
#include "lint/DkimKeyLint.h"
#include "mail/Message.h"

#include <QFile>

namespace authlens::dkimsetup {

namespace {

QString latin(QByteArrayView text)
{
    return QString::fromLatin1(text);
}

lint::Finding finding(const char* id, lint::Severity severity, const QString& subject, const QString& message,
                      const QString& fix, const QString& reference)
{
    return lint::Finding{QString::fromLatin1(id), severity, subject, message, fix, QString(), reference};
}

dkim::Algorithm signingAlgorithm(dkim::KeyType type)
{
    return type == dkim::KeyType::Ed25519 ? dkim::Algorithm::Ed25519Sha256 : dkim::Algorithm::RsaSha256;
}

// Signs the test message and verifies it through `resolver`: the same path a receiver takes.
void proveWithTestSignature(PublicationCheck::ResolverOutcome& outcome, const QByteArray& domain,
                            const QByteArray& selector, const dkim::Crypto::Key& privateKey,
                            const std::shared_ptr<dns::Resolver>& resolver)
{
    dkim::Signer::Options options;
    options.algorithm = signingAlgorithm(privateKey.type);
    options.domain = domain;
    options.selector = selector;
    const dkim::Signer signer(privateKey, options);
    const QByteArray bytes = PublicationCheck::testMessage(domain, selector);
    const dkim::Signer::Output signature = signer.sign(mail::Message::parse(bytes));
    if (!signature.ok()) {
        outcome.state = PublicationState::PublishedDifferent;
        outcome.testSignatureReason = signature.error;
        outcome.reason = QStringLiteral("The record holds this key, but the private key cannot sign: %1")
                             .arg(signature.error);
        return;
    }
    const dkim::Verifier verifier(resolver);
    const std::vector<dkim::Result> results =
        verifier.verify(mail::Message::parse(dkim::Signer::prepend(signature.field, bytes)));
    if (results.empty()) {
        outcome.state = PublicationState::PublishedDifferent;
        outcome.testSignatureReason = QStringLiteral("the verifier found no signature");
        outcome.reason = QStringLiteral("The record holds this key, but the test signature was not seen.");
        return;
    }
    const dkim::Result& result = results.front();
    outcome.testSignatureVerified = result.passed();
    outcome.testSignatureReason = result.reason;
    if (result.passed()) {
        outcome.state = PublicationState::PublishedMatching;
        outcome.reason =
            QStringLiteral("The record holds this key and a test signature verifies through it.");
    } else if (result.result == dkim::ResultWord::TempError) {
        outcome.state = PublicationState::TempFail;
        outcome.reason = QStringLiteral("The record holds this key, but verifying the test signature failed "
                                        "temporarily: %1")
                             .arg(result.reason);
    } else {
        // The key matches but receivers would still not accept it: t=s, s= without email, h= without
        // sha256 and the like (the lint findings say which).
        outcome.state = PublicationState::PublishedDifferent;
        outcome.reason = QStringLiteral("The record holds this key, but a test signature does not verify "
                                        "through it (%1): %2")
                             .arg(result.word(), result.reason);
    }
}

PublicationCheck::ResolverOutcome probe(const PublicationCheck::ResolverProbe& probe,
                                        const QByteArray& domain, const QByteArray& selector,
                                        const QByteArray& name, const dkim::Crypto::Key& privateKey,
                                        const PublicKeyInfo& expected)
{
    PublicationCheck::ResolverOutcome outcome;
    outcome.label = probe.label;
    if (!probe.resolver) {
        outcome.reason = QStringLiteral("No resolver.");
        return outcome;
    }
    const dns::DnsAnswer answer = probe.resolver->query(name, dns::RecordType::TXT);
    outcome.lookupStatus = answer.status;
    outcome.cnameChain = answer.cnameChain;
    outcome.source = answer.source;
    if (answer.status == dns::DnsAnswer::Status::TempFail || answer.status == dns::DnsAnswer::Status::Error) {
        outcome.state = PublicationState::TempFail;
        outcome.reason = QStringLiteral("The lookup of %1 failed (%2): %3")
                             .arg(latin(name), dns::statusName(answer.status), answer.error);
        return outcome;
    }
    if (answer.records.empty()) {
        outcome.state = PublicationState::NotPublished;
        outcome.reason = answer.status == dns::DnsAnswer::Status::NxDomain
                             ? QStringLiteral("%1 does not exist yet.").arg(latin(name))
                             : QStringLiteral("%1 has no TXT record yet.").arg(latin(name));
        return outcome;
    }
    outcome.record = answer.records.front().text();
    outcome.state = PublicationState::PublishedDifferent;
    if (answer.records.size() > 1) {
        outcome.reason = QStringLiteral("%1 TXT records at %2: receivers may pick any of them; keep only "
                                        "this key's record.")
                             .arg(answer.records.size())
                             .arg(latin(name));
        return outcome;
    }
    const dkim::KeyRecord::ParseResult parsed = dkim::KeyRecord::parse(outcome.record);
    if (!parsed.record) {
        outcome.reason =
            QStringLiteral("The published record is not a usable DKIM key record: %1").arg(parsed.error);
        return outcome;
    }
    const dkim::KeyRecord& record = *parsed.record;
    if (record.revoked()) {
        outcome.reason = QStringLiteral("The published record has an empty p=: the key is revoked.");
        return outcome;
    }
    if (!record.keyType) {
        outcome.reason = QStringLiteral("The published record names an unknown key type k=%1.")
                             .arg(latin(record.keyTypeText));
        return outcome;
    }
    const dkim::Crypto::KeyLoad loaded = dkim::Crypto::loadPublicKey(*record.keyType, record.publicKey);
    if (!loaded.key) {
        outcome.reason = QStringLiteral("The published key does not load: %1").arg(loaded.error);
        return outcome;
    }
    const PublicKeyInfo published = PublicKeyInfo::of(*loaded.key);
    outcome.publishedFingerprint = published.fingerprint;
    if (published.type != expected.type || published.spkiDer != expected.spkiDer) {
        outcome.reason = QStringLiteral("The published key (%1 %2) is not the public half of this private "
                                        "key (%3 %4).")
                             .arg(latin(dkim::keyTypeName(published.type)), latin(published.fingerprint),
                                  latin(dkim::keyTypeName(expected.type)), latin(expected.fingerprint));
        return outcome;
    }
    proveWithTestSignature(outcome, domain, selector, privateKey, probe.resolver);
    return outcome;
}

} // namespace

QString publicationStateName(PublicationState state)
{
    switch (state) {
    case PublicationState::NotPublished:
        return QStringLiteral("not-published");
    case PublicationState::PublishedDifferent:
        return QStringLiteral("published-different");
    case PublicationState::PublishedMatching:
        return QStringLiteral("published-matching");
    case PublicationState::TempFail:
        return QStringLiteral("temperror");
    }
    return {};
}

dkim::Crypto::KeyLoad PublicationCheck::loadPrivateKeyFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    if (file.size() > maxPrivateKeyBytes)
        return {std::nullopt, QStringLiteral("%1 is larger than 1 MB: not a PEM private key").arg(path)};
    dkim::Crypto::KeyLoad loaded = dkim::Crypto::loadPrivateKeyPem(file.read(maxPrivateKeyBytes));
    if (!loaded.key)
        loaded.error = QStringLiteral("%1 is not a usable private key: %2").arg(path, loaded.error);
    return loaded;
}

PublicationCheck::Report PublicationCheck::checkKeyFile(const QByteArray& domain, const QByteArray& selector,
                                                        const QString& privateKeyPath,
                                                        const std::vector<ResolverProbe>& probes)
{
    const dkim::Crypto::KeyLoad loaded = loadPrivateKeyFile(privateKeyPath);
    if (!loaded.key) {
        Report report;
        report.domain = domain.toLower();
        report.selector = selector.toLower();
        report.name = report.selector + "._domainkey." + report.domain;
        report.reason = loaded.error;
        return report;
    }
    return check(domain, selector, *loaded.key, probes);
}

QByteArray PublicationCheck::testMessage(const QByteArray& domain, const QByteArray& selector)
{
    return "From: Authlens setup check <dkim-setup-check@" + domain +
           ">\r\n"
           "To: <postmaster@" +
           domain +
           ">\r\n"
           "Subject: DKIM setup check for selector " +
           selector +
           "\r\n"
           "Date: Thu, 01 Jan 2026 00:00:00 +0000\r\n"
           "Message-ID: <dkim-setup-check." +
           selector + "@" + domain +
           ">\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=us-ascii\r\n"
           "\r\n"
           "This message proves that the published DKIM key verifies signatures made with the private "
           "key.\r\n";
}

PublicationCheck::Report PublicationCheck::check(const QByteArray& domain, const QByteArray& selector,
                                                 const dkim::Crypto::Key& privateKey,
                                                 const std::vector<ResolverProbe>& probes)
{
    Report report;
    report.domain = domain.toLower();
    report.selector = selector.toLower();
    report.name = report.selector + "._domainkey." + report.domain;
    const QString subject = QStringLiteral("DKIM key %1").arg(latin(report.name));
    if (privateKey.isNull()) {
        report.reason = QStringLiteral("No private key to compare with.");
        return report;
    }
    if (probes.empty()) {
        report.reason = QStringLiteral("No resolver to look the record up with.");
        return report;
    }
    const PublicKeyInfo expected = PublicKeyInfo::of(privateKey);
    report.expectedFingerprint = expected.fingerprint;
    for (const ResolverProbe& one : probes)
        report.resolvers.push_back(
            probe(one, report.domain, report.selector, report.name, privateKey, expected));

    if (probes.front().resolver) {
        lint::DkimKeyLint::SignatureFacts facts;
        facts.algorithm = signingAlgorithm(privateKey.type);
        const lint::DkimKeyLint::Report lint =
            lint::DkimKeyLint(*probes.front().resolver).check(report.domain, report.selector, facts);
        report.findings = lint.findings;
    }

    int matching = 0;
    const ResolverOutcome* different = nullptr;
    const ResolverOutcome* temporary = nullptr;
    const ResolverOutcome* missing = nullptr;
    for (const ResolverOutcome& outcome : report.resolvers) {
        switch (outcome.state) {
        case PublicationState::PublishedMatching:
            ++matching;
            break;
        case PublicationState::PublishedDifferent:
            different = different ? different : &outcome;
            break;
        case PublicationState::TempFail:
            temporary = temporary ? temporary : &outcome;
            break;
        case PublicationState::NotPublished:
            missing = missing ? missing : &outcome;
            break;
        }
    }
    const int total = int(report.resolvers.size());
    const QString propagation =
        total > 1 ? QStringLiteral(" (%1 of %2 resolvers see the matching key)").arg(matching).arg(total)
                  : QString();
    const ResolverOutcome* worst = different ? different : temporary ? temporary : missing;
    if (!worst) {
        report.state = PublicationState::PublishedMatching;
        report.reason = report.resolvers.front().reason + propagation;
        return report;
    }
    report.state = worst->state;
    report.reason =
        (total > 1 ? worst->label + QStringLiteral(": ") : QString()) + worst->reason + propagation;
    if (report.state == PublicationState::PublishedDifferent) {
        report.findings.push_back(
            finding("dkim.setup.key-different", lint::Severity::Error, subject,
                    QStringLiteral("The record at %1 does not publish the key this platform signs with: %2")
                        .arg(latin(report.name), worst->reason),
                    QStringLiteral(
                        "Replace the record with the DNS settings generated for this selector (fingerprint "
                        "%1).")
                        .arg(latin(expected.fingerprint)),
                    QStringLiteral("RFC 6376 3.6.2.1")));
    }
    // Resolvers that disagree: the record changed recently and caches still hold the old answer.
    bool disagree = false;
    for (const ResolverOutcome& outcome : report.resolvers)
        disagree = disagree || outcome.state != report.resolvers.front().state;
    if (disagree) {
        report.findings.push_back(finding(
            "dkim.setup.propagation", lint::Severity::Warning, subject,
            QStringLiteral("The resolvers do not agree on %1%2: the record changed recently or the name "
                           "servers serve different data.")
                .arg(latin(report.name), propagation),
            QStringLiteral("Wait for the TTL of the old answer to pass, check that every name server of %1 "
                           "serves the new record, and check again.")
                .arg(latin(report.domain)),
            QStringLiteral("RFC 1034 4.3.5")));
    }
    return report;
}

} // namespace authlens::dkimsetup
