// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/ReportOptions.h"
#include "store/Records.h"

#include <QCoreApplication>

class QPainter;
class QPdfWriter;
class QTextDocument;

namespace authlens::store {
class Database;
}

namespace authlens::desktop {

struct ChartData;

struct ReportResult
{
    bool ok = false;
    QString error; // names the file and the cause
    int pages = 0;
    qint64 messages = 0;           // in scope
    int failingListed = 0;         // messages in the appendix
    bool failingTruncated = false; // more failing messages than the appendix lists
};

// Writes the PDF report: a title page (scope, sources, dates, headline figures), the dashboard's charts
// drawn as vectors by the same chart code, per-domain and per-selector tables, the findings with their
// fixes, and an appendix of failing messages with their reasons. Needs a QApplication (the charts are
// widgets), which may run on the offscreen platform. Reads only; computes no verdicts.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)
public:
    explicit ReportWriter(store::Database& database)
        : m_database(database)
    {}

    ReportResult write(const QString& pdfPath, const ReportOptions& options);

private:
    struct Page;
    QString titlePageHtml(const ReportOptions& options, const QString& title);
    QString tablesHtml(const ReportOptions& options);
    QString findingsHtml(const ReportOptions& options);
    QString failingHtml(const ReportOptions& options, ReportResult& result);
    QList<ChartData> charts(const ReportOptions& options);

    store::Database& m_database;
};

} // namespace authlens::desktop
