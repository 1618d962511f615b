// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "Translations.h"
#include "Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTimer>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Authlens"));
    QApplication::setOrganizationName(QString::fromLatin1(authlens::kOrganizationName));
    QApplication::setApplicationVersion(QString::fromLatin1(authlens::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("org.authlens.Authlens"));

    authlens::desktop::installTranslations(QLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "DKIM, SPF and DMARC analysis"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the main window into a PNG file and exit."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(screenshot);
    parser.process(app);

    authlens::desktop::MainWindow window;
    window.show();

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        // Let the window lay out and paint once before grabbing it.
        QTimer::singleShot(300, &window, [&window, path] {
            const bool saved = window.grab().save(path, "PNG");
            if (!saved)
                std::fprintf(stderr, "authlens: cannot write screenshot %s\n", qPrintable(path));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
