// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessStats.h"

#include <QByteArray>
#include <QFile>

#include <ctime>

namespace authlens::bench {

namespace {

// A "Name:   1234 kB" line of /proc/self/status, in bytes.
qint64 statusKilobytes(const QByteArray& name)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report size 0, so atEnd() is true at once: read all there is instead.
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (!line.startsWith(name + ':'))
            continue;
        const QByteArray value = line.mid(name.size() + 1).trimmed();
        bool ok = false;
        const qint64 kilobytes = value.left(value.indexOf(' ')).toLongLong(&ok);
        return ok ? kilobytes * 1024 : -1;
    }
    return -1;
}

} // namespace

double ProcessStats::threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

double ProcessStats::cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

qint64 ProcessStats::peakRssBytes()
{
    return statusKilobytes("VmHWM");
}

qint64 ProcessStats::currentRssBytes()
{
    return statusKilobytes("VmRSS");
}

bool ProcessStats::resetPeak()
{
    QFile file(QStringLiteral("/proc/self/clear_refs"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write("5") == 1;
}

double ProcessStats::loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const double value = file.readLine().split(' ').value(0).toDouble(&ok);
    return ok ? value : -1;
}

} // namespace authlens::bench
