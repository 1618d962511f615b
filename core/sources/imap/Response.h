// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace authlens::sources::imap {

// One token of a server response (RFC 3501 9, formal syntax): an atom or number, a string (quoted or
// literal, kept as the exact bytes), NIL, or a parenthesized list of values.
struct Value
{
    enum class Kind
    {
        Atom,   // atom, number, flag (\Seen), or section spec such as BODY[HEADER]<0>
        String, // quoted string (unescaped) or literal (byte-exact)
        Nil,
        List,
    };
    Kind kind = Kind::Atom;
    QByteArray text;          // Atom / String
    std::vector<Value> items; // List
    bool fromLiteral = false; // String that came as {n} or ~{n}
    qint64 streamOffset = -1; // where the token began in the byte stream

    bool isAtom(QByteArrayView name) const;  // ASCII case-insensitive
    std::optional<quint64> toNumber() const; // atoms made only of digits
};

// The data items of one FETCH response (RFC 3501 7.4.2) that a mail import needs.
struct FetchData
{
    quint32 sequenceNumber = 0;
    std::optional<quint32> uid;
    std::optional<QByteArray> body; // BODY[] exact bytes, whatever way it was sent
    QByteArray internalDate;        // "17-Jul-1996 02:44:25 -0700" as sent
    std::optional<quint64> rfc822Size;
    std::optional<QList<QByteArray>> flags;
};

// One complete server response (RFC 3501 7): a continuation request, a tagged status, or untagged data.
struct Response
{
    enum class Kind
    {
        Continuation, // "+ ..."
        Tagged,       // "tag OK/NO/BAD ..."
        Untagged,     // "* ..."
    };
    enum class Status
    {
        None, // untagged data that is not a status (CAPABILITY, FETCH, ...)
        Ok,
        No,
        Bad,
        PreAuth,
        Bye,
    };
    Kind kind = Kind::Untagged;
    QByteArray tag; // Tagged only
    Status status = Status::None;
    QByteArray code;                // response code name in upper case ("UIDVALIDITY"), or empty
    QByteArray codeArguments;       // the raw text after the code name, up to ']'
    QByteArray text;                // human-readable text (status responses, continuation)
    std::optional<quint32> number;  // "* 23 EXISTS" -> 23
    QByteArray name;                // data name in upper case: CAPABILITY, FETCH, SEARCH, EXISTS ...
    std::vector<Value> data;        // the tokens after the name
    std::optional<FetchData> fetch; // filled for FETCH
    qint64 streamOffset = 0;        // where this response began in the byte stream

    bool isStatus() const { return status != Status::None; }
    // Code arguments split on spaces, e.g. CAPABILITY atoms.
    QList<QByteArray> codeWords() const;
    std::optional<quint64> codeNumber() const;
};

QString statusWord(Response::Status status);

} // namespace authlens::sources::imap
