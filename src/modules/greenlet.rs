//! `greenlet`: the PyPI package's switchable micro-threads, enough for teaching demos.
//!
//! A greenlet can `switch()` away at any Python call depth, so a switch must suspend every
//! frame of the running greenlet, not just one (as a generator does). The VM keeps the running
//! frames in `Vm::frames` and, while a native function runs, the calling frame is on top of it
//! too; after the native returns, the loop pops the top frame and pushes the result on it.
//! So a native `_swap` that moves the whole frame stack into the current greenlet's segment and
//! puts the target's saved segment in its place makes the loop continue in the target, with the
//! result landing in the target's own pending `_swap` call. No interpreter hook is needed and
//! nothing recurses on the Rust stack.
//!
//! That only holds while all greenlets live in the top-level interpreter loop: frames below a
//! nested loop (native code that called back into Python) belong to a Rust caller and cannot
//! move, so `_swap` refuses when `native_depth` is not 0.
//!
//! The bookkeeping (parents, dead, payload packing, exceptions) is Python below, which keeps
//! greenlet's semantics readable; only the frame moves are native.

use crate::vm::frame::Frame;
use crate::vm::interp::CallOut;
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

const SOURCE: &str = r#"
class GreenletExit(BaseException):
    pass


class error(Exception):
    pass


_current = None


def getcurrent():
    global _current
    if _current is None:
        m = greenlet.__new__(greenlet)
        m._parent = None
        m._seg = _new_segment(_Segment)
        m._started = True
        m._dead = False
        m._main = True
        _current = m
    return _current


class greenlet:
    def __init__(self, run=None, parent=None):
        if run is not None:
            self.run = run
        self._parent = parent if parent is not None else getcurrent()
        self._seg = _new_segment(_Segment)
        self._started = False
        self._dead = False
        self._main = False

    getcurrent = staticmethod(getcurrent)

    @property
    def parent(self):
        return self._parent

    @parent.setter
    def parent(self, p):
        q = p
        while q is not None:
            if q is self:
                raise ValueError("cyclic parent chain")
            q = q._parent
        self._parent = p

    @property
    def dead(self):
        return self._started and self._dead

    def __bool__(self):
        return self._started and not self._dead

    def switch(self, *args, **kwargs):
        return _switch(self, ("v", args, kwargs))

    def throw(self, typ=GreenletExit, val=None, tb=None):
        if isinstance(typ, BaseException):
            exc = typ
        elif val is None:
            exc = typ()
        elif isinstance(val, BaseException):
            exc = val
        else:
            exc = typ(val)
        if not self._started:
            # Never run: it dies at once, as if run() had raised exc.
            self._started = True
            self._dead = True
            if isinstance(exc, GreenletExit):
                return _switch(self.parent, ("v", (exc,), {}))
            return _switch(self.parent, ("x", exc))
        return _switch(self, ("x", exc))


def _unpack(args, kwargs):
    if kwargs:
        if args:
            return (args, kwargs)
        return kwargs
    if len(args) == 1:
        return args[0]
    return args


def _switch(target, payload):
    global _current
    cur = getcurrent()
    while target._dead:
        target = target._parent
    if target is cur:
        return _deliver(payload)
    src = None if cur._dead else cur._seg
    _current = target
    if not target._started:
        target._started = True
        got = _swap_start(src, _bootstrap, target, payload)
    else:
        got = _swap(src, target._seg, payload)
    return _deliver(got)


def _deliver(payload):
    if payload[0] == "x":
        raise payload[1]
    return _unpack(payload[1], payload[2])


def _bootstrap(g, payload):
    try:
        if payload[0] == "x":
            raise payload[1]
        result = g.run(*payload[1], **payload[2])
    except GreenletExit as e:
        out = ("v", (e,), {})
    except BaseException as e:
        out = ("x", e)
    else:
        out = ("v", (result,), {})
    g._dead = True
    _switch(g._parent, out)
"#;

/// The saved frames of a suspended greenlet (outermost first).
struct Segment(Vec<Box<Frame>>);

fn check_top_level(vm: &Vm) -> PyResult<()> {
    if vm.native_depth != 0 {
        return Err(vm.runtime_error("greenlet.switch() cannot cross a native call in loopscope"));
    }
    Ok(())
}

/// Move the running frames into `src` (or drop them when the greenlet died).
fn detach(vm: &mut Vm, src: &Value) -> PyResult<()> {
    let frames = std::mem::take(&mut vm.frames);
    match src {
        Value::Instance(i) => match i.native::<Segment>() {
            Some(mut s) => {
                s.0 = frames;
                Ok(())
            }
            None => {
                vm.frames = frames;
                Err(vm.type_error("greenlet: bad segment"))
            }
        },
        _ => Ok(()),
    }
}

/// `_swap(src, dst, value)`: suspend the running greenlet into `src`, resume the one saved in
/// `dst`; `value` becomes the result of the `_swap` call `dst` is suspended in.
fn swap(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("_swap", args, 3, 3)?;
    check_top_level(vm)?;
    let (Some(src), Some(Value::Instance(dst)), Some(v)) = (args.first(), args.get(1), args.get(2))
    else {
        return Err(vm.type_error("_swap: bad arguments"));
    };
    let saved = match dst.native::<Segment>() {
        Some(mut s) => std::mem::take(&mut s.0),
        None => return Err(vm.type_error("_swap: bad segment")),
    };
    if saved.is_empty() {
        return Err(vm.new_error(
            crate::vm::ExcKind::SystemError,
            "greenlet: cannot resume a greenlet with no frames",
        ));
    }
    detach(vm, src)?;
    vm.frames = saved;
    Ok(v.clone())
}

/// `_swap_start(src, bootstrap, g, payload)`: suspend the running greenlet into `src` and start
/// `bootstrap(g, payload)` on an empty frame stack.
fn swap_start(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("_swap_start", args, 4, 4)?;
    check_top_level(vm)?;
    let (Some(src), Some(boot), Some(g), Some(p)) =
        (args.first(), args.get(1), args.get(2), args.get(3))
    else {
        return Err(vm.type_error("_swap_start: bad arguments"));
    };
    let fr = match vm.prepare_call(boot, vec![g.clone(), p.clone()], &[])? {
        CallOut::Frame(fr) => fr,
        _ => return Err(vm.type_error("_swap_start: bootstrap must be a Python function")),
    };
    detach(vm, src)?;
    vm.frames.push(fr);
    // The loop pushes this result on the bootstrap frame's (empty) value stack; it stays
    // unused below everything the function pushes, and the frame never returns normally.
    Ok(Value::None)
}

fn new_segment(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Type(cls)) => Ok(vm.new_native_instance(cls, Box::new(Segment(Vec::new())))),
        _ => Err(vm.type_error("_new_segment: expected the segment class")),
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let seg = vm.new_native_class("_Segment", "greenlet", &[], None)?;
    let mk = |vm: &mut Vm, name: &str, f: crate::vm::NativeFn| {
        let m = vm.new_module("_tmp");
        vm.module_add_fn(&m, name, f);
        m.dict.get_str(name).unwrap_or(Value::None)
    };
    let preset = [
        ("_swap", mk(vm, "_swap", swap)),
        ("_swap_start", mk(vm, "_swap_start", swap_start)),
        ("_new_segment", mk(vm, "_new_segment", new_segment)),
        ("_Segment", Value::Type(seg)),
    ];
    super::pysource::load_with(vm, "greenlet", "greenlet.py", SOURCE, &preset)
}
