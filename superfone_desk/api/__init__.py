"""The Superfone Enterprise API: client, typed models and typed errors (no Qt)."""
