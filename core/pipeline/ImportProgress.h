// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace authlens::pipeline {

// How far an import has got, for a progress bar (GUI or terminal) or a log line. A value: the
// importer hands out copies, from the thread that runs the import.
struct ImportProgress
{
    QString source;      // the source being read (path or imaps:// locator)
    int sourceIndex = 0; // 0-based, of sourceCount
    int sourceCount = 0;
    qint64 messagesRead = 0;   // taken from the sources so far
    qint64 messagesStored = 0; // new messages committed
    qint64 duplicates = 0;     // already in the database (same content hash)
    qint64 errors = 0;         // per-message errors logged
    qint64 bytesRead = 0;      // of the current source
    qint64 bytesTotal = 0;     // of the current source; 0 when unknown (IMAP)
    double seconds = 0;        // since the import started
    double messagesPerSecond = 0;
    std::optional<double> etaSeconds; // for the current source; empty while unknown
    bool finished = false;            // the last report of the import
};

} // namespace authlens::pipeline
