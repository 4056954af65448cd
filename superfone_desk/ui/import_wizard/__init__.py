"""The window's side of importing (issue #15): the import wizard (File → Import…, a
dropped file), a dropped contact card filling the form, and pasted text split into the
form's fields. The work itself is ``superfone_desk.importing`` (plain Python), run here
in the window's worker pool so the window never stalls.
"""
