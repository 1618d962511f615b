// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/MessageSource.h"

#include <memory>

namespace authlens::sources {

struct OpenedSource
{
    std::unique_ptr<MessageSource> source; // null when error is set
    QString error;                         // why the path is not a source we can read
    QString reason;                        // why this kind was chosen, for the import log
};

// Opens the right reader for a path:
// - a folder with cur/ or new/ (or Maildir++ dot-folders / nested Maildirs that have them): Maildir;
// - any other folder: a folder of .eml files, read recursively;
// - a file starting with "From " (RFC 4155), or named *.mbox / *.mbx: mbox;
// - a file starting with a header field: one message (.eml);
// - anything else (missing, empty, binary, a device): an error naming the path.
class SourceFactory
{
public:
    static OpenedSource open(const QString& path, const ReaderOptions& options = {});
};

} // namespace authlens::sources
