// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace authlens::spf {

// RFC 7208 4.6.2: the qualifier in front of a mechanism; "+" when absent.
enum class Qualifier
{
    Pass,     // +
    Fail,     // -
    SoftFail, // ~
    Neutral,  // ?
};

enum class MechanismType
{
    All,
    Include,
    A,
    Mx,
    Ptr,
    Ip4,
    Ip6,
    Exists,
};

QString mechanismName(MechanismType type);
QChar qualifierChar(Qualifier qualifier);

// One mechanism as written (RFC 7208 5). Domain-specs stay unexpanded: macros need the evaluation context.
struct Mechanism
{
    Qualifier qualifier = Qualifier::Pass;
    MechanismType type = MechanismType::All;
    QByteArray domainSpec; // include, exists: always set; a, mx, ptr: empty means the current domain
    QHostAddress network;  // ip4, ip6
    int ip4Prefix = 32;    // ip4, a, mx (RFC 7208 5.6 ip4-cidr-length)
    int ip6Prefix = 128;   // ip6, a, mx (ip6-cidr-length)
    QByteArray text;       // the term as written
    int position = 0;      // offset of the term in the record text

    // RFC 7208 4.6.4: include, a, mx, ptr and exists each cost one DNS-querying term.
    bool queriesDns() const;
};

// A modifier (RFC 7208 6): redirect=, exp=, or an unknown one, which is kept but ignored.
struct Modifier
{
    QByteArray name;  // lower-case
    QByteArray value; // unexpanded macro-string
    QByteArray text;
    int position = 0;
};

// A syntax error with enough detail for a linter: which term, where, why.
struct ParseError
{
    QByteArray term;  // the offending term as written (may be empty for record-level errors)
    int position = 0; // offset in the record text (of the term, plus the offset inside it)
    QString reason;

    QString toString() const;
};

// A parsed "v=spf1" record (RFC 7208 4.6, 12). Parsing never stops at the first error, so a linter sees
// them all; check_host() treats any error as permerror before evaluating anything (RFC 7208 4.6).
class Record
{
public:
    struct Parse;

    // RFC 7208 4.5: the record starts with exactly "v=spf1" (any case) followed by a space or its end.
    static bool isSpfRecord(QByteArrayView text);

    static Parse parse(QByteArrayView text);

    // RFC 7208 4.5 record selection from the TXT records of a name (their strings already joined).
    struct Selection
    {
        enum class Status
        {
            None,     // no record starts with "v=spf1"
            One,      // exactly one: `record` holds it
            Multiple, // more than one: permerror
        };
        Status status = Status::None;
        QByteArray record;
        int count = 0;
    };
    static Selection select(const QList<QByteArray>& txtRecords);

    QByteArray text() const { return m_text; }
    const std::vector<Mechanism>& mechanisms() const { return m_mechanisms; }
    // Every modifier in record order, redirect and exp included.
    const std::vector<Modifier>& modifiers() const { return m_modifiers; }
    const Modifier* redirect() const;
    const Modifier* explanation() const;
    // Terms that cost a DNS lookup in this record alone (mechanisms plus redirect), for linting.
    int dnsQueryingTerms() const;

private:
    QByteArray m_text;
    std::vector<Mechanism> m_mechanisms;
    std::vector<Modifier> m_modifiers;
    int m_redirectIndex = -1;
    int m_explanationIndex = -1;
};

struct Record::Parse
{
    Record record;
    std::vector<ParseError> errors;

    bool ok() const { return errors.empty(); }
};

} // namespace authlens::spf
