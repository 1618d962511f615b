// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/EmlReader.h"

#include "sources/MessageFile.h"

#include <QFileInfo>

namespace authlens::sources {

EmlReader::EmlReader(const QString& path, const ReaderOptions& options)
    : m_path(path)
    , m_options(options)
{
    const QFileInfo info(path);
    if (info.isFile()) {
        m_singleFile = true;
        m_bytesTotal = info.size();
        return;
    }
    if (!info.isDir()) {
        failOpen(path, QStringLiteral("no such file or folder"));
        return;
    }
    // One extra listing pass for the total: progress needs it, and listing costs far less than reading.
    DirectoryWalker counter(path);
    while (const auto file = counter.next())
        m_bytesTotal += QFileInfo(*file).size();
    m_walker = std::make_unique<DirectoryWalker>(path);
}

std::optional<QString> EmlReader::nextFile()
{
    if (m_singleFile) {
        if (m_singleFileDone)
            return std::nullopt;
        m_singleFileDone = true;
        return m_path;
    }
    if (!m_walker)
        return std::nullopt;
    auto file = m_walker->next();
    for (const auto& skipped : m_walker->takeSkipped())
        report(SourceError::Severity::Note, skipped.path, -1, -1,
               skipped.reason + QStringLiteral("; skipped"));
    return file;
}

std::optional<SourceItem> EmlReader::next()
{
    if (!openError().isEmpty())
        return std::nullopt;
    while (const auto file = nextFile()) {
        const qint64 index = m_index++;
        MessageFile read = MessageFile::read(*file, m_options.maxMessageSize);
        m_bytesRead += std::max<qint64>(0, read.fileSize);
        if (!read.error.isEmpty()) {
            report(SourceError::Severity::Error, *file, -1, index, read.error);
            continue;
        }
        const QString notMail = MessageFile::notMailReason(
            QByteArrayView(read.bytes).first(std::min<qsizetype>(read.bytes.size(), 4096)));
        if (!notMail.isEmpty()) {
            report(SourceError::Severity::Note, *file, 0, index, notMail + QStringLiteral("; skipped"));
            continue;
        }
        if (read.bytes.contains('\0')) {
            report(SourceError::Severity::Warning, *file, read.bytes.indexOf('\0'), index,
                   QStringLiteral("the message contains NUL bytes, which RFC 5322 does not allow"));
        }
        SourceItem item;
        item.kind = m_singleFile ? SourceKind::EmlFile : SourceKind::EmlFolder;
        item.path = *file;
        item.index = index;
        item.length = read.bytes.size();
        item.bytes = std::move(read.bytes);
        item.resumeAfter = ResumePoint{0, index + 1};
        ++m_returned;
        return item;
    }
    return std::nullopt;
}

bool EmlReader::seek(const ResumePoint& point)
{
    if (!openError().isEmpty())
        return false;
    if (point.index < 0) {
        report(SourceError::Severity::Error, m_path, -1, point.index,
               QStringLiteral("%1 is not a message position").arg(point.index));
        return false;
    }
    m_index = 0;
    m_bytesRead = 0;
    m_singleFileDone = false;
    if (!m_singleFile)
        m_walker = std::make_unique<DirectoryWalker>(m_path);
    // Walk past the files before the point without reading them; their notes were given on the run
    // that read them.
    while (m_index < point.index) {
        std::optional<QString> file;
        if (m_singleFile) {
            file = nextFile();
        } else {
            file = m_walker->next();
            m_walker->takeSkipped();
        }
        if (!file)
            break;
        m_bytesRead += QFileInfo(*file).size();
        ++m_index;
    }
    return true;
}

SourceProgress EmlReader::progress() const
{
    SourceProgress p;
    p.bytesRead = m_bytesRead;
    p.bytesTotal = m_bytesTotal;
    p.messages = m_returned;
    p.errors = m_errorCount;
    return p;
}

} // namespace authlens::sources
