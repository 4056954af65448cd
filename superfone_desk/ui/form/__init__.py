"""The lead form and the widgets it is built from (fields, catalog pickers, chips)."""
