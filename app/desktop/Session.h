// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/ResolverFactory.h"
#include "pipeline/Analyzer.h"
#include "settings/AppSettings.h"
#include "store/Database.h"

#include <QObject>
#include <QString>

#include <memory>

namespace authlens::desktop {

// What the open window works on: one database, one resolver setting, and the core's analyzer over
// it. Pages read through it and are told when its data changed; they never compute verdicts.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    // The database in the user's data folder (QStandardPaths::AppDataLocation), created on demand.
    static QString defaultDatabasePath();
    // The bundled samples: beside the installed binary (share/authlens/samples) or, in a build
    // tree, the source tree's resources/samples. Empty when neither exists.
    static QString samplesDirectory();

    bool openDatabase(const QString& path);
    store::Database* database() const { return m_database.get(); }
    QString databasePath() const;
    QString lastError() const { return m_lastError; }

    // DNS for the checker, the trace and imports: a records file (offline) or live DNS.
    bool setResolver(const dns::ResolverRequest& request);
    const dns::ResolverRequest& resolverRequest() const { return m_request; }
    QString resolverDescription() const { return m_resolverDescription; }
    std::shared_ptr<dns::Resolver> resolver() const { return m_resolver; }

    // The analyst's settings: DNS source and policy. Builds the resolver first and changes nothing
    // when it cannot be built (lastError() says why); then the analyzer used by the checker, the
    // trace, imports and re-verification follows the new policy.
    bool applySettings(const AppSettings& settings);
    const AppSettings& settings() const { return m_settings; }
    // Options beyond the settings (e.g. input limits) survive applySettings() and setResolver().
    void setAnalyzerOptions(const pipeline::AnalyzerOptions& options);

    const pipeline::Analyzer& analyzer() const { return *m_analyzer; }
    // The same analysis as of a chosen time (DKIM x=/t= judged then), e.g. the message's own date.
    pipeline::Analysis analyze(const QByteArray& rawMessage, std::optional<qint64> asOf = {}) const;

    // Tell every page that the database's contents changed (after an import, a re-verify, a dismissal).
    void notifyDataChanged() { emit dataChanged(); }

signals:
    void dataChanged();
    void databaseChanged();
    void resolverChanged();
    void settingsChanged();

private:
    std::unique_ptr<store::Database> m_database;
    dns::ResolverRequest m_request;
    std::shared_ptr<dns::Resolver> m_resolver;
    QString m_resolverDescription;
    pipeline::AnalyzerOptions m_analyzerOptions;
    AppSettings m_settings;
    std::unique_ptr<pipeline::Analyzer> m_analyzer;
    QString m_lastError;
};

} // namespace authlens::desktop
