// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/BoundedQueue.h"
#include "pipeline/ImportJob.h"

#include <atomic>
#include <map>

namespace authlens::pipeline {

// The import's one writer (run it on its own thread): takes analyzed jobs in any order, writes them in
// the order they were read through a store::BatchWriter, logs their errors, and after each committed
// batch records the resume point of the last message in it. A kill therefore loses at most the open
// batch, which the next run reads again (and the content hash keeps from being stored twice).
class ImportWriter
{
public:
    struct Options
    {
        QString databasePath;
        store::BatchWriter::Options batch;
        qint64 importId = 0;
        bool saveResumePoints = true;
    };

    explicit ImportWriter(Options options)
        : m_options(std::move(options))
    {}

    // Until `queue` is closed and drained. On a database failure the rest is drained unwritten and
    // fatalError() says why; `cancel` is set so the reader stops.
    void run(BoundedQueue<AnalyzedJob>& queue, std::atomic_bool& cancel);

    qint64 stored() const { return m_stored.load(); }
    qint64 duplicates() const { return m_duplicates.load(); }
    qint64 failed() const { return m_failed.load(); }
    qint64 logged() const { return m_logged.load(); }
    const QString& fatalError() const { return m_fatalError; }

private:
    class Session;

    Options m_options;
    std::atomic<qint64> m_stored{0};
    std::atomic<qint64> m_duplicates{0};
    std::atomic<qint64> m_failed{0};
    std::atomic<qint64> m_logged{0};
    QString m_fatalError;
};

} // namespace authlens::pipeline
