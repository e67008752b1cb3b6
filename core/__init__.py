"""kiemtra's floor: the data model, errors, settings, text normalisation and the level table.

Everything else imports from here; this package imports nothing of ours, so a reader, an NLP
component or a search backend can be understood (and tested) with only this beneath it.
"""
