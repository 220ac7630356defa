//! `enum`: Enum, auto, unique and the EnumType metaclass, written in Python (`enum.py`) and run
//! by the VM (see `pysource`).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

const SOURCE: &str = embedded_py!("src/modules/enum.py");

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    super::pysource::load(vm, "enum", "<loopscope>/enum.py", SOURCE)
}
