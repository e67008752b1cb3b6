"""The store (system of record) and the search backends behind one interface."""
