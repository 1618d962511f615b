// SPDX-License-Identifier: GPL-3.0-or-later
#include "spf/Result.h"

namespace authlens::spf {

QString resultWord(ResultCode code)
{
    switch (code) {
    case ResultCode::None:
        return QStringLiteral("none");
    case ResultCode::Neutral:
        return QStringLiteral("neutral");
    case ResultCode::Pass:
        return QStringLiteral("pass");
    case ResultCode::Fail:
        return QStringLiteral("fail");
    case ResultCode::SoftFail:
        return QStringLiteral("softfail");
    case ResultCode::TempError:
        return QStringLiteral("temperror");
    case ResultCode::PermError:
        return QStringLiteral("permerror");
    }
    return {};
}

std::optional<ResultCode> resultFromWord(QStringView word)
{
    for (ResultCode code : {ResultCode::None, ResultCode::Neutral, ResultCode::Pass, ResultCode::Fail,
                            ResultCode::SoftFail, ResultCode::TempError, ResultCode::PermError})
        if (word.compare(resultWord(code), Qt::CaseInsensitive) == 0)
            return code;
    return std::nullopt;
}

QString traceKindName(TraceStep::Kind kind)
{
    switch (kind) {
    case TraceStep::Kind::Record:
        return QStringLiteral("record");
    case TraceStep::Kind::Mechanism:
        return QStringLiteral("mechanism");
    case TraceStep::Kind::Redirect:
        return QStringLiteral("redirect");
    case TraceStep::Kind::Explanation:
        return QStringLiteral("exp");
    case TraceStep::Kind::Note:
        return QStringLiteral("note");
    }
    return {};
}

} // namespace authlens::spf
