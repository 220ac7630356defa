//! `dataclasses`: CPython 3.11's own Lib/dataclasses.py run by the VM (see `pysource`), so
//! generated `__init__`/`__repr__`/`__eq__`/ordering/frozen behaviour and error messages are
//! CPython's. The few stdlib pieces the VM lacks are replaced inside the source.

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/dataclasses.py").text(vm, "dataclasses")?;
    super::pysource::load(vm, "dataclasses", "<loopscope>/dataclasses.py", &text)
}
