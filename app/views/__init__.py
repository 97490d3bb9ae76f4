"""The main window's pages, one module each: dashboard, campaigns, orders, inventory, alerts."""
