//! `contextlib`: CPython 3.11.7's own `contextlib.py`, run by the VM (see `pysource`). Only the
//! imports of modules loopscope lacks (abc, os, _collections_abc, types.MethodType) are
//! replaced, line for line, so line numbers in tracebacks match CPython's.
//! The Python source is from CPython (PSF license).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/contextlib.py").text(vm, "contextlib")?;
    super::pysource::load(vm, "contextlib", "/usr/lib/python3.11/contextlib.py", &text)
}
