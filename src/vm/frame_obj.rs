//! Frame objects as scripts see them: `gen.gi_frame`, `coro.cr_frame`, `sys._getframe()`,
//! `inspect.currentframe()`, `frame.f_back`, and what asyncio's `Task.get_stack` walks.
//!
//! The VM's frames are plain data on its stack (`Frame`), not script objects, so a frame
//! object is a view: a generator's frame reads the generator's live state at each access (the
//! course's "the frame lives on in the generator": `gi_frame.f_locals` before and after
//! `next(gen)`), a frame on the call stack is captured when asked for (its line, locals and
//! callers at that moment). `f_lasti` counts loopscope's instructions (2 per instruction, as
//! CPython's byte offsets do), so its numbers are not CPython's.

use super::coro::{GenState, PyGen};
use super::dict::PyDict;
use super::frame::Frame;
use super::object::{NativeData, PyCode};
use super::{PyResult, Value, Vm};
use std::rc::Rc;

pub struct FrameObj {
    pub code: Rc<PyCode>,
    pub globals: Rc<PyDict>,
    pub state: FrameState,
}

pub enum FrameState {
    /// The frame of a generator, coroutine or async generator: read live.
    Gen(Rc<PyGen>),
    /// A frame on the call stack: `index` in the VM's stack. Read live while that frame is
    /// still there; what it held when it was asked for once it has returned.
    Captured {
        index: usize,
        line: u32,
        lasti: i64,
        locals: Rc<PyDict>,
        back: Value,
    },
}

/// `f_locals`: arguments and locals that are bound, then cell and free variables, as CPython's
/// `frame.f_locals` (and `locals()`) list them. The compiler's own temporaries (`$m0`, a
/// `match` subject) are not the script's: CPython keeps those on its value stack.
pub fn frame_locals(f: &Frame) -> Rc<PyDict> {
    if let Some(d) = &f.locals_dict {
        return d.clone();
    }
    let co = &f.code.co;
    let d = PyDict::new();
    for (n, v) in co.varnames.iter().zip(&f.locals) {
        if !v.is_null() && !n.starts_with('$') {
            d.set_str(n, v.clone());
        }
    }
    for (n, cell) in co.cellvars.iter().chain(&co.freevars).zip(&f.cells) {
        let v = cell.value.borrow();
        if !v.is_null() && !n.starts_with('$') {
            d.set_str(n, v.clone());
        }
    }
    Rc::new(d)
}

fn lasti_of(f: &Frame) -> i64 {
    i64::from(f.lasti()) * 2
}

impl Vm {
    /// The frame object for `vm.frames[index]` and its callers (`f_back`).
    pub fn frame_object(&self, index: usize) -> Value {
        let mut back = Value::None;
        for (index, f) in self.frames.iter().take(index + 1).enumerate() {
            let state = match &f.gen {
                Some(g) => FrameState::Gen(g.clone()),
                None => FrameState::Captured {
                    index,
                    line: f.line(),
                    lasti: lasti_of(f),
                    locals: frame_locals(f),
                    back,
                },
            };
            back = self.new_native(
                "frame",
                NativeData::Frame(Rc::new(FrameObj {
                    code: f.code.clone(),
                    globals: f.globals.clone(),
                    state,
                })),
            );
        }
        back
    }

    /// `gen.gi_frame` (`cr_frame`, `ag_frame`): None once the generator has finished.
    pub fn gen_frame_object(&self, g: &Rc<PyGen>) -> Value {
        if g.state.get() == GenState::Completed {
            return Value::None;
        }
        let globals = match &*g.frame.borrow() {
            Some(f) => f.globals.clone(),
            None => match self.frames.iter().find(|f| is_gen(f, g)) {
                Some(f) => f.globals.clone(),
                None => return Value::None,
            },
        };
        self.new_native(
            "frame",
            NativeData::Frame(Rc::new(FrameObj {
                code: g.code.clone(),
                globals,
                state: FrameState::Gen(g.clone()),
            })),
        )
    }

    /// Apply `f` to a generator's frame: its own while suspended, the one on the VM's stack
    /// while it runs.
    fn with_gen_frame<R>(&self, g: &Rc<PyGen>, f: impl FnOnce(Option<&Frame>) -> R) -> R {
        if let Some(fr) = &*g.frame.borrow() {
            return f(Some(fr));
        }
        f(self.frames.iter().find(|fr| is_gen(fr, g)).map(|b| &**b))
    }
}

impl FrameObj {
    /// The VM's frame this captured frame object stands for, while it is still running.
    fn live<'a>(&self, vm: &'a Vm) -> Option<&'a Frame> {
        let FrameState::Captured { index, .. } = &self.state else {
            return None;
        };
        let f = vm.frames.get(*index)?;
        (Rc::ptr_eq(&f.code, &self.code) && Rc::ptr_eq(&f.globals, &self.globals)).then_some(&**f)
    }
}

fn is_gen(f: &Frame, g: &Rc<PyGen>) -> bool {
    f.gen.as_ref().is_some_and(|x| Rc::ptr_eq(x, g))
}

fn this(vm: &mut Vm, v: &Value) -> PyResult<Rc<FrameObj>> {
    match v {
        Value::Native(n) => match &n.data {
            NativeData::Frame(f) => Ok(f.clone()),
            _ => Err(vm.type_error("descriptor needs a frame")),
        },
        _ => Err(vm.type_error("descriptor needs a frame")),
    }
}

fn g_code(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Code(this(vm, v)?.code.clone()))
}

fn g_globals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Dict(this(vm, v)?.globals.clone()))
}

fn g_lineno(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let fo = this(vm, v)?;
    let line = match &fo.state {
        FrameState::Captured { line, .. } => fo.live(vm).map_or(*line, Frame::line),
        // A generator that has not started is at its `def` line, as in CPython.
        FrameState::Gen(g) => vm.with_gen_frame(g, |f| match f {
            Some(f) if f.pc > 0 => f.line(),
            _ => fo.code.co.first_line,
        }),
    };
    Ok(Value::Int(i64::from(line)))
}

fn g_lasti(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let fo = this(vm, v)?;
    Ok(Value::Int(match &fo.state {
        FrameState::Captured { lasti, .. } => fo.live(vm).map_or(*lasti, lasti_of),
        FrameState::Gen(g) => vm.with_gen_frame(g, |f| f.map_or(-1, lasti_of)),
    }))
}

fn g_locals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let fo = this(vm, v)?;
    Ok(Value::Dict(match &fo.state {
        FrameState::Captured { locals, .. } => {
            fo.live(vm).map_or_else(|| locals.clone(), frame_locals)
        }
        FrameState::Gen(g) => vm.with_gen_frame(g, |f| {
            f.map_or_else(|| Rc::new(PyDict::new()), frame_locals)
        }),
    }))
}

fn g_back(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let fo = this(vm, v)?;
    Ok(match &fo.state {
        FrameState::Captured { back, .. } => back.clone(),
        // A suspended generator's frame has no caller; a running one's is whoever resumed it.
        FrameState::Gen(g) => match vm.frames.iter().position(|f| is_gen(f, g)) {
            Some(i) if i > 0 => vm.frame_object(i - 1),
            _ => Value::None,
        },
    })
}

fn frame_repr(vm: &mut Vm, args: &[Value], _kw: &super::KwArgs) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    let fo = this(vm, &v)?;
    let line = g_lineno(vm, &v)?;
    let addr = vm.addr_of(&v);
    Ok(Value::str(&format!(
        "<frame at {addr}, file '{}', line {}, code {}>",
        fo.code.co.filename,
        vm.repr(&line)?,
        fo.code.co.name
    )))
}

/// The `frame` type's attributes.
pub fn install(vm: &mut Vm) {
    let Some(t) = vm.types.misc.get("frame").cloned() else {
        return;
    };
    vm.add_getset(&t, "f_code", g_code, None);
    vm.add_getset(&t, "f_globals", g_globals, None);
    vm.add_getset(&t, "f_lineno", g_lineno, None);
    vm.add_getset(&t, "f_lasti", g_lasti, None);
    vm.add_getset(&t, "f_locals", g_locals, None);
    vm.add_getset(&t, "f_back", g_back, None);
    vm.add_method(&t, "__repr__", frame_repr);
}

fn tb_this(vm: &mut Vm, v: &Value) -> PyResult<Rc<super::exceptions::Traceback>> {
    match v {
        Value::Native(n) => match &n.data {
            NativeData::Traceback(t) if !t.entries.is_empty() => Ok(t.clone()),
            _ => Err(vm.type_error("descriptor needs a traceback")),
        },
        _ => Err(vm.type_error("descriptor needs a traceback")),
    }
}

/// The entry a traceback object stands for: its list's last (outermost) one.
fn tb_entry(vm: &mut Vm, v: &Value) -> PyResult<(super::exceptions::TbEntry, usize)> {
    let t = tb_this(vm, v)?;
    let n = t.entries.len();
    Ok((t.entries[n - 1].clone(), n))
}

fn g_tb_lineno(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (e, _) = tb_entry(vm, v)?;
    Ok(Value::Int(i64::from(e.code.co.line_of(e.lasti as usize))))
}

fn g_tb_lasti(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (e, _) = tb_entry(vm, v)?;
    Ok(Value::Int(i64::from(e.lasti) * 2))
}

fn g_tb_next(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = tb_this(vm, v)?;
    let n = t.entries.len();
    if n < 2 {
        return Ok(Value::None);
    }
    let entries = t.entries[..n - 1].to_vec();
    Ok(vm.new_native(
        "traceback",
        NativeData::Traceback(Rc::new(super::exceptions::Traceback { entries })),
    ))
}

/// `tb.tb_frame`: the frame itself while it still runs; once it has returned, its code and
/// the line the exception passed (a traceback keeps no more of it: locals and globals read
/// empty).
fn g_tb_frame(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (e, _) = tb_entry(vm, v)?;
    // A frame still running (the one that caught the exception, its callers) is live.
    if let Some(i) = vm.frames.iter().position(|f| f.id == e.frame_id) {
        return Ok(vm.frame_object(i));
    }
    let line = e.code.co.line_of(e.lasti as usize);
    Ok(vm.new_native(
        "frame",
        NativeData::Frame(Rc::new(FrameObj {
            code: e.code.clone(),
            globals: Rc::new(PyDict::new()),
            state: FrameState::Captured {
                index: usize::MAX,
                line,
                lasti: i64::from(e.lasti) * 2,
                locals: Rc::new(PyDict::new()),
                back: Value::None,
            },
        })),
    ))
}

/// The `traceback` type's attributes.
pub fn install_traceback(vm: &mut Vm) {
    let Some(t) = vm.types.misc.get("traceback").cloned() else {
        return;
    };
    vm.add_getset(&t, "tb_lineno", g_tb_lineno, None);
    vm.add_getset(&t, "tb_lasti", g_tb_lasti, None);
    vm.add_getset(&t, "tb_next", g_tb_next, None);
    vm.add_getset(&t, "tb_frame", g_tb_frame, None);
}
