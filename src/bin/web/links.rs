//! The page's address: share links (`#example=gather&step=40`, `#code=...`), the embed
//! player's options (`?embed=1&autoplay=1&panels=...`), and the postMessage bridge an
//! embedding course page talks to. Parsing is `loopscope::share` (strict and bounded).

use loopscope::share::{self, LinkError, Params};
use wasm_bindgen::JsValue;

/// The options in this page's query string and fragment.
pub fn current() -> Result<Params, LinkError> {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return Ok(Params::default());
    };
    let query = loc.search().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let mut p = Params::default();
    share::parse_into(query.trim_start_matches('?'), &mut p)?;
    share::parse_into(hash.trim_start_matches('#'), &mut p)?;
    Ok(p)
}

/// This page's address without query and fragment.
fn base() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// The share link for a script at a position, in a language.
pub fn share_url(
    example: Option<&str>,
    source: &str,
    step: usize,
    gran: &str,
    lang: &str,
) -> String {
    format!(
        "{}#{}&lang={lang}",
        base(),
        share::fragment(example, source, step, gran)
    )
}

/// The iframe snippet a course page pastes to embed this script at this position.
pub fn embed_snippet(
    example: Option<&str>,
    source: &str,
    step: usize,
    gran: &str,
    lang: &str,
) -> String {
    format!(
        "<iframe src=\"{}?embed=1#{}&lang={lang}\" width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\" title=\"loopscope\"></iframe>",
        base(),
        share::fragment(example, source, step, gran)
    )
}

/// Puts `url` in the address bar without reloading or adding a history entry.
pub fn replace_url(url: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// Copies text to the clipboard where the page may (secure contexts); the share box also
/// shows the text selected, so copying by hand always works.
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let clip = w.navigator().clipboard();
        let _ = clip.write_text(text);
    }
}

/// The embedding page, when this page is in a frame: its window and its origin (from the
/// referrer; None when the browser withholds it, and then only the window is checked).
pub fn parent() -> Option<(web_sys::Window, Option<String>)> {
    let w = web_sys::window()?;
    let parent = w.parent().ok()??;
    // Not framed: the parent is the window itself.
    if js_sys::Object::is(&parent, &w) {
        return None;
    }
    let referrer = w.document()?.referrer();
    let origin = web_sys::Url::new(&referrer).ok().map(|u| u.origin());
    Some((parent, origin.filter(|o| o != "null")))
}

/// What an embedding page asked the player to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Play,
    Pause,
    /// Step at a granularity ("line", "callback", "turn", "time"; None: the selected one).
    Step {
        gran: Option<String>,
        back: bool,
    },
    Goto(usize),
}

/// Reads a message from the embedding page: `{type: "loopscope", cmd: "play" | "pause" |
/// "step" | "goto", g?, back?, step?}`. Anything else is ignored; nothing in it is ever
/// evaluated.
pub fn command(data: &JsValue) -> Option<Command> {
    let get = |k: &str| js_sys::Reflect::get(data, &JsValue::from_str(k)).ok();
    if !data.is_object() || get("type")?.as_string()? != "loopscope" {
        return None;
    }
    match get("cmd")?.as_string()?.as_str() {
        "play" => Some(Command::Play),
        "pause" => Some(Command::Pause),
        "step" => Some(Command::Step {
            gran: get("g")
                .and_then(|v| v.as_string())
                .filter(|g| matches!(g.as_str(), "line" | "callback" | "turn" | "time")),
            back: get("back").and_then(|v| v.as_bool()).unwrap_or(false),
        }),
        "goto" => {
            let s = get("step")?.as_f64()?;
            (s.is_finite() && s >= 0.0).then_some(Command::Goto(s.min(1e12) as usize))
        }
        _ => None,
    }
}

/// A plain JS object with these fields (messages to the embedding page and to the worker).
pub fn object(fields: &[(&str, JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// Tells the embedding page something: `{type: "loopscope", event, ...fields}`.
pub fn notify(event: &str, fields: &[(&str, JsValue)]) {
    let Some((parent, origin)) = parent() else {
        return;
    };
    let mut all = vec![("type", "loopscope".into()), ("event", event.into())];
    all.extend(fields.iter().cloned());
    let msg = object(&all);
    // Only the embedding page hears it (any page, when the browser hid its origin: the
    // events say no more than the player shows).
    let _ = parent.post_message(&msg, origin.as_deref().unwrap_or("*"));
}

/// Whether a message event comes from the embedding page.
pub fn from_parent(e: &web_sys::MessageEvent) -> bool {
    let Some((parent, origin)) = parent() else {
        return false;
    };
    // No `dyn_into` here: the parent's window belongs to another realm, so an
    // `instanceof Object` check on it fails; identity is what counts.
    let from_parent = e.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
    from_parent && origin.is_none_or(|o| o == e.origin())
}
