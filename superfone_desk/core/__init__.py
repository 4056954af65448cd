"""The lead form's logic in plain Python (no Qt): what was typed, whether it can be sent,
and the API requests that send it.

- ``draft``: ``LeadDraft``/``Choice``, the form's content as typed
- ``validation``: ``validate(draft, region)`` → {form field: message}
- ``payload``: ``build_requests(draft, region)`` → ``LeadUpsert`` requests
- ``phones``: phone parsing, display and regions; ``money``: deal values;
  ``text``: trimming and control-character rules shared by the above

Submodules are not imported here, so importing one stays cheap.
"""
