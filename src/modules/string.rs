//! `string`: CPython 3.11.7's own `string.py`, unchanged (the constants, `capwords`,
//! `Template`, whose `$name` / `${name}` pattern is a `re` pattern, and `Formatter`), run by the
//! VM (see `pysource`). `Formatter`'s C helpers, the module `_string`, are string_c.py. The
//! Python sources are from CPython (PSF license).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init_c(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/string_c.py").text(vm, "_string")?;
    super::pysource::load(vm, "_string", "<loopscope>/_string.py", &text)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/string.py").text(vm, "string")?;
    super::pysource::load(vm, "string", "/usr/lib/python3.11/string.py", &text)
}
