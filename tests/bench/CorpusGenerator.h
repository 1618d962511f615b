// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MessageComposer.h"

#include "dkim/Crypto.h"
#include "dkim/Signer.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

namespace authlens::bench {

// Writes a signed test corpus: one mbox (mboxrd) of realistic messages, each signed by our own core
// signer, and the records file (zone lines, the format of ../shared/conformance/README.md) with the
// public keys, so the corpus verifies offline. Used by authlens-bench; the import pipeline's benchmark
// can use the same corpus (link authlens_bench_corpus).
//
// The mix follows issue 3: sizes log-normal around a 12 KB median with 10% between 60 and 240 KB
// (attachments); 80% one rsa-sha256 (2048-bit) relaxed/relaxed signature, 10% one ed25519-sha256, 10%
// two signatures (rsa + ed25519 by the same domain, or the author's domain and its ESP's).
//
// The messages are a pure function of the seed; keys are random unless a key folder holds them from an
// earlier run (CorpusGenerator saves them there): same seed + same keys = the same bytes.
class CorpusGenerator
{
public:
    static constexpr const char* mboxFileName = "corpus.mbox";
    static constexpr const char* recordsFileName = "records.zone";
    static constexpr const char* manifestFileName = "corpus.json";
    static constexpr const char* keyFolderName = "keys";

    struct Options
    {
        int messages = 20000;
        quint64 seed = 1;
        qint64 firstDate = 1767261600; // 2026-01-01 10:00 UTC; message i is dated firstDate + 37 * i
        int threads = 0;               // signing threads; 0: one per core
        // Where keys are loaded from if present and saved to otherwise; empty: DIR/keys.
        QString keyDirectory;
        std::function<void(int done, int total)> progress; // called from the writing thread
    };

    // What was written, also saved as DIR/corpus.json.
    struct Summary
    {
        QString error; // empty on success
        QString mboxPath;
        QString recordsPath;
        int messages = 0;
        qint64 messageBytes = 0; // the messages as signed, without mbox framing
        qint64 mboxBytes = 0;
        qint64 medianMessageBytes = 0;
        int messagesOver60k = 0;
        int rsaSignatures = 0;
        int ed25519Signatures = 0;
        int twoSignatureMessages = 0;
        int keys = 0;
        quint64 seed = 0;
        qint64 verifyTime = 0; // a clock (Unix seconds) at which every signature is current
        double seconds = 0;
        bool ok() const { return error.isEmpty(); }
    };

    explicit CorpusGenerator(Options options);

    Summary write(const QString& directory);

    // The signing time of message `index` (its t=) and a verification clock for the whole corpus.
    qint64 dateOf(qint64 index) const { return m_options.firstDate + 37 * index; }
    qint64 verifyTime() const { return dateOf(m_options.messages) + 86400; }

    // Reads DIR/corpus.json back (for `verify DIR`); error set when it is missing or unreadable.
    static Summary readManifest(const QString& directory);

private:
    struct SigningKey
    {
        QByteArray domain;
        QByteArray selector;
        dkim::Crypto::Key key;
        bool oversign = false;
    };
    struct Sender
    {
        SenderProfile profile;
        int rsaKey = -1; // index into m_keys
        int edKey = -1;
        int espKey = -1; // an ESP's key that adds a second signature
    };
    struct Made
    {
        QByteArray bytes;
        QByteArray envelopeSender;
        int rsa = 0;
        int ed25519 = 0;
        QString error;
    };

    QString prepareKeys(const QString& keyDirectory);
    QByteArray recordsText() const;
    Made make(qint64 index) const;
    static QByteArray sign(const SigningKey& key, const QByteArray& message, qint64 timestamp,
                           QString& error);

    Options m_options;
    std::vector<SigningKey> m_keys;
    std::vector<Sender> m_senders;
};

} // namespace authlens::bench
