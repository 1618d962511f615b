// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CorpusGenerator.h"
#include "StageProfile.h"

#include <QString>
#include <QStringList>

namespace authlens::bench {

// Verifies a corpus written by CorpusGenerator through the core, as the import does: MboxReader,
// mail::Message, one dkim::Verifier over a shared dns::CachingResolver in front of the records file.
// Reading and parsing are timed on their own; verification is timed over messages already in memory,
// on one thread and on several (workers pulling messages from a shared counter), so the file system
// is never what is measured. Every signature must pass.
class VerifyBenchmark
{
public:
    struct Options
    {
        int threads = 0;    // the multi-thread run; 0: one per core
        int repeat = 3;     // runs of each timing; the fastest counts (the machine may be shared)
        bool stages = true; // also time each verification step alone (StageProfile)
    };

    struct Timing
    {
        int threads = 0;
        double seconds = 0;    // wall clock
        double cpuSeconds = 0; // CPU time of the process (user + system, all threads)
        double messagesPerSecond = 0;
        double megabytesPerSecond = 0; // message bytes, 10^6
        // Per CPU second: what the code costs whatever else the machine runs. openssl speed divides by
        // CPU (user) time too, so these are the figures to hold against the bound.
        double messagesPerCpuSecond = 0;
    };

    struct Report
    {
        QString error; // I/O or setup; empty otherwise
        int messages = 0;
        qint64 messageBytes = 0;
        int signatures = 0;
        int rsaSignatures = 0;
        int ed25519Signatures = 0;
        // SHA-256 input of one verification of the corpus: each distinct canonical body once per message
        // (the verifier shares a body hash between signatures with the same parameters) plus each
        // signature's signed header data.
        qint64 hashedBytes = 0;
        Timing read;  // mbox to message bytes
        Timing parse; // message bytes to mail::Message
        Timing single;
        Timing multi;
        int wrongVerdicts = 0;    // signatures that did not pass, plus missing or extra ones
        QStringList wrongSamples; // the first few, "corpus.mbox#12 sig 0: fail (body hash ...)"
        bool haveStages = false;
        StageProfile::Stages stages;
        quint64 cacheHits = 0;
        quint64 cacheMisses = 0;
        bool ok() const { return error.isEmpty() && wrongVerdicts == 0; }
    };

    static Report run(const CorpusGenerator::Summary& corpus, const Options& options);
};

} // namespace authlens::bench
