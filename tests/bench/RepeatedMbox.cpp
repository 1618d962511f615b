// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepeatedMbox.h"

#include <QFile>

namespace authlens::bench {

RepeatedMbox::Result RepeatedMbox::write(const QString& source, const QString& target, qint64 minimumBytes)
{
    Result result;
    QFile in(source);
    QFile out(target);
    if (!in.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: %2").arg(source, in.errorString());
        return result;
    }
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        result.error = QStringLiteral("%1: %2").arg(target, out.errorString());
        return result;
    }
    if (in.size() == 0) {
        result.error = QStringLiteral("%1 is empty").arg(source);
        return result;
    }
    while (result.bytes < minimumBytes) {
        in.seek(0);
        const QByteArray copyField = "X-Bench-Copy: " + QByteArray::number(result.copies) + "\r\n";
        // The corpus is mboxrd: a line starting "From " is always a separator (body lines are quoted).
        while (!in.atEnd()) {
            const QByteArray line = in.readLine();
            if (line.isEmpty() && !in.atEnd()) {
                result.error = QStringLiteral("%1: %2").arg(source, in.errorString());
                return result;
            }
            qint64 written = out.write(line);
            if (line.startsWith("From ")) {
                written += out.write(copyField);
                ++result.messages;
            }
            if (written < line.size()) {
                result.error = QStringLiteral("%1: %2").arg(target, out.errorString());
                return result;
            }
        }
        ++result.copies;
        result.bytes = out.size();
    }
    if (!out.flush()) {
        result.error = QStringLiteral("%1: %2").arg(target, out.errorString());
        return result;
    }
    return result;
}

} // namespace authlens::bench
