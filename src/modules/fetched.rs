//! Python modules the browser's engine does not carry: their source is fetched when a script
//! imports them (README, "Size"). Which ones is `fetched_files::FETCHED`; what `import asyncio`
//! runs at start-up stays embedded.
//!
//! The core fetches nothing itself: the embedding gives it a [`ModuleSource`] (the engine's
//! asks its worker, src/bin/engine). Natively nothing is set and every module is embedded, so
//! the CLI and the tests run exactly what they always did. A fetched text must hash to what
//! the build compiled (`build.rs` names and hashes each served file), so a run in the browser
//! compiles the very bytes the native build embeds and their traces stay identical.

pub use super::fetched_files::{content_hash, FETCHED};
use crate::vm::{ExcKind, PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

/// A module's served file: its name (`datetime.<hash>.py`), its hash and, natively, its text.
/// Made by `fetched_py!`.
pub struct Fetched {
    pub file: &'static str,
    pub hash: u64,
    #[cfg(not(target_arch = "wasm32"))]
    pub text: &'static str,
}

/// Gives a served file's text by its name, or says why it cannot (shown in the ImportError).
/// Called synchronously, in the middle of an `import` statement.
pub type ModuleSource = fn(file: &str) -> Result<String, String>;

thread_local! {
    static SOURCE: Cell<Option<ModuleSource>> = const { Cell::new(None) };
    /// Fetched once per file for the thread's life: every run after the first imports it
    /// without asking again. Failures are not kept, so a module can come back online.
    static CACHE: RefCell<HashMap<&'static str, Rc<str>>> = RefCell::new(HashMap::new());
}

/// Where this thread's VMs get fetched modules from (`None`: embedded, where they are).
pub fn set_module_source(source: Option<ModuleSource>) {
    SOURCE.with(|s| s.set(source));
    CACHE.with(|c| c.borrow_mut().clear());
}

/// The served name of every fetched module (what a worker may fetch ahead of an import).
pub fn served_files() -> &'static [&'static str] {
    include!(concat!(env!("OUT_DIR"), "/fetched_names.rs"))
}

/// A module's source text, embedded or fetched.
pub enum Text {
    Embedded(&'static str),
    Fetched(Rc<str>),
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::Embedded(s) => s,
            Text::Fetched(s) => s,
        }
    }
}

impl Fetched {
    /// The text of the module `module` (its name for the ImportError when it cannot be had).
    pub fn text(&self, vm: &mut Vm, module: &str) -> PyResult<Text> {
        let Some(source) = SOURCE.with(Cell::get) else {
            #[cfg(not(target_arch = "wasm32"))]
            return Ok(Text::Embedded(self.text));
            #[cfg(target_arch = "wasm32")]
            return Err(cannot(
                vm,
                module,
                "this build fetches its source on import, and has no way to fetch it here",
            ));
        };
        if let Some(t) = CACHE.with(|c| c.borrow().get(self.file).cloned()) {
            return Ok(Text::Fetched(t));
        }
        let text = source(self.file).map_err(|why| cannot(vm, module, &why))?;
        if content_hash(&text) != self.hash {
            let why = format!(
                "{} is not the file this engine was built with (a stale or altered copy on the server)",
                self.file
            );
            return Err(cannot(vm, module, &why));
        }
        let text: Rc<str> = Rc::from(text);
        CACHE.with(|c| c.borrow_mut().insert(self.file, text.clone()));
        Ok(Text::Fetched(text))
    }
}

fn cannot(vm: &mut Vm, module: &str, why: &str) -> crate::vm::Exc {
    vm.new_error(
        ExcKind::ImportError,
        format!("cannot load module '{module}': {why}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{run_script, RunOptions};
    use crate::trace::replay::{run_trace, RunLimits};
    use crate::vm::api::CaptureSink;

    thread_local! {
        static ASKED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
        static FAILS_LEFT: Cell<u32> = const { Cell::new(0) };
    }

    /// What a server with this build's files answers: the module blanked as build.rs blanks
    /// it, read again from the source tree. Notes every request.
    fn server(file: &str) -> Result<String, String> {
        ASKED.with(|a| a.borrow_mut().push(file.to_string()));
        if FAILS_LEFT.with(|f| f.replace(f.get().saturating_sub(1))) > 0 {
            return Err(format!(
                "fetching py/{file} failed: HTTP 503 Service Unavailable"
            ));
        }
        for path in FETCHED {
            let source = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
                .map_err(|e| e.to_string())?;
            let text = crate::lang::comment_lines::blank_comment_lines(&source);
            if super::super::fetched_files::served_name(path, &text) == file {
                return Ok(text);
            }
        }
        Err(format!("fetching py/{file} failed: HTTP 404 Not Found"))
    }

    fn offline(file: &str) -> Result<String, String> {
        ASKED.with(|a| a.borrow_mut().push(file.to_string()));
        Err(format!("fetching py/{file} failed: network error"))
    }

    fn stale(_file: &str) -> Result<String, String> {
        Ok("x = 1\n".into())
    }

    fn asked() -> Vec<String> {
        ASKED.with(|a| std::mem::take(&mut *a.borrow_mut()))
    }

    /// (stdout, stderr, exit code) of a run with `source` giving the fetched modules.
    fn run(text: &str, source: Option<ModuleSource>) -> (String, String, i32) {
        set_module_source(source);
        let sink = CaptureSink::default();
        let mut vm = Vm::new();
        vm.out = Box::new(sink.clone());
        let code = run_script(&mut vm, "t.py", text, &[], &RunOptions::default());
        set_module_source(None);
        let out = sink.out.borrow().clone();
        let err = sink.err.borrow().clone();
        (out, err, code)
    }

    /// Imports every fetched module (each of `FETCHED` is loaded by one of these lines).
    const EVERY_MODULE: &str = "\
import asyncio, datetime, re, dataclasses, threading, queue, textwrap, traceback, enum
import typing, abc, inspect, string, contextlib, contextvars, time, collections.abc
import concurrent.futures, selectors, select, socket, aiohttp, aiofiles, aioredis, aiomysql
import loopscope.net
import logging, pprint, base64, uuid
import statistics, urllib.parse, html, reprlib, keyword, graphlib, shlex, fnmatch, signal, timeit

print(datetime.date(2024, 2, 29) + datetime.timedelta(days=1))
print(re.findall(r'(?i)s\\w+', 'Some strings STAY'))
print(socket.getaddrinfo('localhost', 80)[0][4])
print(base64.b64encode(b'ok'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
print(statistics.median([3, 1, 2]), statistics.mean([1, 2]), html.escape('<a>'))
print(urllib.parse.urljoin('http://a/b/c', 'd'), shlex.split('a \"b c\"'), keyword.iskeyword('async'))
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).close()

async def main():
    print(await asyncio.to_thread(sum, [1, 2, 3]))
    try:
        await asyncio.open_connection('nowhere.invalid', 80)
    except OSError as e:
        print(type(e).__name__)

asyncio.run(main())
";

    #[test]
    fn fetched_modules_run_and_trace_exactly_as_embedded_ones() {
        let embedded = run(EVERY_MODULE, None);
        assert!(asked().is_empty());
        assert_eq!(embedded.1, "");
        assert!(embedded.0.contains("2024-03-01\n"), "{}", embedded.0);
        let fetched = run(EVERY_MODULE, Some(server));
        assert_eq!(fetched, embedded);
        let mut files = asked();
        files.sort();
        assert_eq!(files, served_files(), "each file asked for once");

        let limits = RunLimits::default();
        let plain = run_trace(EVERY_MODULE, limits, None).ok();
        set_module_source(Some(server));
        let traced = run_trace(EVERY_MODULE, limits, None).ok();
        // A second run in the same thread takes every file from the cache.
        let again = run_trace(EVERY_MODULE, limits, None).ok();
        set_module_source(None);
        assert_eq!(asked().len(), served_files().len());
        assert!(plain.is_some());
        // Debug text, as a trace holds NaNs (an iteration without a timeout) that `==` refuses.
        let (plain, traced, again) = (
            format!("{plain:?}"),
            format!("{traced:?}"),
            format!("{again:?}"),
        );
        assert!(plain.contains("2024-03-01"));
        assert!(traced == plain && again == plain, "the same trace");
    }

    #[test]
    fn a_plain_asyncio_script_fetches_nothing() {
        let hello = include_str!("../bin/web/examples/hello.py");
        let script = "\
import asyncio, collections, functools, heapq, itertools, random, math, sys

async def worker(q, lock, results):
    while True:
        n = await q.get()
        async with lock:
            results.append(n * n)
        q.task_done()

async def main():
    q, lock, results = asyncio.Queue(), asyncio.Lock(), []
    workers = [asyncio.create_task(worker(q, lock, results)) for _ in range(3)]
    for n in range(10):
        q.put_nowait(n)
    await q.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    async with asyncio.timeout(1):
        await asyncio.wait_for(asyncio.sleep(0.1), 1)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncio.sleep(0.1))
    ev = asyncio.Event()
    asyncio.get_running_loop().call_later(0.1, ev.set)
    await ev.wait()
    print(sum(results), collections.Counter('aab'), functools.reduce(max, [1, 3, 2]))

asyncio.run(main())
";
        for text in [hello, script] {
            let (out, err, code) = run(text, Some(server));
            assert_eq!((err.as_str(), code), ("", 0), "{out}");
            assert!(!out.is_empty());
            assert_eq!(asked(), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_failed_fetch_is_an_import_error_naming_the_module_and_why() {
        let script = "\
try:
    import datetime
except ImportError as e:
    print(type(e).__name__, e)
import asyncio

async def main():
    print('asyncio still runs')

asyncio.run(main())
import re
";
        let (out, err, code) = run(script, Some(offline));
        let datetime = asked().into_iter().next().unwrap_or_default();
        assert!(datetime.starts_with("datetime.") && datetime.ends_with(".py"));
        assert_eq!(
            out,
            format!(
                "ImportError cannot load module 'datetime': fetching py/{datetime} failed: network error\n\
                 asyncio still runs\n"
            )
        );
        assert!(
            err.ends_with("failed: network error\n")
                && err.contains("\nImportError: cannot load module 're': fetching py/re."),
            "{err}"
        );
        assert_eq!(code, 1);
    }

    #[test]
    fn a_file_that_is_not_the_built_one_is_refused() {
        let (out, err, code) = run("import textwrap\n", Some(stale));
        assert_eq!((out.as_str(), code), ("", 1));
        assert!(
            err.contains("ImportError: cannot load module 'textwrap': textwrap.")
                && err.ends_with(
                    " is not the file this engine was built with (a stale or altered copy on the server)\n"
                ),
            "{err}"
        );
    }

    #[test]
    fn a_failure_is_not_kept_and_the_next_import_fetches_again() {
        FAILS_LEFT.with(|f| f.set(1));
        let script = "\
try:
    import textwrap
except ImportError as e:
    print(e)
import textwrap
print(textwrap.shorten('a few words here', 10))
";
        let (out, err, code) = run(script, Some(server));
        let textwrap: Vec<String> = asked()
            .into_iter()
            .filter(|f| f.starts_with("textwrap."))
            .collect();
        assert_eq!(textwrap.len(), 2);
        assert_eq!((err.as_str(), code), ("", 0));
        assert!(
            out.ends_with("HTTP 503 Service Unavailable\na [...]\n"),
            "{out}"
        );
    }
}
