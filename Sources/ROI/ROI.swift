// ROI stage; see docs/architecture.md.
