// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/AddressParser.h"

#include "mail/EncodedWords.h"

#include <QUrl>

#include <cstring>

namespace authlens::mail {

namespace {

struct Token
{
    enum class Kind
    {
        Atom,          // atext run (bytes >= 0x80 allowed, RFC 6532)
        Quoted,        // quoted-string, content unescaped
        DomainLiteral, // [ ... ] with the brackets
        Special,       // one of < > @ , ; : .
    };
    Kind kind = Kind::Atom;
    QByteArray text;
    int position = 0;
    bool spaceBefore = false; // CFWS preceded it

    bool is(char c) const { return kind == Kind::Special && text.size() == 1 && text[0] == c; }
    bool isWord() const { return kind == Kind::Atom || kind == Kind::Quoted; }
};

bool isSpecial(char c)
{
    switch (c) {
    case '(':
    case ')':
    case '<':
    case '>':
    case '[':
    case ']':
    case ':':
    case ';':
    case '@':
    case '\\':
    case ',':
    case '.':
    case '"':
        return true;
    default:
        return false;
    }
}

bool isWsp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

class Tokenizer
{
public:
    explicit Tokenizer(QByteArrayView value, QList<AddressProblem>& problems)
        : m_value(value)
        , m_problems(problems)
    {}

    std::vector<Token> run()
    {
        std::vector<Token> tokens;
        bool space = false;
        qsizetype i = 0;
        const qsizetype n = m_value.size();
        while (i < n) {
            const char c = m_value[i];
            if (isWsp(c)) {
                space = true;
                ++i;
            } else if (c == '(') {
                i = skipComment(i);
                space = true;
            } else if (c == '"') {
                Token t{Token::Kind::Quoted, {}, int(i), space};
                ++i;
                bool closed = false;
                while (i < n) {
                    if (m_value[i] == '\\' && i + 1 < n) {
                        t.text.append(m_value[i + 1]);
                        i += 2;
                    } else if (m_value[i] == '"') {
                        ++i;
                        closed = true;
                        break;
                    } else {
                        if (m_value[i] != '\r' && m_value[i] != '\n')
                            t.text.append(m_value[i]);
                        ++i;
                    }
                }
                if (!closed)
                    m_problems.append({t.position, QStringLiteral("quoted string not closed")});
                tokens.push_back(t);
                space = false;
            } else if (c == '[') {
                Token t{Token::Kind::DomainLiteral, {}, int(i), space};
                const qsizetype close = m_value.indexOf(']', i);
                const qsizetype end = close < 0 ? n : close + 1;
                if (close < 0)
                    m_problems.append({int(i), QStringLiteral("domain literal not closed by ]")});
                t.text = m_value.sliced(i, end - i).toByteArray();
                tokens.push_back(t);
                i = end;
                space = false;
            } else if (c == ')' || c == ']' || c == '\\') {
                m_problems.append({int(i), QStringLiteral("unexpected '%1'").arg(QLatin1Char(c))});
                ++i;
            } else if (isSpecial(c)) {
                tokens.push_back({Token::Kind::Special, QByteArray(1, c), int(i), space});
                ++i;
                space = false;
            } else {
                Token t{Token::Kind::Atom, {}, int(i), space};
                while (i < n && !isWsp(m_value[i]) && !isSpecial(m_value[i]))
                    t.text.append(m_value[i++]);
                tokens.push_back(t);
                space = false;
            }
        }
        return tokens;
    }

private:
    // RFC 5322 3.2.2: comments nest and may hold quoted-pairs.
    qsizetype skipComment(qsizetype i)
    {
        const qsizetype start = i;
        int depth = 0;
        while (i < m_value.size()) {
            const char c = m_value[i];
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '(')
                ++depth;
            else if (c == ')' && --depth == 0)
                return i + 1;
            ++i;
        }
        m_problems.append({int(start), QStringLiteral("comment not closed")});
        return m_value.size();
    }

    QByteArrayView m_value;
    QList<AddressProblem>& m_problems;
};

class Parser
{
public:
    Parser(std::vector<Token> tokens, AddressList& list, int end)
        : m_tokens(std::move(tokens))
        , m_list(list)
        , m_end(end)
    {}

    void parseList()
    {
        while (m_pos < m_tokens.size()) {
            if (peek().is(',')) { // obs-addr-list: empty elements
                ++m_pos;
                continue;
            }
            const std::size_t before = m_pos;
            parseAddress();
            if (m_pos < m_tokens.size() && !peek().is(',')) {
                problem(
                    peek().position,
                    QStringLiteral("unexpected \"%1\" after an address").arg(QString::fromUtf8(peek().text)));
                skipTo(",");
            }
            if (m_pos == before)
                ++m_pos; // always move forward
        }
    }

private:
    const Token& peek(std::size_t ahead = 0) const { return m_tokens[m_pos + ahead]; }
    bool atEnd() const { return m_pos >= m_tokens.size(); }
    int position() const { return atEnd() ? m_end : peek().position; }

    void problem(int position, const QString& message) { m_list.problems.append({position, message}); }

    void skipTo(const char* stops)
    {
        while (!atEnd()) {
            const Token& t = peek();
            if (t.kind == Token::Kind::Special && std::strchr(stops, t.text[0]))
                return;
            ++m_pos;
        }
    }

    void parseAddress()
    {
        // Look ahead at this level: a ':' before any '<', '@', ',' starts a group.
        for (std::size_t i = m_pos; i < m_tokens.size(); ++i) {
            const Token& t = m_tokens[i];
            if (t.is(':')) {
                parseGroup();
                return;
            }
            if (t.is('<') || t.is('@') || t.is(',') || t.is(';'))
                break;
        }
        parseMailbox(QString());
    }

    void parseGroup()
    {
        const QByteArray name = phrase(':');
        m_list.groups.append(EncodedWords::decode(name));
        ++m_pos; // ':'
        while (!atEnd()) {
            if (peek().is(';')) {
                ++m_pos;
                return;
            }
            if (peek().is(',')) {
                ++m_pos;
                continue;
            }
            const std::size_t before = m_pos;
            parseMailbox(EncodedWords::decode(name));
            if (!atEnd() && !peek().is(',') && !peek().is(';')) {
                problem(peek().position,
                        QStringLiteral("unexpected \"%1\" in a group").arg(QString::fromUtf8(peek().text)));
                skipTo(",;");
            }
            if (m_pos == before)
                ++m_pos;
        }
        problem(m_end, QStringLiteral("group \"%1\" not closed by ';'").arg(QString::fromUtf8(name)));
    }

    // Words (atoms, quoted strings, obs-phrase dots) up to `stop` at this level, joined for display.
    QByteArray phrase(char stop)
    {
        QByteArray out;
        while (!atEnd() && !peek().is(stop)) {
            const Token& t = peek();
            if (!t.isWord() && !t.is('.'))
                break;
            if (!out.isEmpty() && t.spaceBefore)
                out.append(' ');
            out.append(t.text);
            ++m_pos;
        }
        return out;
    }

    void parseMailbox(const QString& group)
    {
        Mailbox mailbox;
        mailbox.group = group;
        mailbox.position = position();
        bool angle = false;
        for (std::size_t i = m_pos; i < m_tokens.size(); ++i) {
            const Token& t = m_tokens[i];
            if (t.is('<')) {
                angle = true;
                break;
            }
            if (t.is(',') || t.is(';') || t.is('@'))
                break;
        }
        if (angle) {
            mailbox.rawDisplayName = phrase('<');
            mailbox.displayName = EncodedWords::decode(mailbox.rawDisplayName).trimmed();
            if (atEnd() || !peek().is('<')) {
                problem(position(), QStringLiteral("expected '<' after the display name"));
                return;
            }
            ++m_pos;
            // RFC 5322 4.4 obs-route: "<@a.example,@b.example:user@c.example>".
            if (!atEnd() && peek().is('@')) {
                skipTo(":>");
                if (!atEnd() && peek().is(':'))
                    ++m_pos;
            }
            if (!atEnd() && peek().is('>')) {
                problem(peek().position, QStringLiteral("empty address <>"));
                ++m_pos;
                return;
            }
            if (!addrSpec(mailbox))
                return;
            if (atEnd() || !peek().is('>')) {
                problem(position(), QStringLiteral("expected '>' to close the address"));
                skipTo(",;");
            } else {
                ++m_pos;
            }
        } else if (!addrSpec(mailbox)) {
            return;
        }
        m_list.mailboxes.push_back(mailbox);
    }

    bool addrSpec(Mailbox& mailbox)
    {
        const int start = position();
        QByteArray local;
        bool expectWord = true;
        while (!atEnd()) {
            const Token& t = peek();
            if (t.isWord() && expectWord) {
                local.append(t.text);
                expectWord = false;
            } else if (t.is('.') && !expectWord) {
                local.append('.');
                expectWord = true;
            } else if (t.is('.')) {
                local.append('.'); // obs-local-part allows odd dots; tolerated
            } else {
                break;
            }
            ++m_pos;
        }
        if (atEnd() || !peek().is('@')) {
            problem(start, local.isEmpty()
                               ? QStringLiteral("expected an address")
                               : QStringLiteral("\"%1\" has no @domain").arg(QString::fromUtf8(local)));
            skipTo(",;>");
            return false;
        }
        if (local.isEmpty()) {
            problem(start, QStringLiteral("the address has no local part"));
        }
        ++m_pos; // '@'
        const int domainStart = position();
        QByteArray domain;
        if (!atEnd() && peek().kind == Token::Kind::DomainLiteral) {
            domain = peek().text;
            mailbox.domainLiteral = true;
            ++m_pos;
        } else {
            while (!atEnd() && (peek().kind == Token::Kind::Atom || peek().is('.'))) {
                domain.append(peek().text);
                ++m_pos;
            }
        }
        if (domain.isEmpty()) {
            problem(domainStart, QStringLiteral("the address has no domain"));
            return false;
        }
        mailbox.localPart = local;
        mailbox.domain = domain;
        if (!mailbox.domainLiteral) {
            mailbox.domainAce = AddressParser::toAce(domain);
            if (mailbox.domainAce.isEmpty())
                problem(domainStart,
                        QStringLiteral("\"%1\" is not a valid domain name").arg(QString::fromUtf8(domain)));
            else
                mailbox.domainUnicode = QUrl::fromAce(mailbox.domainAce, QUrl::IgnoreIDNWhitelist);
        } else {
            mailbox.domainUnicode = QString::fromUtf8(domain);
        }
        return true;
    }

    std::vector<Token> m_tokens;
    AddressList& m_list;
    std::size_t m_pos = 0;
    int m_end = 0;
};

} // namespace

QByteArray AddressParser::toAce(QByteArrayView domain)
{
    QByteArray name = domain.toByteArray();
    while (name.endsWith('.'))
        name.chop(1);
    if (name.isEmpty() || name.startsWith('.') || name.contains("..") || name.size() > 253)
        return {};
    bool ascii = true;
    for (char c : name) {
        if (static_cast<unsigned char>(c) >= 0x80)
            ascii = false;
    }
    if (ascii) {
        for (const QByteArray& label : name.split('.')) {
            if (label.size() > 63)
                return {};
        }
        return name.toLower();
    }
    // RFC 8616 3: compare an internationalized domain in its A-label form.
    const QString unicode = QString::fromUtf8(name);
    if (unicode.contains(QChar::ReplacementCharacter))
        return {};
    return QUrl::toAce(unicode).toLower();
}

AddressList AddressParser::parse(QByteArrayView value)
{
    AddressList list;
    std::vector<Token> tokens = Tokenizer(value, list.problems).run();
    Parser(std::move(tokens), list, int(value.size())).parseList();
    return list;
}

} // namespace authlens::mail
