// SPDX-License-Identifier: GPL-3.0-or-later
#include "StageProfile.h"

#include "ProcessStats.h"

#include "dkim/BodyHasher.h"
#include "dkim/Crypto.h"
#include "dkim/HeaderSelector.h"
#include "dkim/KeyRecord.h"
#include "dkim/SignatureParser.h"

namespace authlens::bench {

namespace {

template <typename Step> double timed(Step step)
{
    const double start = ProcessStats::threadCpuSeconds();
    step();
    return ProcessStats::threadCpuSeconds() - start;
}

// One signature with everything its steps need, prepared outside the timings.
struct Prepared
{
    const mail::Message* message = nullptr;
    const mail::HeaderField* field = nullptr;
    dkim::Signature signature;
    QByteArray keyRecordText;
    dkim::Crypto::Key key;
    QByteArray signedData;
    bool firstWithItsBody = true; // the verifier hashes a body once per message and parameters
};

} // namespace

StageProfile::Stages StageProfile::measure(const std::vector<mail::Message>& messages,
                                           const dkim::Verifier& verifier)
{
    std::vector<Prepared> all;
    for (const mail::Message& message : messages) {
        const std::vector<dkim::Result> results = verifier.verify(message);
        size_t next = 0;
        const size_t firstOfMessage = all.size();
        for (const mail::HeaderField& field : message.headerFields()) {
            if (field.malformed || !field.hasName("DKIM-Signature") || next >= results.size())
                continue;
            const dkim::Result& result = results[next++];
            dkim::SignatureParser::Result parsed = dkim::SignatureParser::parse(field.value());
            if (!parsed.signature)
                continue;
            Prepared p;
            p.message = &message;
            p.field = &field;
            p.signature = *parsed.signature;
            p.keyRecordText = result.diagnostics.keyRecordText;
            const dkim::KeyRecord::ParseResult record = dkim::KeyRecord::parse(p.keyRecordText);
            if (!record.record || !record.record->keyType)
                continue;
            const dkim::Crypto::KeyLoad loaded =
                dkim::Crypto::loadPublicKey(*record.record->keyType, record.record->publicKey);
            if (!loaded.key)
                continue;
            p.key = *loaded.key;
            p.signedData = result.diagnostics.signedData;
            for (size_t i = firstOfMessage; i < all.size(); ++i) {
                if (all[i].signature.bodyCanonicalization == p.signature.bodyCanonicalization &&
                    all[i].signature.bodyLength == p.signature.bodyLength)
                    p.firstWithItsBody = false;
            }
            all.push_back(std::move(p));
        }
    }

    Stages s;
    volatile qsizetype sink = 0; // keeps the work from being optimized away
    s.signatureParse = timed([&] {
        for (const Prepared& p : all)
            sink = sink + dkim::SignatureParser::parse(p.field->value()).domain.size();
    });
    s.keyLoad = timed([&] {
        for (const Prepared& p : all) {
            const dkim::KeyRecord::ParseResult record = dkim::KeyRecord::parse(p.keyRecordText);
            const dkim::Crypto::KeyLoad loaded =
                dkim::Crypto::loadPublicKey(*record.record->keyType, record.record->publicKey);
            sink = sink + (loaded.key ? loaded.key->bits : 0);
        }
    });
    s.bodyHash = timed([&] {
        for (const Prepared& p : all) {
            if (p.firstWithItsBody)
                sink =
                    sink + dkim::BodyHasher::hash(p.message->body(), p.signature.bodyCanonicalization,
                                                  dkim::hashOf(p.signature.algorithm), p.signature.bodyLength)
                               .size();
        }
    });
    s.bodyHashOnly = timed([&] {
        for (const Prepared& p : all) {
            if (p.firstWithItsBody)
                sink = sink + dkim::Crypto::digest(dkim::HashAlgorithm::Sha256, p.message->body()).size();
        }
    });
    s.headerSelect = timed([&] {
        for (const Prepared& p : all) {
            const dkim::HeaderSelector::Selection selection =
                dkim::HeaderSelector::select(p.message->headerFields(), p.signature.signedHeaderNames,
                                             p.signature.headerCanonicalization, p.field);
            sink = sink + selection.canonicalizedHeaders.size();
        }
    });
    s.publicKeyVerify = timed([&] {
        for (const Prepared& p : all)
            sink =
                sink +
                (dkim::Crypto::verify(p.key, p.signature.algorithm, p.signedData, p.signature.signature) ? 1
                                                                                                         : 0);
    });
    return s;
}

} // namespace authlens::bench
