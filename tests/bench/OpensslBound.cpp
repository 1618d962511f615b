// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpensslBound.h"

#include <QList>
#include <QProcess>
#include <QStringList>

namespace authlens::bench {

namespace {

struct Run
{
    QByteArray output;
    QString error;
};

Run runOpenssl(const QString& program, const QStringList& arguments, int seconds)
{
    Run run;
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        run.error = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return run;
    }
    // speed runs sign and verify one after the other, each for `seconds`; leave room for a loaded box.
    if (!process.waitForFinished(std::max(60, 6 * seconds) * 1000)) {
        process.kill();
        process.waitForFinished(5000);
        run.error = QStringLiteral("%1 %2 did not finish").arg(program, arguments.join(QLatin1Char(' ')));
        return run;
    }
    run.output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        run.error = QStringLiteral("%1 %2 failed (exit %3): %4")
                        .arg(program, arguments.join(QLatin1Char(' ')))
                        .arg(process.exitCode())
                        .arg(QString::fromLocal8Bit(process.readAllStandardError().left(300)));
    return run;
}

QList<QByteArray> fieldsOf(const QByteArray& line)
{
    QList<QByteArray> fields;
    for (const QByteArray& f : line.simplified().split(' ')) {
        if (!f.isEmpty())
            fields.append(f);
    }
    return fields;
}

double lastNumber(const QByteArray& line)
{
    const QList<QByteArray> fields = fieldsOf(line);
    if (fields.isEmpty())
        return 0;
    bool ok = false;
    const double value = fields.back().toDouble(&ok);
    return ok ? value : 0;
}

} // namespace

double OpensslBound::parseDigestBytesPerSecond(const QByteArray& output, const QByteArray& algorithm)
{
    for (const QByteArray& line : output.split('\n')) {
        const QList<QByteArray> fields = fieldsOf(line);
        if (fields.size() < 2 || fields.front().toLower() != algorithm.toLower())
            continue;
        QByteArray figure = fields.back();
        // "The 'numbers' are in 1000s of bytes per second processed."
        if (!figure.endsWith('k'))
            continue;
        figure.chop(1);
        bool ok = false;
        const double thousands = figure.toDouble(&ok);
        if (ok)
            return thousands * 1000.0;
    }
    return 0;
}

double OpensslBound::parseRsaVerifiesPerSecond(const QByteArray& output, int bits)
{
    const QByteArray prefix = "rsa " + QByteArray::number(bits) + " bits";
    for (const QByteArray& line : output.split('\n')) {
        if (line.trimmed().startsWith(prefix))
            return lastNumber(line);
    }
    return 0;
}

double OpensslBound::parseEd25519VerifiesPerSecond(const QByteArray& output)
{
    for (const QByteArray& line : output.split('\n')) {
        if (line.contains("(Ed25519)"))
            return lastNumber(line);
    }
    return 0;
}

OpensslBound::Rates OpensslBound::measure(int seconds, const QString& opensslProgram)
{
    Rates rates;
    rates.seconds = seconds;
    const QString s = QString::number(seconds);
    const Run version = runOpenssl(opensslProgram, {QStringLiteral("version")}, 5);
    if (!version.error.isEmpty()) {
        rates.error = version.error;
        return rates;
    }
    rates.version = QString::fromLatin1(version.output.trimmed());

    // 16 KB blocks: the canonicalizer hands the body to SHA-256 in pieces of that size.
    const Run sha =
        runOpenssl(opensslProgram,
                   {QStringLiteral("speed"), QStringLiteral("-seconds"), s, QStringLiteral("-bytes"),
                    QStringLiteral("16384"), QStringLiteral("-evp"), QStringLiteral("sha256")},
                   seconds);
    rates.sha256BytesPerSecond = parseDigestBytesPerSecond(sha.output, "sha256");
    const Run rsa = runOpenssl(
        opensslProgram, {QStringLiteral("speed"), QStringLiteral("-seconds"), s, QStringLiteral("rsa2048")},
        2 * seconds);
    rates.rsa2048VerifiesPerSecond = parseRsaVerifiesPerSecond(rsa.output, 2048);
    const Run ed = runOpenssl(
        opensslProgram, {QStringLiteral("speed"), QStringLiteral("-seconds"), s, QStringLiteral("ed25519")},
        2 * seconds);
    rates.ed25519VerifiesPerSecond = parseEd25519VerifiesPerSecond(ed.output);

    QStringList problems;
    for (const Run* run : {&sha, &rsa, &ed}) {
        if (!run->error.isEmpty())
            problems.append(run->error);
    }
    if (problems.isEmpty() && rates.sha256BytesPerSecond <= 0)
        problems.append(QStringLiteral("no sha256 figure in the openssl speed output"));
    if (problems.isEmpty() && rates.rsa2048VerifiesPerSecond <= 0)
        problems.append(QStringLiteral("no rsa 2048 verify figure in the openssl speed output"));
    if (problems.isEmpty() && rates.ed25519VerifiesPerSecond <= 0)
        problems.append(QStringLiteral("no Ed25519 verify figure in the openssl speed output"));
    rates.error = problems.join(QStringLiteral("; "));
    return rates;
}

double OpensslBound::boundSeconds(const Rates& rates, double hashedBytes, double rsaVerifies,
                                  double ed25519Verifies)
{
    if (rates.sha256BytesPerSecond <= 0 || rates.rsa2048VerifiesPerSecond <= 0 ||
        rates.ed25519VerifiesPerSecond <= 0)
        return 0;
    return hashedBytes / rates.sha256BytesPerSecond + rsaVerifies / rates.rsa2048VerifiesPerSecond +
           ed25519Verifies / rates.ed25519VerifiesPerSecond;
}

} // namespace authlens::bench
