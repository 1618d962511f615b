// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <cmath>
#include <vector>

namespace authlens::bench {

// A small deterministic random source (SplitMix64). The standard library's distributions differ between
// implementations, so the corpus draws every number itself: the same seed gives the same bytes on any
// machine and compiler.
class CorpusRandom
{
public:
    explicit CorpusRandom(quint64 seed)
        : m_state(seed)
    {}

    // A stream for one message: independent of every other message, so messages can be made in any
    // order and on any number of threads.
    static CorpusRandom forItem(quint64 seed, quint64 index)
    {
        CorpusRandom mixer(seed ^ (index * 0xD1B54A32D192ED03ULL));
        return CorpusRandom(mixer.next());
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound); the modulo bias is far below anything a corpus can show.
    quint64 below(quint64 bound) { return bound == 0 ? 0 : next() % bound; }
    int between(int low, int high) { return low + int(below(quint64(high - low + 1))); }
    // Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double probability) { return unit() < probability; }
    // Standard normal (Box-Muller).
    double normal()
    {
        const double u1 = 1.0 - unit(); // (0, 1]
        const double u2 = unit();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

    template <typename T> const T& pick(const std::vector<T>& items)
    {
        return items[size_t(below(items.size()))];
    }

private:
    quint64 m_state;
};

} // namespace authlens::bench
