//! CPython 3.11's `random` module algorithms (MT19937 and the methods built on it), bit for bit.
