"""Planning a presale: the forecast of final units, the production plan and the
campaign's profit and loss (issue 12). Pure functions over plain facts; the service
(``service/planning.py``) loads the facts by aggregate queries. docs/PLANNING.md."""
