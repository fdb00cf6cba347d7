"""The business: pure Python, no database, no Qt, no ReportLab."""
