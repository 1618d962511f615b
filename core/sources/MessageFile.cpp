// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/MessageFile.h"

#include <QFile>

namespace authlens::sources {

MessageFile MessageFile::read(const QString& path, qint64 maxSize)
{
    MessageFile result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot open: %1").arg(file.errorString());
        return result;
    }
    result.fileSize = file.size();
    if (result.fileSize > maxSize) {
        result.error =
            QStringLiteral("the file is %1 bytes, over the message-size limit of %2 bytes; skipped")
                .arg(result.fileSize)
                .arg(maxSize);
        return result;
    }
    // Read one byte past the size: a file that grew since it was listed must still respect the limit.
    result.bytes = file.read(std::min(maxSize, result.fileSize) + 1);
    if (result.bytes.size() > maxSize) {
        result.error =
            QStringLiteral("the file grew past the message-size limit of %1 bytes; skipped").arg(maxSize);
        result.bytes.clear();
    } else if (file.error() != QFileDevice::NoError) {
        result.error = QStringLiteral("read error: %1").arg(file.errorString());
        result.bytes.clear();
    }
    return result;
}

QString MessageFile::notMailReason(QByteArrayView head)
{
    if (head.isEmpty())
        return QStringLiteral("the file is empty");
    qsizetype pos = 0;
    if (head.startsWith("From ")) {
        const qsizetype lf = head.indexOf('\n');
        if (lf < 0)
            return QStringLiteral("the file holds only a \"From \" line");
        pos = lf + 1;
    }
    // RFC 5322 2.2: field name is printable US-ASCII except ':', then ':'. Some writers put WSP
    // before the colon (obsolete syntax, RFC 5322 4.5), which is accepted.
    qsizetype i = pos;
    while (i < head.size() && i - pos < 200) {
        const auto c = static_cast<unsigned char>(head[i]);
        if (c == ':')
            break;
        if (c < 33 || c > 126)
            break;
        ++i;
    }
    const qsizetype nameEnd = i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t'))
        ++i;
    if (nameEnd > pos && i < head.size() && head[i] == ':')
        return {};
    return QStringLiteral(
        "it does not start with a header field (\"Name: value\"), so it is not a mail message");
}

} // namespace authlens::sources
