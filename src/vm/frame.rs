//! Frames as plain data. A suspended generator keeps its frame inside the generator object; a
//! running one sits on the VM's frame stack.

use super::coro::PyGen;
use super::dict::PyDict;
use super::object::{PyCell, PyCode, PyFunction};
use super::value::Value;
use super::Exc;
use std::rc::Rc;

/// A `SetupFinally` handler.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub handler: u32,
    pub depth: u32,
}

/// What the caller does with this frame's outcome (a return, a yield, or an exception).
#[derive(Clone)]
pub enum Entry {
    /// A plain call: push the return value on the caller's stack.
    Call,
    /// `cls(...)` running `__init__`: the caller gets the instance (and `__init__` must return
    /// None).
    Init(Value),
    /// A class body run by `__build_class__`: on return, build the class.
    ClassBody(Box<super::builtins::ClassSpec>),
    /// Generator resumed by `next()`/`send()`/`throw()` called from Python: a yield is the call's
    /// result, a return raises StopIteration(value) in the caller.
    GenCall,
    /// Generator resumed by `gen.close()`: a yield is RuntimeError, GeneratorExit/StopIteration
    /// mean None.
    GenClose,
    /// Resumed by `ForIter(target)`: a yield pushes the item; a return ends the loop.
    ForIter(u32),
    /// Resumed by `Send(target)` (yield from / await): a yield falls through to the caller's
    /// `YieldValue`; a return pushes the value and jumps.
    Send(u32),
    /// Async generator resumed by an `asend`/`athrow`/`aclose` awaitable that the caller awaits
    /// with `Send(target)`: a wrapped (own) yield finishes the awaitable; other yields (awaits
    /// inside the async generator) pass through to the caller.
    AGenOp(Rc<super::object::NativeObj>, u32),
    /// Run from Rust (`Vm::call`, `Vm::resume`, the top-level module): the loop returns.
    Barrier,
}

pub struct Frame {
    pub code: Rc<PyCode>,
    /// `code.instrs`, one pointer hop closer for the dispatch loop.
    pub instrs: Rc<[crate::lang::bytecode::Instr]>,
    /// Converted constants and names of `code` (cached here for the hot loop).
    pub consts: Rc<[Value]>,
    pub names: Rc<[Value]>,
    /// Index of the next instruction.
    pub pc: usize,
    pub stack: Vec<Value>,
    pub locals: Vec<Value>,
    /// cellvars ++ freevars.
    pub cells: Vec<Rc<PyCell>>,
    pub blocks: Vec<Block>,
    pub globals: Rc<PyDict>,
    /// Module and class bodies: the namespace `LoadName`/`StoreName` use.
    pub locals_dict: Option<Rc<PyDict>>,
    pub func: Option<Rc<PyFunction>>,
    /// Pending `KwNames` for the next call.
    pub kwnames: Option<Value>,
    /// The exception being handled in this frame (`PushExcInfo`/`PopExcept`), for bare
    /// `raise` and `__context__`.
    pub handled: Option<Exc>,
    pub entry: Entry,
    /// The generator that owns this frame, while it runs.
    pub gen: Option<Rc<PyGen>>,
    /// Suspended at the `YieldValue` that follows a `Send` (a `yield from`/`await`): the
    /// delegated-to iterator is on top of the stack.
    pub in_yield_from: bool,
    /// Last line reported to the line hook.
    pub last_line: u32,
    pub id: u64,
}

impl Frame {
    /// Index of the instruction being executed (for tracebacks).
    pub fn lasti(&self) -> u32 {
        self.pc.saturating_sub(1) as u32
    }
    /// `lasti` for a traceback entry: a generator thrown into before its first step has run
    /// no instruction, and CPython places it on the function's first line (its `def`, or its
    /// first decorator) with no carets; an index past the code does that (`line_of`).
    pub fn tb_lasti(&self) -> u32 {
        if self.pc == 0 {
            u32::MAX
        } else {
            self.lasti()
        }
    }
    pub fn line(&self) -> u32 {
        self.code.co.line_of(self.tb_lasti() as usize)
    }
}
