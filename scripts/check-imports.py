#!/usr/bin/env python3
"""Checks that Package.swift's dependencies match each target's imports exactly.

For every target in Package.swift, the modules its Swift files import must be the
dependencies it declares (plus the toolchain's own modules), and every declared dependency
must be imported somewhere in the target. An undeclared import builds today only because
another target happens to pull the module in; an unused one links what nothing needs.

Usage: python3 scripts/check-imports.py        (exit 1 and one line per problem)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Modules that come with the toolchain or the operating system: never declared.
TOOLCHAIN = {
    "Foundation", "FoundationEssentials", "FoundationNetworking", "Glibc", "Musl", "Darwin",
    "Android", "WinSDK", "System", "Synchronization", "Dispatch", "Testing", "XCTest", "os",
    "_Concurrency", "Observation", "RegexBuilder", "PackageDescription",
}

TARGET = re.compile(r'\.(target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"([^"]+)"')
PRODUCT = re.compile(r'\.product\(\s*name:\s*"([^"]+)"')
IMPORT = re.compile(
    r'^\s*(?:@testable\s+|@_implementationOnly\s+|@preconcurrency\s+|public\s+|internal\s+|package\s+)*'
    r'import\s+(?:(?:struct|class|enum|func|protocol|typealias|var|let)\s+)?([A-Za-z_][A-Za-z0-9_]*)',
    re.M)


def balanced(text, start):
    """The index just past the bracket that closes the one at `start`."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] in "([":
            depth += 1
        elif text[i] in ")]":
            depth -= 1
            if depth == 0:
                return i + 1
    raise ValueError("unbalanced brackets in Package.swift")


def targets(package):
    """(kind, name, declared dependency modules) for each target of Package.swift."""
    found = []
    for match in TARGET.finditer(package):
        call = package[match.start(): balanced(package, package.index("(", match.start()))]
        deps = set()
        at = call.find("dependencies:")
        if at >= 0:
            open_bracket = call.index("[", at)
            listing = call[open_bracket: balanced(call, open_bracket)]
            deps |= set(PRODUCT.findall(listing))
            listing = PRODUCT.sub("", listing)
            listing = re.sub(r'package:\s*"[^"]*"', "", listing)
            deps |= set(re.findall(r'"([^"]+)"', listing))
        found.append((match.group(1), match.group(2), deps))
    return found


def strip_comments(source):
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    return re.sub(r"//[^\n]*", "", source)


def imports(folder):
    """Every module imported by the Swift files under `folder`."""
    modules = set()
    for directory, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".swift"):
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    modules |= set(IMPORT.findall(strip_comments(handle.read())))
    return modules


def main():
    with open(os.path.join(ROOT, "Package.swift"), encoding="utf-8") as handle:
        package = handle.read()
    problems = []
    for kind, name, declared in targets(package):
        if kind == "systemLibrary":
            continue
        folder = os.path.join(ROOT, "Tests" if kind == "testTarget" else "Sources", name)
        if not os.path.isdir(folder):
            problems.append(f"{name}: no folder {os.path.relpath(folder, ROOT)}")
            continue
        used = imports(folder) - TOOLCHAIN - {name}
        for module in sorted(used - declared):
            problems.append(f"{name}: imports {module}, which Package.swift does not list among its dependencies")
        for module in sorted(declared - used):
            problems.append(f"{name}: Package.swift lists {module}, which no file of the target imports")
    for line in problems:
        print("check-imports: " + line, file=sys.stderr)
    if not problems:
        print("check-imports: every target imports exactly what Package.swift declares")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
