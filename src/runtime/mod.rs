//! asyncio, modelled on CPython 3.11's `Lib/asyncio`, driven by a clock/IO driver.
