"""Campaign use cases: create/check/export, exclusivity, status moves, update, duplicate."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from presale_engine.errors import CampaignInvalid, Conflict, NotFound
from presale_engine.store.models import Campaign, CampaignItem

from .conftest import DOUYIN, JD, SAMPLES, SH, TAOBAO, TIKTOK, count

# What each sample must read back as, exactly (money as text, minor units kept).
EXPECTED_ITEMS = {
    DOUYIN: [{"sku": s, "price": "899.00", "deposit": "50.00", "deposit_value": "150.00",
              "balance_discount": "20.00", "cap": cap}
             for s, cap in (("YRF-001-BLK-M", 120), ("YRF-001-BLK-L", 100),
                            ("YRF-001-WHT-M", 60))],
    JD: [{"sku": "EAR-STAR-01", "price": "19.90", "cap": 1000}],
    TAOBAO: [{"sku": "ICE-200-WHT", "price": "299.00", "deposit": "30.00",
              "deposit_value": "60.00", "cap": 400,
              "tiers": [{"min_units": 1, "price": "299.00"},
                        {"min_units": 100, "price": "279.00"},
                        {"min_units": 300, "price": "259.00"}]}],
    TIKTOK: [{"sku": "XMAS-BOX-01", "price": "39.90", "cap": 300},
             {"sku": "XMAS-BOX-02", "price": "39.90", "cap": 200}],
}


@pytest.mark.parametrize("name", SAMPLES)
def test_create_from_sample_reads_back_exactly(svc: Any, sample: Any, name: str) -> None:
    defn = sample(name)
    cid = svc.create_campaign(defn)
    exported = svc.export_campaign(cid)
    assert exported["items"] == EXPECTED_ITEMS[name]
    for key in ("name", "platform", "type", "currency", "timezone", "ship", "reservation",
                "per_buyer_limit", "audience"):
        assert exported[key] == defn[key], key
    for key in ("deposit_window", "balance_window", "sale_window"):
        assert exported.get(key) == defn.get(key), key
    detail = svc.get_campaign(cid)
    assert detail.id == cid
    assert detail.status == "draft"
    assert detail.row.skus == [i["sku"] for i in defn["items"]]
    assert (detail.row.orders, detail.row.units) == (0, 0)


def test_douyin_money_and_windows_are_exact(svc: Any, sample: Any) -> None:
    cid = svc.create_campaign(sample(DOUYIN))
    c = svc.get_campaign(cid).campaign
    item = c.item("YRF-001-BLK-M").pricing
    assert (str(item.price), str(item.deposit), str(item.deposit_value),
            str(item.balance_discount)) == ("899.00", "50.00", "150.00", "20.00")
    # local wall-clock times in the file are Shanghai times, stored as instants
    assert c.deposit_window.start == datetime(2026, 10, 19, 16, 0, tzinfo=UTC)
    assert c.balance_window.end == datetime(2026, 11, 3, 15, 59, 59, tzinfo=UTC)
    assert svc.get_campaign(cid).as_dict()["ship_promise"] == {
        "zh": "预售商品，尾款支付后10天内发货",
        "en": "Pre-order item, ships within 10 days after the balance is paid"}


def test_export_then_create_round_trips(svc: Any, sample: Any) -> None:
    first = svc.create_campaign(sample(TAOBAO))
    exported = svc.export_campaign(first)
    svc.cancel_campaign(first)  # else the copy overlaps it
    second = svc.create_campaign(exported)
    assert svc.export_campaign(second) == exported
    a, b = svc.get_campaign(first).campaign, svc.get_campaign(second).campaign
    assert a.items == b.items
    assert (a.deposit_window, a.balance_window, a.ship) == (
        b.deposit_window, b.balance_window, b.ship)


def test_check_warns_when_cap_exceeds_sales_history(svc: Any, sample: Any) -> None:
    svc.add_product("YRF-001-BLK-M", "Jacket M", sales_30d=100)  # cap 120 > 70 % of 100
    svc.add_product("YRF-001-BLK-L", "Jacket L", sales_30d=1000)  # cap 100: fine
    result = svc.check_campaign(sample(DOUYIN))
    assert result.ok
    by_field = {(w.code, w.field) for w in result.warnings}
    assert ("presale_cap_over_history", "items[0].cap") in by_field
    assert ("presale_cap_over_history", "items[1].cap") not in by_field
    assert ("unknown_sku", "items[2].sku") in by_field  # WHT-M is not a product yet
    assert count(svc, Campaign) == 0  # checking writes nothing


def test_check_warns_on_a_long_fixed_date_wait(svc: Any, sample: Any) -> None:
    result = svc.check_campaign(sample(JD))
    assert result.ok
    assert ("ship_window_not_recommended", "ship.date") in {
        (w.code, w.field) for w in result.warnings}


def test_create_with_errors_raises_and_writes_nothing(svc: Any, sample: Any) -> None:
    svc.create_campaign(sample(TIKTOK))
    before = (count(svc, Campaign), count(svc, CampaignItem), len(svc.audit_log()))
    bad = sample(DOUYIN)
    bad["items"][0]["deposit_value"] = "40.00"  # worth less than the 50 paid
    bad["ship"]["days"] = 45  # beyond Douyin's 30 days
    with pytest.raises(CampaignInvalid) as info:
        svc.create_campaign(bad)
    codes = {i.code for i in info.value.result.errors}
    assert codes == {"deposit_value_below_deposit", "ship_window_out_of_range"}
    assert "(and 1 more)" in info.value.message
    assert (count(svc, Campaign), count(svc, CampaignItem), len(svc.audit_log())) == before


def test_unreadable_definition_is_invalid(svc: Any) -> None:
    with pytest.raises(CampaignInvalid) as info:
        svc.create_campaign(["not", "an", "object"])
    assert info.value.result.errors[0].code == "invalid_value"
    result = svc.check_campaign({"name": "x"})
    assert {"platform", "type", "ship", "items"} <= {e.field for e in result.errors}


def test_unknown_profile_is_reported_as_an_error(svc: Any, sample: Any) -> None:
    defn = sample(TIKTOK) | {"profile": "tiktok_mars"}
    result = svc.check_campaign(defn)
    assert [(e.code, e.field) for e in result.errors] == [("invalid_value", "profile")]


def test_overlapping_campaigns_may_not_share_a_sku(svc: Any, sample: Any) -> None:
    first = svc.create_campaign(sample(DOUYIN))
    other = sample(DOUYIN)
    other["name"] = "Second jacket presale"
    other["items"] = [other["items"][1],
                      {"sku": "NEW-SKU", "price": "99.00", "deposit": "10.00"}]
    result = svc.check_campaign(other)
    assert [(e.code, e.field) for e in result.errors] == [
        ("sku_in_overlapping_campaign", "items[0].sku")]
    assert f"#{first}" in result.errors[0].message
    with pytest.raises(CampaignInvalid):
        svc.create_campaign(other)
    # another platform, or the first campaign cancelled: no conflict
    assert svc.check_campaign(other | {"platform": "taobao"}).ok
    svc.cancel_campaign(first, "wrong dates")
    second = svc.create_campaign(other)
    assert svc.get_campaign(second).row.skus == ["YRF-001-BLK-L", "NEW-SKU"]


def test_campaign_does_not_overlap_itself_on_update(svc: Any, sample: Any) -> None:
    cid = svc.create_campaign(sample(DOUYIN))
    result = svc.update_campaign(cid, svc.export_campaign(cid))
    assert result.ok


def test_status_moves(svc: Any, sample: Any) -> None:
    cid = svc.create_campaign(sample(TIKTOK))
    with pytest.raises(Conflict, match="cannot approve"):
        svc.approve_campaign(cid)  # a draft is submitted first
    with pytest.raises(Conflict, match="cannot reject"):
        svc.reject_campaign(cid)
    assert svc.submit_campaign(cid) == "submitted"
    with pytest.raises(Conflict, match="it is submitted"):
        svc.submit_campaign(cid)
    assert svc.reject_campaign(cid, "price too low") == "rejected"
    assert svc.submit_campaign(cid) == "submitted"  # resubmitted after a rejection
    assert svc.approve_campaign(cid) == "approved"
    for move in (svc.submit_campaign, svc.approve_campaign, svc.reject_campaign):
        with pytest.raises(Conflict):
            move(cid)
    assert svc.get_campaign(cid).status == "approved"
    assert svc.cancel_campaign(cid, "stock lost") == "cancelled"
    for move in (svc.submit_campaign, svc.approve_campaign, svc.reject_campaign,
                 svc.cancel_campaign):
        with pytest.raises(Conflict):
            move(cid)
    with pytest.raises(Conflict, match="cancelled"):
        svc.update_campaign(cid, sample(TIKTOK))
    assert svc.get_campaign(cid).status == "cancelled"
    moves = [(a["action"], a["detail"]["from"], a["detail"]["to"], a["detail"]["reason"])
             for a in reversed(svc.audit_log()) if a["entity_id"] == cid
             and a["action"] != "campaign.create"]
    assert moves == [
        ("campaign.submit", "draft", "submitted", ""),
        ("campaign.reject", "submitted", "rejected", "price too low"),
        ("campaign.submit", "rejected", "submitted", ""),
        ("campaign.approve", "submitted", "approved", ""),
        ("campaign.cancel", "approved", "cancelled", "stock lost"),
    ]


def test_status_move_of_a_missing_campaign_is_not_found(svc: Any) -> None:
    with pytest.raises(NotFound, match="#42"):
        svc.submit_campaign(42)
    with pytest.raises(NotFound):
        svc.get_campaign(42)


def test_approve_rechecks_the_rules(svc: Any, sample: Any) -> None:
    """Approving re-validates: a platform rule tightened since submitting blocks it."""
    cid = svc.create_campaign(sample(JD))
    svc.submit_campaign(cid)
    svc.set_rule_override("jd", {"ship_days_max": 15})
    with pytest.raises(CampaignInvalid) as info:
        svc.approve_campaign(cid)
    assert info.value.result.errors[0].code == "ship_window_out_of_range"
    assert svc.get_campaign(cid).status == "submitted"


def test_update_resets_submitted_to_draft(svc: Any, sample: Any) -> None:
    cid = svc.create_campaign(sample(DOUYIN))
    svc.submit_campaign(cid)
    changed = sample(DOUYIN)
    changed["items"][0]["price"] = "869.00"
    changed["items"] = changed["items"][:1]
    result = svc.update_campaign(cid, changed)
    assert result.ok
    detail = svc.get_campaign(cid)
    assert detail.status == "draft"
    assert detail.row.skus == ["YRF-001-BLK-M"]
    assert detail.definition["items"][0]["price"] == "869.00"
    assert count(svc, CampaignItem) == 1


def test_a_file_cannot_approve_itself(svc: Any, sample: Any) -> None:
    cid = svc.create_campaign(sample(JD) | {"status": "approved"})
    assert svc.get_campaign(cid).status == "draft"


def test_update_keeps_approved_status(svc: Any, sample: Any) -> None:
    cid = svc.create_campaign(sample(JD))
    svc.submit_campaign(cid)
    svc.approve_campaign(cid)
    svc.update_campaign(cid, sample(JD) | {"name": "Renamed"})
    assert svc.get_campaign(cid).status == "approved"
    assert svc.get_campaign(cid).row.name == "Renamed"


def test_invalid_update_changes_nothing(svc: Any, sample: Any) -> None:
    cid = svc.create_campaign(sample(DOUYIN))
    svc.submit_campaign(cid)
    before = svc.export_campaign(cid)
    bad = sample(DOUYIN)
    bad["items"][0]["deposit_value"] = "950.00"  # above the price
    with pytest.raises(CampaignInvalid):
        svc.update_campaign(cid, bad)
    assert svc.export_campaign(cid) == before
    assert svc.get_campaign(cid).status == "submitted"


def test_duplicate_shifted_a_year(svc: Any, sample: Any) -> None:
    cid = svc.create_campaign(sample(JD))
    svc.submit_campaign(cid)
    svc.approve_campaign(cid)
    with pytest.raises(CampaignInvalid):  # unshifted, the copy overlaps the original
        svc.duplicate_campaign(cid)
    new = svc.duplicate_campaign(cid, shift_days=365, name="Earrings 2027")
    old, copy = svc.get_campaign(cid), svc.get_campaign(new)
    assert copy.status == "draft"
    assert copy.row.name == "Earrings 2027"
    year = timedelta(days=365)
    assert copy.campaign.sale_window.start == old.campaign.sale_window.start + year
    assert copy.campaign.sale_window.end == old.campaign.sale_window.end + year
    assert copy.campaign.ship.date == date(2027, 11, 25)
    assert copy.definition["sale_window"] == {"start": "2027-11-05T00:00:00",
                                              "end": "2027-11-15T23:59:59"}
    assert copy.campaign.items == old.campaign.items
    assert svc.duplicate_campaign(new, shift_days=-730) > new
    names = [r.name for r in svc.list_campaigns()]
    assert names[1:] == ["Earrings 2027", "Earrings 2027 (copy)"]


def test_duplicate_deposit_campaign_moves_both_windows(svc: Any, sample: Any) -> None:
    cid = svc.create_campaign(sample(DOUYIN))
    new = svc.duplicate_campaign(cid, shift_days=365)
    d = svc.get_campaign(new).campaign
    assert d.deposit_window.start.astimezone(SH).replace(tzinfo=None) == datetime(
        2027, 10, 20)
    assert d.balance_window.end.astimezone(SH).replace(tzinfo=None) == datetime(
        2027, 11, 3, 23, 59, 59)


def test_list_campaigns(svc: Any, sample: Any) -> None:
    ids = [svc.create_campaign(sample(n)) for n in SAMPLES]
    rows = svc.list_campaigns()
    assert [r.id for r in rows] == ids
    assert [(r.platform, r.type, r.currency) for r in rows] == [
        ("douyin", "deposit", "CNY"), ("jd", "full", "CNY"), ("taobao", "deposit", "CNY"),
        ("tiktok", "full", "USD")]
    jd = rows[1]
    # no orders yet: the days to ship count from the fixed date (Shanghai) to today
    assert jd.next_ship_deadline is None
    assert jd.days_to_ship_deadline == 3.0  # 2026-11-22 -> 2026-11-25


def test_update_into_an_overlap_is_refused_until_the_other_is_cancelled(
        svc: Any, sample: Any) -> None:
    first = svc.create_campaign(sample(DOUYIN))
    later = svc.duplicate_campaign(first, shift_days=60, name="Winter jacket presale")
    back = svc.export_campaign(later)
    back["deposit_window"] = {"start": "2026-10-25T00:00:00", "end": "2026-11-05T23:59:59"}
    back["balance_window"] = {"start": "2026-11-06T00:00:00", "end": "2026-11-08T23:59:59"}
    with pytest.raises(CampaignInvalid) as info:
        svc.update_campaign(later, back)
    assert {(e.code, e.field) for e in info.value.result.errors} == {
        ("sku_in_overlapping_campaign", f"items[{i}].sku") for i in range(3)}
    assert svc.export_campaign(later)["deposit_window"]["start"] == "2026-12-19T00:00:00"
    svc.cancel_campaign(first)
    assert svc.update_campaign(later, back).ok
    assert svc.export_campaign(later)["deposit_window"] == back["deposit_window"]
