#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes signed.eml and records.zone: one message with a valid DKIM signature (RFC 6376,
rsa-sha256, relaxed/relaxed) and the records that verify it offline, for the package test to run
the installed authlens-cli on. Written without our own signer, so the check is independent of it.
The key is test-key.pem (kept, so the output is the same on every run: RSA PKCS#1 v1.5 signatures
are deterministic). Needs python3 and the openssl command."""

import base64
import hashlib
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
KEY = os.path.join(HERE, "test-key.pem")
DOMAIN = "package-test.example"
SELECTOR = "pkg2026"

HEADERS = [
    ("From", "Package Test <sender@package-test.example>"),
    ("To", "Analyst <analyst@example.net>"),
    ("Subject", "Installed authlens-cli verifies this message"),
    ("Date", "Thu, 01 Jan 2026 00:00:00 +0000"),
    ("Message-ID", "<package-test-1@package-test.example>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=us-ascii"),
]
BODY = b"This message was signed by tests/data/package/generate.py.\r\nIf the installed\r\nauthlens-cli says pass, the package works.\r\n"


def relaxed_header(name, value):
    # RFC 6376 3.4.2: lowercase name, unfold, one space for runs of whitespace, none at the ends.
    value = re.sub(r"[ \t]+", " ", value.replace("\r\n", "")).strip()
    return f"{name.lower()}:{value}"


def relaxed_body(body):
    # RFC 6376 3.4.4: runs of whitespace to one space, none at line ends, no trailing empty lines.
    lines = [re.sub(rb"[ \t]+", b" ", line).rstrip(b" ") for line in body.split(b"\r\n")]
    while lines and lines[-1] == b"":
        lines.pop()
    return b"".join(line + b"\r\n" for line in lines)


def main():
    if not os.path.exists(KEY):
        subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                        "-out", KEY], check=True)
    public_der = subprocess.run(["openssl", "pkey", "-in", KEY, "-pubout", "-outform", "DER"],
                                check=True, capture_output=True).stdout
    body_hash = base64.b64encode(hashlib.sha256(relaxed_body(BODY)).digest()).decode()
    signed = ["from", "to", "subject", "date", "message-id"]
    tags = (f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={DOMAIN}; s={SELECTOR}; t=1767225600; "
            f"h={':'.join(signed)}; bh={body_hash}; b=")
    by_name = {name.lower(): value for name, value in HEADERS}
    # RFC 6376 3.7: the signed header fields, then the DKIM-Signature itself with b= empty and
    # without its final CRLF.
    data = "".join(relaxed_header(n, by_name[n]) + "\r\n" for n in signed)
    data += relaxed_header("DKIM-Signature", tags)
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", KEY], input=data.encode(),
                               check=True, capture_output=True).stdout
    b64 = base64.b64encode(signature).decode()
    folded = "\r\n\t".join(b64[i:i + 72] for i in range(0, len(b64), 72))
    message = f"DKIM-Signature: {tags}\r\n\t{folded}\r\n".encode()
    message += b"".join(f"{n}: {v}\r\n".encode() for n, v in HEADERS) + b"\r\n" + BODY
    with open(os.path.join(HERE, "signed.eml"), "wb") as f:
        f.write(message)

    key = base64.b64encode(public_der).decode()
    chunks = " ".join(f'"{key[i:i + 200]}"' for i in range(0, len(key), 200))
    with open(os.path.join(HERE, "records.zone"), "w") as f:
        f.write("; Records for signed.eml, made by generate.py\n")
        f.write(f'{SELECTOR}._domainkey.{DOMAIN}. 300 IN TXT "v=DKIM1; k=rsa; p=" {chunks}\n')
        f.write(f'{DOMAIN}. 300 IN TXT "v=spf1 -all"\n')
        f.write(f'_dmarc.{DOMAIN}. 300 IN TXT "v=DMARC1; p=reject"\n')


if __name__ == "__main__":
    main()
