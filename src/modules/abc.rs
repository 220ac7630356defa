//! `abc`: ABC and abstractmethod (instantiating a class with abstract methods left raises
//! CPython's TypeError). Written in Python and run by the VM (see `pysource`).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

const SOURCE: &str = embedded_py!("src/modules/abc.py");

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    super::pysource::load(vm, "abc", "<loopscope>/abc.py", SOURCE)
}
