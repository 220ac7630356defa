//! The trace a viewer replays: a list of events in the order they happened, plus snapshots
//! of the loop's state taken at the start of loop iterations. Everything is keyed by
//! deterministic ids (the VM's object counters), never by addresses or hash order, so the
//! same script gives a byte-identical trace on every run and on every platform.

use serde::{Deserialize, Serialize};

/// Bumped when the format changes incompatibly. 2: strings live in `Trace::strings` and
/// events hold their indexes; task states, outcomes and streams are enums; new events for
/// the ready queue, await chains and primitives' states.
pub const TRACE_VERSION: u32 = 2;

/// An index into `Trace::strings`.
pub type Str = u32;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Trace {
    pub version: u32,
    /// The script's file name.
    pub script: String,
    /// Every string the events mention, each once (events hold indexes into this table: a
    /// run of a million lines repeats the same few function and file names).
    #[serde(default)]
    pub strings: Vec<String>,
    pub events: Vec<Event>,
    /// Lists of ids events refer to (`Primitive::waiters`); index 0 is the empty list.
    #[serde(default)]
    pub lists: Vec<Vec<u64>>,
    /// The loop's state at the start of iterations, while the run is small (a check on the
    /// events; the replay rebuilds every state from the events alone).
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    /// The process exit code.
    pub exit_code: i32,
    /// The recorder stopped keeping events past its limit (output is still all there).
    #[serde(default)]
    pub truncated: bool,
    /// How many callbacks the per-callback instruction budget stopped (known even when the
    /// events that show it were past the recorder's limit).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub budget_stops: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Trace {
    /// Writes the trace as JSON as it goes: a big run's JSON text is larger than its events,
    /// so building it in a String first would more than double the peak memory.
    pub fn write_json<W: std::io::Write>(&self, w: W) -> std::io::Result<()> {
        serde_json::to_writer(w, self).map_err(std::io::Error::other)
    }

    /// The list with that index (empty for an index out of range).
    pub fn list(&self, id: u32) -> &[u64] {
        self.lists
            .get(id as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The string with that index ("" for an index out of range: traces are untrusted).
    pub fn str(&self, id: Str) -> &str {
        self.strings
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// What a task is doing.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TaskStateKind {
    Running,
    /// Suspended on a future (`awaiting`).
    Waiting,
    /// A step of it is in (or about to join) the ready queue.
    Ready,
    Done,
    Failed,
    Cancelled,
}

/// What a thread of the thread model is doing (`src/runtime/threads.rs`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ThreadStateKind {
    /// Created; waits for the GIL to run for the first time.
    Started,
    /// Holds the GIL and runs Python.
    Running,
    /// Could run (woke, or was switched out) and waits for the GIL.
    Ready,
    /// Waits in a blocking call (sleep, lock, join, the loop's select): no GIL.
    Blocked,
    Done,
}

/// How a future finished.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Result,
    Exception,
    Cancelled,
}

/// One thing that happened. `t` is the loop's virtual time when it happened. Ids are the
/// VM's object ids (deterministic); `Str` fields index `Trace::strings`.
///
/// Serialised with the tag inside the object (`{"event": "line", "t": 0.0, ...}`). Reading
/// goes through [`WireEvent`], the same variants externally tagged, fed the object's fields
/// after the tag: serde's derive for internally tagged enums first buffers every object in a
/// generic tree, which made loading a trace four times slower than parsing its JSON.
macro_rules! event_enum {
    ($(
        $(#[$vm:meta])*
        $variant:ident { $( $(#[$fm:meta])* $field:ident : $ty:ty ),* $(,)? }
    ),* $(,)?) => {
        #[derive(Serialize, Clone, Debug, PartialEq)]
        #[serde(tag = "event", rename_all = "snake_case")]
        pub enum Event {
            $( $(#[$vm])* $variant { $( $(#[$fm])* $field: $ty ),* } ),*
        }

        /// How many kinds of event there are.
        #[cfg(test)]
        const EVENT_KINDS: usize = [$(stringify!($variant)),*].len();

        /// [`Event`] as serde's derive reads an externally tagged enum.
        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum WireEvent {
            $( $variant { $( $(#[$fm])* $field: $ty ),* } ),*
        }

        impl From<WireEvent> for Event {
            fn from(w: WireEvent) -> Event {
                match w {
                    $( WireEvent::$variant { $( $field ),* } => Event::$variant { $( $field ),* } ),*
                }
            }
        }

        impl Event {
            /// Appends the event in the binary form of [`encode_events`]: its variant's
            /// index, then its fields in order.
            fn put(&self, out: &mut Vec<u8>) {
                let mut tag = 0u8;
                $(
                    if let Event::$variant { $( $field ),* } = self {
                        out.push(tag);
                        $( Bin::put($field, out); )*
                        return;
                    }
                    tag += 1;
                )*
                let _ = tag;
            }

            /// Reads one event written by [`Event::put`]; `None` for bytes that are not one.
            fn get(r: &mut &[u8]) -> Option<Event> {
                let tag = u8::get(r)?;
                let mut i = 0u8;
                $(
                    if tag == i {
                        return Some(Event::$variant { $( $field: <$ty as Bin>::get(r)? ),* });
                    }
                    i += 1;
                )*
                let _ = i;
                None
            }
        }
    };
}

/// The binary form of events the web app's worker hands the page (`encode_events`): a
/// tenth of the time JSON takes to write and read, and a third of its size. Integers are
/// LEB128 varints (ids and string indexes are mostly small), floats their 8 bytes.
trait Bin: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn get(r: &mut &[u8]) -> Option<Self>;
}

fn put_varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(r: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = r.split_first()?;
        *r = rest;
        v |= u64::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

impl Bin for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn get(r: &mut &[u8]) -> Option<u8> {
        let (&b, rest) = r.split_first()?;
        *r = rest;
        Some(b)
    }
}

impl Bin for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn get(r: &mut &[u8]) -> Option<bool> {
        match u8::get(r)? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Bin for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(*self, out);
    }
    fn get(r: &mut &[u8]) -> Option<u64> {
        get_varint(r)
    }
}

impl Bin for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(u64::from(*self), out);
    }
    fn get(r: &mut &[u8]) -> Option<u32> {
        u32::try_from(get_varint(r)?).ok()
    }
}

impl Bin for i32 {
    fn put(&self, out: &mut Vec<u8>) {
        // Zigzag: -1 (no fd) stays one byte.
        put_varint(u64::from(((*self << 1) ^ (*self >> 31)) as u32), out);
    }
    fn get(r: &mut &[u8]) -> Option<i32> {
        let z = u32::try_from(get_varint(r)?).ok()?;
        Some(((z >> 1) as i32) ^ -((z & 1) as i32))
    }
}

impl Bin for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn get(r: &mut &[u8]) -> Option<f64> {
        let (b, rest) = r.split_first_chunk::<8>()?;
        *r = rest;
        Some(f64::from_le_bytes(*b))
    }
}

/// The enums of events as one byte: their variants' indexes.
macro_rules! bin_enum {
    ($ty:ident { $($v:ident),* $(,)? }) => {
        impl Bin for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                out.push(*self as u8);
            }
            fn get(r: &mut &[u8]) -> Option<$ty> {
                let b = u8::get(r)?;
                [$($ty::$v),*].into_iter().find(|v| *v as u8 == b)
            }
        }
    };
}

bin_enum!(TaskStateKind {
    Running,
    Waiting,
    Ready,
    Done,
    Failed,
    Cancelled
});
bin_enum!(ThreadStateKind {
    Started,
    Running,
    Ready,
    Blocked,
    Done
});
bin_enum!(Outcome {
    Result,
    Exception,
    Cancelled
});

/// Events in a compact binary form (see [`Bin`]), for a transfer between two copies of this
/// same program (the web app's worker and its page), never a file format: it has no version
/// and changes with [`Event`].
pub fn encode_events(events: &[Event]) -> Vec<u8> {
    let mut out = Vec::with_capacity(events.len() * 16);
    for e in events {
        e.put(&mut out);
    }
    out
}

/// Reads what [`encode_events`] wrote; an error (never a panic) for anything else.
pub fn decode_events(mut bytes: &[u8]) -> Result<Vec<Event>, String> {
    let mut events = Vec::with_capacity(bytes.len() / 16);
    while !bytes.is_empty() {
        let at = events.len();
        let e = Event::get(&mut bytes).ok_or_else(|| format!("event {at} is not readable"))?;
        events.push(e);
    }
    Ok(events)
}

event_enum! {
    /// A frame started executing a new line of the script (asyncio's own frames and other
    /// `<...>` sources are left out).
    Line {
        t: f64,
        frame: u64,
        func: Str,
        file: Str,
        line: u32,
    },
    /// `_run_once` began: how many handles are ready and how long it will wait.
    IterationBegin {
        t: f64,
        n: u64,
        ready: u32,
        /// NaN: none (it would wait for IO forever); JSON `null`.
        #[serde(with = "nan_is_null")]
        timeout: f64,
    },
    IterationEnd {
        t: f64,
        n: u64,
    },
    /// A handle joined the back of `_ready` (call_soon, a task's wakeup, ...); timers that
    /// fire are `TimerFired` instead.
    Queued {
        t: f64,
        handle: u64,
        desc: Str,
    },
    /// A handle popped from `_ready` is about to run (`desc` as in `run --handles`).
    /// Handles popped before it that never ran were cancelled.
    Callback {
        t: f64,
        handle: u64,
        desc: Str,
    },
    TimerScheduled {
        t: f64,
        handle: u64,
        when: f64,
        desc: Str,
    },
    /// A due timer moved from `_scheduled` to `_ready`.
    TimerFired {
        t: f64,
        handle: u64,
    },
    TimerCancelled {
        t: f64,
        handle: u64,
    },
    FutureCreated {
        t: f64,
        future: u64,
    },
    /// `repr` describes the outcome (the result's repr, the exception's repr, or the
    /// cancel message).
    FutureDone {
        t: f64,
        future: u64,
        outcome: Outcome,
        repr: Str,
    },
    TaskCreated {
        t: f64,
        task: u64,
        name: Str,
        coro: Str,
    },
    /// For `Waiting`: `awaiting` is the future (or task) it waits on (0: none; JSON
    /// `null`), and `chain` the await chain outermost first, one entry per line
    /// ("main()\nfetch()\nsleep(1.0)"). Where it is paused is the last `Line` it ran.
    TaskState {
        t: f64,
        task: u64,
        state: TaskStateKind,
        #[serde(with = "zero_is_null")]
        awaiting: u64,
        chain: Str,
    },
    /// A future was queued in a Lock/Event/Condition/Semaphore/Queue's waiters.
    WaiterAdded {
        t: f64,
        primitive: u64,
        kind: Str,
        future: u64,
    },
    /// A primitive woke one of its waiters (set its future's result).
    WaiterWoken {
        t: f64,
        future: u64,
    },
    /// A Lock/Event/Condition/Semaphore/Barrier/Queue was created or changed: its state in
    /// words ("locked by Task-2", "set", "value 1", "maxsize=2 _queue=[1]") and the futures
    /// in its waiter queue(s), front first.
    Primitive {
        t: f64,
        primitive: u64,
        kind: Str,
        state: Str,
        /// Index in `Trace::lists`.
        waiters: u32,
    },
    /// A thread changed state (`thread`: its ident; the main thread is 1).
    Thread {
        t: f64,
        thread: u64,
        name: Str,
        state: ThreadStateKind,
    },
    /// A socket of the simulated network changed: its selector registration (`events`: 1
    /// READ, 2 WRITE, 0 none) and what waits on it (`target`: the callback, or the task
    /// waiting through it), the bytes on their way to it, and its state in words (`socket`,
    /// "closed" when it is gone).
    Io {
        t: f64,
        fd: i32,
        events: u8,
        in_flight: u32,
        socket: Str,
        target: Str,
    },
    /// Text written to stdout or stderr.
    Output {
        t: f64,
        stderr: bool,
        text: Str,
    },
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Event, D::Error> {
        d.deserialize_map(EventVisitor).map(Event::from)
    }
}

/// Reads `{"event": tag, ...fields}`: the tag must come first (loopscope writes it first),
/// then the rest of the object is handed to [`WireEvent`] as the body of variant `tag`.
struct EventVisitor;

impl<'de> serde::de::Visitor<'de> for EventVisitor {
    type Value = WireEvent;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an event object whose first field is \"event\"")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<WireEvent, A::Error> {
        use serde::de::Error;
        match map.next_key::<TagKey>()? {
            Some(TagKey) => {}
            None => return Err(A::Error::missing_field("event")),
        }
        // The tag's value is read by the variant's own identifier (in `variant_seed`): no
        // string is kept, and an unknown name gets serde's own "unknown variant" error.
        WireEvent::deserialize(VariantBody(map))
    }
}

/// The key `event`, and nothing else.
struct TagKey;

impl<'de> Deserialize<'de> for TagKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<TagKey, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = TagKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the field \"event\" first")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<TagKey, E> {
                if v == "event" {
                    Ok(TagKey)
                } else {
                    Err(E::custom(format!(
                        "an event's first field must be \"event\", not {v:?}"
                    )))
                }
            }
        }
        d.deserialize_str(V)
    }
}

/// A deserializer for one enum value: the map's pending value is the variant's name, the
/// rest of the map its fields.
struct VariantBody<A>(A);

impl<'de, A: serde::de::MapAccess<'de>> serde::Deserializer<'de> for VariantBody<A> {
    type Error = A::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    fn deserialize_enum<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

impl<'de, A: serde::de::MapAccess<'de>> serde::de::EnumAccess<'de> for VariantBody<A> {
    type Error = A::Error;
    type Variant = FieldsOf<A>;

    fn variant_seed<S: serde::de::DeserializeSeed<'de>>(
        mut self,
        seed: S,
    ) -> Result<(S::Value, FieldsOf<A>), A::Error> {
        let v = self.0.next_value_seed(seed)?;
        Ok((v, FieldsOf(self.0)))
    }
}

/// The fields after the tag, read as a struct variant's body.
struct FieldsOf<A>(A);

impl<'de, A: serde::de::MapAccess<'de>> serde::de::VariantAccess<'de> for FieldsOf<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        Err(serde::de::Error::custom("events have fields"))
    }
    fn newtype_variant_seed<S: serde::de::DeserializeSeed<'de>>(
        self,
        _seed: S,
    ) -> Result<S::Value, A::Error> {
        Err(serde::de::Error::custom("events have named fields"))
    }
    fn tuple_variant<V: serde::de::Visitor<'de>>(
        self,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value, A::Error> {
        Err(serde::de::Error::custom("events have named fields"))
    }
    fn struct_variant<V: serde::de::Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(self.0)
    }
}

impl Event {
    pub fn time(&self) -> f64 {
        match self {
            Event::Line { t, .. }
            | Event::IterationBegin { t, .. }
            | Event::IterationEnd { t, .. }
            | Event::Queued { t, .. }
            | Event::Callback { t, .. }
            | Event::TimerScheduled { t, .. }
            | Event::TimerFired { t, .. }
            | Event::TimerCancelled { t, .. }
            | Event::FutureCreated { t, .. }
            | Event::FutureDone { t, .. }
            | Event::TaskCreated { t, .. }
            | Event::TaskState { t, .. }
            | Event::WaiterAdded { t, .. }
            | Event::WaiterWoken { t, .. }
            | Event::Primitive { t, .. }
            | Event::Thread { t, .. }
            | Event::Io { t, .. }
            | Event::Output { t, .. } => *t,
        }
    }
}

// Every event fits in 32 bytes (a million of them: 32 MB): no Options of 8-byte values,
// no Vecs; "none" is a sentinel that JSON shows as null.
const _: () = assert!(std::mem::size_of::<Event>() <= 32);

mod nan_is_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_nan() {
            s.serialize_none()
        } else {
            s.serialize_some(v)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
    }
}

mod zero_is_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
        if *v == 0 {
            s.serialize_none()
        } else {
            s.serialize_some(v)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        Ok(Option::<u64>::deserialize(d)?.unwrap_or(0))
    }
}

/// The loop's state at the start of an iteration.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Snapshot {
    pub t: f64,
    /// Index in `Trace::events` of the first event after this snapshot.
    pub event_index: usize,
    pub iteration: u64,
    /// `_ready`, front first.
    pub ready: Vec<HandleInfo>,
    /// `_scheduled`, in heap order (index 0 is the next timer).
    pub timers: Vec<TimerInfo>,
    /// Tasks not finished, in creation order.
    pub tasks: Vec<TaskInfo>,
    /// Locks, events, conditions, semaphores, barriers and queues, in creation order.
    pub primitives: Vec<PrimitiveInfo>,
    /// Number of output events so far (the console is the concatenation of their texts).
    pub console_events: usize,
    /// Sockets of the simulated network, by fd.
    #[serde(default)]
    pub io: Vec<IoInfo>,
}

/// A socket in a snapshot (see `Event::Io`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct IoInfo {
    pub fd: i64,
    pub events: u8,
    pub in_flight: u64,
    pub socket: String,
    pub target: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct HandleInfo {
    pub handle: u64,
    pub desc: String,
    pub cancelled: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct TimerInfo {
    pub handle: u64,
    pub when: f64,
    pub desc: String,
    pub cancelled: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct PrimitiveInfo {
    pub primitive: u64,
    /// "Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore", "Barrier", "Queue", ...
    pub kind: String,
    /// As in the primitive's repr: "locked", "unset", "unlocked, value:2", "maxsize=4 _queue=[1]".
    pub state: String,
    /// Futures in its waiter queue(s), front first.
    pub waiters: Vec<u64>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct TaskInfo {
    pub task: u64,
    pub name: String,
    pub state: String,
    /// Outermost first: each coroutine in the await chain with where it is suspended
    /// ("main() running at x.py:12"), ending with the future it waits on, if any.
    pub await_chain: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_name_reads_back_as_written() {
        // One event of every variant, as a real run writes them.
        let src = "import asyncio\nimport threading\nimport time\n\nasync def w(l, e, q):\n    async with l:\n        await asyncio.sleep(0.1)\n    e.set()\n    await q.put(1)\n\nasync def main():\n    l, e, q = asyncio.Lock(), asyncio.Event(), asyncio.Queue()\n    t = asyncio.create_task(w(l, e, q))\n    async with l:\n        await asyncio.sleep(0)\n    h = asyncio.get_running_loop().call_later(5, print)\n    h.cancel()\n    await e.wait()\n    print(await q.get())\n    await asyncio.to_thread(time.sleep, 0.01)\n    r, wr = await asyncio.open_connection('example.com', 80)\n    wr.close()\n\nasyncio.run(main())\n";
        let replay = crate::trace::replay::run(src, crate::trace::replay::RunLimits::default())
            .expect("compiles");
        let json = serde_json::to_string(replay.trace()).expect("serialises");
        let back: Trace = serde_json::from_str(&json).expect("reads back");
        // Compared as text: NaN timeouts are never equal to themselves.
        let again = serde_json::to_string(&back).expect("serialises");
        if again != json {
            let at = again
                .bytes()
                .zip(json.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            let lo = at.saturating_sub(150);
            panic!(
                "differs at {at}:\n{}\n{}",
                &again[lo..(at + 150).min(again.len())],
                &json[lo..(at + 150).min(json.len())]
            );
        }
        let mut seen: Vec<String> = back
            .events
            .iter()
            .map(
                |e| match serde_json::to_value(e).expect("value")["event"].clone() {
                    serde_json::Value::String(s) => s,
                    other => panic!("tag {other:?}"),
                },
            )
            .collect();
        seen.sort();
        seen.dedup();
        assert_eq!(
            seen.len(),
            EVENT_KINDS,
            "a kind of event this run does not write: it writes {seen:?}"
        );
    }

    #[test]
    fn events_read_back_from_their_binary_form() {
        let src = "import asyncio\nimport threading\nimport time\n\nasync def w(l, e, q):\n    async with l:\n        await asyncio.sleep(0.1)\n    e.set()\n    await q.put(1)\n\nasync def main():\n    l, e, q = asyncio.Lock(), asyncio.Event(), asyncio.Queue()\n    t = asyncio.create_task(w(l, e, q))\n    async with l:\n        await asyncio.sleep(0)\n    h = asyncio.get_running_loop().call_later(5, print)\n    h.cancel()\n    await e.wait()\n    print(await q.get())\n    await asyncio.to_thread(time.sleep, 0.01)\n    r, wr = await asyncio.open_connection('example.com', 80)\n    wr.close()\n\nasyncio.run(main())\n";
        let replay = crate::trace::replay::run(src, crate::trace::replay::RunLimits::default())
            .expect("compiles");
        let mut events = replay.trace().events.clone();
        // The extremes of every field type.
        events.push(Event::Io {
            t: f64::MAX,
            fd: i32::MIN,
            events: 255,
            in_flight: u32::MAX,
            socket: 0,
            target: u32::MAX,
        });
        events.push(Event::Io {
            t: -0.0,
            fd: i32::MAX,
            events: 0,
            in_flight: 0,
            socket: 1,
            target: 2,
        });
        events.push(Event::FutureCreated {
            t: f64::INFINITY,
            future: u64::MAX,
        });
        let bytes = encode_events(&events);
        let back = decode_events(&bytes).expect("reads back");
        // Compared as JSON: NaN timeouts are never equal to themselves.
        assert_eq!(
            serde_json::to_string(&back).expect("json"),
            serde_json::to_string(&events).expect("json")
        );
        assert!(bytes.len() < serde_json::to_string(&events).expect("json").len() / 3);
        // Cut anywhere inside the last event, or with garbage: an error, never a panic.
        for cut in 1..12 {
            assert!(
                decode_events(&bytes[..bytes.len() - cut]).is_err(),
                "cut {cut}"
            );
        }
        assert!(decode_events(&[200]).is_err());
        assert!(decode_events(&[
            0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01
        ])
        .is_err());
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2000 {
            let n = (x % 40) as usize;
            let junk: Vec<u8> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x as u8
                })
                .collect();
            let _ = decode_events(&junk);
        }
    }

    #[test]
    fn an_event_must_start_with_its_tag() {
        let ok: Event = serde_json::from_str(r#"{"event":"timer_fired","t":1.5,"handle":3}"#)
            .expect("tag first");
        assert_eq!(ok, Event::TimerFired { t: 1.5, handle: 3 });
        let late = serde_json::from_str::<Event>(r#"{"t":1.5,"event":"timer_fired","handle":3}"#)
            .unwrap_err()
            .to_string();
        assert!(late.contains("first field must be \"event\""), "{late}");
        let unknown = serde_json::from_str::<Event>(r#"{"event":"explode","t":0}"#)
            .unwrap_err()
            .to_string();
        assert!(unknown.contains("unknown variant `explode`"), "{unknown}");
        let missing = serde_json::from_str::<Event>(r#"{"event":"timer_fired","t":1}"#)
            .unwrap_err()
            .to_string();
        assert!(missing.contains("missing field `handle`"), "{missing}");
    }
}
