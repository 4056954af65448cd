"""Texts stored as plain English are recognised again, to be shown translated (issue #17).

The delivery thread writes ``last_error`` (an API error's ``user_message``) into SQLite
before anyone knows the language; ``translatable.recognise`` finds the template it was
made from and its values, so the Outbox tab can show it in Hindi.
"""

from __future__ import annotations

import httpx

from superfone_desk.api import catalogs, client, errors, failures, urls
from superfone_desk.api.errors import MalformedResponse, RateLimited, ServerError, UnexpectedStatus
from superfone_desk.translatable import F_, N_, Message, recognise, templates
from tests.helpers.translations import ROOT, load_script


def _stored(text: str) -> str:
    """What SQLite gives back: a plain ``str``, its template forgotten."""
    return "".join(text)


def test_an_api_error_read_back_from_the_outbox_is_its_template_and_values() -> None:
    found = recognise(_stored(RateLimited(5.0).user_message))
    assert found is not None
    assert found.template == errors.RATE_LIMITED_RETRY
    assert found.params == {"seconds": "5"}

    said = recognise(_stored(ServerError(502, "Bad gateway: upstream (db) down").user_message))
    assert said is not None
    assert said.template == errors.SERVER_PROBLEM_SAID
    assert said.params == {"status": "502", "message": "Bad gateway: upstream (db) down"}

    plain = recognise(_stored(ServerError(503).user_message))
    assert plain is not None
    assert (plain.template, plain.params) == (errors.SERVER_PROBLEM, {"status": "503"})

    redirect = recognise(_stored(UnexpectedStatus(307).user_message))
    assert redirect is not None
    assert redirect.template == errors.REDIRECTED


def test_a_value_that_is_itself_a_template_is_found_inside() -> None:
    text = _stored(MalformedResponse(F_(catalogs.CLAIMS_ROWS, count=-3)).user_message)
    outer = recognise(text)
    assert outer is not None
    assert outer.template == errors.UNREADABLE
    inner = recognise(outer.params["detail"])
    assert inner is not None
    assert (inner.template, inner.params) == (catalogs.CLAIMS_ROWS, {"count": "-3"})


def test_a_live_message_is_kept_and_unknown_text_is_not_recognised() -> None:
    live = F_(urls.PLAIN_HTTP, host="example.com")
    assert recognise(live) is live
    assert recognise("Customer not found.") is None  # Superfone's own words stay as they are
    assert recognise("") is None
    # A template of little fixed text ("{item}: {problem}") would match anything.
    assert recognise("Email: anything at all") is None


def test_every_api_template_is_known_once_the_api_is_imported() -> None:
    """The API's texts with values are module-level N_ (a stored copy is recognised)."""
    assert (client, failures) is not None  # imported: their module-level marks ran
    marked = load_script("update_translations").core_texts(ROOT / "superfone_desk" / "api")
    with_values = {text for text in marked if "{" in text}
    assert len(with_values) >= 12
    assert with_values <= set(templates())


def test_each_api_template_comes_back_from_its_english() -> None:
    marked = load_script("update_translations").core_texts(ROOT / "superfone_desk" / "api")
    for template in (text for text in marked if "{" in text):
        names = {name for name in _field_names(template)}
        values = {name: f"<{name} 42>" for name in names}
        found = recognise(template.format(**values))
        assert found is not None, template
        assert found.params == values, template


def _field_names(template: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def test_an_n_mark_registers_its_template_and_a_stored_copy_is_found() -> None:
    template = N_("Queued {count} leads for {place} at once (a test of recognise)")
    found = recognise("Queued 1,200 leads for Pune at once (a test of recognise)")
    assert isinstance(found, Message)
    assert found.template == template
    assert found.params == {"count": "1,200", "place": "Pune"}


def test_httpx_failures_are_marked_texts() -> None:
    marked = set(load_script("update_translations").core_texts())
    error = failures.failure(httpx.ConnectTimeout("slow"), str)
    assert error.user_message in marked


def test_what_delivery_stores_is_recognised() -> None:
    from superfone_desk.delivery import followup_stage, policy

    labels = recognise("The lead was saved, except removing labels: Label “VIP” is locked")
    assert labels is not None
    assert labels.template == policy.EXCEPT_LABELS
    assert labels.params == {"message": "Label “VIP” is locked"}
    booked = recognise(
        "The lead was saved, but its follow-up was not booked: "
        "Superfone did not find the lead to add it to."
    )
    assert booked is not None
    assert booked.template == followup_stage._NOT_BOOKED
    assert booked.params["reason"] == followup_stage._NO_LEAD
