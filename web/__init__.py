"""The web page for staff and auditors: search, read a finding in its document, compare years.

Why a package of its own that only composes: every fact it shows comes from the store
(index/store.py, opened read-only), the search backend (index/base.py) and the reports
(reports/compare.py); this package turns request parameters into their arguments and their
results into escaped HTML. `create_app` in web/app.py builds the ASGI application.
"""
