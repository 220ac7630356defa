//! Which embedded Python modules the browser's engine fetches when a script imports them,
//! instead of carrying them in its wasm module (README, "Size"), and the hash that names and
//! checks each served file.
//!
//! This file is shared with `build.rs` (through `#[path]`), so it uses nothing but `std`.

/// The modules a script loads only by importing them (or a module that needs them): everything
/// but what `import asyncio` runs at start-up (`asyncio.py`, `types.py`, and `functools` and
/// `collections` with their `singledispatch.py` and `chainmap.py`), which stays embedded
/// everywhere. Natively every one is embedded too; net_os.py is native only.
pub const FETCHED: &[&str] = &[
    "src/modules/abc.py",
    "src/modules/atexit.py",
    "src/modules/base64.py",
    "src/modules/collections_abc.py",
    "src/modules/concurrent_futures.py",
    "src/modules/contextlib.py",
    "src/modules/contextvars.py",
    "src/modules/dataclasses.py",
    "src/modules/datetime.py",
    "src/modules/decimal.py",
    "src/modules/enum.py",
    "src/modules/fnmatch.py",
    "src/modules/fractions.py",
    "src/modules/graphlib.py",
    "src/modules/html.py",
    "src/modules/html_entities.py",
    "src/modules/inspect.py",
    "src/modules/io.py",
    "src/modules/ipaddress.py",
    "src/modules/keyword.py",
    "src/modules/logging.py",
    "src/modules/logging_threading.py",
    "src/modules/numbers.py",
    "src/modules/os.py",
    "src/modules/platform.py",
    "src/modules/posixpath.py",
    "src/modules/pprint.py",
    "src/modules/pydecimal.py",
    "src/modules/queue.py",
    "src/modules/re.py",
    "src/modules/re_casefix.py",
    "src/modules/re_compiler.py",
    "src/modules/re_constants.py",
    "src/modules/re_parser.py",
    "src/modules/reprlib.py",
    "src/modules/shlex.py",
    "src/modules/signal.py",
    "src/modules/statistics.py",
    "src/modules/string.py",
    "src/modules/string_c.py",
    "src/modules/textwrap.py",
    "src/modules/threading.py",
    "src/modules/time.py",
    "src/modules/timeit.py",
    "src/modules/traceback.py",
    "src/modules/typing.py",
    "src/modules/urllib_parse.py",
    "src/modules/uuid.py",
    "src/modules/warnings.py",
    "src/modules/weakref.py",
    "src/runtime/asyncio_net.py",
    "src/runtime/asyncio_threads.py",
    "src/net/aiofiles.py",
    "src/net/aiohttp.py",
    "src/net/aiomysql.py",
    "src/net/aioredis.py",
    "src/net/getaddrinfo.py",
    "src/net/net.py",
    "src/net/select.py",
    "src/net/selectors.py",
    "src/net/socket.py",
    "src/net/udp.py",
];

/// FNV-1a (64 bits) of a module's text as it is compiled (comment lines blanked). A served
/// file is named by it, so a cache never mixes versions, and the engine checks it, so what it
/// compiles is byte for byte what the native build embeds (a server that answers a missing
/// file with its index page, or a stale copy, is caught).
pub fn content_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The name a module's file is served under: `datetime.py` becomes `datetime.<hash>.py`.
pub fn served_name(path: &str, text: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.strip_suffix(".py").unwrap_or(file);
    format!("{stem}.{:016x}.py", content_hash(text))
}
