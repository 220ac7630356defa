//! `string`: CPython 3.11.7's own `string.py` (the constants, `capwords` and `Template`, whose
//! `$name` / `${name}` pattern is a `re` pattern), run by the VM (see `pysource`). The file ends
//! before `Formatter`, which needs the C module `_string`. The Python source is from CPython
//! (PSF license).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/string.py").text(vm, "string")?;
    super::pysource::load(vm, "string", "/usr/lib/python3.11/string.py", &text)
}
