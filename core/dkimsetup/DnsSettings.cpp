// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/DnsSettings.h"

#include <algorithm>

namespace authlens::dkimsetup {

QByteArray DnsSettings::recordValue(dkim::KeyType type, const QByteArray& publicKeyRecordBytes)
{
    return "v=DKIM1; k=" + dkim::keyTypeName(type) + "; p=" + publicKeyRecordBytes.toBase64();
}

DnsSettings DnsSettings::forKey(const QByteArray& domain, const QByteArray& selector, dkim::KeyType type,
                                const QByteArray& publicKeyRecordBytes)
{
    DnsSettings settings;
    settings.domain = domain;
    settings.selector = selector;
    settings.name = selector + "._domainkey." + domain;
    settings.value = recordValue(type, publicKeyRecordBytes);
    settings.strings = splitStrings(settings.value);
    return settings;
}

QList<QByteArray> DnsSettings::splitStrings(QByteArrayView value, int maxOctets)
{
    QList<QByteArray> strings;
    if (maxOctets <= 0)
        maxOctets = 255;
    for (qsizetype pos = 0; pos < value.size(); pos += maxOctets)
        strings.append(value.sliced(pos, std::min<qsizetype>(maxOctets, value.size() - pos)).toByteArray());
    if (strings.isEmpty())
        strings.append(QByteArray()); // a TXT record holds at least one (empty) string
    return strings;
}

QByteArray DnsSettings::joinStrings(const QList<QByteArray>& strings)
{
    QByteArray joined;
    for (const QByteArray& string : strings)
        joined += string;
    return joined;
}

QByteArray DnsSettings::quoted(QByteArrayView string)
{
    QByteArray out;
    out.reserve(string.size() + 2);
    out += '"';
    for (const char c : string) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte > 0x7e) {
            out += '\\';
            out += QByteArray::number(byte).rightJustified(3, '0');
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

QByteArray DnsSettings::zoneLine() const
{
    QByteArray line = name + ". " + QByteArray::number(ttl) + " IN TXT";
    for (const QByteArray& string : strings)
        line += ' ' + quoted(string);
    return line;
}

QByteArray DnsSettings::cnameZoneLine() const
{
    if (cnameTarget.isEmpty())
        return {};
    return name + ". " + QByteArray::number(ttl) + " IN CNAME " + cnameTarget + '.';
}

QByteArray DnsSettings::cnameTargetFor(const QString& pattern, const QByteArray& domain,
                                       const QByteArray& selector)
{
    QString target = pattern.trimmed();
    target.replace(QLatin1String("{selector}"), QString::fromLatin1(selector));
    target.replace(QLatin1String("{domain}"), QString::fromLatin1(domain));
    QByteArray bytes = target.toLatin1().toLower();
    while (bytes.endsWith('.'))
        bytes.chop(1);
    return bytes;
}

} // namespace authlens::dkimsetup
