// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/SourceError.h"
#include "sources/SourceItem.h"
#include "store/BatchWriter.h"
#include "store/Records.h"

#include <optional>
#include <vector>

namespace authlens::pipeline {

// Where the next import of a source continues once this job is committed: a reader position for
// files, the sync state for an IMAP folder.
struct ImportResumeMark
{
    std::optional<sources::ResumePoint> resumeAfter;
    std::optional<store::ImapSyncState> imapState;
};

// One unit of work from the reader: a message (or none, when only errors are to be logged), in the
// order read. `sequence` lets the writer put the workers' results back into that order, so the resume
// point it commits always has every earlier message behind it.
struct ImportJob
{
    qint64 sequence = 0;
    std::optional<QByteArray> bytes;
    store::MessageLocator locator;
    QString errorPath;       // where a problem with this message is reported
    qint64 errorOffset = -1; // byte offset of the message in errorPath, -1: the whole file
    // Where the message's own bytes begin in errorPath (mbox: after the postmark line), so a position
    // inside the message is reported as the byte in the file.
    qint64 errorContentOffset = 0;
    std::optional<qint64> uid;                      // IMAP UID
    std::vector<sources::SourceError> sourceErrors; // met by the reader before this message
    QList<store::ImportError> logEntries;           // other problems to log (IMAP: skipped UIDs)
    qint64 failedMessages = 0;                      // messages those entries say were lost
    ImportResumeMark resume;
};

// A job after analysis: what to write and what to log, still in reader order by `sequence`.
struct AnalyzedJob
{
    qint64 sequence = 0;
    std::optional<store::BatchWriter::MessageWrite> write;
    // The content hash was already committed when the worker looked: counted as a duplicate, neither
    // analyzed nor written again (a re-import or a resumed one costs a hash and a lookup per message).
    bool alreadyStored = false;
    QList<store::ImportError> log; // importId is filled in by the writer
    qint64 failedMessages = 0;     // messages lost to errors (not stored)
    ImportResumeMark resume;
};

} // namespace authlens::pipeline
