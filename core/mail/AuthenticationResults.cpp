// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/AuthenticationResults.h"

#include "mail/Message.h"

namespace authlens::mail {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isKeywordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// A cursor over the unfolded value that skips CFWS (RFC 5322 3.2.2) and keeps the comments it meets.
class Cursor
{
public:
    Cursor(QByteArrayView text, QList<AuthResProblem>& problems)
        : m_text(text)
        , m_problems(problems)
    {}

    QStringList* comments = nullptr;

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    int pos() const { return int(m_pos); }
    void advance() { ++m_pos; }

    void skipCfws()
    {
        while (!atEnd()) {
            if (isWsp(peek())) {
                ++m_pos;
            } else if (peek() == '(') {
                comment();
            } else {
                return;
            }
        }
    }

    QByteArray keyword()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isKeywordChar(peek()))
            ++m_pos;
        return m_text.sliced(start, m_pos - start).toByteArray();
    }

    // value = token / quoted-string (RFC 2045 5.1), or RFC 8601 pvalue (addresses, domains, base64):
    // everything up to whitespace, ';' or a comment.
    QByteArray value()
    {
        if (peek() == '"')
            return quoted();
        const qsizetype start = m_pos;
        while (!atEnd() && !isWsp(peek()) && peek() != ';' && peek() != '(')
            ++m_pos;
        return m_text.sliced(start, m_pos - start).toByteArray();
    }

    void skipToSemicolon()
    {
        while (!atEnd() && peek() != ';') {
            if (peek() == '(')
                comment();
            else if (peek() == '"')
                quoted();
            else
                ++m_pos;
        }
    }

    void problem(const QString& message) { m_problems.append({int(m_pos), message}); }

private:
    QByteArray quoted()
    {
        const qsizetype start = m_pos;
        ++m_pos; // opening quote
        QByteArray out;
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            out.append(peek());
            ++m_pos;
        }
        if (atEnd())
            m_problems.append({int(start), QStringLiteral("quoted string not closed")});
        else
            ++m_pos;
        return out;
    }

    void comment()
    {
        const qsizetype start = m_pos;
        int depth = 0;
        QByteArray text;
        while (!atEnd()) {
            const char c = peek();
            if (c == '\\' && m_pos + 1 < m_text.size()) {
                text.append(m_text[m_pos + 1]);
                m_pos += 2;
                continue;
            }
            ++m_pos;
            if (c == '(') {
                if (depth++ > 0)
                    text.append(c);
            } else if (c == ')') {
                if (--depth == 0) {
                    if (comments)
                        comments->append(QString::fromUtf8(text).simplified());
                    return;
                }
                text.append(c);
            } else {
                text.append(c);
            }
        }
        m_problems.append({int(start), QStringLiteral("comment not closed")});
        if (comments)
            comments->append(QString::fromUtf8(text).simplified());
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    QList<AuthResProblem>& m_problems;
};

// resinfo after the ";" (RFC 8601 2.2): methodspec [reasonspec] *propspec.
void parseResinfo(Cursor& in, AuthenticationResults& results)
{
    AuthResMethod method;
    // Comments inside this resinfo belong to it; on every way out they go back to the field.
    struct CommentTarget
    {
        Cursor& cursor;
        QStringList* restore;
        ~CommentTarget() { cursor.comments = restore; }
    } target{in, &results.comments};
    in.comments = &method.comments;
    in.skipCfws();
    method.method = in.keyword().toLower();
    if (method.method.isEmpty()) {
        in.problem(QStringLiteral("expected a method name"));
        in.skipToSemicolon();
        return;
    }
    in.skipCfws();
    if (method.method == "none" && (in.atEnd() || in.peek() == ';')) {
        results.noResult = true; // RFC 8601 2.2 no-result
        return;
    }
    if (in.peek() == '/') {
        in.advance();
        in.skipCfws();
        method.version = in.keyword();
        in.skipCfws();
    }
    if (in.peek() != '=') {
        in.problem(
            QStringLiteral("expected '=' and a result after \"%1\"").arg(QString::fromUtf8(method.method)));
        in.skipToSemicolon();
        return;
    }
    in.advance();
    in.skipCfws();
    method.result = in.keyword().toLower();
    if (method.result.isEmpty())
        in.problem(QStringLiteral("\"%1\" has no result word").arg(QString::fromUtf8(method.method)));

    while (true) {
        in.skipCfws();
        if (in.atEnd() || in.peek() == ';')
            break;
        const int start = in.pos();
        const QByteArray name = in.keyword().toLower();
        in.skipCfws();
        if (name == "reason" && in.peek() == '=') {
            in.advance();
            in.skipCfws();
            method.reason = in.value();
        } else if (!name.isEmpty() && in.peek() == '.') {
            AuthResProperty property;
            property.ptype = name;
            in.advance();
            in.skipCfws();
            property.property = in.keyword().toLower();
            in.skipCfws();
            if (property.property.isEmpty() || in.peek() != '=') {
                in.problem(
                    QStringLiteral("expected property=value after \"%1.\"").arg(QString::fromUtf8(name)));
                in.skipToSemicolon();
                break;
            }
            in.advance();
            in.skipCfws();
            property.value = in.value();
            method.properties.push_back(property);
        } else {
            in.problem(
                QStringLiteral("unexpected text in the %1 result").arg(QString::fromUtf8(method.method)));
            in.skipToSemicolon();
            break;
        }
        if (in.pos() == start)
            in.advance(); // never loop in place
    }
    in.comments = &results.comments;
    results.methods.push_back(method);
}

} // namespace

QByteArray AuthResMethod::property(QByteArrayView ptype, QByteArrayView name) const
{
    for (const AuthResProperty& p : properties) {
        if (QByteArrayView(p.ptype).compare(ptype, Qt::CaseInsensitive) == 0 &&
            QByteArrayView(p.property).compare(name, Qt::CaseInsensitive) == 0)
            return p.value;
    }
    return {};
}

std::vector<const AuthResMethod*> AuthenticationResults::methodsNamed(QByteArrayView name) const
{
    std::vector<const AuthResMethod*> out;
    for (const AuthResMethod& m : methods) {
        if (QByteArrayView(m.method).compare(name, Qt::CaseInsensitive) == 0)
            out.push_back(&m);
    }
    return out;
}

AuthenticationResults AuthenticationResults::parse(QByteArrayView unfoldedValue)
{
    AuthenticationResults results;
    Cursor in(unfoldedValue, results.problems);
    in.comments = &results.comments;
    in.skipCfws();
    // authserv-id = value (RFC 8601 2.2)
    results.authservId = in.value();
    if (results.authservId.isEmpty())
        in.problem(QStringLiteral("no authserv-id"));
    in.skipCfws();
    // authres-version = 1*DIGIT
    if (in.peek() >= '0' && in.peek() <= '9') {
        const QByteArray digits = in.keyword();
        bool ok = false;
        results.version = digits.toInt(&ok);
        if (!ok)
            in.problem(QStringLiteral("version \"%1\" is not a number").arg(QString::fromUtf8(digits)));
        in.skipCfws();
    }
    while (!in.atEnd()) {
        if (in.peek() != ';') {
            in.problem(QStringLiteral("expected ';'"));
            in.skipToSemicolon();
            continue;
        }
        in.advance();
        in.skipCfws();
        if (in.atEnd())
            break; // a trailing ";" is common and harmless
        parseResinfo(in, results);
        in.skipCfws();
    }
    if (results.methods.empty() && !results.noResult && results.problems.isEmpty())
        results.problems.append(
            {int(unfoldedValue.size()), QStringLiteral("no method results and no \"none\"")});
    return results;
}

std::vector<AuthenticationResults> AuthenticationResults::fromMessage(const Message& message)
{
    std::vector<AuthenticationResults> all;
    int index = 0;
    for (const HeaderField* field : message.fieldsNamed("Authentication-Results")) {
        AuthenticationResults results = parse(field->unfoldedValue());
        results.fieldIndex = index++;
        results.line = field->line;
        all.push_back(results);
    }
    return all;
}

std::vector<AuthenticationResults>
AuthenticationResults::trusted(const std::vector<AuthenticationResults>& all,
                               const QList<QByteArray>& trustedAuthservIds)
{
    std::vector<AuthenticationResults> out;
    if (trustedAuthservIds.isEmpty()) {
        if (!all.empty())
            out.push_back(all.front());
        return out;
    }
    for (const AuthenticationResults& results : all) {
        for (const QByteArray& id : trustedAuthservIds) {
            if (QByteArrayView(results.authservId).compare(id, Qt::CaseInsensitive) == 0) {
                out.push_back(results);
                break;
            }
        }
    }
    return out;
}

} // namespace authlens::mail
