// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CorpusGenerator.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace authlens::bench {

// Issue 5's import figures on a corpus written by CorpusGenerator: the end-to-end import into SQLite
// (pipeline::Importer, as `authlens-cli import --records` runs it) against verification alone over
// the same threads (read the mbox on one thread, parse + analyze on one worker per core, keep
// nothing), run side by side and alternately in one run so both see the same machine. The ratio of
// the two is the figure that counts; each run also reports its CPU time, its peak RSS and the load
// average it ran under.
class ImportBenchmark
{
public:
    enum class Mode
    {
        VerifyOnly,
        Import,              // raw bytes compressed into the database (the default import)
        ImportReferenceOnly, // --keep-reference-only: no raw bytes stored
    };

    struct Options
    {
        int threads = 0;            // analysis threads; 0: one per core (the importer's default)
        int repeat = 2;             // rounds; each round runs every mode once
        bool referenceOnly = false; // also run ImportReferenceOnly
        std::optional<Mode> only;   // run just this mode (for profiling)
        bool keepDatabase = false;  // leave the last import's database for a look
        QString workDirectory;      // where the databases go (deleted after each run)
    };

    struct Run
    {
        Mode mode = Mode::VerifyOnly;
        int round = 0;
        QString error;
        qint64 messages = 0;
        qint64 stored = 0;
        qint64 failed = 0;
        qint64 bytes = 0;
        qint64 dkimPassed = 0; // signatures that passed (verify-only); a sanity check on the work done
        double seconds = 0;
        double cpuSeconds = 0;
        qint64 peakRssBytes = -1;
        qint64 databaseBytes = 0; // database + WAL after the import
        double loadBefore = -1;
        double loadAfter = -1;
        double messagesPerSecond() const { return seconds > 0 ? double(messages) / seconds : 0; }
        double messagesPerCpuSecond() const { return cpuSeconds > 0 ? double(messages) / cpuSeconds : 0; }
    };

    struct Report
    {
        QString error;
        QList<Run> runs;
        int threads = 0;
        // The fastest run of a mode (by wall clock), or nullptr.
        const Run* best(Mode mode) const;
        // Import's msg/s over verify-only's, from the best runs and per round.
        double ratio(Mode import = Mode::Import) const;
        QList<double> roundRatios(Mode import = Mode::Import) const;
    };

    static Report run(const CorpusGenerator::Summary& corpus, const Options& options);

    // One run of a mode over an mbox (for the large-mbox figure as well). `databasePath` only for imports.
    static Run runOnce(Mode mode, const QString& mboxPath, const QString& recordsPath, qint64 verifyTime,
                       int threads, const QString& databasePath, bool keepDatabase = false);

    static QString modeName(Mode mode);
    static QByteArray table(const Report& report, const CorpusGenerator::Summary& corpus);
    static QJsonObject json(const Report& report);
    static QJsonObject json(const Run& run);
};

} // namespace authlens::bench
