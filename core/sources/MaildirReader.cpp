// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/MaildirReader.h"

#include "sources/MaildirFileName.h"
#include "sources/MessageFile.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace authlens::sources {

namespace {

constexpr int maxFolderDepth = 16;

// Files mail servers and clients keep beside the messages; never mail.
bool isControlFile(const QString& name)
{
    static const char* const exact[] = {
        "dovecot-uidlist", "dovecot-uidvalidity", "dovecot-keywords", "maildirfolder", "subscriptions",
        "maildirsize",     ".DS_Store",           "Thumbs.db",        "dovecot-acl",   "dovecot.mailbox.log"};
    for (const char* candidate : exact) {
        if (name == QLatin1String(candidate))
            return true;
    }
    static const char* const prefixes[] = {"dovecot.index", "dovecot.list.index", "dovecot-uidvalidity.",
                                           "courierimap", "._"};
    for (const char* prefix : prefixes) {
        if (name.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

QStringList sortedEntries(const QString& dir)
{
    QStringList names = QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::NoSort);
    std::sort(names.begin(), names.end());
    return names;
}

bool isRealDir(const QString& path)
{
    const QFileInfo info(path);
    return info.isDir() && !info.isSymLink();
}

} // namespace

bool MaildirReader::isMaildir(const QString& path)
{
    return isRealDir(path + QStringLiteral("/cur")) || isRealDir(path + QStringLiteral("/new"));
}

MaildirReader::MaildirReader(const QString& path, const ReaderOptions& options)
    : m_path(path)
    , m_options(options)
{
    if (!isRealDir(path)) {
        failOpen(path, QStringLiteral("no such folder"));
        return;
    }
    findFolders(path, QString(), 0);
    if (m_folders.empty()) {
        failOpen(path, QStringLiteral("not a Maildir: no cur/ or new/ folder here or in a subfolder"));
        return;
    }
    if (m_controlFiles > 0) {
        report(SourceError::Severity::Note, m_path, -1, -1,
               QStringLiteral("%1 mail server control files (dovecot-uidlist, dovecot.index*, maildirfolder, "
                              "subscriptions, courierimap*...) are not messages; ignored")
                   .arg(m_controlFiles));
    }
    // The total for progress: one listing pass over cur/ and new/, file sizes only.
    for (const Folder& folder : m_folders) {
        for (const char* sub : {"/cur", "/new"}) {
            const QFileInfoList infos =
                QDir(folder.path + QLatin1String(sub)).entryInfoList(QDir::Files, QDir::NoSort);
            for (const QFileInfo& info : infos)
                m_bytesTotal += info.size();
        }
    }
}

void MaildirReader::noteControlFile(const QString& path)
{
    if (isControlFile(QFileInfo(path).fileName()))
        ++m_controlFiles;
    else
        report(SourceError::Severity::Note, path, -1, -1,
               QStringLiteral("not part of the Maildir layout; ignored"));
}

void MaildirReader::findFolders(const QString& dir, const QString& prefix, int depth)
{
    if (isMaildir(dir))
        m_folders.push_back({prefix, dir});
    if (depth >= maxFolderDepth)
        return;
    for (const QString& name : sortedEntries(dir)) {
        const QString path = dir + QLatin1Char('/') + name;
        if (name == QLatin1String("cur") || name == QLatin1String("new") || name == QLatin1String("tmp"))
            continue;
        const QFileInfo info(path);
        if (info.isSymLink()) {
            report(SourceError::Severity::Note, path, -1, -1,
                   QStringLiteral("a symbolic link, not followed"));
        } else if (info.isDir()) {
            // Maildir++ (RFC-less, Courier and Dovecot): ".Sent", ".Lists.qt" at the top level only.
            const bool dotFolder = depth == 0 && name.startsWith(QLatin1Char('.'));
            QString folderName;
            if (dotFolder)
                folderName = name.mid(1);
            else
                folderName = prefix.isEmpty() ? name : prefix + QLatin1Char('/') + name;
            if (isMaildir(path) || !dotFolder)
                findFolders(path, folderName, depth + 1);
            if (!isMaildir(path) && dotFolder)
                report(SourceError::Severity::Note, path, -1, -1,
                       QStringLiteral("a dot-folder without cur/ or new/; ignored"));
        } else if (isMaildir(dir)) {
            noteControlFile(path);
        }
    }
}

QStringList MaildirReader::folders() const
{
    QStringList names;
    for (const Folder& folder : m_folders)
        names << folder.name;
    return names;
}

bool MaildirReader::loadFolder(qsizetype folder)
{
    m_names.clear();
    m_pos = 0;
    m_folder = folder;
    if (folder >= qsizetype(m_folders.size()))
        return false;
    struct Entry
    {
        QString unique;
        QString relative;
    };
    std::vector<Entry> entries;
    for (const QString& sub : {QStringLiteral("cur"), QStringLiteral("new")}) {
        const QString dir = m_folders[size_t(folder)].path + QLatin1Char('/') + sub;
        for (const QString& name : sortedEntries(dir)) {
            const QString relative = sub + QLatin1Char('/') + name;
            // Maildir: names starting with '.' are not messages (and .DS_Store lives here too).
            if (name.startsWith(QLatin1Char('.')) || isControlFile(name)) {
                report(SourceError::Severity::Note, dir + QLatin1Char('/') + name, -1, -1,
                       QStringLiteral("a hidden or control file, not a message; ignored"));
                continue;
            }
            entries.push_back({MaildirFileName::parse(name).uniqueName, relative});
        }
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.unique != b.unique ? a.unique < b.unique : a.relative < b.relative;
    });
    m_names.reserve(qsizetype(entries.size()));
    for (Entry& entry : entries)
        m_names << std::move(entry.relative);
    return true;
}

std::optional<SourceItem> MaildirReader::next()
{
    if (!openError().isEmpty())
        return std::nullopt;
    if (m_folder < 0)
        loadFolder(0);
    while (m_folder < qsizetype(m_folders.size())) {
        if (m_pos >= m_names.size()) {
            loadFolder(m_folder + 1);
            continue;
        }
        const Folder& folder = m_folders[size_t(m_folder)];
        const QString relative = m_names[m_pos++];
        const QString path = folder.path + QLatin1Char('/') + relative;
        const qint64 index = m_index++;
        const QFileInfo info(path);
        // Never open a FIFO or device: opening one could block forever.
        if (info.isSymLink() || !info.isFile()) {
            report(SourceError::Severity::Note, path, -1, index,
                   info.exists()
                       ? QStringLiteral("not a regular file; skipped")
                       : QStringLiteral("the file disappeared while reading (moved by a mail program?); "
                                        "skipped"));
            continue;
        }
        MessageFile read = MessageFile::read(path, m_options.maxMessageSize);
        m_bytesRead += std::max<qint64>(0, read.fileSize);
        if (!read.error.isEmpty()) {
            report(SourceError::Severity::Error, path, -1, index, read.error);
            continue;
        }
        const QString notMail = MessageFile::notMailReason(
            QByteArrayView(read.bytes).first(std::min<qsizetype>(read.bytes.size(), 4096)));
        if (!notMail.isEmpty()) {
            report(SourceError::Severity::Note, path, 0, index, notMail + QStringLiteral("; skipped"));
            continue;
        }
        const QString fileName = relative.mid(4);
        const MaildirFileName name = MaildirFileName::parse(fileName);
        if (name.size >= 0 && name.size != read.bytes.size()) {
            report(SourceError::Severity::Warning, path, -1, index,
                   QStringLiteral("the file name says S=%1 but the file has %2 bytes; it may be truncated")
                       .arg(name.size)
                       .arg(read.bytes.size()));
        }
        if (read.bytes.contains('\0')) {
            report(SourceError::Severity::Warning, path, read.bytes.indexOf('\0'), index,
                   QStringLiteral("the message contains NUL bytes, which RFC 5322 does not allow"));
        }
        SourceItem item;
        item.kind = SourceKind::Maildir;
        item.path = path;
        item.index = index;
        item.length = read.bytes.size();
        item.bytes = std::move(read.bytes);
        item.folder = folder.name;
        item.uniqueName = name.uniqueName;
        item.flags = name.flags;
        item.declaredSize = name.size;
        item.resumeAfter = ResumePoint{0, index + 1};
        ++m_returned;
        return item;
    }
    return std::nullopt;
}

bool MaildirReader::seek(const ResumePoint& point)
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
    loadFolder(0);
    // Skip whole folders by their count, then step inside the folder that holds the point.
    while (m_folder < qsizetype(m_folders.size()) && m_index + m_names.size() <= point.index) {
        m_index += m_names.size();
        loadFolder(m_folder + 1);
    }
    if (m_folder < qsizetype(m_folders.size())) {
        m_pos = qsizetype(point.index - m_index);
        m_index = point.index;
    }
    return true;
}

SourceProgress MaildirReader::progress() const
{
    SourceProgress p;
    p.bytesRead = m_bytesRead;
    p.bytesTotal = m_bytesTotal;
    p.messages = m_returned;
    p.errors = m_errorCount;
    return p;
}

} // namespace authlens::sources
