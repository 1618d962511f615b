// SPDX-License-Identifier: GPL-3.0-or-later
#include "Session.h"

#include "mail/Message.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace authlens::desktop {

Session::Session(QObject* parent)
    : QObject(parent)
{
    // Until told otherwise: offline, on the bundled snapshot when there is one, so a first launch
    // never waits on the network.
    dns::ResolverRequest request;
    const QString samples = samplesDirectory();
    if (!samples.isEmpty())
        request.recordsFile = QDir(samples).filePath(QStringLiteral("records.zone"));
    if (!setResolver(request))
        setResolver({});
}

Session::~Session() = default;

QString Session::defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("authlens.sqlite"));
}

QString Session::samplesDirectory()
{
    const QDir binary(QCoreApplication::applicationDirPath());
    const QStringList candidates = {
        binary.filePath(QStringLiteral("../share/authlens/samples")),
#ifdef AUTHLENS_SOURCE_SAMPLES_DIR
        QStringLiteral(AUTHLENS_SOURCE_SAMPLES_DIR),
#endif
    };
    for (const QString& candidate : candidates) {
        if (QFileInfo::exists(QDir(candidate).filePath(QStringLiteral("records.zone"))))
            return QDir::cleanPath(candidate);
    }
    return {};
}

bool Session::openDatabase(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    store::Database::OpenResult opened = store::Database::open(path);
    if (!opened.database) {
        m_lastError = opened.error;
        return false;
    }
    m_database = std::move(opened.database);
    emit databaseChanged();
    emit dataChanged();
    return true;
}

QString Session::databasePath() const
{
    return m_database ? m_database->path() : QString();
}

bool Session::setResolver(const dns::ResolverRequest& request)
{
    dns::ResolverFactory::Result created = dns::ResolverFactory::create(request);
    if (!created.ok()) {
        m_lastError = created.error;
        return false;
    }
    m_request = request;
    m_resolver = created.resolver;
    m_resolverDescription = created.description;
    m_analyzer = std::make_unique<pipeline::Analyzer>(m_resolver, m_analyzerOptions);
    emit resolverChanged();
    return true;
}

bool Session::applySettings(const AppSettings& settings)
{
    const pipeline::AnalyzerOptions previous = m_analyzerOptions;
    settings.applyTo(m_analyzerOptions);
    if (!setResolver(settings.resolverRequest())) {
        // All or nothing: the old resolver and analyzer (built from `previous`) stay.
        m_analyzerOptions = previous;
        return false;
    }
    m_settings = settings;
    emit settingsChanged();
    return true;
}

void Session::setAnalyzerOptions(const pipeline::AnalyzerOptions& options)
{
    m_analyzerOptions = options;
    m_analyzer = std::make_unique<pipeline::Analyzer>(m_resolver, m_analyzerOptions);
}

pipeline::Analysis Session::analyze(const QByteArray& rawMessage, std::optional<qint64> asOf) const
{
    const mail::Message message = mail::Message::parse(rawMessage);
    if (!asOf)
        return m_analyzer->analyze(message);
    pipeline::AnalyzerOptions options = m_analyzer->options();
    options.dkim.now = *asOf;
    return pipeline::Analyzer(m_resolver, options).analyze(message);
}

} // namespace authlens::desktop
