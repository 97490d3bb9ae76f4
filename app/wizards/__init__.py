"""Wizards: guided, engine-validated editors (the campaign wizard first).

``CampaignWizard`` walks a seller through a presale campaign in six pages and saves it
only on Finish, through ``Service.create_campaign`` (or ``update_campaign`` when it
edits a stored campaign).
"""

from .campaign_wizard import CampaignWizard

__all__ = ["CampaignWizard"]
