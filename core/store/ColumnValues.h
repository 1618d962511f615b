// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Records.h"

#include <QMetaType>
#include <QVariant>

#include <optional>

// How values the schema has no native type for are written: times as BIGINT milliseconds since the
// epoch (UTC), optional numbers and empty text as NULL, booleans as 0/1, severities as their word.
namespace authlens::store::column {

inline QVariant fromTime(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

inline QDateTime toTime(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

inline QVariant fromOptional(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

inline std::optional<qint64> toOptional(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

inline QVariant fromId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

inline QVariant fromText(const QString& text)
{
    return text.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

// Days since 1970-01-01 UTC, the dashboard's grouping key (schema version 2).
inline QVariant dayOf(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch() / 86400000)
                          : QVariant(QMetaType(QMetaType::LongLong));
}

inline QString severityWord(FindingSeverity severity)
{
    switch (severity) {
    case FindingSeverity::Info:
        return QStringLiteral("info");
    case FindingSeverity::Warning:
        return QStringLiteral("warning");
    case FindingSeverity::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("warning");
}

inline FindingSeverity severityFromWord(const QString& word)
{
    if (word == QLatin1String("info"))
        return FindingSeverity::Info;
    if (word == QLatin1String("error"))
        return FindingSeverity::Error;
    return FindingSeverity::Warning;
}

} // namespace authlens::store::column
