//! The replay model the UI renders (vizcore's `loopscope::trace::replay`), under one name so
//! every component imports it the same way.

pub use loopscope::trace::replay::*;
pub use loopscope::trace::Event;
