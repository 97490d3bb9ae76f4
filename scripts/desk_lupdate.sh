#!/bin/sh
# Refresh resources/i18n/desk_zh_CN.ts from the order desk / inventory sources.
cd "$(dirname "$0")/.." && .venv/bin/pyside6-lupdate -locations none -no-obsolete app/models/orders.py app/models/order_reader.py app/views/orders.py app/views/order_detail.py app/dialogs/bulk_dialog.py app/dialogs/supply_dialogs.py app/views/inventory.py app/views/flow_chart.py app/desk_labels.py app/models/inventory.py -ts resources/i18n/desk_zh_CN.ts -target-language zh_CN
