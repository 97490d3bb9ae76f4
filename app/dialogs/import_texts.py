"""The import dialog's words: what it says about the file, the import and its result.

Functions of the dialog (``ImportDialog``) that only compose texts from its state. They
translate with ``dlg.tr``, so every text stays in the dialog's translation context
("ImportDialog" in presale_zh_CN.ts) where lupdate put it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from app import desk_labels, display, i18n, labels

if TYPE_CHECKING:
    from app.dialogs.import_dialog import ImportDialog


def retranslate(dlg: ImportDialog) -> None:
    dlg.setWindowTitle(dlg.tr("Import"))
    dlg.file_label.setText(dlg.tr("File:"))
    dlg.path_edit.setPlaceholderText(dlg.tr(
        "Choose a file, or drop an .xlsx or .csv file here"))
    dlg.choose_button.setText(dlg.tr("Choose file…"))
    dlg.kind_label.setText(dlg.tr("It holds:"))
    kind_texts = {"orders": dlg.tr("Orders (a platform's export)"),
                  "products": dlg.tr("Products (SKU master)"),
                  "supply": dlg.tr("Supply batches (incoming stock)")}
    for i in range(dlg.kind_combo.count()):
        dlg.kind_combo.setItemText(i, kind_texts[dlg.kind_combo.itemData(i)])
    dlg.platform_label.setText(dlg.tr("Layout:"))
    dlg._platform_texts()
    dlg.save_errors_button.setText(dlg.tr("Save errors as workbook…"))
    dlg.save_mapping_button.setText(dlg.tr("Save as my column mapping…"))
    dlg.save_mapping_button.setToolTip(dlg.tr(
        "Keep your changes as a column mapping of your own: this file and later ones "
        "laid out the same way are then imported with it."))
    dlg.mapping_hint.setText(dlg.tr(
        "If a column is imported as the wrong field, or not at all, click its field "
        "under “Imported as” and choose the right one; then save it as your column "
        "mapping."))
    dlg.status_label.setText(dlg.tr(
        "Status values this layout does not know: choose what each one means."))
    dlg.legend_label.setText(dlg.tr(
        "Each header shows the field it is imported as. Yellow columns are not "
        "imported; red cells would be refused (point at one to see why)."))
    dlg.valid_only_check.setText(dlg.tr(
        "Import only the valid rows (the others go to a workbook)"))
    dlg.valid_only_check.setToolTip(dlg.tr(
        "Rows with problems are left out and saved, with their reasons, to a workbook "
        "you choose; fix them there and import that file later."))
    dlg.second_file.remove_button.setText(dlg.tr("Remove"))
    dlg.import_button.setText(dlg.tr("Import"))
    dlg.close_button.setText(dlg.tr("Close"))
    for model in (dlg.preview_model, dlg.mapping_model, dlg.status_model,
                  dlg.errors_model, dlg.not_moved_model, dlg.flagged_model):
        model.retranslate()
    dlg.show_flagged_button.setText(dlg.tr("Show in the order table"))
    dlg.show_flagged_button.setToolTip(dlg.tr(
        "Open these order lines in the order table (this window closes)"))
    dlg._show_texts()


def show_texts(dlg: ImportDialog) -> None:
    """Everything that depends on the state, in the current language."""
    pv = dlg.preview
    if pv is not None:
        dlg.kind_combo.setCurrentIndex(dlg.kind_combo.findData(pv.kind))
    dlg._platform_texts()
    if pv is not None and pv.kind == "orders":
        chosen = dlg._forced_platform or "auto"
        dlg.platform_combo.setCurrentIndex(dlg.platform_combo.findData(chosen))
    second_file_texts(dlg)
    dlg.summary_label.setText(dlg._summary())
    alert = bool(dlg.read_error) or (pv is not None and not pv.can_import)
    if dlg.summary_label.property("alert") != alert:
        dlg.summary_label.setProperty("alert", alert)
        dlg.summary_label.style().unpolish(dlg.summary_label)
        dlg.summary_label.style().polish(dlg.summary_label)
    unknown = pv.unknown_statuses if pv is not None else []
    if dlg.refused is not None and dlg.refused.unknown_statuses:
        unknown = dlg.refused.unknown_statuses
    dlg.unknown_label.setVisible(bool(unknown))
    if unknown and pv is not None and pv.new_statuses:
        dlg.unknown_label.setText(dlg.tr(
            "Unknown status values: %1. Files with status texts Presale Desk does not "
            "know are not imported: say what each one means under Column mapping and "
            "save it as your column mapping.").replace(
            "%1", "、".join(f"“{s}”" for s in unknown)))
    elif unknown:
        dlg.unknown_label.setText(dlg.tr(
            "Unknown status values: %1. Files with status texts Presale Desk does not "
            "know are not imported: add them to a custom column mapping.").replace(
            "%1", "、".join(f"“{s}”" for s in unknown)))
    found = dlg.current_errors()
    dlg.tabs.setTabText(0, dlg.tr("Preview (first %1 rows)").replace(
        "%1", str(len(pv.rows) if pv is not None else 0)))
    dlg.tabs.setTabText(1, dlg.tr("Column mapping"))
    dlg.tabs.setTabText(2, dlg.tr("Problems (%1)").replace("%1", display.count(
        len(found))))
    dlg.tabs.setTabText(3, dlg.tr("Result"))
    dlg.tabs.setTabVisible(2, bool(found))
    dlg.tabs.setTabVisible(3, dlg.report is not None)
    if dlg.refused is not None:
        intro = dlg.tr(
            "Nothing was imported. The import refused the file because of these rows:")
    else:
        intro = dlg.tr(
            "The import would refuse these rows (the file is imported whole or not at "
            "all, unless you import only the valid rows):")
    if dlg.saved_errors_path is not None:
        intro += "\n" + dlg.tr("Saved to %1").replace("%1", str(dlg.saved_errors_path))
    dlg.problems_intro.setText(intro)
    dlg.result_label.setText(dlg._result_html())
    moved = dlg.report.not_moved_back if dlg.report is not None else []
    dlg.not_moved_label.setVisible(bool(moved))
    dlg.not_moved_view.setVisible(bool(moved))
    if moved:
        dlg.not_moved_label.setText(dlg.tr(
            "Not moved back: these order lines are already further along in the database "
            "than in this file (it is an older export, e.g. shipped in the database but "
            "paid in the file). The database keeps the newer state; nothing is wrong:"))
    flagged_texts(dlg)
    dlg._update_state()


def second_file_texts(dlg: ImportDialog) -> None:
    """The second-file row: shown when the file is one of Taobao's two reports."""
    pv = dlg.preview
    needs = pv.needs if pv is not None else None
    row = dlg.second_file
    row.setVisible(needs is not None or dlg.items_path is not None)
    if needs == "items":
        row.label.setText(dlg.tr(
            "This is a Taobao/Tmall order report (订单报表): it has no SKU codes. Add the "
            "item report (宝贝报表) exported with it:"))
    elif needs == "orders":
        row.label.setText(dlg.tr(
            "This is a Taobao/Tmall item report (宝贝报表). Add the order report (订单报表) "
            "exported with it:"))
    else:
        row.label.setText(dlg.tr("Imported together with:"))
    row.choose_button.setText(dlg.tr("Choose the order report…") if needs == "orders"
                              else dlg.tr("Choose the item report…"))
    row.path_edit.setText(str(dlg.items_path) if dlg.items_path is not None else "")
    row.path_edit.setToolTip(row.path_edit.text())
    row.path_edit.setVisible(dlg.items_path is not None)
    row.remove_button.setVisible(dlg.items_path is not None)
def flagged_texts(dlg: ImportDialog) -> None:
    """The flagged lines with why, and the campaigns not active yet that got orders."""
    rep = dlg.report
    listed = rep.flagged_orders if rep is not None else []
    for w in (dlg.flagged_label, dlg.flagged_view, dlg.show_flagged_button):
        w.setVisible(bool(listed))
    if rep is not None and listed:
        reasons = ("、" if display.lang() == "zh" else ", ").join(
            dlg.tr("%1: %2").replace("%1", desk_labels.import_flag(code)).replace(
                "%2", display.count(n)) for code, n in rep.flagged_by_reason.items())
        text = dlg.tr("%n flagged order line(s), imported as they are; check them (%1):",
                      "", rep.flagged).replace("%1", reasons)
        if len(listed) < rep.flagged:
            text += " " + dlg.tr("The first %1 are listed.").replace(
                "%1", display.count(len(listed)))
        dlg.flagged_label.setText(text)
    page = dlg.result_page
    camps = rep.inactive_campaigns if rep is not None else []
    for (label, button), camp in zip(page.draft_rows, camps, strict=False):
        name, n = str(camp.get("name", "")), int(camp.get("orders", 0))
        if camp["id"] in dlg.activated:
            label.setText(dlg.tr("“%1” is active now: its orders count as running.")
                          .replace("%1", name))
            button.hide()
            continue
        if camp.get("status") == "submitted":
            label.setText(dlg.tr(
                "%n order line(s) went to “%1”, which waits for approval: it does not "
                "run until it is approved.", "", n).replace("%1", name))
            button.setText(dlg.tr("Approve “%1”").replace("%1", name))
        else:
            label.setText(dlg.tr(
                "%n order line(s) went to “%1”, which is still a draft: it does not count "
                "as running until you activate it.", "", n).replace("%1", name))
            button.setText(dlg.tr("Activate “%1”").replace("%1", name))
        button.show()


def summary(dlg: ImportDialog) -> str:
    pv = dlg.preview
    if dlg._busy == "preview":
        return dlg.tr("Reading the file…")
    if dlg._busy == "import":
        return dlg.tr("Importing…")
    if dlg.read_error:
        return dlg.tr("This file cannot be read: %1").replace("%1", dlg.read_error)
    if pv is None:
        return dlg.tr("Choose the file to import: a platform's order export, a product "
                       "sheet or a supply sheet (.xlsx or .csv).")
    if pv.preset is None:
        return dlg.tr("The columns match no known order export. Choose the layout "
                       "above, or the kind of file.") + "\n" + pv.problem
    used = len(pv.fields)
    total_cols = used + len(pv.extra)
    what = {"orders": dlg.tr("%1 order export").replace("%1", dlg._layout_name(
                pv.preset)),
            "products": dlg.tr("Product sheet"),
            "supply": dlg.tr("Supply sheet")}[pv.kind]
    parts = [dlg.tr("%1, header in row %2, %3 rows; %4 of %5 columns are imported.")
             .replace("%1", what).replace("%2", str(pv.header_row))
             .replace("%3", display.count(pv.total_rows)).replace("%4", str(used))
             .replace("%5", str(total_cols))]
    if pv.needs == "items":
        parts.append(dlg.tr("The order report alone has no SKU codes, so it cannot be "
                             "imported: add its item report (宝贝报表) above."))
    elif pv.needs == "orders":
        parts.append(dlg.tr("The item report alone has no order times, buyers or states, "
                             "so it cannot be imported: add its order report (订单报表) "
                             "above."))
    elif pv.missing and pv.can_edit_mapping:
        parts.append(dlg.tr("Required columns are missing: %1. Under Column mapping, "
                             "choose the column that holds each one, or choose another "
                             "layout.").replace(
            "%1", ", ".join(labels.import_field(f) for f in pv.missing)))
    elif pv.missing:
        parts.append(dlg.tr("Required columns are missing: %1. Choose another layout "
                             "or kind of file.").replace(
            "%1", ", ".join(labels.import_field(f) for f in pv.missing)))
    elif dlg.refused is not None:
        rows = len({e.row for e in dlg.refused.errors})
        parts.append(dlg.tr("Nothing was imported. Rows with problems: %1.").replace(
            "%1", display.count(rows)))
    elif dlg.import_cancelled:
        parts.append(dlg.tr("The import was cancelled; nothing was imported."))
    elif dlg.report is not None:
        rep = dlg.report
        parts.append(dlg.tr("Imported: %1 created, %2 updated, %3 unchanged.")
                     .replace("%1", display.count(rep.created))
                     .replace("%2", display.count(rep.updated))
                     .replace("%3", display.count(rep.unchanged)))
    elif pv.errors:
        parts.append(dlg.tr("Rows with problems: %1 (see Problems).").replace(
            "%1", display.count(pv.error_rows)))
    elif not pv.unknown_statuses:
        parts.append(dlg.tr("Every row can be imported."))
    if pv.can_import and pv.checked_rows < pv.total_rows:
        parts.append(dlg.tr("The preview checked the first %1 rows; the import checks "
                             "them all.").replace("%1", display.count(pv.checked_rows)))
    if pv.skipped_rows:
        parts.append(dlg.tr("Blank or totals rows skipped: %1.").replace(
            "%1", display.count(pv.skipped_rows)))
    if dlg.saved_mapping_path is not None:
        parts.append(dlg.tr("Your column mapping was saved to %1; imports use it from "
                             "now on.").replace("%1", str(dlg.saved_mapping_path)))
    if pv.can_edit_mapping and dlg.report is None and dlg.mapping_edited():
        parts.append(dlg.tr("Your changes to the column mapping are used once you "
                             "save them."))
    # Chinese sentences end in "。" and need no space between them.
    return ("" if i18n.current_language().startswith("zh") else " ").join(parts)


def result_html(dlg: ImportDialog) -> str:
    rep = dlg.report
    if rep is None:
        return ""
    cells = [(dlg.tr("Created"), rep.created), (dlg.tr("Updated"), rep.updated),
             (dlg.tr("Unchanged"), rep.unchanged), (dlg.tr("Rejected"), rep.rejected),
             (dlg.tr("Skipped rows"), rep.skipped_rows)]
    if rep.kind == "orders":
        cells += [(dlg.tr("Older, not moved back"), len(rep.not_moved_back)),
                  (dlg.tr("Flagged for review"), rep.flagged)]
    head = "".join(f"<th style='padding:2px 14px 2px 0;text-align:left;font-weight:normal;"
                   f"color:#4a5058'>{html.escape(t)}</th>" for t, _n in cells)
    nums = "".join(f"<td style='padding:2px 14px 2px 0;font-size:20px;font-weight:600'>"
                   f"{display.count(n)}</td>" for _t, n in cells)
    out = [f"<table cellspacing='0'><tr>{head}</tr><tr>{nums}</tr></table>"]
    if rep.rejects_file:
        out.append(html.escape(dlg.tr("The rejected rows and their reasons were saved "
                                       "to %1").replace("%1", rep.rejects_file)))
    if rep.flagged:
        out.append(html.escape(dlg.tr(
            "Flagged orders do not fit a campaign's rules (no matching campaign, outside "
            "its window, over its cap or its limit per buyer). They were imported as "
            "they are; they are listed below.")))
    if rep.warnings:
        out.append(html.escape(dlg.tr("Notes:")) + "<br>" + "<br>".join(
            html.escape(w) for w in rep.warnings[:20]))
    return "<p>" + "</p><p>".join(out) + "</p>"
