//! `datetime`: CPython 3.11.7's own pure-Python `datetime.py`, run by the VM unchanged (see
//! `pysource`); its `from _datetime import *` finds no C accelerator, as CPython allows.
//! On the virtual clock `datetime.now()` reads the run's clock: 1970-01-01 00:00:00 at the start
//! (the `time` module says why). The Python source is from CPython (PSF license).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/datetime.py").text(vm, "datetime")?;
    let marker = super::pysource::c_type_marker(vm);
    super::pysource::load_with(
        vm,
        "datetime",
        "/usr/lib/python3.11/datetime.py",
        &text,
        &[("_c_type", marker)],
    )
}
