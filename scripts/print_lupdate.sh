#!/bin/sh
# Refresh resources/i18n/print_zh_CN.ts from the print dialog and the packing bench.
cd "$(dirname "$0")/.." && .venv/bin/pyside6-lupdate -locations none -no-obsolete app/dialogs/print_dialog.py app/dialogs/packing_bench.py -ts resources/i18n/print_zh_CN.ts -target-language zh_CN
