// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/DirectoryWalker.h"
#include "sources/MessageSource.h"

#include <memory>

namespace authlens::sources {

// One message per file: a single .eml file, or every regular file under a folder, recursively, in
// sorted order (see DirectoryWalker). Files that do not start like a mail message are skipped with a
// Note; the file extension is not looked at, since exports name files .eml, .msg, .txt or nothing.
// ResumePoint::index counts every regular file met, read or skipped, so it is stable across runs.
class EmlReader : public MessageSource
{
public:
    explicit EmlReader(const QString& path, const ReaderOptions& options = {});

    SourceKind kind() const override { return m_singleFile ? SourceKind::EmlFile : SourceKind::EmlFolder; }
    QString path() const override { return m_path; }
    std::optional<SourceItem> next() override;
    bool seek(const ResumePoint& point) override;
    SourceProgress progress() const override;

private:
    std::optional<QString> nextFile();

    QString m_path;
    ReaderOptions m_options;
    bool m_singleFile = false;
    bool m_singleFileDone = false;
    std::unique_ptr<DirectoryWalker> m_walker;
    qint64 m_index = 0;
    qint64 m_returned = 0;
    qint64 m_bytesRead = 0;
    qint64 m_bytesTotal = 0;
};

} // namespace authlens::sources
