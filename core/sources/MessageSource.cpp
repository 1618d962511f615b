// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/MessageSource.h"

namespace authlens::sources {

MessageSource::~MessageSource() = default;

std::vector<SourceError> MessageSource::takeErrors()
{
    std::vector<SourceError> taken;
    taken.swap(m_queue);
    return taken;
}

void MessageSource::report(SourceError::Severity severity, const QString& file, qint64 offset, qint64 index,
                           const QString& message)
{
    if (severity == SourceError::Severity::Error)
        ++m_errorCount;
    m_queue.push_back(SourceError{severity, file, offset, index, message});
}

void MessageSource::failOpen(const QString& file, const QString& message)
{
    m_openError = message;
    report(SourceError::Severity::Error, file, -1, -1, message);
}

} // namespace authlens::sources
