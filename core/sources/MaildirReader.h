// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/MessageSource.h"

#include <QStringList>

namespace authlens::sources {

// Reads a Maildir (cur/ and new/; tmp/ holds deliveries in progress and is never read) and its
// subfolders: Maildir++ dot-folders (".Sent", ".Lists.qt" named "Sent", "Lists.qt") and nested
// Maildirs ("Sent/cur", named "Sent"). Folders come in sorted order, the top folder first; inside a
// folder, cur/ and new/ are merged and sorted by unique name, so the order does not change when a mail
// program moves a message from new/ to cur/ or changes its flags. Only one folder's file names are held.
// Known control files (dovecot-uidlist, dovecot.index*, maildirfolder, subscriptions, courierimap*...)
// are counted in one Note; other non-message files get a Note each.
class MaildirReader : public MessageSource
{
public:
    explicit MaildirReader(const QString& path, const ReaderOptions& options = {});

    SourceKind kind() const override { return SourceKind::Maildir; }
    QString path() const override { return m_path; }
    std::optional<SourceItem> next() override;
    // index: the position in the order above; stable while the Maildir gets no new messages.
    bool seek(const ResumePoint& point) override;
    SourceProgress progress() const override;

    // The folders found, in reading order ("" is the top folder).
    QStringList folders() const;

    // True when path has a cur/ or new/ folder.
    static bool isMaildir(const QString& path);

private:
    struct Folder
    {
        QString name;
        QString path;
    };
    void findFolders(const QString& dir, const QString& prefix, int depth);
    void noteControlFile(const QString& path);
    bool loadFolder(qsizetype folder);

    QString m_path;
    ReaderOptions m_options;
    std::vector<Folder> m_folders;
    QStringList m_names; // "cur/name" or "new/name" of the current folder, sorted by unique name
    qsizetype m_folder = -1;
    qsizetype m_pos = 0;
    qint64 m_index = 0;
    qint64 m_returned = 0;
    qint64 m_bytesRead = 0;
    qint64 m_bytesTotal = 0;
    qint64 m_controlFiles = 0;
};

} // namespace authlens::sources
