// Stats stage; see docs/architecture.md.
