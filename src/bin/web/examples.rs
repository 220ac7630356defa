//! The gallery: examples grouped in the order a course teaches them, each with a title, a
//! two-line explanation and a suggested thing to watch, in English and Chinese. The texts
//! live in `examples/gallery.json` (tests/gallery.rs and the e2e tests read it too); every
//! example is a test: its output is CPython's (`examples/regen.sh` records it).

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Manifest {
    chapters: Vec<ChapterEntry>,
}

#[derive(Deserialize)]
struct ChapterEntry {
    id: String,
    en: String,
    zh: String,
    examples: Vec<ExampleEntry>,
}

#[derive(Deserialize)]
struct ExampleEntry {
    id: String,
    en: String,
    zh: String,
    about_en: String,
    about_zh: String,
    watch_en: String,
    watch_zh: String,
}

pub struct Chapter {
    pub id: String,
    pub en: String,
    pub zh: String,
    pub examples: Vec<Example>,
}

pub struct Example {
    pub id: String,
    pub en: String,
    pub zh: String,
    pub about_en: String,
    pub about_zh: String,
    pub watch_en: String,
    pub watch_zh: String,
    pub source: &'static str,
}

/// Each example's script, by id (tests/gallery.rs checks this list and gallery.json agree).
const SOURCES: &[(&str, &str)] = &[
    ("sync_vs_async", include_str!("examples/sync_vs_async.py")),
    (
        "blocking_socket",
        include_str!("examples/blocking_socket.py"),
    ),
    ("select_loop", include_str!("examples/select_loop.py")),
    ("callback_hell", include_str!("examples/callback_hell.py")),
    (
        "callback_crawler",
        include_str!("examples/callback_crawler.py"),
    ),
    ("generator_send", include_str!("examples/generator_send.py")),
    ("yield_from", include_str!("examples/yield_from.py")),
    ("mini_framework", include_str!("examples/mini_framework.py")),
    (
        "generator_crawler",
        include_str!("examples/generator_crawler.py"),
    ),
    (
        "greenlet_switch",
        include_str!("examples/greenlet_switch.py"),
    ),
    (
        "old_style_coroutine",
        include_str!("examples/old_style_coroutine.py"),
    ),
    ("hello", include_str!("examples/hello.py")),
    (
        "await_vs_create_task",
        include_str!("examples/await_vs_create_task.py"),
    ),
    ("loop_api", include_str!("examples/loop_api.py")),
    ("task_vs_future", include_str!("examples/task_vs_future.py")),
    ("gather", include_str!("examples/gather.py")),
    ("as_completed", include_str!("examples/as_completed.py")),
    ("wait", include_str!("examples/wait.py")),
    ("wait_for", include_str!("examples/wait_for.py")),
    ("timeout", include_str!("examples/timeout.py")),
    ("taskgroup", include_str!("examples/taskgroup.py")),
    ("cancel", include_str!("examples/cancel.py")),
    ("shield", include_str!("examples/shield.py")),
    ("lock", include_str!("examples/lock.py")),
    ("event", include_str!("examples/event.py")),
    ("condition", include_str!("examples/condition.py")),
    ("semaphore", include_str!("examples/semaphore.py")),
    ("queue", include_str!("examples/queue.py")),
    (
        "producer_consumer",
        include_str!("examples/producer_consumer.py"),
    ),
    ("async_iter", include_str!("examples/async_iter.py")),
    ("async_with", include_str!("examples/async_with.py")),
    ("streams", include_str!("examples/streams.py")),
    (
        "aiohttp_crawler",
        include_str!("examples/aiohttp_crawler.py"),
    ),
    ("c10k", include_str!("examples/c10k.py")),
    ("forgot_await", include_str!("examples/forgot_await.py")),
    ("blocking_call", include_str!("examples/blocking_call.py")),
    (
        "unretrieved_exception",
        include_str!("examples/unretrieved_exception.py"),
    ),
    ("lost_task", include_str!("examples/lost_task.py")),
    ("gil_threads", include_str!("examples/gil_threads.py")),
    ("executor", include_str!("examples/executor.py")),
    ("to_thread", include_str!("examples/to_thread.py")),
    ("threadsafe", include_str!("examples/threadsafe.py")),
];

/// The chapters in course order.
pub fn chapters() -> &'static [Chapter] {
    static CHAPTERS: OnceLock<Vec<Chapter>> = OnceLock::new();
    CHAPTERS.get_or_init(|| {
        // The manifest is part of the build: a mistake in it is a bug the tests catch.
        let m: Manifest =
            serde_json::from_str(include_str!("examples/gallery.json")).unwrap_or(Manifest {
                chapters: Vec::new(),
            });
        m.chapters
            .into_iter()
            .map(|c| Chapter {
                examples: c
                    .examples
                    .into_iter()
                    .filter_map(|e| {
                        let source = SOURCES.iter().find(|(id, _)| *id == e.id)?.1;
                        Some(Example {
                            id: e.id,
                            en: e.en,
                            zh: e.zh,
                            about_en: e.about_en,
                            about_zh: e.about_zh,
                            watch_en: e.watch_en,
                            watch_zh: e.watch_zh,
                            source,
                        })
                    })
                    .collect(),
                id: c.id,
                en: c.en,
                zh: c.zh,
            })
            .collect()
    })
}

/// Every example, in course order.
pub fn all() -> impl Iterator<Item = &'static Example> {
    chapters().iter().flat_map(|c| c.examples.iter())
}

/// The script the editor starts with.
pub fn default_script() -> &'static str {
    by_id("hello").map_or("", |e| e.source)
}

pub fn by_id(id: &str) -> Option<&'static Example> {
    all().find(|e| e.id == id)
}

/// The example whose script is exactly `source`, if any (the editor shows its notes).
pub fn by_source(source: &str) -> Option<&'static Example> {
    all().find(|e| e.source == source)
}

/// Ids of the examples in SOURCES (for the tests).
#[cfg(test)]
pub fn source_ids() -> impl Iterator<Item = &'static str> {
    SOURCES.iter().map(|(id, _)| *id)
}
