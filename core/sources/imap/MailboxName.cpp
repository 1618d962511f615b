// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/MailboxName.h"

namespace authlens::sources::imap {

QByteArray MailboxName::encode(const QString& name)
{
    QByteArray out;
    QByteArray pending; // UTF-16BE of a run of non-printable-ASCII characters
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        QByteArray b64 = pending.toBase64(QByteArray::OmitTrailingEquals);
        b64.replace('/', ',');
        out += '&' + b64 + '-';
        pending.clear();
    };
    for (const QChar ch : name) {
        const char16_t u = ch.unicode();
        if (u >= 0x20 && u <= 0x7e) {
            flush();
            out += char(u);
            if (u == '&')
                out += '-';
        } else {
            pending += char(u >> 8);
            pending += char(u & 0xff);
        }
    }
    flush();
    return out;
}

std::optional<QString> MailboxName::decode(QByteArrayView encoded)
{
    QString out;
    qsizetype i = 0;
    while (i < encoded.size()) {
        const char c = encoded[i];
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            return std::nullopt;
        if (c != '&') {
            out += QLatin1Char(c);
            ++i;
            continue;
        }
        const qsizetype end = encoded.indexOf('-', i + 1);
        if (end < 0)
            return std::nullopt;
        if (end == i + 1) {
            out += QLatin1Char('&');
        } else {
            QByteArray b64 = encoded.sliced(i + 1, end - i - 1).toByteArray();
            b64.replace(',', '/');
            auto decoded = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || decoded.decoded.size() % 2 != 0)
                return std::nullopt;
            for (qsizetype k = 0; k < decoded.decoded.size(); k += 2) {
                const auto hi = static_cast<unsigned char>(decoded.decoded[k]);
                const auto lo = static_cast<unsigned char>(decoded.decoded[k + 1]);
                out += QChar(char16_t((hi << 8) | lo));
            }
        }
        i = end + 1;
    }
    return out;
}

} // namespace authlens::sources::imap
