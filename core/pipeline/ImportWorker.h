// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/ImportJob.h"
#include "store/RawMessageCodec.h"

#include <functional>

namespace authlens::pipeline {

class Analyzer;

// What an import's worker does to one job, on any thread: parse, analyze, map to store rows, hash and
// compress the raw bytes (so the single writer thread only writes). Never throws: a failure becomes
// an import-log entry for the message.
class ImportWorker
{
public:
    struct Context
    {
        qint64 sourceId = 0;
        qint64 importId = 0;
        qint64 runId = 0;
        bool compress = true; // false: keep only the reference to the source
        int compressionLevel = store::RawMessageCodec::kDefaultLevel; // zstd
    };

    ImportWorker(const Analyzer& analyzer, Context context)
        : m_analyzer(analyzer)
        , m_context(context)
    {}

    // True when a message with this content hash is already committed to the database.
    using StoredCheck = std::function<bool(const QByteArray& contentHash)>;

    AnalyzedJob process(ImportJob job, const StoredCheck& isStored = {}) const;

    // Source problems as import-log rows: "error: ...", "warning: ...", "note: ..." with file and offset.
    static store::ImportError logEntry(const sources::SourceError& error);

private:
    void analyze(const ImportJob& job, const QByteArray& contentHash, AnalyzedJob& result) const;

    const Analyzer& m_analyzer;
    Context m_context;
};

} // namespace authlens::pipeline
