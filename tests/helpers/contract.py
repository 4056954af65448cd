"""The contract's example upsert (CONTRACT.md §2.7), verbatim, for every test that sends
or builds it. Read-only: copy it before changing anything."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

EXAMPLE_UPSERT: MappingProxyType[str, Any] = MappingProxyType(
    {
        "customer_phone": "+918000000001",
        "create_customer_if_customer_phone_not_found": True,
        "first_name": "Asha",
        "last_name": "Kumar",
        "email": ["asha@example.com"],
        "business_name": "Acme Pvt Ltd",
        "city": "Bengaluru",
        "deal_value": 50000,
        "source": "website-form",
        "source_type": "OTHERS",
        "lead_stage_name": "New Lead",
        "lead_group_name": "Inbound",
        "add_labels": ["Hot", "Demo Requested"],
        "add_products": ["Starter Plan"],
        "assignee_user_phone": "+919876543210",
        "add_phones": ["+918000000002"],
        "customer_note": "Asked for a callback after 6 PM.",
    }
)
