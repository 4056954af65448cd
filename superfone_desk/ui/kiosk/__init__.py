"""The counter kiosk (``superfone-desk --kiosk``, issue #16, docs/kiosk.md).

Walk-in visitors type their own number on a full-screen form; each lead goes through
the outbox with the admin's kiosk preset and the visitor's consent as its note.
``window`` is the screen, ``visitor_form`` its form, ``pin_dialog`` and
``settings_dialog`` the admin's side, ``run`` the wiring to the app's services.
"""
