#!/usr/bin/env python3
"""ctest man_pages: every option --help lists is in the program's man page.

Runs PROGRAM --help (and PROGRAM SUBCOMMAND --help for each subcommand given),
takes each option name from the first column, and looks for it, in bold, in the
built man page (groff source, gzipped). When man(1) is installed, the page
must also render without warnings.
Usage: check_man_pages.py PROGRAM MAN_PAGE.1.gz [SUBCOMMAND...]
"""
import gzip
import re
import shutil
import subprocess
import sys

program, page_path, *subcommands = sys.argv[1:]
page = gzip.open(page_path, "rt", encoding="utf-8").read()
missing = []
checked = 0
for args in [[]] + [[s] for s in subcommands]:
    help_text = subprocess.run([program, *args, "--help"], check=True, capture_output=True, text=True).stdout
    for line in help_text.splitlines():
        m = re.match(r"^ +(-\S*)", line)
        if not m:
            continue
        for name in m.group(1).split(","):
            checked += 1
            if "\\fB" + name.replace("-", "\\-") + "\\fR" not in page:
                missing.append(" ".join([*args, name]))
print(f"{checked} options of {program} --help checked against {page_path}")
if missing:
    print("FAILED: not in the man page: " + ", ".join(missing))
    sys.exit(1)
if shutil.which("man"):
    warnings = subprocess.run(["man", "--warnings", "-l", page_path], capture_output=True, text=True,
                              env={"MANWIDTH": "80", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}).stderr
    if warnings.strip():
        print("FAILED: man reports:\n" + warnings)
        sys.exit(1)
    print("man -l renders it without warnings")
