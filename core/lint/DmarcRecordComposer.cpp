// SPDX-License-Identifier: GPL-3.0-or-later
#include "lint/DmarcRecordComposer.h"

namespace authlens::lint {

namespace {

QByteArray policyText(const std::optional<dmarc::Policy>& policy)
{
    return policy ? dmarc::policyName(*policy).toLatin1() : QByteArray();
}

} // namespace

std::optional<QByteArray> DmarcRecordComposer::valueOf(const dmarc::Record& record, QByteArrayView tag)
{
    if (!record.tagsInOrder.contains(tag.toByteArray()))
        return std::nullopt;
    QByteArray value;
    if (tag == "v")
        value = "DMARC1";
    else if (tag == "p")
        value = policyText(record.p);
    else if (tag == "sp")
        value = policyText(record.sp);
    else if (tag == "np")
        value = policyText(record.np);
    else if (tag == "psd")
        value = record.psd == dmarc::PsdFlag::Yes ? "y" : record.psd == dmarc::PsdFlag::No ? "n" : "u";
    else if (tag == "t")
        value = record.testing ? "y" : "n";
    else if (tag == "adkim")
        value = record.adkim == dmarc::AlignmentMode::Strict ? "s" : "r";
    else if (tag == "aspf")
        value = record.aspf == dmarc::AlignmentMode::Strict ? "s" : "r";
    else if (tag == "rua")
        value = record.rua.join(',');
    else if (tag == "ruf")
        value = record.ruf.join(',');
    else if (tag == "fo")
        value = record.fo;
    else if (tag == "pct" && record.pct)
        value = QByteArray::number(*record.pct);
    else if (tag == "rf")
        value = record.rf;
    else if (tag == "ri" && record.ri)
        value = QByteArray::number(*record.ri);
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

QString DmarcRecordComposer::compose(const dmarc::Record& record, const Edits& edits)
{
    QList<QByteArray> order{"v", "p"}; // RFC 9989 4.7: v first; p right after it, as everyone writes it
    for (const QByteArray& tag : record.tagsInOrder) {
        if (!order.contains(tag) && !record.unknownTags.contains(tag))
            order.append(tag);
    }
    if (!edits.addRua.isEmpty() && !order.contains("rua"))
        order.append("rua");
    QList<QByteArray> parts;
    for (const QByteArray& tag : order) {
        if ((tag == "sp" && edits.dropSp) || (tag == "np" && edits.dropNp) ||
            (tag == "pct" && (edits.dropPct || edits.dropLegacy)) ||
            ((tag == "rf" || tag == "ri") && edits.dropLegacy))
            continue;
        std::optional<QByteArray> value;
        if (tag == "v")
            value = "DMARC1";
        else if (tag == "p" && edits.p)
            value = policyText(edits.p);
        else if (tag == "p")
            value = record.p ? policyText(record.p) : QByteArray("none");
        else if (tag == "rua" && !edits.addRua.isEmpty()) {
            QList<QByteArray> uris = record.rua;
            for (const QByteArray& uri : edits.addRua) {
                if (!uris.contains(uri))
                    uris.append(uri);
            }
            value = uris.join(',');
        } else {
            value = valueOf(record, tag);
        }
        if (value)
            parts.append(tag + "=" + *value);
    }
    return QString::fromLatin1(parts.join("; "));
}

} // namespace authlens::lint
