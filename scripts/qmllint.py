#!/usr/bin/env python3
"""qmllint over qml/, as ./kc test runs it: every warning fails, and so does every unqualified
access except one kind Qt 6.4 cannot express otherwise.

Qt 6.4's qmllint calls every use of an id from inside a Component (a delegate, a page declared
in Shell.qml) "unqualified": the pragma that binds a component to its surroundings
(ComponentBehavior: Bound) arrives with Qt 6.5. So those are let through when the name used is
an id the same file declares; anything else unqualified (a model role or modelData read
without a required property, a parent's property read bare) fails.

Usage: qmllint.py QMLLINT BUILD_DIR QML_IMPORT_DIR SOURCE_DIR
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile


def main():
    qmllint, build, qt_qml, source = sys.argv[1:5]
    qml_dir = (pathlib.Path(source) / "qml").resolve()
    files = sorted(str(p.relative_to(qml_dir)) for p in qml_dir.rglob("*.qml"))
    build = str(pathlib.Path(build).resolve())
    rcc = pathlib.Path(build) / "qml" / ".rcc"
    resources = []
    for qrc in sorted(rcc.glob("*.qrc")):
        resources += ["--resource", str(qrc)]
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([qmllint, "--bare", "-I", str(pathlib.Path(build) / "qml"), "-I", qt_qml, *resources,
                        "--unqualified", "info", "--unused-imports", "warning", "--json", out.name, *files],
                       cwd=qml_dir, check=False)
        report = json.load(open(out.name))
    problems = []
    for entry in report["files"]:
        path = pathlib.Path(entry["filename"])
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        ids = set(re.findall(r"^\s*id:\s*(\w+)", text, re.M)) | set(re.findall(r"[{;]\s*id:\s*(\w+)", text))
        for w in entry["warnings"]:
            line, column = w.get("line", 0), w.get("column", 0)
            where = f"{path.relative_to(qml_dir)}:{line}:{column}"
            source_line = lines[line - 1] if 0 < line <= len(lines) else ""
            if w["message"] == "Unqualified access":
                name = re.match(r"\w+", source_line[column - 1:]) if column else None
                if name and name.group(0) in ids:
                    continue
                problems.append(f"{where}: unqualified access to \"{name.group(0) if name else '?'}\" "
                                f"(qualify it, or give the delegate a required property)\n    {source_line.strip()}")
            elif w["type"] == "warning":
                problems.append(f"{where}: {w['message']}\n    {source_line.strip()}")
    for problem in problems:
        print(problem)
    print(f"qmllint: {len(files)} files, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
