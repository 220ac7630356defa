//! Exceptions: the built-in hierarchy, the per-exception data (`args`, `__context__`,
//! `__cause__`, `__traceback__`) and traceback entries.

use super::object::PyCode;
use std::rc::Rc;

/// The built-in exception classes, in an order where every class comes after its bases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExcKind {
    BaseException,
    BaseExceptionGroup,
    Exception,
    GeneratorExit,
    KeyboardInterrupt,
    SystemExit,
    ArithmeticError,
    AssertionError,
    AttributeError,
    BufferError,
    EOFError,
    ImportError,
    LookupError,
    MemoryError,
    NameError,
    OSError,
    ReferenceError,
    RuntimeError,
    StopAsyncIteration,
    StopIteration,
    SyntaxError,
    SystemError,
    TypeError,
    ValueError,
    Warning,
    FloatingPointError,
    OverflowError,
    ZeroDivisionError,
    BytesWarning,
    DeprecationWarning,
    EncodingWarning,
    FutureWarning,
    ImportWarning,
    PendingDeprecationWarning,
    ResourceWarning,
    RuntimeWarning,
    SyntaxWarning,
    UnicodeWarning,
    UserWarning,
    BlockingIOError,
    ChildProcessError,
    ConnectionError,
    FileExistsError,
    FileNotFoundError,
    InterruptedError,
    IsADirectoryError,
    NotADirectoryError,
    PermissionError,
    ProcessLookupError,
    TimeoutError,
    IndentationError,
    IndexError,
    KeyError,
    ModuleNotFoundError,
    NotImplementedError,
    RecursionError,
    UnboundLocalError,
    UnicodeError,
    BrokenPipeError,
    ConnectionAbortedError,
    ConnectionRefusedError,
    ConnectionResetError,
    TabError,
    UnicodeDecodeError,
    UnicodeEncodeError,
    UnicodeTranslateError,
    ExceptionGroup,
}

/// (kind, name, bases) for every built-in exception class.
pub const EXC_TABLE: &[(ExcKind, &str, &[ExcKind])] = &[
    (ExcKind::BaseException, "BaseException", &[]),
    (
        ExcKind::BaseExceptionGroup,
        "BaseExceptionGroup",
        &[ExcKind::BaseException],
    ),
    (ExcKind::Exception, "Exception", &[ExcKind::BaseException]),
    (
        ExcKind::GeneratorExit,
        "GeneratorExit",
        &[ExcKind::BaseException],
    ),
    (
        ExcKind::KeyboardInterrupt,
        "KeyboardInterrupt",
        &[ExcKind::BaseException],
    ),
    (ExcKind::SystemExit, "SystemExit", &[ExcKind::BaseException]),
    (
        ExcKind::ArithmeticError,
        "ArithmeticError",
        &[ExcKind::Exception],
    ),
    (
        ExcKind::AssertionError,
        "AssertionError",
        &[ExcKind::Exception],
    ),
    (
        ExcKind::AttributeError,
        "AttributeError",
        &[ExcKind::Exception],
    ),
    (ExcKind::BufferError, "BufferError", &[ExcKind::Exception]),
    (ExcKind::EOFError, "EOFError", &[ExcKind::Exception]),
    (ExcKind::ImportError, "ImportError", &[ExcKind::Exception]),
    (ExcKind::LookupError, "LookupError", &[ExcKind::Exception]),
    (ExcKind::MemoryError, "MemoryError", &[ExcKind::Exception]),
    (ExcKind::NameError, "NameError", &[ExcKind::Exception]),
    (ExcKind::OSError, "OSError", &[ExcKind::Exception]),
    (
        ExcKind::ReferenceError,
        "ReferenceError",
        &[ExcKind::Exception],
    ),
    (ExcKind::RuntimeError, "RuntimeError", &[ExcKind::Exception]),
    (
        ExcKind::StopAsyncIteration,
        "StopAsyncIteration",
        &[ExcKind::Exception],
    ),
    (
        ExcKind::StopIteration,
        "StopIteration",
        &[ExcKind::Exception],
    ),
    (ExcKind::SyntaxError, "SyntaxError", &[ExcKind::Exception]),
    (ExcKind::SystemError, "SystemError", &[ExcKind::Exception]),
    (ExcKind::TypeError, "TypeError", &[ExcKind::Exception]),
    (ExcKind::ValueError, "ValueError", &[ExcKind::Exception]),
    (ExcKind::Warning, "Warning", &[ExcKind::Exception]),
    (
        ExcKind::FloatingPointError,
        "FloatingPointError",
        &[ExcKind::ArithmeticError],
    ),
    (
        ExcKind::OverflowError,
        "OverflowError",
        &[ExcKind::ArithmeticError],
    ),
    (
        ExcKind::ZeroDivisionError,
        "ZeroDivisionError",
        &[ExcKind::ArithmeticError],
    ),
    (ExcKind::BytesWarning, "BytesWarning", &[ExcKind::Warning]),
    (
        ExcKind::DeprecationWarning,
        "DeprecationWarning",
        &[ExcKind::Warning],
    ),
    (
        ExcKind::EncodingWarning,
        "EncodingWarning",
        &[ExcKind::Warning],
    ),
    (ExcKind::FutureWarning, "FutureWarning", &[ExcKind::Warning]),
    (ExcKind::ImportWarning, "ImportWarning", &[ExcKind::Warning]),
    (
        ExcKind::PendingDeprecationWarning,
        "PendingDeprecationWarning",
        &[ExcKind::Warning],
    ),
    (
        ExcKind::ResourceWarning,
        "ResourceWarning",
        &[ExcKind::Warning],
    ),
    (
        ExcKind::RuntimeWarning,
        "RuntimeWarning",
        &[ExcKind::Warning],
    ),
    (ExcKind::SyntaxWarning, "SyntaxWarning", &[ExcKind::Warning]),
    (
        ExcKind::UnicodeWarning,
        "UnicodeWarning",
        &[ExcKind::Warning],
    ),
    (ExcKind::UserWarning, "UserWarning", &[ExcKind::Warning]),
    (
        ExcKind::BlockingIOError,
        "BlockingIOError",
        &[ExcKind::OSError],
    ),
    (
        ExcKind::ChildProcessError,
        "ChildProcessError",
        &[ExcKind::OSError],
    ),
    (
        ExcKind::ConnectionError,
        "ConnectionError",
        &[ExcKind::OSError],
    ),
    (
        ExcKind::FileExistsError,
        "FileExistsError",
        &[ExcKind::OSError],
    ),
    (
        ExcKind::FileNotFoundError,
        "FileNotFoundError",
        &[ExcKind::OSError],
    ),
    (
        ExcKind::InterruptedError,
        "InterruptedError",
        &[ExcKind::OSError],
    ),
    (
        ExcKind::IsADirectoryError,
        "IsADirectoryError",
        &[ExcKind::OSError],
    ),
    (
        ExcKind::NotADirectoryError,
        "NotADirectoryError",
        &[ExcKind::OSError],
    ),
    (
        ExcKind::PermissionError,
        "PermissionError",
        &[ExcKind::OSError],
    ),
    (
        ExcKind::ProcessLookupError,
        "ProcessLookupError",
        &[ExcKind::OSError],
    ),
    (ExcKind::TimeoutError, "TimeoutError", &[ExcKind::OSError]),
    (
        ExcKind::IndentationError,
        "IndentationError",
        &[ExcKind::SyntaxError],
    ),
    (ExcKind::IndexError, "IndexError", &[ExcKind::LookupError]),
    (ExcKind::KeyError, "KeyError", &[ExcKind::LookupError]),
    (
        ExcKind::ModuleNotFoundError,
        "ModuleNotFoundError",
        &[ExcKind::ImportError],
    ),
    (
        ExcKind::NotImplementedError,
        "NotImplementedError",
        &[ExcKind::RuntimeError],
    ),
    (
        ExcKind::RecursionError,
        "RecursionError",
        &[ExcKind::RuntimeError],
    ),
    (
        ExcKind::UnboundLocalError,
        "UnboundLocalError",
        &[ExcKind::NameError],
    ),
    (
        ExcKind::UnicodeError,
        "UnicodeError",
        &[ExcKind::ValueError],
    ),
    (
        ExcKind::BrokenPipeError,
        "BrokenPipeError",
        &[ExcKind::ConnectionError],
    ),
    (
        ExcKind::ConnectionAbortedError,
        "ConnectionAbortedError",
        &[ExcKind::ConnectionError],
    ),
    (
        ExcKind::ConnectionRefusedError,
        "ConnectionRefusedError",
        &[ExcKind::ConnectionError],
    ),
    (
        ExcKind::ConnectionResetError,
        "ConnectionResetError",
        &[ExcKind::ConnectionError],
    ),
    (ExcKind::TabError, "TabError", &[ExcKind::IndentationError]),
    (
        ExcKind::UnicodeDecodeError,
        "UnicodeDecodeError",
        &[ExcKind::UnicodeError],
    ),
    (
        ExcKind::UnicodeEncodeError,
        "UnicodeEncodeError",
        &[ExcKind::UnicodeError],
    ),
    (
        ExcKind::UnicodeTranslateError,
        "UnicodeTranslateError",
        &[ExcKind::UnicodeError],
    ),
    (
        ExcKind::ExceptionGroup,
        "ExceptionGroup",
        &[ExcKind::BaseExceptionGroup, ExcKind::Exception],
    ),
];

/// One traceback entry: a frame's code and the instruction that was executing.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<PyCode>,
    pub lasti: u32,
    pub frame_id: u64,
    /// The local variables (and cells) of the frame, once the exception has ended it: CPython's
    /// traceback holds the frame object, which keeps them alive until the traceback dies (the
    /// `except` block that caught it ends, or the task that stored it is freed).
    pub keep: Option<Rc<[Value]>>,
}

impl TbEntry {
    /// An entry that keeps nothing alive (a frame still running, or none at all).
    pub fn new(code: Rc<PyCode>, lasti: u32, frame_id: u64) -> TbEntry {
        TbEntry {
            code,
            lasti,
            frame_id,
            keep: None,
        }
    }
    /// The entry for frame `f` where it stands now.
    pub fn of_frame(f: &super::frame::Frame) -> TbEntry {
        TbEntry::new(f.code.clone(), f.tb_lasti(), f.id)
    }
}

/// `__traceback__` as a list; entries are appended as the exception travels outwards, so the
/// last entry is the outermost frame (CPython prepends to its linked list).
#[derive(Clone, Default)]
pub struct Traceback {
    pub entries: Vec<TbEntry>,
}

/// The state of an exception instance.
#[derive(Default)]
pub struct ExcData {
    /// Always a tuple.
    pub args: super::value::Value,
    pub context: Option<super::value::Value>,
    pub cause: Option<super::value::Value>,
    pub suppress_context: bool,
    pub tb: Vec<TbEntry>,
}

use super::value::Value;
use super::{Exc, Vm};

/// `StopIteration.value`: the first arg, or None.
pub fn stop_value(e: &Exc) -> Value {
    if let Some(v) = e.dict.borrow().get("value") {
        return v.clone();
    }
    match e.exc().map(|d| d.borrow().args.clone()) {
        Some(Value::Tuple(t)) => t.items.first().cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// `StopIteration(value)` as a generator's `return value` raises it (no args for None).
pub fn new_stop_iteration(vm: &Vm, v: Value) -> Exc {
    let args = if v.is_none() { vec![] } else { vec![v] };
    vm.new_error_args(ExcKind::StopIteration, args)
}

/// `exc.__traceback__`.
pub fn traceback_value(vm: &Vm, e: &Exc) -> Value {
    let entries = match e.exc() {
        Some(d) => d.borrow().tb.clone(),
        None => return Value::None,
    };
    if entries.is_empty() {
        return Value::None;
    }
    vm.new_native(
        "traceback",
        super::object::NativeData::Traceback(Rc::new(Traceback { entries })),
    )
}

impl Vm {
    /// `OSError(errno, msg)` picks the subclass for the errno (as CPython), and
    /// `BaseExceptionGroup(msg, excs)` becomes `ExceptionGroup` when all are Exceptions.
    pub fn exc_subclass_for(&self, t: &Rc<super::PyType>, args: &[Value]) -> Rc<super::PyType> {
        if Rc::ptr_eq(t, &self.exc_type(ExcKind::OSError)) && args.len() >= 2 {
            if let Value::Int(errno) = &args[0] {
                let kind = match errno {
                    2 => Some(ExcKind::FileNotFoundError),
                    13 | 1 => Some(ExcKind::PermissionError),
                    17 => Some(ExcKind::FileExistsError),
                    104 => Some(ExcKind::ConnectionResetError),
                    111 => Some(ExcKind::ConnectionRefusedError),
                    103 => Some(ExcKind::ConnectionAbortedError),
                    110 => Some(ExcKind::TimeoutError),
                    32 => Some(ExcKind::BrokenPipeError),
                    11 | 115 | 114 => Some(ExcKind::BlockingIOError),
                    4 => Some(ExcKind::InterruptedError),
                    10 => Some(ExcKind::ChildProcessError),
                    3 => Some(ExcKind::ProcessLookupError),
                    21 => Some(ExcKind::IsADirectoryError),
                    20 => Some(ExcKind::NotADirectoryError),
                    _ => None,
                };
                if let Some(k) = kind {
                    return self.exc_type(k);
                }
            }
        }
        if Rc::ptr_eq(t, &self.exc_type(ExcKind::BaseExceptionGroup)) && args.len() == 2 {
            let exc = self.exc_type(ExcKind::Exception);
            let all_exc = match &args[1] {
                Value::List(l) => l.items.borrow().iter().all(|e| self.isinstance(e, &exc)),
                Value::Tuple(t) => t.items.iter().all(|e| self.isinstance(e, &exc)),
                _ => false,
            };
            if all_exc {
                return self.exc_type(ExcKind::ExceptionGroup);
            }
        }
        t.clone()
    }

    /// What `BaseExceptionGroup.__new__` checks (Objects/exceptions.c).
    pub fn check_exc_group_args(
        &self,
        t: &Rc<super::PyType>,
        args: &[Value],
    ) -> super::PyResult<()> {
        if !t.is_subtype(&self.exc_type(ExcKind::BaseExceptionGroup)) {
            return Ok(());
        }
        if args.len() != 2 {
            return Err(self.type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                args.len()
            )));
        }
        if !matches!(args[0], Value::Str(_)) {
            return Err(self.type_error(format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                self.type_name(&args[0])
            )));
        }
        let items: Vec<Value> = match &args[1] {
            Value::List(l) => l.items.borrow().clone(),
            Value::Tuple(t) => t.items.to_vec(),
            _ => {
                return Err(self.type_error("second argument (exceptions) must be a sequence"));
            }
        };
        if items.is_empty() {
            return Err(
                self.value_error("second argument (exceptions) must be a non-empty sequence")
            );
        }
        let base = self.exc_type(ExcKind::BaseException);
        let exc = self.exc_type(ExcKind::Exception);
        let nest_check = t.is_subtype(&exc);
        for (i, e) in items.iter().enumerate() {
            if !self.isinstance(e, &base) {
                return Err(self.value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
            if nest_check && !self.isinstance(e, &exc) {
                return Err(self.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
            }
        }
        Ok(())
    }
}
