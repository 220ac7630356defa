//! The record of a run: events plus periodic snapshots, the input of the visualizer.
