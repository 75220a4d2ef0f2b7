#!/usr/bin/env python3
"""Writes a man page from a template and the program's own --help.

The OPTIONS sections are generated from --help at build time (so every option
a program has is in its man page, with the text and default --help shows); the
rest (description, examples, files, environment) is written by hand in the
template. Each "@HELP args@" line of the template is replaced by the options of
`PROGRAM args --help`, as groff.
Usage: gen-man.py PROGRAM TEMPLATE OUTPUT VERSION DATE
"""
import re
import subprocess
import sys


def esc(text):
    """groff-escapes text for a body line."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def parse_help(text):
    """Yields (group, head, description) from CLI11's help, in order.

    CLI11 prints an option's names and argument in a column 28 characters wide
    after the indentation, the description after it (or, when the names do not
    fit, on the next line, indented further); an option group's header may be
    followed by a description line of its own.
    """
    group = None
    entry = None
    entry_column = 0
    group_description = False  # the line after "[Option Group: X]" may describe it
    for line in text.splitlines():
        stripped = line.strip()
        m = re.match(r"^\[Option Group: (.*)\]$", stripped)
        if m or stripped in ("Options:", "Positionals:", "Subcommands:") or not stripped:
            if entry:
                yield entry
                entry = None
            if m:
                group, group_description = m.group(1), True
            elif stripped == "Subcommands:":
                group, group_description = "Subcommands", False
            elif stripped:
                group_description = False
            continue
        indent = len(line) - len(line.lstrip())
        if indent < 2:
            continue  # the title and usage lines
        if group_description:
            continue  # said in the man page's own words
        if entry and indent >= entry_column - 2:  # a description on a line of its own
            entry = (entry[0], entry[1], (entry[2] + " " + stripped).strip())
            continue
        if entry:
            yield entry
        column = entry_column = indent + 28
        if len(line) > column and line[column - 1] == " ":
            entry = (group, line[:column].strip(), line[column:].strip())
        else:
            entry = (group, stripped, "")
    if entry:
        yield entry


def head_groff(head):
    """'-n,--limit UINT=10' -> bold names, italic argument."""
    names, _, arg = head.partition(" ")
    parts = ", ".join("\\fB" + esc(n) + "\\fR" for n in names.split(","))
    return parts + (" \\fI" + esc(arg) + "\\fR" if arg else "")


def options_groff(program, args):
    help_text = subprocess.run([program, *args, "--help"], check=True, capture_output=True, text=True).stdout
    out = []
    current = "-"
    for group, head, desc in parse_help(help_text):
        if group != current:
            if group:
                out.append(".SS " + esc(group))
            current = group
        out.append(".TP")
        out.append(head_groff(head))
        out.append(esc(desc) if desc else "")
    return "\n".join(l for l in out if l != "")


def main():
    program, template, output, version, date = sys.argv[1:6]
    lines = []
    for line in open(template, encoding="utf-8").read().splitlines():
        m = re.match(r"^@HELP(.*)@$", line)
        lines.append(options_groff(program, m.group(1).split()) if m else line)
    text = "\n".join(lines) + "\n"
    text = text.replace("@VERSION@", version).replace("@DATE@", date)
    with open(output, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
