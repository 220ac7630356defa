//! `typing`: the names scripts import for annotations (loopscope does not evaluate
//! annotations), with CPython's reprs (`typing.Optional[int]`, `~T`). Written in Python and run
//! by the VM (see `pysource`).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/typing.py").text(vm, "typing")?;
    super::pysource::load(vm, "typing", "<loopscope>/typing.py", &text)
}
