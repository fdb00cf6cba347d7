"""RetailERP: a desktop ERP-lite for a single shop or a small office."""

__version__ = "0.1.0"
