"""Realistic catalog titles and what people type to find them (deterministic)."""

from __future__ import annotations

import random

_FIRST = (
    "VIP", "Walk-in", "Follow up", "Hot", "Cold", "Warm", "Repeat", "Referral", "Corporate",
    "Retail", "Wholesale", "Festive", "Diwali", "Monsoon", "Premium", "Budget", "Callback",
    "Demo booked", "Quote sent", "Site visit", "Priority", "Dormant", "New", "Lost", "Won",
)  # fmt: skip
_SECOND = (
    "Mumbai", "Pune", "Delhi", "Bengaluru", "Chennai", "Hyderabad", "Kolkata", "Jaipur",
    "Ahmedabad", "Lucknow", "Kochi", "Indore", "Nagpur", "Surat", "Bhopal", "Patna",
    "Counter", "WhatsApp", "Instagram", "Website", "Exhibition", "Newspaper", "Partner",
)  # fmt: skip


def label_titles(count: int) -> list[str]:
    """``count`` distinct titles such as "Walk-in Pune 0042"."""
    titles = []
    for n in range(count):
        first = _FIRST[n % len(_FIRST)]
        second = _SECOND[(n // len(_FIRST)) % len(_SECOND)]
        titles.append(f"{first} {second} {n:04d}")
    return titles


def typed_words(count_keys: int, seed: int = 7) -> list[str]:
    """Words to type, each from its first letter on, adding up to about ``count_keys`` keys:
    parts of real titles (a word of it, or its start), in mixed case."""
    rng = random.Random(seed)
    pool = [w for w in (*_FIRST, *_SECOND) if len(w) >= 3] + ["walk", "pune 00", "vip mum"]
    words: list[str] = []
    keys = 0
    while keys < count_keys:
        word = rng.choice(pool)
        word = word.lower() if rng.random() < 0.7 else word
        word = word[: rng.randint(3, min(8, len(word)))]
        words.append(word)
        keys += len(word)
    return words
