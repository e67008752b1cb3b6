"""The first search after `kiemtra serve` took seconds (session 27's sweep: "40 phát hiện cho
«phiếu hẹn» · 3207 ms", 40 ms the next time): a process's first search compiles the readings of
folded words, the synonym lexicon, the theme patterns and loads the reranker. The server now
runs one search as it starts (pipeline.search.warm_up, in the app's startup), so no staff member
waits for it. On the hand-written store (webstore.py)."""

from __future__ import annotations

from starlette.testclient import TestClient
from webstore import WebData

from index.query import load_lexicon
from index.rerank import load_ranker
from nlp.themes import load_taxonomy
from web.app import create_app


def test_the_server_compiles_the_search_before_its_first_request(data: WebData) -> None:
    for loader in (load_lexicon, load_taxonomy, load_ranker):
        loader.cache_clear()  # as in a new process
    with TestClient(create_app(data.settings), raise_server_exceptions=False) as client:
        # Started, no request yet: what the first search reads is compiled
        assert load_lexicon.cache_info().currsize == 1 and "readings" in vars(load_lexicon())
        assert load_taxonomy.cache_info().currsize and load_ranker.cache_info().currsize == 1
        assert client.get("/", params={"q": "phiếu hẹn"}).status_code == 200
