// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace authlens::bench {

// What the benchmarks read about their own process and the machine (Linux /proc; -1 where unknown).
class ProcessStats
{
public:
    // User + system CPU time of the whole process (all threads), in seconds.
    static double cpuSeconds();
    // User + system CPU time of the calling thread, in seconds.
    static double threadCpuSeconds();
    // The peak resident set size (VmHWM) since the process started or since resetPeak().
    static qint64 peakRssBytes();
    static qint64 currentRssBytes();
    // Starts the peak over (writes 5 to /proc/self/clear_refs), so each phase of one run gets its own
    // peak. False where the kernel does not allow it: the peak then covers everything before.
    static bool resetPeak();
    // The 1-minute load average.
    static double loadAverage();
};

} // namespace authlens::bench
