//! The scheduler's only window on the outside world: `select(timeout)` and `time()`.
//!
//! CPython's `_run_once` computes how long it may block (0 when callbacks are ready, the
//! distance to the nearest timer otherwise, `None` when there is nothing at all) and calls
//! `selector.select(timeout)`. The loop here does the same through this trait, so the same
//! scheduler runs on the virtual clock (deterministic, the default) or, natively, on a real one.

use crate::vm::Clock;

/// An I/O readiness event reported by a driver (sockets arrive with the network model).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IoEvent {
    pub fd: i64,
    pub readable: bool,
    pub writable: bool,
}

/// What `select` found.
#[derive(Clone, Debug, PartialEq)]
pub enum Selected {
    /// The wait ended (time may have advanced); these I/O events are ready.
    Events(Vec<IoEvent>),
    /// Nothing could ever become ready: the loop would block forever.
    Deadlock,
}

/// A clock plus a way to wait on it.
pub trait Driver {
    /// The loop's `time()`, in seconds.
    fn time(&self, clock: &dyn Clock) -> f64;
    /// Wait up to `timeout` seconds (`None`: until an event arrives).
    fn select(&mut self, clock: &mut dyn Clock, timeout: Option<f64>) -> Selected;
}
