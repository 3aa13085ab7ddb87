"""The store: SQLite tables, their columns and all SQL."""
