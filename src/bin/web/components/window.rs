//! Windowing for long lists of fixed-height rows: only the rows scrolled into view, and a
//! block either side, are in the DOM; the list keeps the height of all its rows, so the
//! scroll bar and the scroll position are those of the whole list. With 1,000 tasks a step
//! that replaced a few hundred rows made the browser style, lay out and paint all of them;
//! now it handles what the box shows.

use std::ops::Range;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;
use yew::prelude::*;

/// The box height assumed before it is measured (taller than the 40vh of a list on most
/// screens; the real one is read once the list is in the DOM).
const INITIAL_VIEW_H: usize = 600;

/// The rows of pitch `row_h` px to draw when a box `view_h` px tall is scrolled to
/// `scroll_top`: the blocks of `block` rows it shows and one block either side (so a scroll
/// shows drawn rows while the next window renders, and most scroll events change nothing).
/// Not clamped to the list's length.
pub fn rows_in_view(row_h: usize, block: usize, scroll_top: usize, view_h: usize) -> Range<usize> {
    let (row_h, block) = (row_h.max(1), block.max(1));
    let first = scroll_top / row_h;
    let last = (scroll_top + view_h).div_ceil(row_h);
    let start = (first / block).saturating_sub(1) * block;
    let end = (last.div_ceil(block) + 1) * block;
    start..end
}

/// What a windowed list needs: the rows to draw (clamped to the list), and the scroll box's
/// ref and scroll handler.
pub struct Window {
    pub rows: Range<usize>,
    pub scroller: NodeRef,
    pub onscroll: Callback<Event>,
    n: usize,
    row_h: usize,
}

impl Window {
    /// The list's style: the height of all its rows, with the drawn ones pushed down to
    /// their place.
    pub fn list_style(&self) -> String {
        format!(
            "height: {}px; padding-top: {}px;",
            self.n * self.row_h,
            self.rows.start * self.row_h
        )
    }
}

/// A window over a list of `n` rows of pitch `row_h` px, in blocks of `block` rows.
#[hook]
pub fn use_window(n: usize, row_h: usize, block: usize) -> Window {
    let scroller = use_node_ref();
    let shown = use_state(|| rows_in_view(row_h, block, 0, INITIAL_VIEW_H));
    // The tallest the box has been: a list that grows back (a loop turn refills the ready
    // queue) gets the rows of its full box at once, instead of the few of a short box and
    // then, once the new size is seen, the rest (a second render and layout in the frame).
    let tallest = use_mut_ref(|| 0usize);
    let measure = {
        let shown = shown.clone();
        move |el: &Element| {
            let h = el.client_height().max(0) as usize;
            // An empty box (0 px tall) shows no rows: the window stays for the rows that
            // come back (shrunk to a block, it made the turn that refilled the ready queue
            // draw 4 rows, then 12 more once measured).
            if h == 0 {
                return;
            }
            let h = {
                let mut t = tallest.borrow_mut();
                *t = (*t).max(h);
                *t
            };
            let top = el.scroll_top().max(0) as usize;
            let w = rows_in_view(row_h, block, top, h);
            if *shown != w {
                shown.set(w);
            }
        }
    };
    {
        // The box is measured when its size changes (and when a list comes into the DOM),
        // as the browser reports it after laying out the frame: read in the middle of a
        // step, its height and scroll offset forced a layout of the whole page (1-2 ms of
        // the loop turns that empty or refill the ready queue). Where ResizeObserver is
        // missing, the box is read at once.
        let scroller = scroller.clone();
        let measure = measure.clone();
        use_effect_with(n > 0, move |&some| {
            let watch = scroller
                .cast::<Element>()
                .filter(|_| some)
                .and_then(|el| match on_resize(&el, measure.clone()) {
                    Some(w) => Some(w),
                    None => {
                        measure(&el);
                        None
                    }
                });
            move || drop(watch)
        });
    }
    let onscroll = Callback::from(move |e: Event| {
        if let Some(el) = e.target_dyn_into::<Element>() {
            measure(&el);
        }
    });
    let rows = shown.start.min(n)..shown.end.min(n);
    Window {
        rows,
        scroller,
        onscroll,
        n,
        row_h,
    }
}

/// A ResizeObserver on one element, disconnected when dropped.
struct Resized {
    observer: JsValue,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Resized {
    fn drop(&mut self) {
        let _ = call_method(&self.observer, "disconnect", None);
    }
}

fn call_method(obj: &JsValue, name: &str, arg: Option<&JsValue>) -> Option<JsValue> {
    let f = js_sys::Reflect::get(obj, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    match arg {
        Some(a) => f.call1(obj, a),
        None => f.call0(obj),
    }
    .ok()
}

/// Calls `f` with `el` whenever the browser reports a new size for it (and once when first
/// laid out with a size), after layout, so that reading it then forces nothing. None where
/// ResizeObserver is missing. Through js_sys: web-sys's ResizeObserver is not among the
/// features built.
fn on_resize(el: &Element, f: impl Fn(&Element) + 'static) -> Option<Resized> {
    let w = web_sys::window()?;
    let ctor = js_sys::Reflect::get(&w, &"ResizeObserver".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let target = el.clone();
    let callback = Closure::<dyn FnMut()>::new(move || f(&target));
    let observer =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(callback.as_ref())).ok()?;
    call_method(&observer, "observe", Some(el))?;
    Some(Resized {
        observer,
        _callback: callback,
    })
}

/// A list of `n` rows windowed only when there are more than `from` (fewer keep their
/// natural height and are all drawn): the window (its scroll box ref and handler), the rows
/// to draw, and the list's style when windowed.
#[hook]
pub fn use_window_beyond(
    n: usize,
    from: usize,
    row_h: usize,
    block: usize,
) -> (Window, Range<usize>, Option<String>) {
    let windowed = n > from;
    let win = use_window(if windowed { n } else { 0 }, row_h, block);
    let rows = if windowed { win.rows.clone() } else { 0..n };
    let style = windowed.then(|| win.list_style());
    (win, rows, style)
}

/// Whether `text` may be wider than `room` columns of a monospace font (a wide character,
/// CJK, counts two). Fixed-height rows cut their long lines with an ellipsis, and the
/// overflow clip that takes is costly: with 1,000 tasks, one per ready-queue row made
/// Chromium's layerization 1 ms slower on every step that touched the queue (a clip is a
/// paint chunk of its own inside the composited scroll box). So only a line that may not
/// fit gets one: `room` is what the narrowest layout leaves it, counted with a wide
/// monospace advance (0.62 em), so a line under it fits on any screen with any font.
pub fn may_overflow(text: &str, room: usize) -> bool {
    // Quick: a short string fits whatever its characters are.
    if text.len() <= room {
        return false;
    }
    let mut cols = 0;
    for c in text.chars() {
        cols += if is_wide(c) { 2 } else { 1 };
        if cols > room {
            return true;
        }
    }
    false
}

/// East Asian wide and fullwidth characters (the blocks that matter here: CJK, kana,
/// hangul, fullwidth forms) and emoji take two columns.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD)
}

/// Whether the user prefers reduced motion (`prefers-reduced-motion: reduce`), read once.
/// Then nothing animates (style.css turns animations off), and rows can be keyed by their
/// place instead of their item: a step that replaces the rows drawn (a loop turn refills
/// the ready queue, a timer fires a hundred timers) updates the text of the same elements
/// instead of removing and creating them (with 1,000 tasks ~1.2 ms less of style, layout
/// and paint per list). With motion, a new item gets a new element, so its entrance
/// animation plays.
pub fn reduced_motion() -> bool {
    thread_local! {
        static REDUCED: bool = query_reduced_motion();
    }
    REDUCED.with(|r| *r)
}

fn query_reduced_motion() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    // `matchMedia` through js_sys: web-sys's MediaQueryList is not among the features built.
    js_sys::Reflect::get(&w, &"matchMedia".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&w, &"(prefers-reduced-motion: reduce)".into()).ok())
        .and_then(|m| js_sys::Reflect::get(&m, &"matches".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Keys for the rows drawn, given their items' ids in order. With motion, the ids (a new
/// item is a new element, so its entrance animation plays). With reduced motion (see
/// `reduced_motion`), an item still drawn keeps its key, so its element stays (popping the
/// queue's front renumbers the rows below and touches nothing else), and a new item takes
/// the key of an item no longer drawn, in order, so its element is reused in place: a step
/// that replaces every row (a loop turn refills the ready queue, a hundred timers fire)
/// updates their text instead of removing and creating them. The keys carry no meaning:
/// what is drawn is the same either way.
#[hook]
pub fn use_row_keys(ids: &[u64]) -> Vec<u64> {
    let last = use_mut_ref(Vec::<(u64, u64)>::new);
    let keys = if reduced_motion() {
        reuse_keys(&last.borrow(), ids)
    } else {
        ids.to_vec()
    };
    *last.borrow_mut() = ids.iter().copied().zip(keys.iter().copied()).collect();
    keys
}

/// `use_row_keys`'s choice: `last` holds the previous (id, key) pairs in order.
pub fn reuse_keys(last: &[(u64, u64)], ids: &[u64]) -> Vec<u64> {
    let mut keys: Vec<Option<u64>> = vec![None; ids.len()];
    let mut taken = vec![false; last.len()];
    // Items still drawn keep their keys (a repeated id takes one pair each).
    for (k, id) in keys.iter_mut().zip(ids) {
        if let Some(j) = (0..last.len()).find(|&j| !taken[j] && last[j].0 == *id) {
            taken[j] = true;
            *k = Some(last[j].1);
        }
    }
    // New items take the keys left over, in order, then keys never used.
    let mut free = (0..last.len()).filter(|&j| !taken[j]).map(|j| last[j].1);
    let mut fresh = last.iter().map(|p| p.1 + 1).max().unwrap_or(0);
    keys.into_iter()
        .map(|k| {
            k.or_else(|| free.next()).unwrap_or_else(|| {
                fresh += 1;
                fresh - 1
            })
        })
        .collect()
}
