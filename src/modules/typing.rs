//! `typing`: the names scripts import for annotations (loopscope does not evaluate
//! annotations), with CPython's reprs (`typing.Optional[int]`, `~T`). Written in Python and run
//! by the VM (see `pysource`).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

const SOURCE: &str = embedded_py!("src/modules/typing.py");

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    super::pysource::load(vm, "typing", "<loopscope>/typing.py", SOURCE)
}
