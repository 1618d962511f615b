// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace authlens::dkim {

// One tag=value pair of an RFC 6376 3.2 tag list, with where its value sits in the parsed text so the
// signature's own b= value can be blanked byte-exactly (RFC 6376 3.7).
struct Tag
{
    QByteArray name;
    QByteArray value;         // surrounding FWS removed, inner FWS kept as written
    qsizetype valueStart = 0; // offset of the first byte after '=' in the parsed text
    qsizetype valueEnd = 0;   // offset of the ';' that ends the value, or of the end of the text
};

struct TagListParseResult;

// The tag list of a DKIM-Signature field or a key record, parsed per RFC 6376 3.2:
//   tag-list = tag-spec *( ";" tag-spec ) [ ";" ], tag-spec = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
class TagList
{
public:
    using ParseResult = TagListParseResult;

    static ParseResult parse(QByteArrayView text);

    const std::vector<Tag>& tags() const { return m_tags; }
    const Tag* find(QByteArrayView name) const;

    // `value` with every FWS removed (b=, bh=, p=: RFC 6376 3.5 "whitespace is ignored").
    static QByteArray withoutWhitespace(QByteArrayView value);
    // A colon-separated list (h=, q=, key h=, s=, t=), each element trimmed of FWS.
    static std::vector<QByteArray> colonList(QByteArrayView value);

private:
    std::vector<Tag> m_tags;
};

struct TagListParseResult
{
    std::optional<TagList> tags; // empty on a syntax error
    QString error;               // "duplicate tag \"d\" at offset 42"
};

} // namespace authlens::dkim
