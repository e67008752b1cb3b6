"""Vietnamese NLP for inspection findings: dates, document numbers, units, findings, areas."""
