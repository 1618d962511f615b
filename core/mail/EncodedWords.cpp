// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/EncodedWords.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QStringDecoder>

#include <optional>

namespace authlens::mail {

namespace {

// RFC 2047 2: =?charset?encoding?encoded-text?= ; charset may carry an RFC 2231 "*language" suffix.
const QRegularExpression& encodedWordPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("=\\?([^?\\s*]+)(\\*[^?\\s]*)?\\?([BbQq])\\?([^?\\s]*)\\?="));
    return pattern;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// RFC 2047 4.2: "Q" encoding; "_" is a space.
QByteArray decodeQ(const QByteArray& text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            out.append(' ');
        } else if (c == '=' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
                   hexValue(text[i + 2]) >= 0) {
            out.append(char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else {
            out.append(c);
        }
    }
    return out;
}

std::optional<QString> decodeWord(const QString& charset, QChar encoding, const QString& encodedText)
{
    const QByteArray raw = encodedText.toLatin1();
    QByteArray bytes;
    if (encoding == QLatin1Char('B') || encoding == QLatin1Char('b')) {
        const auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        bytes = decoded.decoded;
    } else {
        bytes = decodeQ(raw);
    }
    const QString name = charset.toLower();
    if (name == QLatin1String("us-ascii") || name == QLatin1String("ascii"))
        return QString::fromLatin1(bytes);
    QStringDecoder decoder(name.toLatin1().constData());
    if (!decoder.isValid())
        return QString::fromLatin1(bytes); // an unknown charset: show the bytes rather than nothing
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

} // namespace

bool EncodedWords::containsEncodedWord(QByteArrayView text)
{
    return encodedWordPattern().match(QString::fromLatin1(text.toByteArray())).hasMatch();
}

QString EncodedWords::decode(QByteArrayView text)
{
    // Work on a Latin-1 view so offsets are byte offsets; plain stretches are converted from UTF-8 later.
    const QByteArray bytes = text.toByteArray();
    const QString latin = QString::fromLatin1(bytes);
    QString out;
    qsizetype pos = 0;
    bool previousWasEncoded = false;
    auto it = encodedWordPattern().globalMatch(latin);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QByteArray between = bytes.mid(pos, match.capturedStart() - pos);
        const std::optional<QString> decoded =
            decodeWord(match.captured(1), match.captured(3).at(0), match.captured(4));
        // RFC 2047 6.2: linear white space between adjacent encoded-words is not displayed.
        if (!(previousWasEncoded && decoded && between.trimmed().isEmpty()))
            out += QString::fromUtf8(between);
        if (decoded) {
            out += *decoded;
            previousWasEncoded = true;
        } else {
            out += match.captured(0);
            previousWasEncoded = false;
        }
        pos = match.capturedEnd();
    }
    out += QString::fromUtf8(bytes.mid(pos));
    return out;
}

} // namespace authlens::mail
