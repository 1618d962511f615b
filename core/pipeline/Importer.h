// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Analyzer.h"
#include "pipeline/ImportProgress.h"
#include "sources/MessageSource.h"
#include "sources/imap/ImapAccount.h"
#include "store/BatchWriter.h"
#include "store/RawMessageCodec.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace authlens::dns {
class Resolver;
}

namespace authlens::pipeline {

struct ImportOptions
{
    int jobs = 0;          // analysis threads; 0: one per core
    int queueCapacity = 0; // messages read ahead of the workers; 0: 16 per worker
    // zstd at its fast level (RawMessageCodec): with zlib, compressing the raw bytes cost more CPU than
    // verifying them.
    store::BatchWriter::Options batch = {1000, 2000, store::BatchWriter::RawStorage::Compressed,
                                         store::RawMessageCodec::kDefaultLevel};
    sources::ReaderOptions reader;
    AnalyzerOptions analyzer;
    bool resume = true; // continue a source where its last unfinished import stopped
    int progressIntervalMs = 200;
    QString runNote = QStringLiteral("import");
    // IMAP sources (imaps://user@host[:port]/Folder): the password or XOAUTH2 token, never stored.
    QByteArray imapSecret;
    bool imapXOAuth2 = false; // the secret is an XOAUTH2 token (overrides imapAuthMethod)
    // How a password signs in: Automatic is AUTHENTICATE PLAIN when offered, else LOGIN; an analyst who
    // chose one method for an account gets exactly that one.
    sources::imap::ImapAccount::AuthMethod imapAuthMethod = sources::imap::ImapAccount::AuthMethod::Automatic;
    QByteArray imapPinnedSha256; // a certificate the analyst accepted
    // One literal in an IMAP response (InputLimits imap-literal); reader.maxMessageSize applies to IMAP
    // messages too, checked by their announced size before they are fetched.
    qint64 imapMaxLiteralSize = 100LL * 1024 * 1024;
    // Silence allowed from an IMAP server while connecting (TLS, greeting, login) and while a command is
    // outstanding, a stall in the middle of a message included; then the source fails with a timeout.
    int imapConnectTimeoutMs = 20000;
    int imapCommandTimeoutMs = 60000;
};

struct SourceImportSummary
{
    QString source; // as given
    QString kind;   // "eml", "folder", "mbox", "maildir", "imap"
    qint64 sourceId = 0;
    qint64 importId = 0;
    bool resumed = false; // continued where an unfinished import stopped
    qint64 messagesRead = 0;
    qint64 stored = 0;
    qint64 duplicates = 0;
    qint64 failed = 0; // messages lost to errors
    qint64 logged = 0; // import-log entries (errors, warnings and notes)
    qint64 bytesRead = 0;
    QString error; // the source could not be read at all, or the database failed
};

struct ImportSummary
{
    QList<SourceImportSummary> sources;
    qint64 runId = 0; // the verification run holding the results
    qint64 messagesRead = 0;
    qint64 stored = 0;
    qint64 duplicates = 0;
    qint64 failed = 0;
    qint64 logged = 0;
    qint64 bytesRead = 0;
    double seconds = 0;
    bool cancelled = false;
    QString fatalError; // the database could not be opened or written; the import stopped
    int sourceErrors = 0;

    double messagesPerSecond() const { return seconds > 0 ? messagesRead / seconds : 0; }
};

// read -> parse -> analyze -> store. The calling thread reads the sources one message at a time and
// reports progress; a pool of worker threads (one per core) parses, analyzes (DKIM, SPF, DMARC,
// findings, with one shared thread-safe resolver), hashes and compresses; one writer thread writes
// in read order, in batched transactions. Queues between them are bounded, so memory stays flat.
//
// Each source gets an import run in the store's import log. After every committed batch the run
// records where its reader got to; an import killed at any point continues there next time, and the
// content hash keeps a message read twice from being stored twice. Per-message problems go to the
// import log and never stop the import. cancel() (from any thread) stops reading; what was read is
// still analyzed and stored, and the run is marked "cancelled" so the next import resumes it.
class Importer
{
public:
    using ProgressHandler = std::function<void(const ImportProgress&)>;

    Importer(QString databasePath, std::shared_ptr<dns::Resolver> resolver, ImportOptions options = {});

    void setProgressHandler(ProgressHandler handler) { m_progressHandler = std::move(handler); }

    // Blocking. Sources: files, folders (Maildir or .eml), mbox files, imaps:// URLs.
    ImportSummary run(const QStringList& sources);

    void cancel() { m_cancel = true; }
    bool isCancelled() const { return m_cancel.load(); }

    static bool isImapUrl(const QString& source);

private:
    struct Context;
    SourceImportSummary importSource(Context& context, const QString& source);
    void report(Context& context, bool force);

    QString m_databasePath;
    std::shared_ptr<dns::Resolver> m_resolver;
    ImportOptions m_options;
    ProgressHandler m_progressHandler;
    std::atomic_bool m_cancel{false};
};

} // namespace authlens::pipeline
