// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchReport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonValue>

namespace authlens::bench {

namespace {

QByteArray fixed(double value, int decimals)
{
    return QByteArray::number(value, 'f', decimals);
}

QByteArray row(const QByteArray& label, const QByteArray& value)
{
    return "  " + label.leftJustified(36, ' ') + value + "\n";
}

QByteArray timingRow(const QByteArray& label, const VerifyBenchmark::Timing& t)
{
    return row(label, fixed(t.messagesPerSecond, 0).rightJustified(9, ' ') + " msg/s " +
                          fixed(t.megabytesPerSecond, 1).rightJustified(8, ' ') + " MB/s " +
                          fixed(t.seconds, 3).rightJustified(8, ' ') + " s wall " +
                          fixed(t.cpuSeconds, 3).rightJustified(8, ' ') + " s CPU " +
                          fixed(t.messagesPerCpuSecond, 0).rightJustified(8, ' ') + " msg/CPU-s");
}

QJsonObject timingJson(const VerifyBenchmark::Timing& t)
{
    return {{QStringLiteral("threads"), t.threads},
            {QStringLiteral("seconds"), t.seconds},
            {QStringLiteral("cpuSeconds"), t.cpuSeconds},
            {QStringLiteral("messagesPerCpuSecond"), t.messagesPerCpuSecond},
            {QStringLiteral("messagesPerSecond"), t.messagesPerSecond},
            {QStringLiteral("megabytesPerSecond"), t.megabytesPerSecond}};
}

} // namespace

double BenchReport::loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const double value = file.readLine().split(' ').value(0).toDouble(&ok);
    return ok ? value : -1;
}

BenchReport::Derived BenchReport::derive(const Input& input)
{
    Derived d;
    const VerifyBenchmark::Report& v = input.verify;
    const OpensslBound::Rates& r = input.rates;
    if (!r.ok() || v.messages == 0)
        return d;
    d.boundHashSeconds = double(v.hashedBytes) / r.sha256BytesPerSecond;
    d.boundRsaSeconds = v.rsaSignatures / r.rsa2048VerifiesPerSecond;
    d.boundEd25519Seconds = v.ed25519Signatures / r.ed25519VerifiesPerSecond;
    d.boundSeconds =
        OpensslBound::boundSeconds(r, double(v.hashedBytes), v.rsaSignatures, v.ed25519Signatures);
    if (d.boundSeconds > 0)
        d.boundMessagesPerSecond = v.messages / d.boundSeconds;
    if (v.single.cpuSeconds > 0)
        d.percentOfBound = 100.0 * d.boundSeconds / v.single.cpuSeconds;
    if (v.single.seconds > 0)
        d.percentOfBoundWall = 100.0 * d.boundSeconds / v.single.seconds;
    if (v.multi.seconds > 0) {
        d.scaling = v.single.seconds / v.multi.seconds;
        d.scalingEfficiency = d.scaling / std::max(1, v.multi.threads);
    }
    return d;
}

QByteArray BenchReport::table(const Input& input)
{
    const CorpusGenerator::Summary& c = input.corpus;
    const VerifyBenchmark::Report& v = input.verify;
    const OpensslBound::Rates& r = input.rates;
    const Derived d = derive(input);
    QByteArray out;
    out += "authlens-bench: DKIM verification (issue 3, Performance)\n\n";
    out += "Corpus\n";
    out += row("mbox", c.mboxPath.toLocal8Bit() + " (" + fixed(double(c.mboxBytes) / 1e6, 1) + " MB)");
    out += row("messages", QByteArray::number(v.messages) + " (" + fixed(double(v.messageBytes) / 1e6, 1) +
                               " MB; median " + QByteArray::number(c.medianMessageBytes) + " B; " +
                               QByteArray::number(c.messagesOver60k) + " over 60 KB)");
    out += row("signatures", QByteArray::number(v.signatures) + " (" + QByteArray::number(v.rsaSignatures) +
                                 " rsa-sha256 2048, " + QByteArray::number(v.ed25519Signatures) +
                                 " ed25519-sha256; " + QByteArray::number(c.twoSignatureMessages) +
                                 " messages with two)");
    out += row("bytes hashed (SHA-256)", fixed(double(v.hashedBytes) / 1e6, 1) + " MB");
    if (input.generated)
        out += row("generated in", fixed(c.seconds, 1) + " s (seed " + QByteArray::number(c.seed) + ")");
    out += "\nReading (1 thread, separate from verification)\n";
    out += timingRow("mbox -> message bytes", v.read);
    out += timingRow("message bytes -> mail::Message", v.parse);
    VerifyBenchmark::Timing both;
    both.seconds = v.read.seconds + v.parse.seconds;
    both.cpuSeconds = v.read.cpuSeconds + v.parse.cpuSeconds;
    both.messagesPerSecond = both.seconds > 0 ? v.messages / both.seconds : 0;
    both.megabytesPerSecond = both.seconds > 0 ? double(v.messageBytes) / 1e6 / both.seconds : 0;
    both.messagesPerCpuSecond = both.cpuSeconds > 0 ? v.messages / both.cpuSeconds : 0;
    out += timingRow("read + parse", both);
    out += "\nVerification (messages in memory)\n";
    out += timingRow("1 thread", v.single);
    out += timingRow(QByteArray::number(v.multi.threads) + " threads", v.multi);
    out += row("scaling", fixed(d.scaling, 2) + "x on " + QByteArray::number(v.multi.threads) + " threads (" +
                              fixed(100 * d.scalingEfficiency, 0) + "% of linear; " +
                              QByteArray::number(input.cores) + " cores)");
    if (v.haveStages && v.single.cpuSeconds > 0) {
        const StageProfile::Stages& st = v.stages;
        auto stage = [&](const QByteArray& label, double seconds) {
            return row("  " + label,
                       fixed(seconds, 3).rightJustified(7, ' ') + " s CPU " +
                           fixed(seconds * 1e6 / std::max(1, v.messages), 1).rightJustified(7, ' ') +
                           " us/msg " + fixed(100 * seconds / v.single.cpuSeconds, 1).rightJustified(5, ' ') +
                           "%");
        };
        out += row("1 thread, step by step", "(each step alone over the corpus)");
        out += stage("signature tag lists", st.signatureParse);
        out += stage("key record + key decode", st.keyLoad);
        out += stage("body canonicalize + hash", st.bodyHash);
        out += stage("  of which SHA-256 alone", st.bodyHashOnly);
        out += stage("signed header selection", st.headerSelect);
        out += stage("hash + RSA/Ed25519 verify", st.publicKeyVerify);
        const double sum =
            st.signatureParse + st.keyLoad + st.bodyHash + st.headerSelect + st.publicKeyVerify;
        out += stage("the rest (results, DNS cache)", std::max(0.0, v.single.cpuSeconds - sum));
    }
    out += row("DNS cache",
               QByteArray::number(v.cacheHits) + " hits, " + QByteArray::number(v.cacheMisses) + " misses");
    out += "\nPhysical bound (" + r.version.toLatin1() + ", openssl speed -seconds " +
           QByteArray::number(r.seconds) + ")\n";
    if (!r.ok()) {
        out += row("not measured", r.error.toLocal8Bit());
    } else {
        out += row("SHA-256, 16 KB blocks", fixed(r.sha256BytesPerSecond / 1e6, 0) + " MB/s");
        out += row("RSA-2048 verify", fixed(r.rsa2048VerifiesPerSecond, 0) + " /s");
        out += row("Ed25519 verify", fixed(r.ed25519VerifiesPerSecond, 0) + " /s");
        out += row("bound time, 1 core",
                   fixed(d.boundSeconds, 3) + " s (hash " + fixed(d.boundHashSeconds, 3) + " + rsa " +
                       fixed(d.boundRsaSeconds, 3) + " + ed25519 " + fixed(d.boundEd25519Seconds, 3) + ")");
        out += row("bound rate, 1 core", fixed(d.boundMessagesPerSecond, 0) + " msg/s");
        out += row("ours, 1 thread, share of bound", fixed(d.percentOfBound, 1) + "% (goal >= 50%: " +
                                                         (d.percentOfBound >= 50 ? "met" : "NOT met") + ")");
    }
    if (input.loadBefore >= 0)
        out += "\n" + row("load average (1 min) before/after",
                          fixed(input.loadBefore, 2) + " / " + fixed(input.loadAfter, 2));
    out += "\nVerdicts\n";
    if (v.wrongVerdicts == 0) {
        out += row("every signature", "pass");
    } else {
        out += row("WRONG verdicts", QByteArray::number(v.wrongVerdicts));
        for (const QString& s : v.wrongSamples)
            out += "    " + s.toLocal8Bit() + "\n";
    }
    return out;
}

QJsonObject BenchReport::json(const Input& input)
{
    const CorpusGenerator::Summary& c = input.corpus;
    const VerifyBenchmark::Report& v = input.verify;
    const OpensslBound::Rates& r = input.rates;
    const Derived d = derive(input);
    QJsonObject corpus{{QStringLiteral("mbox"), c.mboxPath},
                       {QStringLiteral("records"), c.recordsPath},
                       {QStringLiteral("seed"), QString::number(c.seed)},
                       {QStringLiteral("messages"), v.messages},
                       {QStringLiteral("messageBytes"), v.messageBytes},
                       {QStringLiteral("mboxBytes"), c.mboxBytes},
                       {QStringLiteral("medianMessageBytes"), c.medianMessageBytes},
                       {QStringLiteral("messagesOver60k"), c.messagesOver60k},
                       {QStringLiteral("signatures"), v.signatures},
                       {QStringLiteral("rsaSignatures"), v.rsaSignatures},
                       {QStringLiteral("ed25519Signatures"), v.ed25519Signatures},
                       {QStringLiteral("twoSignatureMessages"), c.twoSignatureMessages},
                       {QStringLiteral("hashedBytes"), v.hashedBytes}};
    if (input.generated)
        corpus.insert(QStringLiteral("generationSeconds"), c.seconds);
    QJsonObject bound{{QStringLiteral("openssl"), r.version},
                      {QStringLiteral("seconds"), r.seconds},
                      {QStringLiteral("sha256BytesPerSecond"), r.sha256BytesPerSecond},
                      {QStringLiteral("rsa2048VerifiesPerSecond"), r.rsa2048VerifiesPerSecond},
                      {QStringLiteral("ed25519VerifiesPerSecond"), r.ed25519VerifiesPerSecond},
                      {QStringLiteral("boundSeconds"), d.boundSeconds},
                      {QStringLiteral("boundHashSeconds"), d.boundHashSeconds},
                      {QStringLiteral("boundRsaSeconds"), d.boundRsaSeconds},
                      {QStringLiteral("boundEd25519Seconds"), d.boundEd25519Seconds},
                      {QStringLiteral("boundMessagesPerSecond"), d.boundMessagesPerSecond}};
    if (!r.ok())
        bound.insert(QStringLiteral("error"), r.error);
    QJsonArray wrong;
    for (const QString& s : v.wrongSamples)
        wrong.append(s);
    return {{QStringLiteral("corpus"), corpus},
            {QStringLiteral("read"), timingJson(v.read)},
            {QStringLiteral("parse"), timingJson(v.parse)},
            {QStringLiteral("verifySingle"), timingJson(v.single)},
            {QStringLiteral("verifyMulti"), timingJson(v.multi)},
            {QStringLiteral("scaling"), d.scaling},
            {QStringLiteral("scalingEfficiency"), d.scalingEfficiency},
            {QStringLiteral("cores"), input.cores},
            {QStringLiteral("bound"), bound},
            {QStringLiteral("percentOfBound"), d.percentOfBound},
            {QStringLiteral("percentOfBoundWall"), d.percentOfBoundWall},
            {QStringLiteral("goalMet"), r.ok() && d.percentOfBound >= 50},
            {QStringLiteral("stagesCpuSeconds"),
             v.haveStages
                 ? QJsonValue(QJsonObject{{QStringLiteral("signatureParse"), v.stages.signatureParse},
                                          {QStringLiteral("keyLoad"), v.stages.keyLoad},
                                          {QStringLiteral("bodyHash"), v.stages.bodyHash},
                                          {QStringLiteral("bodySha256Only"), v.stages.bodyHashOnly},
                                          {QStringLiteral("headerSelect"), v.stages.headerSelect},
                                          {QStringLiteral("publicKeyVerify"), v.stages.publicKeyVerify}})
                 : QJsonValue()},
            {QStringLiteral("dnsCacheHits"), double(v.cacheHits)},
            {QStringLiteral("dnsCacheMisses"), double(v.cacheMisses)},
            {QStringLiteral("loadBefore"), input.loadBefore},
            {QStringLiteral("loadAfter"), input.loadAfter},
            {QStringLiteral("wrongVerdicts"), v.wrongVerdicts},
            {QStringLiteral("wrongSamples"), wrong},
            {QStringLiteral("ok"), v.ok()}};
}

} // namespace authlens::bench
