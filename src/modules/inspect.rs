//! `inspect`: generator/coroutine states and the is* predicates, as Python source
//! (`inspect.py`, written after CPython 3.11's Lib/inspect.py) run by the VM.

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/inspect.py").text(vm, "inspect")?;
    super::pysource::load(vm, "inspect", "<loopscope>/inspect.py", &text)
}
