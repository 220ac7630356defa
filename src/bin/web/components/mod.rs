//! Small function components with typed props, one per file.

pub mod control_bar;
pub mod editor;
pub mod header;
pub mod panel;
