"""Printed sheets read back: text, quantities, totals, the embedded font, nothing outside
the page, barcodes that decode to the order number; hostile and very long names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pdf_check import barcodes, fonts, outside, pages_text
from wave_shop import HOSTILE, LONG_CN, build_shop

from presale_engine.errors import InputError

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:pdfminer")
MM = 72 / 25.4


@pytest.fixture
def wave(svc: Any) -> tuple[Any, Any]:
    shop = build_shop(svc, 6)
    svc.printing.set_card_text("感谢支持！Thanks for <waiting> & \"trusting\" us 🎁\n第二行")
    w = svc.waves.create(carrier="顺丰 SF & <Co>")
    return w, shop


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("size", ["a4", "label"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_packing_slips_read_back(svc: Any, wave: Any, tmp_path: Path, size: str,
                                 lang: str) -> None:
    w, _shop = wave
    out = tmp_path / "slips.pdf"
    r = svc.printing.slips(w.id, out, size=size, lang=lang)
    parcels = svc.waves.parcels(w.id)
    texts = pages_text(out)
    assert r.pages == len(texts) >= len(parcels)
    joined = _flat("".join(texts))
    for p in parcels:
        assert p.order_no in joined
    # the hostile name prints as itself (the emoji the font lacks as □)
    assert _flat('Gift <Box> & "Bow" □') in joined
    assert HOSTILE[:4] in joined
    # the 200-character name wraps over lines and is all there on A4
    # (its quantity sits on its first line: leave the digits out)
    digitless = re.sub(r"\d", "", joined)
    if size == "a4":
        assert _flat(LONG_CN) in digitless
    else:
        assert _flat(LONG_CN[:60]) in digitless
    assert "张三" in joined
    assert "文三路398号" in joined
    total_words = "合计" if lang == "zh" else "Total"
    assert total_words in joined
    first = next(t for t in texts if parcels[0].order_no in t)
    units = parcels[0].units
    assert (f"合计 {units} 件" if lang == "zh" else f"Total units: {units}") in first
    assert ("感谢支持" in joined)
    assert ("Thanksfor<waiting>&\"trusting\"us□" in joined)
    assert ("沿虚线剪下" if lang == "zh" else "cutalongthedashedline") in joined
    assert outside(out, (3.5 if size == "label" else 13) * MM) == []


def test_slip_barcodes_decode_to_the_order_number(svc: Any, wave: Any,
                                                  tmp_path: Path) -> None:
    w, _ = wave
    nos = [p.order_no for p in svc.waves.parcels(w.id)]
    for size in ("a4", "label"):
        out = tmp_path / f"{size}.pdf"
        svc.printing.slips(w.id, out, size=size)
        pages = barcodes(out, dpi=200 if size == "a4" else 300)
        assert len(pages) == len(nos)
        for no, found in zip(nos, pages, strict=True):
            assert found == [("Code128", no), ("QRCode", no)], (size, no, found)


def test_the_cjk_font_is_embedded_and_the_only_font(svc: Any, wave: Any,
                                                    tmp_path: Path) -> None:
    w, shop = wave
    files = []
    for sheet in ("picklist", "slips", "manifest"):
        files.append(svc.printing.sheet(sheet, w.id, tmp_path / f"{sheet}.pdf").path)
    files.append(svc.printing.report(shop["campaign"], tmp_path / "report.pdf").path)
    for f in files:
        found = fonts(f)
        assert found, f
        assert all(x["embedded"] for x in found), (f, found)
        assert all("WenQuanYi" in x["name"] for x in found), (f, found)


@pytest.mark.parametrize("size", ["a4", "label"])
def test_pick_list_sums_skus_by_bin_location(svc: Any, wave: Any, tmp_path: Path,
                                             size: str) -> None:
    w, _ = wave
    out = tmp_path / "pick.pdf"
    r = svc.printing.picklist(w.id, out, size=size, lang="zh")
    text = "\n".join(pages_text(out))
    flat = _flat(text)
    # 6 orders: SKUs cycle GIFT-BOX, LONG-CN, JKT-BLK-M with qty 1, 2, 3
    want = {"GIFT-BOX": 1 + 1, "LONG-CN": 2 + 2, "JKT-BLK-M": 3 + 3}
    # A-2 before A-10 before B-1 (natural order of bins)
    assert flat.index("A-2") < flat.index("A-10") < flat.index("B-1")
    for sku, qty in want.items():
        assert re.search(rf"{re.escape(sku)}.*?\b{qty}\b", text, re.S), sku
    assert "合计3个SKU" in flat
    assert re.search(r"合计 3 个 SKU\s+12\b", text), text
    assert f"波次#{w.id}" in flat
    assert "12件" in flat
    assert outside(out, (3.5 if size == "label" else 13) * MM) == []
    assert barcodes(out)[0] == [("Code128", f"WAVE-{w.id}")]
    assert svc.waves.get(w.id).printed[-1].sheet == "picklist"
    assert r.pages >= 1


@pytest.mark.parametrize("size", ["a4", "label"])
def test_manifest_lists_parcels_tracking_and_signature_lines(svc: Any, wave: Any,
                                                             tmp_path: Path, size: str) -> None:
    w, _ = wave
    nos = [p.order_no for p in svc.waves.parcels(w.id)]
    svc.waves.scan(w.id, nos[0])
    svc.waves.scan(w.id, "SF777888999", current=nos[0])
    out = tmp_path / "manifest.pdf"
    svc.printing.manifest(w.id, out, size=size, lang="en")
    flat = _flat("".join(pages_text(out)))
    for no in nos:
        assert no in flat
    assert "SF777888999" in flat
    assert "6parcels,12units" in flat
    assert "Note:5parcelshavenotrackingnumber" in flat
    assert "Handedoverby(shop)" in flat
    assert "Receivedby(carrier)" in flat
    assert "Carrier:顺丰SF&<Co>" in flat
    assert outside(out, (3.5 if size == "label" else 13) * MM) == []


def test_campaign_report_has_metrics_charts_and_tables(svc: Any, wave: Any,
                                                       tmp_path: Path) -> None:
    _, shop = wave
    for lang, words in (("zh", ("关键指标", "订单数", "各SKU明细", "每日订单")),
                        ("en", ("Keyfigures", "Orders", "BySKU", "Ordersperday"))):
        out = tmp_path / f"report-{lang}.pdf"
        r = svc.printing.report(shop["campaign"], out, lang=lang)
        assert 2 <= r.pages <= 3
        flat = _flat("".join(pages_text(out)))
        assert _flat("双十二 羽绒服 & <礼盒> 预售") in flat
        for word in words:
            assert word in flat, word
        for sku in ("GIFT-BOX", "LONG-CN", "JKT-BLK-M"):
            assert sku in flat
        assert outside(out, 13 * MM) == []


def test_a_slip_with_many_items_continues_on_numbered_pages(svc: Any, tmp_path: Path) -> None:
    from sqlalchemy import update

    from presale_engine.store.models import Order

    shop = build_shop(svc, 30)
    with svc.db.session() as s:  # one platform order of 30 lines
        for i, oid in enumerate(shop["ids"]):
            s.execute(update(Order).where(Order.id == oid).values(
                order_no="6911111111111111111", sub_order_no=str(i)))
    w = svc.waves.create()
    for size in ("a4", "label"):
        out = tmp_path / f"{size}.pdf"
        r = svc.printing.slips(w.id, out, size=size, lang="en")
        assert r.pages > 1
        texts = pages_text(out)
        for n, t in enumerate(texts, start=1):
            assert f"page {n} of {r.pages}" in t
            assert "6911111111111111111" in t
        assert "(continued)" in texts[-1]
        assert outside(out, (3.5 if size == "label" else 13) * MM) == []
        assert all(("Code128", "6911111111111111111") in p for p in barcodes(out))


def test_print_records_and_refusals(svc: Any, wave: Any, tmp_path: Path) -> None:
    w, _ = wave
    svc.printing.slips(w.id, tmp_path / "a.pdf", size="label", lang="en")
    rec = svc.waves.get(w.id).printed[-1]
    assert (rec.sheet, rec.size, rec.lang, rec.actor) == ("slips", "label", "en", "test")
    with pytest.raises(InputError) as e:
        svc.printing.slips(w.id, tmp_path / "b.pdf", size="a5")
    assert e.value.code == "print_unknown_size"
    with pytest.raises(InputError):
        svc.printing.sheet("poster", w.id, tmp_path / "c.pdf")
    with pytest.raises(InputError):
        svc.printing.set_card_text("x" * 401)
    assert not (tmp_path / "b.pdf").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
