//! Printable output: the text score summary, later the PDF and spreadsheet export.
