// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/SourceFactory.h"

#include "sources/EmlReader.h"
#include "sources/MaildirReader.h"
#include "sources/MboxReader.h"
#include "sources/MessageFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace authlens::sources {

namespace {

OpenedSource failed(const QString& path, const QString& why)
{
    OpenedSource opened;
    opened.error = QStringLiteral("%1: %2").arg(path, why);
    return opened;
}

OpenedSource opened(std::unique_ptr<MessageSource> source, const QString& reason)
{
    OpenedSource result;
    if (!source->openError().isEmpty()) {
        result.error = QStringLiteral("%1: %2").arg(source->path(), source->openError());
        return result;
    }
    result.source = std::move(source);
    result.reason = reason;
    return result;
}

bool hasMaildirBelow(const QString& path)
{
    // Maildir++ root without its own cur/: a dot-folder that has one is enough.
    const QStringList names = QDir(path).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString& name : names) {
        if (name.startsWith(QLatin1Char('.')) && MaildirReader::isMaildir(path + QLatin1Char('/') + name))
            return true;
    }
    return false;
}

} // namespace

OpenedSource SourceFactory::open(const QString& path, const ReaderOptions& options)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return failed(path, QStringLiteral("no such file or folder"));
    if (info.isDir()) {
        if (MaildirReader::isMaildir(path))
            return opened(std::make_unique<MaildirReader>(path, options),
                          QStringLiteral("a folder with cur/ or new/: Maildir"));
        if (hasMaildirBelow(path))
            return opened(std::make_unique<MaildirReader>(path, options),
                          QStringLiteral("a folder with Maildir++ dot-folders: Maildir"));
        return opened(std::make_unique<EmlReader>(path, options),
                      QStringLiteral("a folder without cur/ or new/: one message per file, recursively"));
    }
    if (!info.isFile())
        return failed(path, QStringLiteral("not a regular file or folder"));
    if (info.size() == 0)
        return failed(path, QStringLiteral("the file is empty"));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(path, QStringLiteral("cannot open: %1").arg(file.errorString()));
    const QByteArray head = file.read(4096);
    file.close();

    const QString suffix = info.suffix().toLower();
    if (head.startsWith("From ")) {
        // An .eml saved with its postmark holds one message; an mbox may hold many. Both read the same
        // for one message, so the mbox reader takes any file that starts like one, unless named .eml.
        if (suffix != QLatin1String("eml"))
            return opened(std::make_unique<MboxReader>(path, options),
                          QStringLiteral("the file starts with a \"From \" line: mbox"));
    }
    if (suffix == QLatin1String("mbox") || suffix == QLatin1String("mbx"))
        return opened(std::make_unique<MboxReader>(path, options),
                      QStringLiteral("named .%1: mbox").arg(suffix));
    const QString notMail = MessageFile::notMailReason(head);
    if (notMail.isEmpty())
        return opened(std::make_unique<EmlReader>(path, options),
                      QStringLiteral("the file starts with a header field: one message"));
    return failed(path,
                  QStringLiteral("neither an mbox (no \"From \" line at the start) nor a mail message (%1)")
                      .arg(notMail));
}

} // namespace authlens::sources
