//! parser placeholder
