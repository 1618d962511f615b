#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Man pages for authlens and authlens-cli, generated from the programs' own --help.

The --help text is the one source of truth: the build runs the freshly built program, reads its
help (and, for a program with commands, each command's help, found in the "Commands:" list, never
from a list kept here) and writes roff. `check` reads a page back and reports every command and
option the program prints that the page lacks, so a stale page fails a test.

    manpage.py generate --program PATH --name NAME --version V --output FILE.1 [--gzip]
    manpage.py check    --program PATH --page FILE.1[.gz]

Only the Python standard library is used.
"""

import argparse
import gzip
import os
import re
import subprocess
import sys

# What --help cannot say: the page's one-line NAME text when the help has no description, and the
# pages to point to.
PAGES = {
    "authlens": {
        "title": "Email authentication analysis: DKIM, SPF and DMARC for deliverability analysts",
        "about": [
            "Authlens tells an email deliverability analyst whether a sender's mail is authenticated, "
            "and if it is not, why, and which DNS record must be fixed: a dashboard per sending domain "
            "and selector, a per-message trace of each verdict, findings with the corrected record to "
            "copy, and PDF reports.",
            "Files given on the command line (.eml messages or an mbox) open in the checker, as do "
            "files opened with Authlens from the file manager.",
        ],
        "see_also": ["authlens-cli(1)"],
        "files": [
            ("~/.local/share/Authlens/Authlens/", "The app's data folder ($XDG_DATA_HOME): the database it imports into."),
            ("~/.config/Authlens/Authlens.conf", "Settings ($XDG_CONFIG_HOME): DNS, policy, language, window layout."),
        ],
    },
    "authlens-cli": {
        "title": "check DKIM, SPF and DMARC on stored mail without a display",
        "see_also": ["authlens(1)"],
        "files": [],
    },
}

SECTION_HEADER = re.compile(r"^([A-Z][A-Za-z ]*):\s*$")
ENTRY = re.compile(r"^  (\S.*?)(?:\s{2,}(\S.*))?$")
OPTION_NAME = re.compile(r"(?<![\w-])(--?[A-Za-z0-9][A-Za-z0-9-]*)")


def run_help(program, arguments):
    """Runs the program for its help; returns (exit code, stdout text)."""
    env = dict(os.environ)
    # The help must not depend on who builds: no translation, no display.
    env.update({"LC_ALL": "C.UTF-8", "LANGUAGE": "", "QT_QPA_PLATFORM": "offscreen"})
    # In a sanitizer build a leak report at exit would turn a good --help into a failure.
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS", ""), "detect_leaks=0"]))
    try:
        done = subprocess.run([program] + arguments, capture_output=True, env=env, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return 127, "", str(error)
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


class Help:
    """One --help text cut into its parts: usage, description, and named sections of entries."""

    def __init__(self, text, program_name):
        self.usage = []
        self.description = []
        self.sections = []  # [(title, [[term, description], ...], [trailing paragraph lines])]
        self.paragraphs = []  # unindented text after the sections, e.g. "Exit status: ..."
        current = None
        for raw in text.splitlines():
            line = raw.rstrip()
            header = SECTION_HEADER.match(line)
            if header:
                current = (header.group(1), [])
                self.sections.append(current)
                continue
            if current is None:
                if line.startswith("Usage:"):
                    self.usage.append(self._program_basename(line[len("Usage:"):].strip(), program_name))
                elif line:
                    self.description.append(line.strip())
                continue
            if not line:
                continue
            if line.startswith("   ") and current[1]:
                # A wrapped description continues the entry above.
                current[1][-1][1] = (current[1][-1][1] + " " + line.strip()).strip()
                continue
            entry = ENTRY.match(line)
            if entry and line.startswith("  "):
                current[1].append([entry.group(1), entry.group(2) or ""])
                continue
            # Unindented text after a section: a closing paragraph.
            current = None
            self.paragraphs.append(line.strip())

    @staticmethod
    def _program_basename(usage, program_name):
        # QCommandLineParser prints argv[0] as given, often a full build path.
        first, _, rest = usage.partition(" ")
        if os.path.basename(first) == program_name:
            first = program_name
        return (first + " " + rest).strip()

    def section(self, title):
        for name, entries in self.sections:
            if name == title:
                return entries
        return []

    def option_names(self):
        names = []
        for title, entries in self.sections:
            if title == "Options":
                for term, _ in entries:
                    names += OPTION_NAME.findall(term)
        return names


def collect(program, name):
    """The program's help and, per command listed under Commands:, that command's help."""
    code, text, stderr = run_help(program, ["--help"])
    if code != 0 or not text.strip():
        raise SystemExit(f"manpage.py: '{program} --help' failed ({code}): {stderr.strip()}")
    main = Help(text, name)
    commands = []
    problems = []
    for command, summary in main.section("Commands"):
        code, text, stderr = run_help(program, [command, "--help"])
        if code != 0 or not text.strip():
            problems.append(f"'{name} {command} --help' exited {code} with no help: {stderr.strip()[:200]}")
        commands.append((command, summary, Help(text, name)))
    return main, commands, problems


def roff_escape(text):
    text = text.replace("\\", "\\e")
    # A line starting with . or ' would be read as a request.
    return re.sub(r"^([.'])", r"\\&\1", text)


def roff_term(text):
    """Option names and usage lines: hyphens are minus signs, options bold, placeholders italic."""
    text = roff_escape(text).replace("-", "\\-")
    text = re.sub(r"<([^<>]+)>", r"\\fI\1\\fR", text)
    return re.sub(r"(?<![\w\\])(\\-\\-?[A-Za-z0-9][A-Za-z0-9\\-]*)", r"\\fB\1\\fR", text)


def paragraphs(lines):
    out = []
    for line in lines:
        out += [".PP", roff_escape(line)]
    return out


def entries_block(entries, bold_terms):
    out = []
    for term, description in entries:
        out.append(".TP")
        out.append(roff_term(term) if not bold_terms else "\\fB" + roff_escape(term) + "\\fR")
        out.append(roff_escape(description))
    return out


def help_body(help_text, title_level):
    """Usage, description and option sections of one help, as roff lines."""
    out = []
    if help_text.usage:
        for usage in help_text.usage:
            out += [".PP", roff_term(usage)]
    out += paragraphs(help_text.description)
    for title, entries in help_text.sections:
        if title == "Commands":
            continue
        out.append(f"{title_level} \"{title.upper() if title_level == '.SH' else title}\"")
        out += entries_block(entries, bold_terms=False)
    out += paragraphs(help_text.paragraphs)
    return out


def render(name, version, main, commands):
    page = PAGES.get(name, {"title": "", "see_also": [], "files": []})
    summary = main.description[0] if main.description else page["title"]
    summary = summary.rstrip(".")
    summary = summary[0].lower() + summary[1:] if summary[:2] != summary[:2].upper() else summary
    out = [
        f'.\\" Generated by installer/manpage.py from "{name} --help"; do not edit.',
        f'.TH {name.upper()} 1 "" "{name} {version}" "User Commands"',
        ".SH NAME",
        f"{name} \\- {roff_escape(summary)}",
        ".SH SYNOPSIS",
        ".nf",
    ]
    out += [roff_term(u) for u in main.usage] or [f"\\fB{name}\\fR [options]"]
    out += [".fi", ".SH DESCRIPTION"]
    out += paragraphs(main.description or [page["title"]])
    out += paragraphs(page.get("about", []))
    if commands:
        out.append(".SH COMMANDS")
        out += entries_block([(c, s) for c, s, _ in commands], bold_terms=True)
        out.append(".PP")
        out.append(f"Each command's own options follow; \\fB{name} \\fIcommand\\fB \\-\\-help\\fR prints them.")
    for title, entries in main.sections:
        if title == "Commands":
            continue
        out.append(f'.SH "{title.upper()}"')
        out += entries_block(entries, bold_terms=False)
    for command, _, command_help in commands:
        out.append(f'.SH "{name.upper()} {command.upper()}"')
        out += help_body(command_help, ".SS")
    exit_lines = [p for p in main.paragraphs if p.lower().startswith("exit status")]
    other_lines = [p for p in main.paragraphs if p not in exit_lines]
    out += paragraphs(other_lines)
    if exit_lines:
        out.append(".SH \"EXIT STATUS\"")
        out += paragraphs(p.split(":", 1)[1].strip() for p in exit_lines)
    if page["files"]:
        out.append(".SH FILES")
        for path, what in page["files"]:
            out += [".TP", f"\\fI{roff_escape(path)}\\fR", roff_escape(what)]
    out += [".SH LICENSE", "GPL\\-3.0\\-or\\-later."]
    if page["see_also"]:
        out += [".SH \"SEE ALSO\"", ", ".join(f"\\fB{s.split('(')[0]}\\fR({s.split('(')[1]}" for s in page["see_also"])]
    return "\n".join(out) + "\n"


def read_page(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        text = f.read()
    # Back to plain text, enough to look names up.
    text = re.sub(r"\\f[BIRP]", "", text)
    return text.replace("\\-", "-").replace("\\&", "").replace("\\e", "\\")


def check(program, page_path):
    name = os.path.basename(program)
    main, commands, problems = collect(program, name)
    page = read_page(page_path)
    # The page cut at its section headings, so a command's options are looked for in its own section.
    parts = {}
    current = ""
    for line in page.splitlines():
        if line.startswith(".SH "):
            current = line[4:].strip().strip('"')
            parts.setdefault(current, "")
        else:
            parts[current] = parts.get(current, "") + line + "\n"
    missing = list(problems)
    whole = page
    for option in main.option_names():
        if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", whole):
            missing.append(f"option {option} of '{name}' is not in the page")
    for command, _, command_help in commands:
        section = parts.get(f"{name.upper()} {command.upper()}")
        if section is None:
            missing.append(f"command '{command}' has no section in the page")
            continue
        for option in command_help.option_names():
            if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", section):
                missing.append(f"option {option} of '{name} {command}' is not in the page")
    options = len(main.option_names()) + sum(len(h.option_names()) for _, _, h in commands)
    if missing:
        for line in missing:
            print(f"manpage.py: {line}", file=sys.stderr)
        print(f"manpage.py: {page_path} is out of date with {name} --help ({len(missing)} problems)", file=sys.stderr)
        return 1
    print(f"manpage.py: {page_path}: {len(commands)} commands and {options} options of {name} --help all present")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    generate = sub.add_parser("generate")
    generate.add_argument("--program", required=True)
    generate.add_argument("--name", required=True)
    generate.add_argument("--version", required=True)
    generate.add_argument("--output", required=True)
    generate.add_argument("--gzip", action="store_true", help="also write OUTPUT.gz (reproducible)")
    checker = sub.add_parser("check")
    checker.add_argument("--program", required=True)
    checker.add_argument("--page", required=True)
    arguments = parser.parse_args()

    if arguments.mode == "check":
        return check(arguments.program, arguments.page)

    main_help, commands, problems = collect(arguments.program, arguments.name)
    # A command with a broken --help must not break everyone's build: warn here, fail in the test.
    for problem in problems:
        print(f"manpage.py: warning: {problem}", file=sys.stderr)
    text = render(arguments.name, arguments.version, main_help, commands)
    with open(arguments.output, "w", encoding="utf-8") as f:
        f.write(text)
    if arguments.gzip:
        with open(arguments.output + ".gz", "wb") as raw:
            # mtime 0 and no file name: the same page gives the same bytes.
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as f:
                f.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
