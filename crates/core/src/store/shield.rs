//! The store's boundary against panics inside redb: a damaged file can make redb's reads panic
//! (an `unreachable!` in its b-tree, a slice index out of range). Every call into redb runs
//! shielded: such a panic becomes a "damaged file" error naming the path, and the panic hook
//! stays quiet for it, so no backtrace (or anything from the data) reaches the screen.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// How many shielded calls this thread is inside.
    static SHIELDED: Cell<u32> = const { Cell::new(0) };
}

static FILTER: Once = Once::new();

/// Puts a filter in front of the current panic hook that keeps it quiet for panics inside the
/// store's shielded calls. The store installs it on first use; a program that installs a panic
/// hook of its own afterwards (a terminal UI restoring the terminal) calls this again, so that a
/// panic the store catches does not run that hook either.
pub fn quiet_store_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if SHIELDED.with(Cell::get) == 0 {
            previous(info);
        }
    }));
}

/// Marks this thread as inside the store for as long as it lives.
struct Inside;

impl Inside {
    fn enter() -> Inside {
        FILTER.call_once(quiet_store_panics);
        SHIELDED.with(|s| s.set(s.get() + 1));
        Inside
    }
}

impl Drop for Inside {
    fn drop(&mut self) {
        SHIELDED.with(|s| s.set(s.get().saturating_sub(1)));
    }
}

/// Runs `f`, turning a panic inside it into `None` (quietly). Callers map `None` to an error that
/// names the file and says what to do, never the panic's message, which could quote data.
pub(super) fn shielded<R>(f: impl FnOnce() -> R) -> Option<R> {
    let _inside = Inside::enter();
    catch_unwind(AssertUnwindSafe(f)).ok()
}

/// Runs `f` on a thread the store spawned, with the hook kept quiet for it; the thread's join
/// reports a panic as an error.
pub(super) fn quietly<R>(f: impl FnOnce() -> R) -> R {
    let _inside = Inside::enter();
    f()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_becomes_none_and_the_next_call_works() {
        assert_eq!(shielded(|| 7), Some(7));
        let none: Option<u8> = shielded(|| {
            let v: Vec<u8> = Vec::new();
            v[usize::from(std::hint::black_box(3u8))]
        });
        assert_eq!(none, None);
        assert_eq!(SHIELDED.with(Cell::get), 0);
        assert_eq!(shielded(|| 8), Some(8));
    }
}
