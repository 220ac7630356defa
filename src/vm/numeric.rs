//! Python number semantics on i64/f64, with CPython 3.11's results and error messages.

/// The Python exception class a failed operation maps to; the VM turns it into a real exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrKind {
    ValueError,
    TypeError,
    OverflowError,
    ZeroDivisionError,
    MemoryError,
}

/// An error raised by a numeric or formatting helper: the exception class and CPython's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErr {
    pub kind: ErrKind,
    pub msg: String,
}

impl PyErr {
    pub fn new(kind: ErrKind, msg: impl Into<String>) -> PyErr {
        PyErr {
            kind,
            msg: msg.into(),
        }
    }
    pub fn value(msg: impl Into<String>) -> PyErr {
        PyErr::new(ErrKind::ValueError, msg)
    }
    pub fn type_err(msg: impl Into<String>) -> PyErr {
        PyErr::new(ErrKind::TypeError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> PyErr {
        PyErr::new(ErrKind::OverflowError, msg)
    }
    pub fn zero_div(msg: impl Into<String>) -> PyErr {
        PyErr::new(ErrKind::ZeroDivisionError, msg)
    }
}
