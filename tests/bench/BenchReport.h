// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CorpusGenerator.h"
#include "OpensslBound.h"
#include "VerifyBenchmark.h"

#include <QByteArray>
#include <QJsonObject>

namespace authlens::bench {

// The figures of one authlens-bench run, as a table for people and a JSON object for scripts.
class BenchReport
{
public:
    struct Input
    {
        CorpusGenerator::Summary corpus;
        bool generated = false; // the corpus was made in this run (its generation time is meaningful)
        OpensslBound::Rates rates;
        VerifyBenchmark::Report verify;
        int cores = 0;
        double loadBefore = -1; // 1-minute load average, -1 when unknown
        double loadAfter = -1;
    };

    // Figures derived from the measurements.
    struct Derived
    {
        double boundSeconds = 0; // one pass over the corpus at OpenSSL's rates
        double boundHashSeconds = 0;
        double boundRsaSeconds = 0;
        double boundEd25519Seconds = 0;
        double boundMessagesPerSecond = 0;
        // 1-thread CPU time against the bound (openssl speed divides by CPU time too); the goal is >= 50.
        double percentOfBound = 0;
        double percentOfBoundWall = 0; // the same by wall clock, lower on a busy machine
        double scaling = 0;            // 1-thread time / n-thread time
        double scalingEfficiency = 0;
    };

    static Derived derive(const Input& input);
    static QByteArray table(const Input& input);
    static QJsonObject json(const Input& input);

    // The 1-minute load average from /proc/loadavg; -1 where there is none.
    static double loadAverage();
};

} // namespace authlens::bench
