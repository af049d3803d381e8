"""Progress from units: the intake, the per-unit forms, the printed lists and PDFs."""
