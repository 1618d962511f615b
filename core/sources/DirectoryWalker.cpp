// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/DirectoryWalker.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace authlens::sources {

DirectoryWalker::DirectoryWalker(const QString& root)
{
    enter(root);
}

void DirectoryWalker::enter(const QString& folder)
{
    if (int(m_stack.size()) >= maxDepth) {
        m_skipped.push_back(
            {folder, QStringLiteral("folders nested deeper than %1 levels are not read").arg(maxDepth)});
        return;
    }
    QDir dir(folder);
    if (!dir.isReadable()) {
        m_skipped.push_back({folder, QStringLiteral("the folder cannot be read")});
        return;
    }
    Frame frame;
    frame.folder = folder;
    frame.names =
        dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::NoSort);
    std::sort(frame.names.begin(), frame.names.end());
    m_stack.push_back(std::move(frame));
}

std::optional<QString> DirectoryWalker::next()
{
    while (!m_stack.empty()) {
        Frame& frame = m_stack.back();
        if (frame.pos >= frame.names.size()) {
            m_stack.pop_back();
            continue;
        }
        const QString path = frame.folder + QLatin1Char('/') + frame.names[frame.pos++];
        const QFileInfo info(path);
        if (info.isSymLink()) {
            m_skipped.push_back({path, QStringLiteral("a symbolic link, not followed")});
        } else if (info.isDir()) {
            enter(path); // may reallocate m_stack: frame is not used after this
        } else if (info.isFile()) {
            return path;
        } else {
            m_skipped.push_back({path, QStringLiteral("not a regular file (device, FIFO or socket)")});
        }
    }
    return std::nullopt;
}

std::vector<DirectoryWalker::Skipped> DirectoryWalker::takeSkipped()
{
    std::vector<Skipped> taken;
    taken.swap(m_skipped);
    return taken;
}

} // namespace authlens::sources
