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
    svc.shop.update_settings(require_approval=True)  # read back as the draft it was
    defn = sample(name)
    cid = svc.campaigns.create(defn)
    exported = svc.campaigns.definition(cid)
    assert exported["items"] == EXPECTED_ITEMS[name]
    for key in ("name", "platform", "type", "currency", "timezone", "ship", "reservation",
                "per_buyer_limit", "audience"):
        assert exported[key] == defn[key], key
    for key in ("deposit_window", "balance_window", "sale_window"):
        assert exported.get(key) == defn.get(key), key
    detail = svc.campaigns.get(cid)
    assert detail.id == cid
    assert detail.status == "draft"
    assert detail.row.skus == [i["sku"] for i in defn["items"]]
    assert (detail.row.orders, detail.row.units) == (0, 0)


def test_douyin_money_and_windows_are_exact(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    c = svc.campaigns.get(cid).campaign
    item = c.item("YRF-001-BLK-M").pricing
    assert (str(item.price), str(item.deposit), str(item.deposit_value),
            str(item.balance_discount)) == ("899.00", "50.00", "150.00", "20.00")
    # local wall-clock times in the file are Shanghai times, stored as instants
    assert c.deposit_window.start == datetime(2026, 10, 19, 16, 0, tzinfo=UTC)
    assert c.balance_window.end == datetime(2026, 11, 3, 15, 59, 59, tzinfo=UTC)
    assert svc.campaigns.get(cid).as_dict()["ship_promise"] == {
        "zh": "预售商品，尾款支付后10天内发货",
        "en": "Pre-order item, ships within 10 days after the balance is paid"}


def test_export_then_create_round_trips(svc: Any, sample: Any) -> None:
    first = svc.campaigns.create(sample(TAOBAO))
    exported = svc.campaigns.definition(first)
    svc.campaigns.cancel(first)  # else the copy overlaps it
    second = svc.campaigns.create(exported)
    assert svc.campaigns.definition(second) == exported
    a, b = svc.campaigns.get(first).campaign, svc.campaigns.get(second).campaign
    assert a.items == b.items
    assert (a.deposit_window, a.balance_window, a.ship) == (
        b.deposit_window, b.balance_window, b.ship)


def test_check_warns_when_cap_exceeds_sales_history(svc: Any, sample: Any) -> None:
    svc.stock.add_product("YRF-001-BLK-M", "Jacket M", sales_30d=100)  # cap 120 > 70 % of 100
    svc.stock.add_product("YRF-001-BLK-L", "Jacket L", sales_30d=1000)  # cap 100: fine
    result = svc.campaigns.check(sample(DOUYIN))
    assert result.ok
    by_field = {(w.code, w.field) for w in result.warnings}
    assert ("presale_cap_over_history", "items[0].cap") in by_field
    assert ("presale_cap_over_history", "items[1].cap") not in by_field
    assert ("unknown_sku", "items[2].sku") in by_field  # WHT-M is not a product yet
    assert count(svc, Campaign) == 0  # checking writes nothing


def test_check_warns_on_a_long_fixed_date_wait(svc: Any, sample: Any) -> None:
    result = svc.campaigns.check(sample(JD))
    assert result.ok
    assert ("ship_window_not_recommended", "ship.date") in {
        (w.code, w.field) for w in result.warnings}


def test_create_with_errors_raises_and_writes_nothing(svc: Any, sample: Any) -> None:
    svc.campaigns.create(sample(TIKTOK))
    before = (count(svc, Campaign), count(svc, CampaignItem), len(svc.shop.audit_log()))
    bad = sample(DOUYIN)
    bad["items"][0]["deposit_value"] = "40.00"  # worth less than the 50 paid
    bad["ship"]["days"] = 45  # beyond Douyin's 30 days
    with pytest.raises(CampaignInvalid) as info:
        svc.campaigns.create(bad)
    codes = {i.code for i in info.value.result.errors}
    assert codes == {"deposit_value_below_deposit", "ship_window_out_of_range"}
    assert "(and 1 more)" in info.value.message
    assert (count(svc, Campaign), count(svc, CampaignItem), len(svc.shop.audit_log())) == before


def test_unreadable_definition_is_invalid(svc: Any) -> None:
    with pytest.raises(CampaignInvalid) as info:
        svc.campaigns.create(["not", "an", "object"])
    assert info.value.result.errors[0].code == "invalid_value"
    result = svc.campaigns.check({"name": "x"})
    assert {"platform", "type", "ship", "items"} <= {e.field for e in result.errors}


def test_unknown_profile_is_reported_as_an_error(svc: Any, sample: Any) -> None:
    defn = sample(TIKTOK) | {"profile": "tiktok_mars"}
    result = svc.campaigns.check(defn)
    assert [(e.code, e.field) for e in result.errors] == [("invalid_value", "profile")]


def test_overlapping_campaigns_may_not_share_a_sku(svc: Any, sample: Any) -> None:
    first = svc.campaigns.create(sample(DOUYIN))
    other = sample(DOUYIN)
    other["name"] = "Second jacket presale"
    other["items"] = [other["items"][1],
                      {"sku": "NEW-SKU", "price": "99.00", "deposit": "10.00"}]
    result = svc.campaigns.check(other)
    assert [(e.code, e.field) for e in result.errors] == [
        ("sku_in_overlapping_campaign", "items[0].sku")]
    assert f"#{first}" in result.errors[0].message
    with pytest.raises(CampaignInvalid):
        svc.campaigns.create(other)
    # another platform, or the first campaign cancelled: no conflict
    assert svc.campaigns.check(other | {"platform": "taobao"}).ok
    svc.campaigns.cancel(first, "wrong dates")
    second = svc.campaigns.create(other)
    assert svc.campaigns.get(second).row.skus == ["YRF-001-BLK-L", "NEW-SKU"]


def test_campaign_does_not_overlap_itself_on_update(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    result = svc.campaigns.update(cid, svc.campaigns.definition(cid))
    assert result.ok


def test_status_moves(svc: Any, sample: Any) -> None:
    svc.shop.update_settings(require_approval=True)
    cid = svc.campaigns.create(sample(TIKTOK))
    with pytest.raises(Conflict, match="cannot approve"):
        svc.campaigns.approve(cid)  # a draft is submitted first
    with pytest.raises(Conflict, match="cannot reject"):
        svc.campaigns.reject(cid)
    assert svc.campaigns.submit(cid) == "submitted"
    with pytest.raises(Conflict, match="it is submitted"):
        svc.campaigns.submit(cid)
    assert svc.campaigns.reject(cid, "price too low") == "rejected"
    assert svc.campaigns.submit(cid) == "submitted"  # resubmitted after a rejection
    assert svc.campaigns.approve(cid) == "approved"
    for move in (svc.campaigns.submit, svc.campaigns.approve, svc.campaigns.reject):
        with pytest.raises(Conflict):
            move(cid)
    assert svc.campaigns.get(cid).status == "approved"
    assert svc.campaigns.cancel(cid, "stock lost") == "cancelled"
    for move in (svc.campaigns.submit, svc.campaigns.approve, svc.campaigns.reject,
                 svc.campaigns.cancel):
        with pytest.raises(Conflict):
            move(cid)
    with pytest.raises(Conflict, match="cancelled"):
        svc.campaigns.update(cid, sample(TIKTOK))
    assert svc.campaigns.get(cid).status == "cancelled"
    moves = [(a["action"], a["detail"]["from"], a["detail"]["to"], a["detail"]["reason"])
             for a in reversed(svc.shop.audit_log()) if a["entity_id"] == cid
             and a["entity"] == "campaign" and a["action"] != "campaign.create"]
    assert moves == [
        ("campaign.submit", "draft", "submitted", ""),
        ("campaign.reject", "submitted", "rejected", "price too low"),
        ("campaign.submit", "rejected", "submitted", ""),
        ("campaign.approve", "submitted", "approved", ""),
        ("campaign.cancel", "approved", "cancelled", "stock lost"),
    ]


def test_status_move_of_a_missing_campaign_is_not_found(svc: Any) -> None:
    with pytest.raises(NotFound, match="#42"):
        svc.campaigns.submit(42)
    with pytest.raises(NotFound):
        svc.campaigns.get(42)


def test_approve_rechecks_the_rules(svc: Any, sample: Any) -> None:
    """Approving re-validates: a platform rule tightened since submitting blocks it."""
    svc.shop.update_settings(require_approval=True)
    cid = svc.campaigns.create(sample(JD))
    svc.campaigns.submit(cid)
    svc.shop.set_rule_override("jd", {"ship_days_max": 15})
    with pytest.raises(CampaignInvalid) as info:
        svc.campaigns.approve(cid)
    assert info.value.result.errors[0].code == "ship_window_out_of_range"
    assert svc.campaigns.get(cid).status == "submitted"


def test_update_resets_submitted_to_draft(svc: Any, sample: Any) -> None:
    svc.shop.update_settings(require_approval=True)
    cid = svc.campaigns.create(sample(DOUYIN))
    svc.campaigns.submit(cid)
    changed = sample(DOUYIN)
    changed["items"][0]["price"] = "869.00"
    changed["items"] = changed["items"][:1]
    result = svc.campaigns.update(cid, changed)
    assert result.ok
    detail = svc.campaigns.get(cid)
    assert detail.status == "draft"
    assert detail.row.skus == ["YRF-001-BLK-M"]
    assert detail.definition["items"][0]["price"] == "869.00"
    assert count(svc, CampaignItem) == 1


def test_a_file_cannot_approve_itself(svc: Any, sample: Any) -> None:
    svc.shop.update_settings(require_approval=True)
    cid = svc.campaigns.create(sample(JD) | {"status": "approved"})
    assert svc.campaigns.get(cid).status == "draft"


def test_update_keeps_approved_status(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(JD))
    svc.campaigns.submit(cid)
    svc.campaigns.approve(cid)
    svc.campaigns.update(cid, sample(JD) | {"name": "Renamed"})
    assert svc.campaigns.get(cid).status == "approved"
    assert svc.campaigns.get(cid).row.name == "Renamed"


def test_invalid_update_changes_nothing(svc: Any, sample: Any) -> None:
    svc.shop.update_settings(require_approval=True)
    cid = svc.campaigns.create(sample(DOUYIN))
    svc.campaigns.submit(cid)
    before = svc.campaigns.definition(cid)
    bad = sample(DOUYIN)
    bad["items"][0]["deposit_value"] = "950.00"  # above the price
    with pytest.raises(CampaignInvalid):
        svc.campaigns.update(cid, bad)
    assert svc.campaigns.definition(cid) == before
    assert svc.campaigns.get(cid).status == "submitted"


def test_duplicate_shifted_a_year(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(JD))
    svc.campaigns.submit(cid)
    svc.campaigns.approve(cid)
    with pytest.raises(CampaignInvalid):  # unshifted, the copy overlaps the original
        svc.campaigns.duplicate(cid)
    new = svc.campaigns.duplicate(cid, shift_days=365, name="Earrings 2027")
    old, copy = svc.campaigns.get(cid), svc.campaigns.get(new)
    assert copy.status == "draft"
    assert copy.row.name == "Earrings 2027"
    year = timedelta(days=365)
    assert copy.campaign.sale_window.start == old.campaign.sale_window.start + year
    assert copy.campaign.sale_window.end == old.campaign.sale_window.end + year
    assert copy.campaign.ship.date == date(2027, 11, 25)
    assert copy.definition["sale_window"] == {"start": "2027-11-05T00:00:00",
                                              "end": "2027-11-15T23:59:59"}
    assert copy.campaign.items == old.campaign.items
    assert svc.campaigns.duplicate(new, shift_days=-730) > new
    names = [r.name for r in svc.campaigns.all()]
    assert names[1:] == ["Earrings 2027", "Earrings 2027 (copy)"]


def test_duplicate_deposit_campaign_moves_both_windows(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(DOUYIN))
    new = svc.campaigns.duplicate(cid, shift_days=365)
    d = svc.campaigns.get(new).campaign
    assert d.deposit_window.start.astimezone(SH).replace(tzinfo=None) == datetime(
        2027, 10, 20)
    assert d.balance_window.end.astimezone(SH).replace(tzinfo=None) == datetime(
        2027, 11, 3, 23, 59, 59)


def test_list_campaigns(svc: Any, sample: Any) -> None:
    ids = [svc.campaigns.create(sample(n)) for n in SAMPLES]
    rows = svc.campaigns.all()
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
    first = svc.campaigns.create(sample(DOUYIN))
    later = svc.campaigns.duplicate(first, shift_days=60, name="Winter jacket presale")
    back = svc.campaigns.definition(later)
    back["deposit_window"] = {"start": "2026-10-25T00:00:00", "end": "2026-11-05T23:59:59"}
    back["balance_window"] = {"start": "2026-11-06T00:00:00", "end": "2026-11-08T23:59:59"}
    with pytest.raises(CampaignInvalid) as info:
        svc.campaigns.update(later, back)
    assert {(e.code, e.field) for e in info.value.result.errors} == {
        ("sku_in_overlapping_campaign", f"items[{i}].sku") for i in range(3)}
    assert svc.campaigns.definition(later)["deposit_window"]["start"] == "2026-12-19T00:00:00"
    svc.campaigns.cancel(first)
    assert svc.campaigns.update(later, back).ok
    assert svc.campaigns.definition(later)["deposit_window"] == back["deposit_window"]
