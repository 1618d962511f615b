// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace authlens::sources {

// Walks a folder tree depth-first in sorted name order (plain code-unit order, the same on every
// machine), yielding regular files only. It lists one folder at a time, so memory holds the names of
// the folders on the current path, not of the whole tree. Symbolic links are not followed (a link
// can make a loop) and, with devices, FIFOs and sockets, are reported as skipped.
class DirectoryWalker
{
public:
    struct Skipped
    {
        QString path;
        QString reason;
    };

    static constexpr int maxDepth = 64;

    explicit DirectoryWalker(const QString& root);

    // The next regular file, or nullopt when the tree is done.
    std::optional<QString> next();
    // What was passed over since the last call.
    std::vector<Skipped> takeSkipped();

private:
    struct Frame
    {
        QString folder;
        QStringList names;
        qsizetype pos = 0;
    };
    void enter(const QString& folder);

    std::vector<Frame> m_stack;
    std::vector<Skipped> m_skipped;
};

} // namespace authlens::sources
