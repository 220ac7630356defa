//! The memory limit: a script that grows without bound (`s = s + s` in a loop, a list that is
//! appended to forever) gets a `MemoryError` with a message, instead of taking the browser tab
//! or the machine down with it.
//!
//! The binaries install [`Counting`] as their global allocator, so [`live_bytes`] is every byte
//! the process holds: the script's objects, and also the trace being recorded, which is memory
//! the tab pays for just the same. The VM compares it with [`Vm::memory_limit`] in two places:
//! before an operation whose result size is known up front and may be huge (concatenation,
//! repetition, `join`), and every few thousand instructions, which catches growth one small
//! allocation at a time. Without the counting allocator (library tests) only the first check
//! applies, against the request alone.

use super::{ExcKind, Vm};
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes allocated and not yet freed, through [`Counting`].
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// The default limit: what a browser tab's worker can hold beside the page, and plenty for
/// the scripts courses run (the largest trace of the benchmarks peaks near 400 MB).
pub const DEFAULT_LIMIT: usize = 1 << 30;

/// Bytes the process holds now (0 when [`Counting`] is not the global allocator).
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}

// The count is kept with a plain load and store rather than an atomic read-modify-write: the
// VM runs on one thread, an atomic add would cost a locked instruction on every allocation of
// an allocation-heavy interpreter, and a count that other threads (the CLI's few helpers) make
// slightly wrong only moves the point where the limit bites. Wrapping arithmetic keeps a
// transient underflow harmless: the limit check reads a wrapped count as zero.
fn add(n: usize) {
    LIVE.store(
        LIVE.load(Ordering::Relaxed).wrapping_add(n),
        Ordering::Relaxed,
    );
}
fn sub(n: usize) {
    LIVE.store(
        LIVE.load(Ordering::Relaxed).wrapping_sub(n),
        Ordering::Relaxed,
    );
}

/// A global allocator that counts the bytes held through another one.
pub struct Counting<A>(pub A);

// SAFETY: every call is forwarded unchanged to the inner allocator; only the count is kept.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = self.0.alloc(layout);
        if !p.is_null() {
            add(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = self.0.alloc_zeroed(layout);
        if !p.is_null() {
            add(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.0.dealloc(ptr, layout);
        sub(layout.size());
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = self.0.realloc(ptr, layout, new_size);
        if !p.is_null() {
            sub(layout.size());
            add(new_size);
        }
        p
    }
}

impl Vm {
    /// `MemoryError` unless `extra` more bytes fit under the limit.
    pub fn check_alloc(&self, extra: usize) -> Result<(), super::Exc> {
        if self.over_memory_limit(extra) {
            return Err(self.memory_error());
        }
        Ok(())
    }

    /// `MemoryError` unless `n` more values (a list's or tuple's items) fit under the limit.
    pub fn check_alloc_values(&self, n: usize) -> Result<(), super::Exc> {
        self.check_alloc(n.saturating_mul(std::mem::size_of::<super::Value>()))
    }

    /// Whether holding `extra` more bytes would pass the limit.
    pub fn over_memory_limit(&self, extra: usize) -> bool {
        let live = live_bytes();
        // A count that wrapped below zero reads as more than half the address space.
        let live = if live > usize::MAX / 2 { 0 } else { live };
        live.saturating_add(extra) > self.memory_limit
    }

    /// The error a script gets at the limit: CPython's exception, with the limit named so the
    /// learner knows it is loopscope's and how big it is.
    pub fn memory_error(&self) -> super::Exc {
        let mb = self.memory_limit >> 20;
        self.new_error(
            ExcKind::MemoryError,
            format!(
                "the script needs more than {} MB, loopscope's memory limit",
                super::group_thousands(mb as u64)
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_past_the_limit_is_a_memory_error_naming_it() {
        let mut vm = Vm::new();
        vm.memory_limit = 64 << 20;
        assert!(vm.check_alloc(1 << 20).is_ok());
        let e = vm.check_alloc(65 << 20).unwrap_err();
        assert!(vm.exc_matches(&e, ExcKind::MemoryError));
        let text = vm.exc_only(&e);
        assert!(text.contains("64 MB"), "{text}");
    }
}
