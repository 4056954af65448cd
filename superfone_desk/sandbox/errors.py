"""Error type and every message text the sandbox emits.

Texts copied from CONTRACT.md are exact to the byte; the ones marked *invented* fill
gaps of CONTRACT §12 and are listed in docs/sandbox.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# --- documented (CONTRACT §1.3, §2.5, §4.3) -------------------------------------------------
UNAUTHORIZED = "UnAuthorized, Please Provide Valid API Key"
CUSTOMER_PHONE_REQUIRED = "Customer phone is required to identify the record to update"
INVALID_PHONE = "Invalid phone number."
CUSTOMER_NOT_FOUND = "Customer not found."
MULTIPLE_CONTACT = "Customer phone exists in multiple contact"
ADD_PHONE_CONFLICT = "Phone number {phone} in add_phones is already present in different customer"
LABELS_CONFLICT = "add_labels and remove_labels cannot be used in the same request"
ASSIGNEE_PHONE_INVALID = "Assignee user's phone is invalid"
ASSIGNEE_NOT_IN_TEAM = "Assignee user is not part of your team"
ASSIGNEE_NOT_FOUND = "Assignee user not found"
MULTIPLE_STAGES = "Multiple lead stages found with this name. Provide unique"
MULTIPLE_GROUPS = "Multiple lead groups found with this name. Provide unique"
STAGE_NOT_FOUND = "Lead stage name not found"
GROUP_NOT_FOUND = "Lead group name not found"
LEAD_ID_NOT_NUMBER = "lead_id must be a number"
NO_OPEN_TASK = "No open task found for this lead"
LEAD_NOT_FOUND = "Lead not found"

# --- invented (CONTRACT §12) ----------------------------------------------------------------
BODY_NOT_JSON_OBJECT = "Request body must be a valid JSON object"
INVALID_TYPE = "Invalid type for {field}: expected {expected}"
INVALID_SOURCE_TYPE = (
    "Invalid source_type. Must be one of: CSV_UPLOAD, FACEBOOK_INTEGRATION, PHONE_CONTACT, "
    "WHATSAPP_MESSAGE, WHATSAPP_INTEGRATION, PABBLY, OTHERS"
)
CUSTOMER_PHONE_IS_SECONDARY = (
    "Customer phone {phone} is already present in different customer as a secondary phone"
)
TASK_TYPE_REQUIRED = "type is required"
TASK_TYPE_INVALID = (
    "Invalid task type. Must be one of: FOLLOW_UP_CALL, FIRST_CALL, CALLBACK_REQUEST, "
    "SITE_VISIT, REMINDER, BOOKING"
)
DUE_DATE_REQUIRED = "due_date is required"
DUE_DATE_INVALID = "due_date must be a valid ISO 8601 date-time"
NOTIFY_AT_INVALID = "notify_at must be a valid ISO 8601 date-time"
NOTIFY_AT_OUT_OF_RANGE = "notify_at must be after the current time and not after due_date"
PAGE_INVALID = "page must be a positive integer"
PAGE_SIZE_INVALID = "page_size must be a positive integer"
PAGE_SIZE_TOO_LARGE = "page_size must not be greater than {max}"
NOT_FOUND = "Not found"
TOO_MANY_REQUESTS = "Too many requests"


class ApiError(Exception):
    """A 4xx answer: the HTTP layer turns it into ``{"message": message}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.message = message

    def body(self) -> Mapping[str, Any]:
        return {"message": self.message}


def type_error(field: str, expected: str) -> ApiError:
    return ApiError(400, INVALID_TYPE.format(field=field, expected=expected))
