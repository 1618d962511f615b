// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Crypto.h"
#include "dns/DnsAnswer.h"
#include "lint/Finding.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace authlens::dns {
class Resolver;
}

namespace authlens::dkimsetup {

// Where the customer's key record stands, as seen through one resolver or all of them.
enum class PublicationState
{
    NotPublished,       // no TXT record at the selector (NXDOMAIN, NODATA)
    PublishedDifferent, // a record is there but not this key, or it is revoked, broken or unusable
    PublishedMatching,  // the record holds this key and a test signature verifies through it
    TempFail,           // the lookup failed temporarily: no verdict, ask again later
};

QString publicationStateName(PublicationState state); // "not-published", "published-different", ...

// Checks that a customer published the key for a private key the platform holds: looks the record up
// through one or several resolvers (to see propagation), lints it with lint::DkimKeyLint, compares the
// published public key with the private key, and as a last proof signs a test message with dkim::Signer
// and verifies it with dkim::Verifier through the same resolver.
class PublicationCheck
{
public:
    struct ResolverProbe
    {
        QString label; // "records file x.zone", "8.8.8.8", shown per result
        std::shared_ptr<dns::Resolver> resolver;
    };

    // What one resolver sees.
    struct ResolverOutcome
    {
        QString label;
        PublicationState state = PublicationState::TempFail;
        QString reason;
        dns::DnsAnswer::Status lookupStatus = dns::DnsAnswer::Status::TempFail;
        QByteArray record;            // the TXT text found (joined), the first when there are several
        QList<QByteArray> cnameChain; // names followed after the selector name
        QByteArray publishedFingerprint;
        bool testSignatureVerified = false;
        QString testSignatureReason; // the verifier's reason
        QString source;              // who answered (DnsAnswer::source)
    };

    struct Report
    {
        QByteArray domain;
        QByteArray selector;
        QByteArray name; // <selector>._domainkey.<domain>
        PublicationState state = PublicationState::TempFail;
        QString reason; // plain sentence for the analyst
        QByteArray expectedFingerprint;
        std::vector<ResolverOutcome> resolvers; // one per probe, in order
        std::vector<lint::Finding> findings;    // DkimKeyLint through the first probe, plus mismatch notes
        bool ok() const { return state == PublicationState::PublishedMatching; }
    };

    // Blocks on DNS (one TXT lookup per probe, plus the lint's and the verifier's): the desktop runs it
    // off the GUI thread. Holds no state, so checks may run in parallel given thread-safe resolvers.
    // The overall state is PublishedMatching only when every probe sees the matching key; otherwise the
    // most telling disagreement: a different key anywhere, then a temporary failure, then not published.
    static Report check(const QByteArray& domain, const QByteArray& selector,
                        const dkim::Crypto::Key& privateKey, const std::vector<ResolverProbe>& probes);

    // The same with the private key read from a PEM file (the path the setup list keeps). An unreadable
    // or unusable file gives state TempFail with the reason: nothing could be checked.
    static Report checkKeyFile(const QByteArray& domain, const QByteArray& selector,
                               const QString& privateKeyPath, const std::vector<ResolverProbe>& probes);
    // A PEM private key file, refused when larger than maxPrivateKeyBytes.
    static dkim::Crypto::KeyLoad loadPrivateKeyFile(const QString& path);
    static constexpr qint64 maxPrivateKeyBytes = 1024 * 1024;

    // The test message signed as the last proof: fixed header and body, From in the signing domain.
    static QByteArray testMessage(const QByteArray& domain, const QByteArray& selector);
};

} // namespace authlens::dkimsetup
