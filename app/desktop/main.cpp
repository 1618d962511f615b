// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "Session.h"
#include "Translations.h"
#include "Version.h"
#include "import/ImportController.h"
#include "trace/TracePage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace {

// Grabs the window into a PNG once it has painted, then quits with the result.
void screenshotAndQuit(authlens::desktop::MainWindow& window, const QString& path)
{
    QTimer::singleShot(400, &window, [&window, path] {
        const bool saved = window.grab().save(path, "PNG");
        if (!saved)
            std::fprintf(stderr, "authlens: cannot write screenshot %s\n", qPrintable(path));
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Authlens"));
    QApplication::setOrganizationName(QString::fromLatin1(authlens::kOrganizationName));
    QApplication::setApplicationVersion(QString::fromLatin1(authlens::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("org.authlens.Authlens"));

    const QString language = QSettings().value(QStringLiteral("language")).toString();
    authlens::desktop::installTranslations(language.isEmpty() ? QLocale() : QLocale(language));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "DKIM, SPF and DMARC analysis"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the main window into a PNG file and exit."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QCoreApplication::translate("main", "Open this database instead of the one in the data folder."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption page(QStringLiteral("page"),
                                  QCoreApplication::translate("main", "Start on this page (0 = dashboard)."),
                                  QCoreApplication::translate("main", "index"));
    const QCommandLineOption trace(QStringLiteral("trace"),
                                   QCoreApplication::translate("main", "Open the trace of this message file."),
                                   QCoreApplication::translate("main", "file"));
    parser.addOption(screenshot);
    parser.addOption(database);
    parser.addOption(trace);
    parser.addOption(page);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("main", "Messages to show in the checker."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    authlens::desktop::MainWindow window;
    const QString path =
        parser.isSet(database) ? parser.value(database) : authlens::desktop::Session::defaultDatabasePath();
    window.openDatabase(path);
    const bool importing = window.importSamplesIfFirstRun();
    if (!parser.positionalArguments().isEmpty())
        window.checkFiles(parser.positionalArguments());
    if (parser.isSet(trace)) {
        QFile file(parser.value(trace));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "authlens: cannot read %s\n", qPrintable(file.fileName()));
            return 2;
        }
        window.trace()->showMessage(file.readAll(), QFileInfo(file).fileName());
        window.findChild<QTabWidget*>(QStringLiteral("pages"))->setCurrentWidget(window.trace());
    }
    if (parser.isSet(page))
        window.findChild<QTabWidget*>(QStringLiteral("pages"))->setCurrentIndex(parser.value(page).toInt());
    window.show();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        // On a first start, show the imported samples rather than an empty dashboard.
        if (importing) {
            QObject::connect(window.imports(), &authlens::desktop::ImportController::finished, &window,
                             [&window, file] { screenshotAndQuit(window, file); });
        } else {
            screenshotAndQuit(window, file);
        }
    }
    return QApplication::exec();
}
