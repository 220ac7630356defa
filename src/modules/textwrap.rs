//! `textwrap`: CPython 3.11.7's own `textwrap.py` (wrap, fill, shorten, dedent, indent and
//! `TextWrapper`, whose word splitting is a `re` pattern), run by the VM (see `pysource`).
//! Course scripts use it to lay out reports and long log lines. The Python source is from
//! CPython (PSF license).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/textwrap.py").text(vm, "textwrap")?;
    super::pysource::load(vm, "textwrap", "/usr/lib/python3.11/textwrap.py", &text)
}
