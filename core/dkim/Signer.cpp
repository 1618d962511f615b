// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/Signer.h"

#include "dkim/BodyHasher.h"
#include "dkim/HeaderSelector.h"

#include <QDateTime>
#include <QHash>

namespace authlens::dkim {

Signer::Signer(Crypto::Key key, Options options)
    : m_key(std::move(key))
    , m_options(std::move(options))
{}

Signer::Output Signer::sign(const mail::Message& message) const
{
    Output output;
    const Options& o = m_options;
    if (m_key.isNull()) {
        output.error = QStringLiteral("no signing key");
        return output;
    }
    if (o.algorithm == Algorithm::RsaSha1) {
        output.error = QStringLiteral("rsa-sha1 must not be used for signing (RFC 8301 3.1)");
        return output;
    }
    if (m_key.type != keyTypeOf(o.algorithm)) {
        output.error = QStringLiteral("the key type does not fit %1")
                           .arg(QString::fromLatin1(algorithmName(o.algorithm)));
        return output;
    }
    if (o.domain.isEmpty() || o.selector.isEmpty()) {
        output.error = QStringLiteral("d= and s= are required");
        return output;
    }

    std::vector<QByteArray> names = o.headers;
    if (names.empty()) {
        for (const char* name : {"From", "To", "Cc", "Subject", "Date", "Message-ID", "Reply-To",
                                 "MIME-Version", "Content-Type", "Content-Transfer-Encoding"}) {
            if (message.firstFieldNamed(name) || QByteArrayView(name) == "From")
                names.emplace_back(name);
        }
    }
    if (o.oversign) {
        // One more entry per distinct name than the message has instances.
        QHash<QByteArray, int> listed;
        std::vector<QByteArray> distinct;
        for (const QByteArray& name : names) {
            if (listed[name.toLower()]++ == 0)
                distinct.push_back(name);
        }
        for (const QByteArray& name : distinct) {
            const int have = int(message.fieldsNamed(name).size());
            for (int i = listed[name.toLower()]; i < have + 1; ++i)
                names.push_back(name);
        }
    }

    const std::optional<quint64> limit = o.bodyLengthLimit;
    BodyHasher hasher(o.bodyCanonicalization, hashOf(o.algorithm), limit);
    hasher.update(message.body());
    const QByteArray bodyHash = hasher.finish();

    QByteArray value =
        " v=1; a=" + algorithmName(o.algorithm) + "; c=" + canonicalizationName(o.headerCanonicalization) +
        '/' + canonicalizationName(o.bodyCanonicalization) + "; d=" + o.domain + "; s=" + o.selector + ";";
    if (o.auid)
        value += " i=" + *o.auid + ";";
    if (!o.omitTimestamp) {
        const qint64 t = o.timestamp ? *o.timestamp : QDateTime::currentSecsSinceEpoch();
        value += " t=" + QByteArray::number(t) + ";";
    }
    if (o.expiration)
        value += " x=" + QByteArray::number(*o.expiration) + ";";
    if (limit || o.bodyLength)
        value += " l=" +
                 QByteArray::number(limit ? std::min(*limit, hasher.canonicalLength())
                                          : hasher.canonicalLength()) +
                 ";";
    QByteArray h;
    for (const QByteArray& name : names)
        h += (h.isEmpty() ? "" : ":") + name;
    value += "\r\n\th=" + h + ";\r\n\tbh=" + bodyHash.toBase64() + ";\r\n\tb=";

    const QByteArray unsignedField = "DKIM-Signature:" + value;
    const HeaderSelector::Selection selection =
        HeaderSelector::select(message.headerFields(), names, o.headerCanonicalization);
    // b= is the last tag and still empty: its value runs from the end of the field value to the end.
    const qsizetype valueLength = value.size();
    QByteArray signedData = selection.canonicalizedHeaders;
    signedData += HeaderSelector::signatureFieldForHash(unsignedField, valueLength, valueLength,
                                                        o.headerCanonicalization);
    const QByteArray signature = Crypto::sign(m_key, o.algorithm, signedData);
    if (signature.isEmpty()) {
        output.error = QStringLiteral("signing failed");
        return output;
    }
    output.field = unsignedField + signature.toBase64() + "\r\n";
    return output;
}

QByteArray Signer::prepend(const QByteArray& field, const QByteArray& messageBytes)
{
    // Keep the file's own line ending convention.
    const qsizetype lf = messageBytes.indexOf('\n');
    const bool bareLf = lf >= 0 && (lf == 0 || messageBytes[lf - 1] != '\r');
    QByteArray f = field;
    if (bareLf)
        f.replace("\r\n", "\n");
    return f + messageBytes;
}

} // namespace authlens::dkim
