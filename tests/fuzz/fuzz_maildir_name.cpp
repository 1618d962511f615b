// SPDX-License-Identifier: GPL-3.0-or-later
// Maildir file names ("unique,S=size:2,flags"): MaildirFileName::parse over any UTF-8 (or not) bytes.
#include "sources/MaildirFileName.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using authlens::sources::MaildirFileName;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_maildir_name: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString fileName = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const MaildirFileName name = MaildirFileName::parse(fileName);
    require(fileName.startsWith(name.uniqueName), "the unique name is the start of the file name");
    require(name.uniqueName.size() + name.info.size() <= fileName.size(), "parts longer than the name");
    require(name.size >= -1 && name.virtualSize >= -1, "sizes are -1 or a size");
    require(!name.uniqueName.contains(QLatin1Char(':')), "the unique name holds no ':'");
    return 0;
}
