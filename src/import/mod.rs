//! Spreadsheet and CSV import into model tables (issue: import).
