// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ImportWriter.h"

#include "store/Database.h"
#include "store/ImapSyncStates.h"
#include "store/ImportLog.h"

#include <QElapsedTimer>

#include <limits>

namespace authlens::pipeline {

// One writer thread's connection and its state.
class ImportWriter::Session
{
public:
    Session(ImportWriter& owner, store::Database& database)
        : m_owner(owner)
        , m_database(database)
        , m_batch(database, unbatched(owner.m_options.batch))
        , m_log(database)
        , m_imapStates(database)
    {
        m_run.id = owner.m_options.importId;
        m_timer.start();
    }

    // False on a database failure (the import cannot go on).
    bool take(AnalyzedJob job)
    {
        m_pendingJobs.emplace(job.sequence, std::move(job));
        while (!m_pendingJobs.empty() && m_pendingJobs.begin()->first == m_next) {
            AnalyzedJob current = std::move(m_pendingJobs.begin()->second);
            m_pendingJobs.erase(m_pendingJobs.begin());
            ++m_next;
            const bool ok = write(current);
            m_owner.advanced(m_next);
            if (!ok)
                return false;
        }
        return true;
    }

    bool finish() { return commit(); }

private:
    // The writer decides when to commit (so it knows which resume point a commit covers): the
    // BatchWriter's own size and time triggers are switched off.
    static store::BatchWriter::Options unbatched(store::BatchWriter::Options options)
    {
        options.batchSize = std::numeric_limits<int>::max();
        options.maxBatchMilliseconds = std::numeric_limits<int>::max();
        return options;
    }

    bool write(AnalyzedJob& job)
    {
        for (store::ImportError& entry : job.log) {
            entry.importId = m_run.id;
            if (!m_log.logError(entry))
                return fail(QStringLiteral("cannot write the import log: ") + m_log.lastError());
            ++m_owner.m_logged;
        }
        m_owner.m_failed += job.failedMessages;
        m_run.messagesFailed += job.failedMessages;
        m_run.messagesSeen += job.failedMessages;
        if (job.alreadyStored) {
            ++m_run.messagesSeen;
            ++m_owner.m_duplicates;
            ++m_run.messagesDuplicate;
        }
        if (job.write) {
            ++m_run.messagesSeen;
            m_run.bytesRead += job.write->raw.size();
            const store::BatchWriter::Outcome outcome = m_batch.write(*job.write);
            if (!outcome.ok) {
                store::ImportError entry;
                entry.importId = m_run.id;
                entry.path = job.write->message.locator.path;
                entry.offset = job.write->message.locator.mboxOffset;
                entry.uid = job.write->message.locator.imapUid;
                entry.message = QStringLiteral("error: message not stored: ") + outcome.error;
                if (!m_log.logError(entry))
                    return fail(QStringLiteral("cannot write the import log: ") + m_log.lastError());
                ++m_owner.m_logged;
                ++m_owner.m_failed;
                ++m_run.messagesFailed;
            } else if (outcome.isNew) {
                ++m_owner.m_stored;
                ++m_run.messagesNew;
            } else {
                ++m_owner.m_duplicates;
                ++m_run.messagesDuplicate;
            }
        }
        if (job.resume.resumeAfter)
            m_mark.resumeAfter = job.resume.resumeAfter;
        if (job.resume.imapState)
            m_mark.imapState = job.resume.imapState;
        m_markDirty = m_markDirty || job.resume.resumeAfter || job.resume.imapState;
        ++m_sinceCommit;
        const store::BatchWriter::Options& options = m_owner.m_options.batch;
        if (m_sinceCommit >= options.batchSize || m_timer.elapsed() >= options.maxBatchMilliseconds)
            return commit();
        return true;
    }

    // Commits the open batch, then records where the next run would continue: a kill between the two
    // only makes that run read a little again.
    bool commit()
    {
        if (!m_batch.flush())
            return fail(QStringLiteral("cannot commit to the database: ") + m_batch.lastError());
        m_sinceCommit = 0;
        m_timer.restart();
        if (m_markDirty && m_owner.m_options.saveResumePoints) {
            if (m_mark.resumeAfter &&
                !m_log.saveResumePoint(m_run.id, m_mark.resumeAfter->offset, m_mark.resumeAfter->index))
                return fail(QStringLiteral("cannot record the resume point: ") + m_log.lastError());
            if (m_mark.imapState && !m_imapStates.save(*m_mark.imapState))
                return fail(QStringLiteral("cannot record the IMAP sync state: ") + m_imapStates.lastError());
        }
        m_markDirty = false;
        if (m_run.id > 0 && !m_log.updateCounts(m_run))
            return fail(QStringLiteral("cannot update the import counts: ") + m_log.lastError());
        return true;
    }

    bool fail(const QString& error)
    {
        m_owner.m_fatalError = error;
        m_batch.discard();
        return false;
    }

    ImportWriter& m_owner;
    store::Database& m_database;
    store::BatchWriter m_batch;
    store::ImportLog m_log;
    store::ImapSyncStates m_imapStates;
    store::ImportRun m_run;
    std::map<qint64, AnalyzedJob> m_pendingJobs; // arrived ahead of an earlier sequence number
    qint64 m_next = 0;
    ImportResumeMark m_mark;
    bool m_markDirty = false;
    int m_sinceCommit = 0;
    QElapsedTimer m_timer;
};

void ImportWriter::run(BoundedQueue<AnalyzedJob>& queue, std::atomic_bool& cancel)
{
    store::Database::OpenResult opened = store::Database::open(m_options.databasePath);
    bool ok = opened.database != nullptr;
    if (!ok) {
        m_fatalError = opened.error;
        cancel = true;
        std::lock_guard lock(m_windowMutex);
        m_stopped = true;
    }
    {
        std::unique_ptr<Session> session;
        if (ok)
            session = std::make_unique<Session>(*this, *opened.database);
        while (std::optional<AnalyzedJob> job = queue.pop()) {
            if (ok && !session->take(std::move(*job))) {
                ok = false;
                cancel = true;
                std::lock_guard lock(m_windowMutex);
                m_stopped = true; // nothing more is written: let the reader see the cancel
                m_windowMoved.notify_all();
            }
        }
        if (ok && !session->finish())
            ok = false;
    }
    if (!ok)
        cancel = true;
    std::lock_guard lock(m_windowMutex);
    m_stopped = true;
    m_windowMoved.notify_all();
}

void ImportWriter::advanced(qint64 next)
{
    std::lock_guard lock(m_windowMutex);
    m_next = next;
    m_windowMoved.notify_all();
}

void ImportWriter::waitForWindow(qint64 sequence, qint64 window)
{
    std::unique_lock lock(m_windowMutex);
    m_windowMoved.wait(lock, [&] { return m_stopped || sequence - m_next < window; });
}

} // namespace authlens::pipeline
