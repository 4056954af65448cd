"""Deterministic starting data for sandbox accounts: ``demo`` and ``empty``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from superfone_desk.sandbox.accounts import Account, Clock, IdSource

SEED_DEMO = "demo"
SEED_EMPTY = "empty"

# The active team member every seed has: the docs' example assigns the lead to them.
RAVI_PHONE = "+919876543210"

_BASE = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)

DEMO_STAGES: tuple[tuple[str, int, str], ...] = (
    ("New Lead", 1, "INITIAL"),
    ("Qualified", 2, "NONE"),
    ("Proposal Sent", 3, "NONE"),
    ("Negotiation", 4, "NONE"),
    ("Won", 5, "FINAL_POSITIVE"),
    ("Lost", 6, "FINAL_NEGATIVE"),
)
DEMO_GROUPS: tuple[str, ...] = ("Inbound", "Outbound", "Referral")
DEMO_LABELS: tuple[tuple[str, str, str, str], ...] = (
    ("Hot", "#ff5722", "#ffffff", "ACTIVE"),
    ("Warm", "#ffb300", "#000000", "ACTIVE"),
    ("Cold", "#03a9f4", "#ffffff", "ACTIVE"),
    ("Demo Requested", "#8e24aa", "#ffffff", "ACTIVE"),
    ("VIP", "#c62828", "#ffffff", "ACTIVE"),
    ("Follow Up", "#43a047", "#ffffff", "ACTIVE"),
    ("Price Sensitive", "#6d4c41", "#ffffff", "ACTIVE"),
    ("Decision Maker", "#3949ab", "#ffffff", "ACTIVE"),
    ("Callback", "#00897b", "#ffffff", "ACTIVE"),
    ("Enterprise", "#283593", "#ffffff", "ACTIVE"),
    ("Repeat Customer", "#7cb342", "#000000", "ACTIVE"),
    ("Old Campaign", "#9e9e9e", "#000000", "DISABLED"),
)
DEMO_PRODUCTS: tuple[tuple[str, float, str], ...] = (
    ("Starter Plan", 999, "Entry-level subscription, billed monthly."),
    ("Growth Plan", 2499, "For growing teams, billed monthly."),
    ("Business Plan", 4999, "Advanced features and reports, billed monthly."),
    ("Enterprise Plan", 9999, "Unlimited users with priority support."),
    ("Extra Number Add-on", 299, "One additional virtual number."),
)
DEMO_TEAM: tuple[tuple[str, str, str, bool], ...] = (
    (RAVI_PHONE, "Ravi", "Patel", True),
    ("+919812345678", "Priya", "Sharma", True),
    ("+919900112233", "Arjun", "Mehta", False),
)


def _lead(
    phone: str,
    first: str,
    last: str,
    city: str,
    stage: str,
    group: str,
    labels: tuple[str, ...] = (),
    *,
    extra: tuple[str, ...] = (),
    business: str | None = None,
    deal: float | None = None,
    assignee: str | None = None,
    source_type: str = "PHONE_CONTACT",
    source: str | None = None,
) -> dict[str, object]:
    return {
        "phone": phone, "first": first, "last": last, "city": city, "stage": stage,
        "group": group, "labels": labels, "extra": extra, "business": business, "deal": deal,
        "assignee": assignee, "source_type": source_type, "source": source,
    }  # fmt: skip


PRIYA = "+919812345678"
DEMO_LEADS: tuple[dict[str, object], ...] = (
    _lead("+919845012345", "Anil", "Sharma", "Bengaluru", "New Lead", "Inbound", ("Hot",),
          business="Sharma Traders", deal=25000, assignee=RAVI_PHONE, source="website-form",
          source_type="OTHERS"),
    _lead("+919820098765", "Sunita", "Iyer", "Mumbai", "Qualified", "Inbound",
          ("Warm", "Demo Requested"), extra=("+912226541234",), business="Iyer & Co",
          deal=60000, assignee=RAVI_PHONE),
    _lead("+919811122233", "Rahul", "Verma", "New Delhi", "Proposal Sent", "Outbound",
          ("Decision Maker",), business="Verma Logistics", deal=150000, assignee=PRIYA),
    _lead("+919830045678", "Meera", "Banerjee", "Kolkata", "Negotiation", "Referral",
          ("VIP", "Price Sensitive"), deal=80000, assignee=PRIYA, source="referral"),
    _lead("+919840011223", "Karthik", "Subramanian", "Chennai", "Won", "Inbound",
          ("Repeat Customer",), business="KS Textiles", deal=45000, assignee=RAVI_PHONE,
          source_type="WHATSAPP_MESSAGE"),
    _lead("+919850066778", "Pooja", "Deshpande", "Pune", "Lost", "Outbound", ("Cold",),
          source_type="CSV_UPLOAD"),
    _lead("+919866033445", "Venkat", "Reddy", "Hyderabad", "New Lead", "Inbound",
          ("Callback",), extra=("+914023456789",), source_type="FACEBOOK_INTEGRATION",
          source="fb-ads-march"),
    _lead("+919879012345", "Hetal", "Shah", "Ahmedabad", "Qualified", "Referral",
          ("Hot", "Enterprise"), business="Shah Diamonds", deal=250000, assignee=RAVI_PHONE),
    _lead("+919828054321", "Vikram", "Singh", "Jaipur", "New Lead", "Outbound", (),
          source_type="PABBLY"),
    _lead("+919815067890", "Gurpreet", "Kaur", "Chandigarh", "Proposal Sent", "Inbound",
          ("Follow Up",), business="Kaur Boutique", deal=30000, assignee=PRIYA),
    _lead("+919895123456", "Anjali", "Nair", "Kochi", "Qualified", "Inbound",
          ("Demo Requested",), source_type="WHATSAPP_INTEGRATION"),
    _lead("+919826078901", "Rohit", "Jain", "Indore", "Negotiation", "Outbound",
          ("Price Sensitive",), business="Jain Electronics", deal=72000, assignee=RAVI_PHONE),
    _lead("+919837011122", "Neha", "Gupta", "Lucknow", "New Lead", "Referral", ("Warm",)),
    _lead("+919848022233", "Srinivas", "Rao", "Visakhapatnam", "Won", "Inbound",
          ("VIP", "Repeat Customer"), extra=("+919848022234",), business="Rao Pharma",
          deal=120000, assignee=PRIYA),
    _lead("+919860033344", "Aditya", "Kulkarni", "Nagpur", "Lost", "Outbound", ("Cold",)),
    _lead("+919890044455", "Divya", "Menon", "Thiruvananthapuram", "Qualified", "Inbound",
          ("Hot", "Decision Maker"), business="Menon Exports", deal=95000,
          assignee=RAVI_PHONE),
    _lead("+919831055566", "Sourav", "Das", "Kolkata", "New Lead", "Inbound", (),
          source_type="WHATSAPP_MESSAGE"),
    _lead("+919841066677", "Lakshmi", "Krishnan", "Coimbatore", "Proposal Sent", "Referral",
          ("Enterprise", "Follow Up"), business="Krishnan Mills", deal=300000, assignee=PRIYA),
    _lead("+919820077788", "Farhan", "Qureshi", "Mumbai", "Negotiation", "Outbound",
          ("Hot",), deal=55000, assignee=RAVI_PHONE),
    _lead("+919845088899", "Kavya", "Hegde", "Mangaluru", "New Lead", "Inbound",
          ("Demo Requested", "Callback"), source="website-form", source_type="OTHERS"),
)  # fmt: skip


#: Open tasks on a few demo leads, by their index in DEMO_LEADS (Meera, Venkat, Hetal);
#: Anil and Rahul stay without tasks (tests count theirs).
DEMO_OPEN_TASKS: dict[int, tuple[str, datetime]] = {
    3: ("FOLLOW_UP_CALL", datetime(2027, 1, 12, 11, 0, tzinfo=UTC)),
    6: ("CALLBACK_REQUEST", datetime(2027, 1, 8, 16, 30, tzinfo=UTC)),
    7: ("SITE_VISIT", datetime(2027, 1, 20, 10, 0, tzinfo=UTC)),
}


def seed_empty(account: Account) -> None:
    """No leads and no catalog rows: the 7 source types and one active team member."""
    account.add_team_member(RAVI_PHONE, "Ravi", "Patel", active=True)


def seed_demo(account: Account) -> None:
    """A realistic account; the CONTRACT §2.7 example request succeeds on it as-is."""
    for phone, first, last, active in DEMO_TEAM:
        account.add_team_member(phone, first, last, active=active)
    for title, position, kind in DEMO_STAGES:
        account.add_stage(title, position, kind, created_at=_BASE)
    for title in DEMO_GROUPS:
        account.add_group(title, created_at=_BASE)
    for title, colour, text_colour, status in DEMO_LABELS:
        account.add_label(title, status, colour, text_colour, created_at=_BASE)
    for title, price, description in DEMO_PRODUCTS:
        slug = title.lower().replace(" ", "-")
        account.add_product(
            title, price, description=description,
            link=f"https://example.com/plans/{slug}", created_at=_BASE + timedelta(days=17),
        )  # fmt: skip
    lead_base = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)
    for index, row in enumerate(DEMO_LEADS):
        created = lead_base + timedelta(days=index * 3, hours=index % 5, minutes=7 * index)
        first = str(row["first"])
        domain = str(row["business"] or "example").lower().replace(" & ", "").replace(" ", "")
        lead = account.add_lead(
            str(row["phone"]),
            first_name=first,
            last_name=str(row["last"]),
            phones=_strs(row["extra"]),
            email=[f"{first.lower()}@{domain}.in"] if row["business"] else None,
            business_name=_opt_str(row["business"]),
            city=str(row["city"]),
            deal_value=_opt_float(row["deal"]),
            source=_opt_str(row["source"]),
            source_type=str(row["source_type"]),
            stage=str(row["stage"]),
            group=str(row["group"]),
            labels=_strs(row["labels"]),
            products=("Starter Plan",) if row["deal"] else (),
            assignee_phone=_opt_str(row["assignee"]),
            created_at=created,
        )
        if index in DEMO_OPEN_TASKS:  # so a lead card has something to show (#14.6)
            task_type, due = DEMO_OPEN_TASKS[index]
            account.add_task(lead.id, task_type, due, created_at=created + timedelta(hours=2))
        if index == 1:  # a little task history on Sunita Iyer
            account.add_task(
                lead.id, "FIRST_CALL", created + timedelta(hours=1),
                complete=True, created_at=created,
            )  # fmt: skip
            account.add_task(
                lead.id, "FOLLOW_UP_CALL", datetime(2026, 12, 1, 11, 0, tzinfo=UTC),
                notify_at=datetime(2026, 12, 1, 10, 50, tzinfo=UTC),
                created_at=created + timedelta(days=1),
            )  # fmt: skip


def _strs(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, tuple) else ()


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_float(value: object) -> float | None:
    return value if isinstance(value, int | float) else None


SEEDS: dict[str, Callable[[Account], None]] = {SEED_DEMO: seed_demo, SEED_EMPTY: seed_empty}
SEED_NAMES: tuple[str, ...] = tuple(SEEDS)


def make_account(
    seed: str, org_id: int, ids: IdSource | None = None, clock: Clock | None = None
) -> Account:
    """A fresh account with ``seed`` applied (``ValueError`` for an unknown seed name)."""
    if seed not in SEEDS:
        raise ValueError(f"unknown seed {seed!r}; choose from {', '.join(SEED_NAMES)}")
    account = Account(org_id, ids, clock)
    SEEDS[seed](account)
    return account
