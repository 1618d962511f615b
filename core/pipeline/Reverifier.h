// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Analyzer.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace authlens::dns {
class Resolver;
}

namespace authlens::pipeline {

struct ReverifyOptions
{
    enum class AsOf
    {
        Now,         // today's clock and today's DNS (after a DNS change)
        Fixed,       // DKIM x=/t= judged as of `asOfSeconds`
        MessageDate, // as of each message's own Date (when it was received, near enough)
    };

    AnalyzerOptions analyzer;
    AsOf asOf = AsOf::Now;
    qint64 asOfSeconds = 0; // Unix seconds, for AsOf::Fixed
    int jobs = 0;           // 0: one per core
    int batchSize = 500;
    QString note = QStringLiteral("re-verification");
};

struct ReverifySummary
{
    qint64 runId = 0;
    qint64 messages = 0;   // stored messages looked at
    qint64 reverified = 0; // got results in the new run
    qint64 changed = 0;    // whose DKIM summary differs from the run before
    qint64 failed = 0;     // raw bytes unavailable (reference-only and the source gone or changed)
    QStringList errors;    // the first few failures, with the message id and why
    double seconds = 0;
    bool cancelled = false;
    QString fatalError;
};

// Runs the analysis again over stored messages, into a new verification run: earlier runs' results stay
// as history and the messages' summary columns follow the new run. Raw bytes come from the store
// (decompressed) or, for messages kept as a reference only, from their source file, checked against
// the stored content hash. Same threading as the import: this thread reads, workers analyze, one
// writer thread writes in batches.
class Reverifier
{
public:
    using ProgressHandler = std::function<void(qint64 done, qint64 total)>;

    Reverifier(QString databasePath, std::shared_ptr<dns::Resolver> resolver, ReverifyOptions options = {});

    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }
    ReverifySummary run();
    void cancel() { m_cancel = true; }

private:
    QString m_databasePath;
    std::shared_ptr<dns::Resolver> m_resolver;
    ReverifyOptions m_options;
    ProgressHandler m_progress;
    std::atomic_bool m_cancel{false};
};

} // namespace authlens::pipeline
