//! Small function components with typed props, one per file.

pub mod breakpoints;
pub mod console;
pub mod control_bar;
pub mod editor;
pub mod gallery;
pub mod header;
pub mod help;
pub mod io_waits;
pub mod narration;
pub mod panel;
pub mod predict;
pub mod primitives;
pub mod ready_queue;
pub mod share;
pub mod source_view;
pub mod tasks;
pub mod timeline;
pub mod timers;
pub mod window;
