// SPDX-License-Identifier: GPL-3.0-or-later
#include "MboxWriter.h"

#include <QDateTime>
#include <QLocale>

namespace authlens::bench {

namespace {

bool isQuotedFromLine(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && line[i] == '>')
        ++i;
    return line.sliced(i).startsWith("From ");
}

} // namespace

MboxWriter::MboxWriter(const QString& path)
    : m_file(path)
{}

bool MboxWriter::open()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    return true;
}

QByteArray MboxWriter::quoteMboxrd(const QByteArray& message)
{
    QByteArray out;
    out.reserve(message.size() + 64);
    qsizetype pos = 0;
    while (pos < message.size()) {
        qsizetype end = message.indexOf('\n', pos);
        end = end < 0 ? message.size() : end + 1;
        const QByteArrayView line = QByteArrayView(message).sliced(pos, end - pos);
        if (isQuotedFromLine(line))
            out.append('>');
        out.append(line);
        pos = end;
    }
    return out;
}

bool MboxWriter::write(const QByteArray& envelopeSender, qint64 date, const QByteArray& message)
{
    const bool crlf = message.contains("\r\n");
    const QByteArray eol = crlf ? "\r\n" : "\n";
    // RFC 4155: "From " sender, then the date in asctime() form.
    const QDateTime time = QDateTime::fromSecsSinceEpoch(date, Qt::UTC);
    // asctime() pads the day of the month to two columns with a space: "Thu Jan  1 10:00:00 2026".
    const QLocale c = QLocale::c();
    const QByteArray asctime = c.toString(time, QStringLiteral("ddd MMM ")).toLatin1() +
                               QByteArray::number(time.date().day()).rightJustified(2, ' ') +
                               c.toString(time, QStringLiteral(" hh:mm:ss yyyy")).toLatin1();
    QByteArray out = "From " + envelopeSender + " " + asctime + eol;
    out += quoteMboxrd(message);
    if (!message.endsWith('\n'))
        out += eol;
    out += eol;
    if (m_file.write(out) != out.size()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_written += out.size();
    return true;
}

bool MboxWriter::close()
{
    if (!m_file.flush()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_file.close();
    return true;
}

} // namespace authlens::bench
