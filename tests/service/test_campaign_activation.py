"""A shop without the approval step (the default): a valid campaign is active when saved.

The approval workflow itself (draft → submitted → approved, rejections) is tested in
test_campaigns.py with the step switched on.
"""

from __future__ import annotations

from typing import Any

import pytest

from presale_engine.errors import CampaignInvalid, Conflict

JD = "jd_star_earrings.json"
TIKTOK = "tiktok_gift_box.json"


def test_approval_is_off_by_default_and_a_saved_campaign_is_active(svc: Any,
                                                                   sample: Any) -> None:
    assert svc.shop.settings().require_approval is False
    cid = svc.campaigns.create(sample(JD))
    assert svc.campaigns.get(cid).status == "approved"
    # submit and approve still work, and change nothing
    assert svc.campaigns.submit(cid) == "approved"
    assert svc.campaigns.approve(cid) == "approved"
    actions = [a["action"] for a in svc.shop.audit_log() if a["entity"] == "campaign"]
    assert actions == ["campaign.create"]
    # reject has nothing to reject; cancel works as always
    with pytest.raises(Conflict, match="cannot reject"):
        svc.campaigns.reject(cid, "no")
    assert svc.campaigns.cancel(cid, "stock lost") == "cancelled"


def test_a_draft_is_activated_by_submit_when_there_is_no_approval_step(
        svc: Any, sample: Any) -> None:
    cid = svc.campaigns.save_draft(sample(JD))
    assert svc.campaigns.get(cid).status == "draft"
    assert svc.campaigns.submit(cid) == "approved"
    log = [a for a in svc.shop.audit_log() if a["action"] == "campaign.submit"]
    assert log[0]["detail"] == {"from": "draft", "to": "approved", "reason": ""}


def test_a_copy_is_a_draft_either_way(svc: Any, sample: Any) -> None:
    cid = svc.campaigns.create(sample(TIKTOK))
    copy = svc.campaigns.duplicate(cid, shift_days=365)
    assert svc.campaigns.get(copy).status == "draft"


def test_an_invalid_campaign_is_not_activated(svc: Any, sample: Any) -> None:
    bad = sample(JD)
    bad["items"][0]["price"] = "-1"
    with pytest.raises(CampaignInvalid):
        svc.campaigns.create(bad)
    assert svc.campaigns.all() == []


def test_switching_the_approval_step_on_makes_new_campaigns_drafts(svc: Any,
                                                                   sample: Any) -> None:
    assert svc.shop.update_settings(require_approval=True).require_approval is True
    cid = svc.campaigns.create(sample(JD))
    assert svc.campaigns.get(cid).status == "draft"
    with pytest.raises(Conflict, match="cannot approve"):
        svc.campaigns.approve(cid)
    assert svc.shop.update_settings(require_approval=False).require_approval is False
    assert svc.campaigns.approve(cid) == "approved"  # a draft activates directly now
