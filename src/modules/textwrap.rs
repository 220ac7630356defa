//! `textwrap`: CPython 3.11.7's own `textwrap.py` (wrap, fill, shorten, dedent, indent and
//! `TextWrapper`, whose word splitting is a `re` pattern), run by the VM (see `pysource`).
//! Course scripts use it to lay out reports and long log lines. The Python source is from
//! CPython (PSF license).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

const SOURCE: &str = embedded_py!("src/modules/textwrap.py");

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    super::pysource::load(vm, "textwrap", "/usr/lib/python3.11/textwrap.py", SOURCE)
}
