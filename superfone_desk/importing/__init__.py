"""Import leads in bulk from CSV, Excel and vCard files, and split pasted text.

Plain Python, no Qt: the CLI (``superfone-desk import``) and the window's import wizard
share it. The steps, each its own module:

1. ``files.read_table(path, sheet=None)`` → ``table.Table`` (headers + rows of text),
   whatever the format (``csv_reader``, ``xlsx_reader``, ``vcard_reader``).
2. ``mapping.guess_mapping(table.headers)`` → ``mapping.ColumnMapping`` (which column
   feeds which lead field); the user may change it; ``mapping.MappingStore`` remembers
   it per header set.
3. ``plan.plan_import(table, mapping, region=..., catalogs=..., lookup=...)`` → an
   ``plan.ImportPlan``: each row validated with the form's rules, duplicates collapsed,
   created / updated / refused. Nothing is sent.
4. ``batch.queue_plan(outbox, plan, batch=...)`` puts the accepted rows in the outbox;
   the usual ``Deliverer`` sends them. ``errors_csv.write_errors_csv`` writes the rows
   that were refused; ``record`` keeps what a later "Export refused rows" needs.

``paste.split_pasted(text, region)`` splits a pasted message, signature or card.

Every long step takes ``progress(done, total)`` and ``cancel()`` callables, so a GUI can
run it in a worker thread. Nothing here imports a third-party library at module level:
this package must stay off the app's start-up path.
"""
