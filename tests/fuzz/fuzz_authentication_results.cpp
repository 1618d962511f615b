// SPDX-License-Identifier: GPL-3.0-or-later
// Authentication-Results parser (RFC 8601 2.2): the value alone, and as a field of a message so the
// field lookup and unfolding run too.
#include "mail/AuthenticationResults.h"
#include "mail/Message.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace authlens::mail;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_authentication_results: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView value(reinterpret_cast<const char*>(data), qsizetype(size));
    const AuthenticationResults results = AuthenticationResults::parse(value);
    for (const AuthResProblem& problem : results.problems)
        require(problem.position >= 0 && problem.position <= value.size(),
                "problem position outside the value");
    for (const AuthResMethod& method : results.methods) {
        (void)method.property("header", "d");
        (void)method.property("smtp", "mailfrom");
    }
    (void)results.methodsNamed("dkim");
    (void)results.ok();

    QByteArray message = "Authentication-Results: ";
    message.append(value).append(
        "\r\nFrom: a@example.com\r\nAuthentication-Results: mx.example.org; none\r\n\r\n");
    const std::vector<AuthenticationResults> all =
        AuthenticationResults::fromMessage(Message::parse(message));
    (void)AuthenticationResults::trusted(all);
    (void)AuthenticationResults::trusted(all, {QByteArray("mx.example.org"), results.authservId});
    return 0;
}
