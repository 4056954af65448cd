"""Delivery: sends the outbox to Superfone (``engine``); ``python -m superfone_desk.delivery``
runs it without the GUI (``__main__``). Plain Python, no Qt."""
