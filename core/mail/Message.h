// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/HeaderField.h"
#include "mail/MessageLimits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace authlens::mail {

// Something odd found while splitting a message; the message is still usable.
struct ParseProblem
{
    qsizetype offset = 0; // byte offset in the message as received
    int line = 0;         // 1-based
    QString message;
};

// An RFC 5322 message kept as the bytes it arrived as. Header fields are split without touching them
// (folding, order and duplicates kept); the body is a view, converted to CRLF only when the message
// used bare LF, because receivers hash LF files as if every LF were CRLF.
class Message
{
public:
    static Message parse(QByteArray bytes);
    static Message parse(QByteArray bytes, const MessageLimits& limits);

    const QByteArray& bytes() const { return m_bytes; }
    const std::vector<HeaderField>& headerFields() const { return m_fields; }

    // Fields with this name (ASCII case-insensitive), in header order, topmost first.
    std::vector<const HeaderField*> fieldsNamed(QByteArrayView name) const;
    const HeaderField* firstFieldNamed(QByteArrayView name) const;

    // The body with CRLF line endings; valid while this Message lives.
    QByteArrayView body() const;
    // Offset of the body in bytes(), or -1 when there is no empty line ending the header.
    qsizetype bodyOffset() const { return m_bodyOffset; }
    bool hasBodySeparator() const { return m_bodyOffset >= 0; }

    // True when any line ended in a bare LF (header or body): a likely cause when a signature fails.
    bool hadBareLf() const { return m_hadBareLf; }
    // A leading mbox "From " envelope line, which is not part of the message; empty if none.
    const QByteArray& envelopeFromLine() const { return m_envelopeFrom; }
    const std::vector<ParseProblem>& problems() const { return m_problems; }
    // Set when the message broke one of the MessageLimits: parsing stopped there (the fields before it
    // are kept) and the message must not be analyzed; the caller reports it as an error for this message.
    const std::optional<ParseProblem>& limitError() const { return m_limitError; }

private:
    void splitHeader(const MessageLimits& limits);
    void locateBody(qsizetype offset, const MessageLimits& limits, int firstBodyLine);

    QByteArray m_bytes;
    QByteArray m_crlfBody; // filled only when the body had bare LF
    QByteArray m_envelopeFrom;
    std::vector<HeaderField> m_fields;
    std::vector<ParseProblem> m_problems;
    std::optional<ParseProblem> m_limitError;
    qsizetype m_bodyOffset = -1;
    bool m_hadBareLf = false;
    bool m_bodyHadBareLf = false;
};

} // namespace authlens::mail
