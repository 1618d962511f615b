// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-samplegen: writes the bundled sample data (resources/samples) from the catalog in
// SampleCatalog.cpp and the keys kept in resources/samples/keys.
#include "SampleCatalog.h"
#include "SampleKeys.h"
#include "SampleWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cstdio>

using namespace authlens::samples;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("authlens-samplegen"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the Authlens sample data: samples.mbox, records.zone, expected.json and README.md."));
    parser.addHelpOption();
    const QString samplesDir = QStringLiteral(AUTHLENS_SAMPLES_DIR);
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("Folder to write to (default: %1).").arg(samplesDir),
                                       QStringLiteral("DIR"), samplesDir);
    const QCommandLineOption keysOption(
        QStringLiteral("keys"),
        QStringLiteral("Folder with the private keys (default: %1/keys).").arg(samplesDir),
        QStringLiteral("DIR"), samplesDir + QStringLiteral("/keys"));
    const QCommandLineOption newKeysOption(
        QStringLiteral("new-keys"),
        QStringLiteral(
            "Generate new keys into the keys folder first (every signature and key record changes)."));
    parser.addOption(outOption);
    parser.addOption(keysOption);
    parser.addOption(newKeysOption);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "authlens-samplegen: no arguments expected, only options (see --help)\n");
        return 2;
    }

    SampleKeys keys;
    QString error = keys.load(parser.value(keysOption), parser.isSet(newKeysOption));
    if (error.isEmpty()) {
        const std::vector<SampleSpec> specs = SampleCatalog::messages();
        error = SampleWriter(keys, specs).write(parser.value(outOption));
        if (error.isEmpty()) {
            std::printf("wrote %d messages to %s\n", int(specs.size()),
                        qPrintable(QDir::toNativeSeparators(parser.value(outOption))));
            return 0;
        }
    }
    std::fprintf(stderr, "authlens-samplegen: %s\n", qPrintable(error));
    return 1;
}
