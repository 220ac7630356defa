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
                return _jump(self._parent, ("v", (exc,), {}))
            return _jump(self._parent, ("x", exc))
        return _jump(self, ("x", exc))


def _unpack(payload):
    if payload[0] == "x":
        return payload
    args = payload[1]
    kwargs = payload[2]
    if kwargs:
        if args:
            return ("v", (args, kwargs))
        return ("v", kwargs)
    if len(args) == 1:
        return ("v", args[0])
    return ("v", args)


def _prepare_switch(target, *args, **kwargs):
    return _prepare(target, ("v", args, kwargs))


# Bookkeeping for a switch; the native caller then moves the frames (see greenlet.rs).
def _prepare(target, payload):
    global _current
    cur = getcurrent()
    while target._dead:
        target = target._parent
    if target is cur:
        return ("here", _unpack(payload))
    src = None if cur._dead else cur._seg
    _current = target
    if not target._started:
        target._started = True
        return ("start", src, target, payload)
    return ("resume", src, target._seg, _unpack(payload))


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
    _jump(g._parent, out)
"#;

/// Shown in tracebacks for the Python half above.
const FILENAME: &str = "greenlet.py";

/// The saved frames of a suspended greenlet (outermost first). Boxed like `Vm::frames`, so
/// a switch moves the vector without touching the frames.
#[allow(clippy::vec_box)]
struct Segment(Vec<Box<Frame>>);

fn check_top_level(vm: &Vm) -> PyResult<()> {
    if vm.native_depth != 0 {
        return Err(vm.runtime_error("greenlet.switch() cannot cross a native call in loopscope"));
    }
    Ok(())
}

fn module_global(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(Value::Module(m)) = vm.modules.get_str("greenlet") {
        if let Some(v) = m.dict.get_str(name) {
            return Ok(v);
        }
    }
    Err(vm.runtime_error(format!("greenlet: module helper {name} is missing")))
}

fn items(v: &Value) -> &[Value] {
    match v {
        Value::Tuple(t) => &t.items,
        _ => &[],
    }
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

/// `("v", value)` becomes the result of the resumed `switch()`, `("x", exc)` is raised there.
/// The greenlet machinery's own frames are dropped from the traceback, so it reads like
/// CPython's: the frames of `run`, then the frames of the switch that received it.
fn deliver(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    match items(d) {
        [Value::Str(k), v] if &*k.s == "v" => Ok(v.clone()),
        [Value::Str(k), Value::Instance(e)] if &*k.s == "x" => {
            if let Some(data) = e.exc() {
                data.borrow_mut()
                    .tb
                    .retain(|t| &*t.code.co.filename != FILENAME);
            }
            Err(e.clone())
        }
        _ => Err(vm.type_error("greenlet: bad switch payload")),
    }
}

/// Carry out what `_prepare` decided. Must run as a native called straight from the top-level
/// interpreter loop: after it returns, the loop continues with whatever frame is on top of
/// `vm.frames`, which is the target greenlet's pending `switch()` call.
fn jump(vm: &mut Vm, plan: &Value) -> PyResult<Value> {
    match items(plan) {
        [Value::Str(k), d] if &*k.s == "here" => deliver(vm, d),
        [Value::Str(k), src, Value::Instance(dst), d] if &*k.s == "resume" => {
            let saved = match dst.native::<Segment>() {
                Some(mut s) => std::mem::take(&mut s.0),
                None => return Err(vm.type_error("greenlet: bad segment")),
            };
            if saved.is_empty() {
                return Err(vm.runtime_error("greenlet: cannot resume a greenlet with no frames"));
            }
            detach(vm, src)?;
            vm.frames = saved;
            deliver(vm, d)
        }
        [Value::Str(k), src, g, payload] if &*k.s == "start" => {
            let boot = module_global(vm, "_bootstrap")?;
            let fr = match vm.prepare_call(&boot, vec![g.clone(), payload.clone()], &[])? {
                CallOut::Frame(fr) => fr,
                _ => return Err(vm.type_error("greenlet: _bootstrap must be a Python function")),
            };
            detach(vm, src)?;
            vm.frames.push(fr);
            // The loop pushes this result on the bootstrap frame's empty value stack; it stays
            // unused below everything the function pushes, and the frame never returns.
            Ok(Value::None)
        }
        _ => Err(vm.type_error("greenlet: bad switch plan")),
    }
}

/// `greenlet.switch(self, *args, **kwargs)`. Native so that the frame receiving a value or an
/// exception is the caller's, as with CPython's C implementation.
fn gl_switch(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_top_level(vm)?;
    let prep = module_global(vm, "_prepare_switch")?;
    let plan = vm.call(&prep, args, kw)?;
    jump(vm, &plan)
}

/// `_jump(target, payload)`: the Python half's way to switch (`throw`, the end of `run`).
fn py_jump(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("_jump", args, 2, 2)?;
    check_top_level(vm)?;
    let prep = module_global(vm, "_prepare")?;
    let plan = vm.call(&prep, args, &[])?;
    jump(vm, &plan)
}

fn new_segment(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Type(cls)) => Ok(vm.new_native_instance(cls, Box::new(Segment(Vec::new())))),
        _ => Err(vm.type_error("_new_segment: expected the segment class")),
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let seg = vm.new_native_class("_Segment", "greenlet", &[], None)?;
    let tmp = vm.new_module("_greenlet_natives");
    vm.module_add_fn(&tmp, "_jump", py_jump);
    vm.module_add_fn(&tmp, "_new_segment", new_segment);
    let get = |n: &str| tmp.dict.get_str(n).unwrap_or(Value::None);
    let preset = [
        ("_jump", get("_jump")),
        ("_new_segment", get("_new_segment")),
        ("_Segment", Value::Type(seg)),
    ];
    let m = super::pysource::load_with(vm, "greenlet", FILENAME, SOURCE, &preset)?;
    match m.dict.get_str("greenlet") {
        Some(Value::Type(cls)) => vm.add_method(&cls, "switch", gl_switch),
        _ => return Err(vm.runtime_error("greenlet: class missing")),
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use crate::vm::api::run_source;

    #[test]
    fn uncaught_exception_in_run_reads_like_cpython() {
        let src = "from greenlet import greenlet\ndef bad():\n    1/0\ngreenlet(bad).switch()\n";
        let out = run_source("t.py", src, &[]);
        // python3 with the PyPI greenlet prints exactly this.
        let want = "Traceback (most recent call last):\n  File \"t.py\", line 4, in <module>\n    greenlet(bad).switch()\n  File \"t.py\", line 3, in bad\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n";
        assert_eq!(out.stderr, want);
        assert_eq!(out.exit_code, 1);
    }

    #[test]
    fn switch_across_native_call_is_refused_cleanly() {
        // CPython's greenlet can do this (it copies C stacks); loopscope says so plainly and
        // leaves the greenlet state consistent.
        let src = "from greenlet import greenlet\nmain = greenlet.getcurrent()\n\
def f():\n    sorted([2, 1], key=lambda x: main.switch(x))\n\
g = greenlet(f)\ntry:\n    g.switch()\nexcept RuntimeError as e:\n    print(e)\n\
print(greenlet.getcurrent() is main, g.dead)\n";
        let out = run_source("t.py", src, &[]);
        assert_eq!(
            out.stdout, "greenlet.switch() cannot cross a native call in loopscope\nTrue True\n",
            "{}",
            out.stderr
        );
    }

    #[test]
    fn bad_internal_arguments_raise_instead_of_panicking() {
        let src = "import greenlet as m\nfor a in [(1, 2), (None, ('resume', None, 3, 4))]:\n    try:\n        m._jump(*a)\n    except Exception as e:\n        print(type(e).__name__)\n\
g = m.greenlet(lambda: 1)\ng._seg = 5\ng._started = True\ntry:\n    g.switch()\nexcept Exception as e:\n    print(type(e).__name__)\n";
        let out = run_source("t.py", src, &[]);
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        assert_eq!(out.stdout.lines().count(), 3, "{}", out.stdout);
    }
}
