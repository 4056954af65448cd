"""Superfone Desk: enter leads into Superfone CRM from the desktop.

The version lives here and only here; packaging and the User-Agent read it.
"""

__version__ = "0.1.0"
APP_NAME = "Superfone Desk"
APP_ID = "superfone-desk"
