//! One core for generators, coroutines and async generators (RustPython's `Coro`, boa's
//! states). The suspended frame lives inside the object; resuming moves it onto the VM's frame
//! stack, so `send`/`throw`/`close` never recurse on the Rust stack.

use super::frame::Frame;
use super::object::PyCode;
use super::value::Value;
use super::{Exc, WarnQueue};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Created, not started (`SuspendedStart`).
    Created,
    /// Paused at a yield.
    Suspended,
    Running,
    Completed,
}

pub struct PyGen {
    pub kind: GenKind,
    pub state: Cell<GenState>,
    pub frame: RefCell<Option<Box<Frame>>>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub code: Rc<PyCode>,
    /// A generator decorated with `types.coroutine` (may be awaited).
    pub iterable_coroutine: Cell<bool>,
    /// Async generators: an `asend`/`athrow` awaitable is iterating it (CPython's
    /// `ag_running_async`), so another one must not resume it.
    pub ag_running: Cell<bool>,
    /// Async generators: `aclose()` began or the generator ended (CPython's `ag_closed`); such a
    /// generator is closed synchronously when dropped instead of through the loop's finalizer.
    pub ag_closed: Cell<bool>,
    /// Where "coroutine ... was never awaited" goes when an unstarted coroutine is dropped
    /// (the VM prints it with the line that was running, as CPython does).
    pub warn: Option<Rc<WarnQueue>>,
    /// `cr_origin`: where a coroutine was made while origin tracking was on (asyncio's debug
    /// mode), innermost frame first.
    pub origin: Option<Rc<Vec<OriginFrame>>>,
    pub id: u64,
}

/// One frame of a recorded stack (a coroutine's `cr_origin`, debug mode's `_source_traceback`):
/// file, line, function, and the line's text (kept for the "never awaited" warning, which is
/// printed after the frames are gone), with CPython's file and line where marked.
#[derive(Clone, Debug)]
pub struct OriginFrame {
    pub filename: Rc<str>,
    pub line: u32,
    pub name: Rc<str>,
    pub text: String,
}

impl OriginFrame {
    /// The frame where it is now.
    pub fn of(vm: &Vm, f: &super::frame::Frame) -> Self {
        let co = &f.code.co;
        let shown = vm.shown_line(&co.filename, f.line());
        OriginFrame {
            filename: Rc::from(shown.filename.as_str()),
            line: shown.line,
            name: co.name.clone(),
            text: shown.text.as_deref().unwrap_or("").trim().to_string(),
        }
    }
}

impl PyGen {
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
    pub fn is_running(&self) -> bool {
        self.state.get() == GenState::Running
    }
}

impl Drop for PyGen {
    fn drop(&mut self) {
        if self.state.get() == GenState::Suspended
            && self
                .frame
                .get_mut()
                .as_ref()
                .map(|f| !f.blocks.is_empty())
                .unwrap_or(false)
        {
            if let Some(q) = self.warn.clone() {
                // Hand the frame to a fresh generator object the VM will close.
                let g = PyGen {
                    kind: self.kind,
                    state: Cell::new(GenState::Suspended),
                    frame: RefCell::new(self.frame.get_mut().take()),
                    name: RefCell::new(self.name.borrow().clone()),
                    qualname: RefCell::new(self.qualname.borrow().clone()),
                    code: self.code.clone(),
                    iterable_coroutine: Cell::new(self.iterable_coroutine.get()),
                    ag_running: Cell::new(false),
                    ag_closed: Cell::new(self.ag_closed.get()),
                    warn: None,
                    origin: None,
                    id: self.id,
                };
                if let Ok(mut f) = q.finalize.try_borrow_mut() {
                    f.push(g);
                    q.pending.set(true);
                }
            }
        }
        if self.kind == GenKind::Coroutine && self.state.get() == GenState::Created {
            if let Some(q) = &self.warn {
                let mut msg = format!("coroutine '{}' was never awaited", self.qualname.borrow());
                if let Some(origin) = &self.origin {
                    // warnings._warn_unawaited_coroutine: the origin as traceback.format_list
                    // draws it, outermost first.
                    msg.push_str("\nCoroutine created at (most recent call last)\n");
                    for f in origin.iter().rev() {
                        msg.push_str(&format!(
                            "  File \"{}\", line {}, in {}\n",
                            f.filename, f.line, f.name
                        ));
                        if !f.text.is_empty() {
                            msg.push_str(&format!("    {}\n", f.text));
                        }
                    }
                    msg.truncate(msg.trim_end_matches('\n').len());
                }
                q.items.borrow_mut().push(msg);
                q.pending.set(true);
            }
        }
    }
}

/// What an async generator awaitable (`asend`/`athrow`/`aclose`) does.
#[derive(Clone)]
pub enum AGenOpKind {
    Send(Value),
    Throw(Exc),
    Close,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AGenOpState {
    Init,
    Iter,
    Closed,
}

pub struct AGenOp {
    pub agen: Rc<PyGen>,
    pub kind: AGenOpKind,
    pub state: AGenOpState,
}

use super::exceptions::ExcKind;

/// An asend()/athrow()/aclose() object.
pub fn is_agen_op(v: &Value) -> bool {
    matches!(v, Value::Native(n) if matches!(n.data, NativeData::AsyncGenOp(_)))
}
use super::frame::Entry;
use super::interp::{CallOut, Exit, ResumeHow};
use super::object::{NativeData, NativeObj};
use super::{PyResult, Vm};

impl Vm {
    /// What a coroutine made now records as its `cr_origin` (innermost frame first).
    pub fn coro_origin(&self) -> Vec<OriginFrame> {
        if let Some(h) = self.coro_origin_hook {
            return h(self);
        }
        self.frames
            .iter()
            .rev()
            .take(self.coro_origin_depth)
            .map(|f| OriginFrame::of(self, f))
            .collect()
    }

    fn agen_op(&self, n: &NativeObj) -> Option<(Rc<PyGen>, AGenOpKind, AGenOpState)> {
        match &n.data {
            NativeData::AsyncGenOp(op) => {
                let op = op.borrow();
                Some((op.agen.clone(), op.kind.clone(), op.state))
            }
            _ => None,
        }
    }
    fn set_agen_op_state(n: &NativeObj, st: AGenOpState) {
        if let NativeData::AsyncGenOp(op) = &n.data {
            op.borrow_mut().state = st;
        }
    }

    /// The awaitable's iteration ended (CPython's `async_gen_unwrap_value` on an error): the
    /// generator no longer runs and the awaitable cannot be reused.
    fn agen_op_finish(&self, n: &NativeObj, agen: &PyGen, exc: Option<&Exc>) {
        Self::set_agen_op_state(n, AGenOpState::Closed);
        agen.ag_running.set(false);
        if let Some(e) = exc {
            if self.exc_matches(e, ExcKind::StopAsyncIteration)
                || self.exc_matches(e, ExcKind::GeneratorExit)
            {
                agen.ag_closed.set(true);
            }
        }
    }

    /// `Send` with an async-generator awaitable as receiver (CPython's `async_gen_asend_send`
    /// and `async_gen_athrow_send`): resume the async generator. `CallOut::Value(v)` means the
    /// awaitable finished with `v` without running the generator.
    pub(crate) fn agen_op_send(
        &mut self,
        n: &Rc<NativeObj>,
        v: Value,
        target: u32,
    ) -> PyResult<Option<CallOut>> {
        let Some((agen, kind, _)) = self.agen_op(n) else {
            return Ok(None);
        };
        let how = match self.agen_op_prepare(n, v)? {
            Ok(how) => how,
            Err(done) => return Ok(Some(CallOut::Value(done))),
        };
        match self.gen_resume_frames(&agen, how, Entry::AGenOp(n.clone(), target)) {
            Ok(CallOut::Value(_)) => {
                // A generator that was never started ended at once (closed before its first
                // step): it returned, which the awaitable reports as its end.
                let e = self.new_error_args(ExcKind::StopAsyncIteration, vec![]);
                self.agen_op_end_error(n, &agen, &kind, e)
            }
            Ok(out) => Ok(Some(out)),
            Err(e) => self.agen_op_end_error(n, &agen, &kind, e),
        }
    }

    /// The checks and state changes of a send into an awaitable, up to resuming the
    /// generator: `Ok(how)` to resume it, `Err(v)` when the awaitable is done with `v`.
    fn agen_op_prepare(&mut self, n: &NativeObj, v: Value) -> PyResult<Result<ResumeHow, Value>> {
        let Some((agen, kind, state)) = self.agen_op(n) else {
            return Err(self.type_error("not an async generator awaitable"));
        };
        let how = match (&kind, state) {
            (AGenOpKind::Send(_), AGenOpState::Closed) => {
                return Err(self.runtime_error("cannot reuse already awaited __anext__()/asend()"))
            }
            (AGenOpKind::Send(x), AGenOpState::Init) => {
                if agen.ag_running.get() {
                    return Err(
                        self.runtime_error("anext(): asynchronous generator is already running")
                    );
                }
                Self::set_agen_op_state(n, AGenOpState::Iter);
                ResumeHow::Send(if v.is_none() { x.clone() } else { v })
            }
            (AGenOpKind::Send(_), AGenOpState::Iter) => ResumeHow::Send(v),
            (_, AGenOpState::Closed) => {
                return Err(self.runtime_error("cannot reuse already awaited aclose()/athrow()"))
            }
            _ if agen.state.get() == GenState::Completed => {
                Self::set_agen_op_state(n, AGenOpState::Closed);
                return Ok(Err(Value::None));
            }
            (_, AGenOpState::Init) => {
                let is_close = matches!(kind, AGenOpKind::Close);
                if agen.ag_running.get() {
                    Self::set_agen_op_state(n, AGenOpState::Closed);
                    return Err(self.runtime_error(if is_close {
                        "aclose(): asynchronous generator is already running"
                    } else {
                        "athrow(): asynchronous generator is already running"
                    }));
                }
                if agen.ag_closed.get() {
                    Self::set_agen_op_state(n, AGenOpState::Closed);
                    return Err(self.new_error_args(ExcKind::StopAsyncIteration, vec![]));
                }
                if !v.is_none() {
                    return Err(
                        self.runtime_error("can't send non-None value to a just-started coroutine")
                    );
                }
                Self::set_agen_op_state(n, AGenOpState::Iter);
                match &kind {
                    AGenOpKind::Throw(e) => ResumeHow::Throw(e.clone()),
                    _ => {
                        agen.ag_closed.set(true);
                        ResumeHow::Throw(self.new_error_args(ExcKind::GeneratorExit, vec![]))
                    }
                }
            }
            (_, AGenOpState::Iter) => ResumeHow::Send(v),
        };
        agen.ag_running.set(true);
        Ok(Ok(how))
    }

    /// Resume the generator of an awaitable in a nested loop: the awaitable's `send`/`throw`
    /// methods, called by a Task that drives it (CPython's Task accepts asend()/athrow()
    /// objects as coroutines) or by a script.
    fn agen_op_drive(&mut self, n: &NativeObj, how: ResumeHow) -> PyResult<Value> {
        let Some((agen, kind, _)) = self.agen_op(n) else {
            return Err(self.type_error("not an async generator awaitable"));
        };
        let exit = match self.gen_resume_frames(&agen, how, Entry::Barrier) {
            Err(e) => Exit::Raise(e),
            Ok(out) => match out.normalize() {
                CallOut::Value(_) => Exit::Return(Value::None),
                CallOut::Gen(frames, exc) => {
                    self.enter_native()?;
                    let r = self.run_gen_frames(frames, exc, u64::MAX);
                    self.leave_native();
                    match r {
                        Ok(x) => x,
                        Err(e) => Exit::Raise(e),
                    }
                }
                CallOut::Frame(_) | CallOut::GenFrame(_) => {
                    Exit::Raise(self.runtime_error("unexpected frame"))
                }
            },
        };
        let is_close = matches!(kind, AGenOpKind::Close);
        match exit {
            Exit::Yield(v) => {
                if let Value::Native(w) = &v {
                    if let NativeData::AGenWrapped(inner) = &w.data {
                        self.agen_op_finish(n, &agen, None);
                        if is_close {
                            return Err(self.runtime_error("async generator ignored GeneratorExit"));
                        }
                        return Err(super::exceptions::new_stop_iteration(self, inner.clone()));
                    }
                }
                Ok(v)
            }
            Exit::Return(_) => {
                let e = self.new_error_args(ExcKind::StopAsyncIteration, vec![]);
                self.agen_op_finish(n, &agen, Some(&e));
                if is_close {
                    return Err(super::exceptions::new_stop_iteration(self, Value::None));
                }
                Err(e)
            }
            Exit::Raise(e) => {
                self.agen_op_finish(n, &agen, Some(&e));
                if is_close
                    && (self.exc_matches(&e, ExcKind::GeneratorExit)
                        || self.exc_matches(&e, ExcKind::StopAsyncIteration))
                {
                    return Err(super::exceptions::new_stop_iteration(self, Value::None));
                }
                Err(e)
            }
            Exit::OutOfFuel => Err(self.runtime_error("out of fuel")),
        }
    }

    /// `asend(...).send(v)` / `athrow(...).send(v)`.
    pub(crate) fn agen_op_send_method(&mut self, n: &NativeObj, v: Value) -> PyResult<Value> {
        match self.agen_op_prepare(n, v)? {
            Ok(how) => self.agen_op_drive(n, how),
            Err(done) => Err(super::exceptions::new_stop_iteration(self, done)),
        }
    }

    /// `asend(...).throw(e)` / `athrow(...).throw(e)`: CPython 3.11 throws into the generator
    /// whatever the awaitable's state, without starting the awaitable (so a later `send`
    /// still begins it).
    pub(crate) fn agen_op_throw_method(&mut self, n: &NativeObj, e: Exc) -> PyResult<Value> {
        let Some((_, kind, state)) = self.agen_op(n) else {
            return Err(self.type_error("not an async generator awaitable"));
        };
        if state == AGenOpState::Closed {
            return Err(self.runtime_error(match kind {
                AGenOpKind::Send(_) => "cannot reuse already awaited __anext__()/asend()",
                _ => "cannot reuse already awaited aclose()/athrow()",
            }));
        }
        self.agen_op_drive(n, ResumeHow::Throw(e))
    }

    /// The generator raised `e` out of the awaitable before any frame ran.
    fn agen_op_end_error(
        &mut self,
        n: &NativeObj,
        agen: &PyGen,
        kind: &AGenOpKind,
        e: Exc,
    ) -> PyResult<Option<CallOut>> {
        self.agen_op_finish(n, agen, Some(&e));
        if matches!(kind, AGenOpKind::Close)
            && (self.exc_matches(&e, ExcKind::StopAsyncIteration)
                || self.exc_matches(&e, ExcKind::GeneratorExit))
        {
            return Ok(Some(CallOut::Value(Value::None)));
        }
        Err(e)
    }

    fn agen_of(&self, op: &NativeObj) -> Option<(Rc<PyGen>, AGenOpKind)> {
        self.agen_op(op).map(|(g, k, _)| (g, k))
    }

    pub(crate) fn agen_op_yield(
        &mut self,
        f: &mut Box<super::frame::Frame>,
        op: &Rc<NativeObj>,
        target: u32,
        v: Value,
        base: usize,
    ) -> Option<Exit> {
        if let Value::Native(w) = &v {
            if let NativeData::AGenWrapped(inner) = &w.data {
                if let Some((agen, kind)) = self.agen_of(op) {
                    self.agen_op_finish(op, &agen, None);
                    if let AGenOpKind::Close = kind {
                        let e = self.runtime_error("async generator ignored GeneratorExit");
                        return self.unwind(f, e, base, true, true);
                    }
                }
                f.stack.pop();
                f.stack.push(inner.clone());
                f.pc = target as usize;
                return None;
            }
        }
        f.stack.push(v);
        None
    }

    pub(crate) fn agen_op_return(
        &mut self,
        f: &mut Box<super::frame::Frame>,
        op: &Rc<NativeObj>,
        target: u32,
        base: usize,
    ) -> Option<Exit> {
        let e = self.new_error_args(ExcKind::StopAsyncIteration, vec![]);
        if let Some((agen, kind)) = self.agen_of(op) {
            self.agen_op_finish(op, &agen, Some(&e));
            if let AGenOpKind::Close = kind {
                f.stack.pop();
                f.stack.push(Value::None);
                f.pc = target as usize;
                return None;
            }
        }
        self.unwind(f, e, base, true, true)
    }

    /// The async generator raised through an awaitable; `Some` when the awaitable absorbs it.
    pub(crate) fn agen_op_error(
        &mut self,
        f: &mut Box<super::frame::Frame>,
        op: &Rc<NativeObj>,
        target: u32,
        exc: &super::Exc,
    ) -> Option<Option<Exit>> {
        let (agen, kind) = self.agen_of(op)?;
        self.agen_op_finish(op, &agen, Some(exc));
        if let AGenOpKind::Close = kind {
            if self.exc_matches(exc, ExcKind::GeneratorExit)
                || self.exc_matches(exc, ExcKind::StopAsyncIteration)
            {
                f.stack.pop();
                f.stack.push(Value::None);
                f.pc = target as usize;
                return Some(None);
            }
        }
        None
    }

    /// A throw into a frame awaiting an async generator awaitable (`async_gen_asend_throw`,
    /// `async_gen_athrow_throw`): `Ok(frame)` is the generator's frame to raise in, `Err(e)`
    /// the exception to raise in the awaiting frame instead.
    pub(crate) fn agen_op_throw_frame(
        &mut self,
        n: &Rc<NativeObj>,
        target: u32,
        exc: Exc,
    ) -> Result<Box<super::frame::Frame>, Exc> {
        let Some((agen, kind, state)) = self.agen_op(n) else {
            return Err(exc);
        };
        if state == AGenOpState::Closed {
            return Err(self.runtime_error(match kind {
                AGenOpKind::Send(_) => "cannot reuse already awaited __anext__()/asend()",
                _ => "cannot reuse already awaited aclose()/athrow()",
            }));
        }
        if agen.state.get() != GenState::Suspended {
            return Err(exc);
        }
        let Some(mut fr) = agen.frame.borrow_mut().take() else {
            return Err(exc);
        };
        agen.state.set(GenState::Running);
        fr.entry = Entry::AGenOp(n.clone(), target);
        fr.gen = Some(agen.clone());
        Ok(fr)
    }

    /// `close()` of an awaitable (CPython 3.11's `async_gen_asend_close`): only the awaitable
    /// ends; the generator stays as it is, still marked running.
    pub(crate) fn agen_op_close(&self, n: &NativeObj) {
        Self::set_agen_op_state(n, AGenOpState::Closed);
    }

    pub fn new_agen_op(&self, agen: &Rc<PyGen>, kind: AGenOpKind) -> Value {
        if agen.state.get() == GenState::Created {
            self.agen_first_iter
                .borrow_mut()
                .push(Value::Gen(agen.clone()));
        }
        let name = match kind {
            AGenOpKind::Send(_) => "async_generator_asend",
            _ => "async_generator_athrow",
        };
        self.new_native(
            name,
            NativeData::AsyncGenOp(RefCell::new(AGenOp {
                agen: agen.clone(),
                kind,
                state: AGenOpState::Init,
            })),
        )
    }

    pub(crate) fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Gen(g) = v {
            if g.kind == GenKind::AsyncGenerator {
                return Ok(v.clone());
            }
        }
        let t = self.type_of(v);
        match t.lookup("__aiter__") {
            Some(f) => {
                let it = self.call_descr(&f, v, &t, &[])?;
                if matches!(&it, Value::Gen(g) if g.kind == GenKind::AsyncGenerator) {
                    return Ok(it);
                }
                let it_t = self.type_of(&it);
                if it_t.lookup("__anext__").is_none() {
                    return Err(self.type_error(format!(
                        "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                        it_t.name()
                    )));
                }
                Ok(it)
            }
            None => Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                t.name()
            ))),
        }
    }

    pub(crate) fn get_anext_awaitable(&mut self, it: &Value) -> PyResult<Value> {
        if let Value::Gen(g) = it {
            if g.kind == GenKind::AsyncGenerator {
                return Ok(self.new_agen_op(g, AGenOpKind::Send(Value::None)));
            }
        }
        let t = self.type_of(it);
        match t.lookup("__anext__") {
            Some(f) => {
                let aw = self.call_descr(&f, it, &t, &[])?;
                match &aw {
                    Value::Gen(g) if g.kind == GenKind::Coroutine => Ok(aw),
                    Value::Native(n) if matches!(n.data, NativeData::AsyncGenOp(_)) => Ok(aw),
                    _ => {
                        let at = self.type_of(&aw);
                        match at.lookup("__await__") {
                            Some(a) => self.call_descr(&a, &aw, &at, &[]),
                            None => Err(self.type_error(format!(
                                "'async for' received an invalid object from __anext__: {}",
                                at.name()
                            ))),
                        }
                    }
                }
            }
            None => Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                t.name()
            ))),
        }
    }

    /// `gen.send(v)` etc. called from native code (nested loop).
    pub fn gen_method(&mut self, g: &Rc<PyGen>, how: ResumeHow) -> PyResult<Value> {
        let is_close = matches!(how, ResumeHow::Close);
        let out = self.gen_resume_frames(g, how, Entry::Barrier)?;
        let frames = match out.normalize() {
            CallOut::Value(v) => return Ok(v),
            CallOut::Gen(frames, exc) => (frames, exc),
            CallOut::Frame(_) | CallOut::GenFrame(_) => {
                return Err(self.runtime_error("unexpected frame"))
            }
        };
        self.enter_native()?;
        let r = self.run_gen_frames(frames.0, frames.1, u64::MAX);
        self.leave_native();
        match r? {
            Exit::Yield(v) => {
                if is_close {
                    Err(self.runtime_error(format!("{} ignored GeneratorExit", g.kind_name())))
                } else {
                    Ok(v)
                }
            }
            Exit::Return(v) => {
                if is_close {
                    Ok(Value::None)
                } else if g.kind == GenKind::AsyncGenerator {
                    Err(self.new_error_args(ExcKind::StopAsyncIteration, vec![]))
                } else {
                    Err(super::exceptions::new_stop_iteration(self, v))
                }
            }
            Exit::Raise(e) => {
                if is_close
                    && (self.exc_matches(&e, ExcKind::GeneratorExit)
                        || self.exc_matches(&e, ExcKind::StopIteration))
                {
                    Ok(Value::None)
                } else {
                    Err(e)
                }
            }
            Exit::OutOfFuel => Err(self.runtime_error("out of fuel")),
        }
    }
}
