"""Vietnamese NLP for inspection findings: normalisation, dates, document numbers, units, findings."""
