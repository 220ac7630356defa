//! The deterministic driver: no I/O, and waiting just moves the virtual clock.
//!
//! The arithmetic is exactly the conformance oracle's `VirtualSelector.select`:
//! `NOW += max(timeout, 0.0)` in f64, so `loop.time()` prints CPython's digits.

use super::driver::{Driver, Selected};
use crate::vm::Clock;

#[derive(Default)]
pub struct VirtualDriver;

impl Driver for VirtualDriver {
    fn time(&self, clock: &dyn Clock) -> f64 {
        clock.now()
    }

    fn select(&mut self, clock: &mut dyn Clock, timeout: Option<f64>) -> Selected {
        match timeout {
            None => Selected::Deadlock,
            Some(t) => {
                // max(timeout, 0.0): a NaN timeout waits 0.0 like Python's max() would keep it.
                let dt = if t > 0.0 { t } else { 0.0 };
                clock.sleep(dt);
                Selected::Events(Vec::new())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::VirtualClock;

    #[test]
    fn select_adds_timeouts_in_float() {
        let mut c = VirtualClock::default();
        let mut d = VirtualDriver;
        for t in [0.1, 0.2, -1.0, 0.0] {
            assert_eq!(d.select(&mut c, Some(t)), Selected::Events(vec![]));
        }
        // python3 -c "x=0.0; x+=0.1; x+=0.2; print(repr(x))" -> 0.30000000000000004
        assert_eq!(d.time(&c), 0.30000000000000004);
        assert_eq!(d.select(&mut c, None), Selected::Deadlock);
    }
}
