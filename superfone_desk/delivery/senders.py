"""How many phones delivery sends to at once, in the window, the headless runner and the
import command line alike (``Deliverer(senders=...)``).

The real API's round trip (~50-100 ms), not our code, bounds delivery: one sender caps it
at 10-20 leads a second, which an import of thousands or a counter back online after an
outage feels. One phone's saves still go strictly in order. ``Settings.import_senders``
(the user's setting) defaults to this; a test keeps the two equal. No imports: the import
CLI and the settings read it without loading delivery.
"""

DEFAULT_SENDERS = 4
