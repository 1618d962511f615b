// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/BoundedQueue.h"
#include "pipeline/ImportJob.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>

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

    // Blocks until the writer has taken every job before `sequence - window`. The reader calls it so
    // that a worker stuck on one huge message cannot let the others run ahead and fill the writer's
    // reorder buffer: memory stays bounded by the window, whatever the source.
    void waitForWindow(qint64 sequence, qint64 window);

    qint64 stored() const { return m_stored.load(); }
    qint64 duplicates() const { return m_duplicates.load(); }
    qint64 failed() const { return m_failed.load(); }
    qint64 logged() const { return m_logged.load(); }
    const QString& fatalError() const { return m_fatalError; }

private:
    class Session;

    Options m_options;
    void advanced(qint64 next);
    std::mutex m_windowMutex;
    std::condition_variable m_windowMoved;
    qint64 m_next = 0;      // under m_windowMutex: jobs written so far
    bool m_stopped = false; // under m_windowMutex: the writer returned; nobody waits any longer
    std::atomic<qint64> m_stored{0};
    std::atomic<qint64> m_duplicates{0};
    std::atomic<qint64> m_failed{0};
    std::atomic<qint64> m_logged{0};
    QString m_fatalError;
};

} // namespace authlens::pipeline
