#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds the seed corpora of the fuzz targets from what the repository already holds.

    tests/fuzz/make_corpus.py OUT_DIR

writes OUT_DIR/<target>/<sha1> files: string literals of each parser's unit test (adjacent literals
joined, C++ escapes decoded), fields, bodies and records of the sample mailbox and zone
(resources/samples), and the small committed seeds and crash reproducers in tests/fuzz/corpus/ and
tests/fuzz/regressions/. Nothing is downloaded; the output is the same on every run.
"""

import hashlib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAX_SEED = 16 * 1024  # libFuzzer's -max_len follows the largest seed; keep it small

TARGETS = [
    "fuzz_header_fields", "fuzz_dkim_signature", "fuzz_key_record", "fuzz_canonicalizer", "fuzz_mbox",
    "fuzz_maildir_name", "fuzz_imap_response", "fuzz_spf_record", "fuzz_spf_macro", "fuzz_dmarc_record",
    "fuzz_authentication_results", "fuzz_address", "fuzz_records_file",
]

SIMPLE_ESCAPES = {"n": b"\n", "r": b"\r", "t": b"\t", "0": b"\0", "\\": b"\\", '"': b'"', "'": b"'",
                  "a": b"\a", "b": b"\b", "f": b"\f", "v": b"\v", "?": b"?"}


def decode_literal(body):
    """Decodes the inside of a C++ narrow string literal."""
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        e = body[i + 1] if i + 1 < len(body) else ""
        if e == "x":
            m = re.match(r"[0-9a-fA-F]+", body[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF if m else 0)
            i += 2 + (len(m.group(0)) if m else 0)
        elif e in "01234567" and e:
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        else:
            out += SIMPLE_ESCAPES.get(e, e.encode("utf-8"))
            i += 2
    return bytes(out)


LITERAL = re.compile(r'R"([^(\s]*)\((.*?)\)\1"|"((?:[^"\\\n]|\\.)*)"', re.S)


def literals(path):
    """Every string literal of a C++ file, adjacent literals joined as the compiler joins them."""
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return []
    text = re.sub(r"//[^\n]*", lambda m: "" if m.group(0).count('"') % 2 == 0 else m.group(0), text)
    result, current, last_end = [], None, -1
    for m in LITERAL.finditer(text):
        value = m.group(2).encode("utf-8") if m.group(2) is not None else decode_literal(m.group(3))
        if current is not None and text[last_end:m.start()].strip() == "":
            current += value
        else:
            if current is not None:
                result.append(current)
            current = value
        last_end = m.end()
    if current is not None:
        result.append(current)
    return result


def test_literals(*names):
    out = []
    for name in names:
        out += literals(os.path.join(ROOT, "tests", "unit", name))
    return out


def read(path):
    try:
        with open(os.path.join(ROOT, path), "rb") as f:
            return f.read()
    except OSError:
        return b""


def mbox_messages():
    data = read("resources/samples/samples.mbox")
    parts = re.split(rb"(?m)^From [^\n]*\n", data)
    return [p for p in parts if p.strip()]


def header_fields(message):
    header = re.split(rb"\r?\n\r?\n", message, maxsplit=1)[0]
    return [f.decode("latin-1") for f in re.split(rb"\r?\n(?![ \t])", header) if b":" in f]


def field_values(messages, name):
    out = []
    for message in messages:
        for field in header_fields(message):
            if field.split(":", 1)[0].strip().lower() == name:
                out.append(field.split(":", 1)[1].strip().encode("latin-1"))
    return out


def txt_records(zone_text):
    """The joined strings of every TXT record in a zone file."""
    out = []
    for line in zone_text.decode("utf-8", "replace").splitlines():
        if re.search(r"\sTXT\s", line):
            strings = re.findall(r'"((?:[^"\\]|\\.)*)"', line)
            out.append("".join(strings).encode("utf-8"))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py OUT_DIR")
    out_dir = sys.argv[1]
    messages = mbox_messages()
    messages.sort(key=len)
    small = messages[:12]
    zone = read("resources/samples/records.zone") + b"\n" + read("tests/data/package/records.zone")
    txt = txt_records(zone)
    seeds = {t: [] for t in TARGETS}

    seeds["fuzz_header_fields"] += small + [read("tests/data/package/signed.eml")]
    seeds["fuzz_header_fields"] += [s for s in test_literals("mail/tst_message.cpp") if b":" in s]

    signatures = field_values(messages, "dkim-signature")
    seeds["fuzz_dkim_signature"] += signatures[:20]
    seeds["fuzz_dkim_signature"] += [s for s in test_literals("dkim/tst_signature_parser.cpp") if b"=" in s]

    seeds["fuzz_key_record"] += [t for t in txt if b"p=" in t or b"DKIM1" in t][:20]
    seeds["fuzz_key_record"] += [s for s in test_literals("dkim/tst_key_record.cpp") if b"=" in s]

    bodies = [re.split(rb"\r?\n\r?\n", m, maxsplit=1)[-1] for m in small]
    canon = bodies + [s for s in test_literals("dkim/tst_canonicalizer.cpp") if len(s) > 1]
    # First bytes: chunk sizes, then a NUL, then the body (see fuzz_canonicalizer.cpp).
    seeds["fuzz_canonicalizer"] += [b"\x03\x07\x01\x00" + b for b in canon]

    mbox = read("resources/samples/samples.mbox")
    first = [m.start() for m in re.finditer(rb"(?m)^From ", mbox)]
    if len(first) > 3:
        seeds["fuzz_mbox"].append(b"\x25" + mbox[:first[3]])
    seeds["fuzz_mbox"] += [b"\x24" + s for s in test_literals("sources/tst_mbox_reader.cpp") if b"From " in s]

    seeds["fuzz_maildir_name"] += [s for s in test_literals("sources/tst_maildir_reader.cpp")
                                   if (b":2," in s or b",S=" in s) and b"\n" not in s]
    seeds["fuzz_maildir_name"] += [b"1700000000.M1P2.host,S=1234,W=1260:2,RS", b"x:1,abc", b",S=,W=-5:2,"]

    imap = [s for s in test_literals("imap/tst_imap_response_parser.cpp", "imap/tst_imap_client.cpp")
            if b"\r\n" in s]
    seeds["fuzz_imap_response"] += [b"\x05\x0b\x00" + s for s in imap]

    spf = [t for t in txt if t.lower().startswith(b"v=spf1")]
    seeds["fuzz_spf_record"] += spf + [s for s in test_literals("spf/tst_spf_record.cpp") if b"spf1" in s]
    seeds["fuzz_spf_macro"] += [s for s in test_literals("spf/tst_spf_macro.cpp", "spf/tst_spf_record.cpp")
                                if b"%" in s]

    seeds["fuzz_dmarc_record"] += [t for t in txt if b"DMARC1" in t]
    seeds["fuzz_dmarc_record"] += [s for s in test_literals("dmarc/tst_dmarc_record.cpp") if b"=" in s]

    seeds["fuzz_authentication_results"] += field_values(messages, "authentication-results")[:20]
    seeds["fuzz_authentication_results"] += [s for s in test_literals("mail/tst_authentication_results.cpp")
                                             if b";" in s]

    addresses = field_values(messages, "from") + field_values(messages, "to")
    seeds["fuzz_address"] += sorted(set(addresses))[:20]
    seeds["fuzz_address"] += [s for s in test_literals("mail/tst_address_parser.cpp") if b"@" in s]

    lines = zone.split(b"\n")
    for i in range(0, len(lines), 25):
        seeds["fuzz_records_file"].append(b"\n".join(lines[i:i + 25]))
    seeds["fuzz_records_file"] += [s for s in test_literals("dns/tst_records_file.cpp")
                                   if b" IN " in s or b"$ORIGIN" in s or b"TXT" in s]

    # Committed seeds and crash reproducers.
    for kind in ("corpus", "regressions"):
        for target in TARGETS:
            folder = os.path.join(ROOT, "tests", "fuzz", kind, target)
            if os.path.isdir(folder):
                for name in sorted(os.listdir(folder)):
                    seeds[target].append(read(os.path.join("tests", "fuzz", kind, target, name)))

    total = 0
    for target, items in seeds.items():
        folder = os.path.join(out_dir, target)
        os.makedirs(folder, exist_ok=True)
        for seed in items:
            seed = seed[:MAX_SEED]
            if not seed:
                continue
            with open(os.path.join(folder, hashlib.sha1(seed).hexdigest()), "wb") as f:
                f.write(seed)
        count = len(os.listdir(folder))
        total += count
        print(f"{target}: {count} seeds")
    print(f"total: {total} seeds in {out_dir}")


if __name__ == "__main__":
    main()
